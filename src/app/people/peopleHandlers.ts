/**
 * The `searchPeople` resolver function every page with a people picker exposes: the payload checked,
 * the search run as the caller, the answer wrapped in the envelope. Entry files only spread it in.
 */
import type { ResolverResult } from '../../contract/envelope';
import type { PeopleFunctions, PeopleSearchPayload, PeopleSearchResult } from '../../contract/people';
import { parsePeopleSearch, PeopleSearchError, searchPeople } from './peopleSearch';

export type PeopleHandler = (
  payload: unknown,
  context: Record<string, unknown>,
) => Promise<ResolverResult<PeopleSearchResult>>;

/** The function keys, for resolvers that route by key (src/entry/routeByFunctionKey.ts); compile-time complete. */
export const PEOPLE_KEYS: Readonly<Record<keyof PeopleFunctions, true>> = { searchPeople: true };

/** `search` is a parameter so the parsing can be tested alone; the default asks Jira as the caller. */
export function peopleHandlers(
  search: (payload: PeopleSearchPayload) => Promise<PeopleSearchResult> = (p) => searchPeople(p),
): Record<keyof PeopleFunctions, PeopleHandler> {
  return {
    searchPeople: async (payload) => {
      try {
        return { success: true, data: await search(parsePeopleSearch(payload)) };
      } catch (e) {
        if (e instanceof PeopleSearchError)
          return { success: false, errors: [{ code: e.code, message: e.message, path: e.path, params: e.params }] };
        // Jira's own failures (rate limit, outage) keep their JiraError code through the entry's guard.
        throw e;
      }
    },
  };
}
