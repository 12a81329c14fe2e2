import Resolver from '@forge/resolver';
import { guardedDefinitions } from './guard';
import { parsePeopleSearch, searchPeople } from '../app/people/peopleSearch';
import type { PeopleFunctions, PeopleSearchPayload, PeopleSearchResult } from '../contract/people';
import { defineAll, type Implementing } from './envelope';

/**
 * The `searchPeople` function every page with a people picker offers: the payload checked, the search
 * run as the caller (src/app/people). Resolvers built from a function map spread `peopleFunctions()`;
 * pages whose resolver routes by function key (itr-home, the issue panel) route to `handler`.
 */

/** The function keys, for resolvers that route by key (src/entry/routeByFunctionKey.ts); compile-time complete. */
export const PEOPLE_KEYS: Readonly<Record<keyof PeopleFunctions, true>> = { searchPeople: true };

/** `search` is a parameter so the parsing can be tested alone; the default asks Jira as the caller. */
export function peopleFunctions(
  search: (payload: PeopleSearchPayload) => Promise<PeopleSearchResult> = (p) => searchPeople(p),
): Implementing<PeopleFunctions> {
  return { searchPeople: (payload) => search(parsePeopleSearch(payload)) };
}

export const handler = guardedDefinitions(defineAll(new Resolver(), peopleFunctions()));
