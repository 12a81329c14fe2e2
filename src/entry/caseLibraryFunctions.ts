import Resolver from '@forge/resolver';
import { requireConfirmation } from '../app/audit/confirmation';
import { guardedDefinitions } from './guard';
import { CaseLibrary } from '../app/cases/caseLibrary';
import { getCaseHabit, getCaseSearchIssue, recordCaseSearch } from '../app/cases/caseHabit';
import type { CaseLibraryFunctions, CaseStatus } from '../contract/cases';
import { answering, defineAll, type AnsweringFunction, type Context, type Implementing } from './envelope';
import { callerOf, fieldsOf, invalidPayload, issueKey, limit, text, wholeNumber } from './payload';

/**
 * The case library's resolver functions, served through the `itr-home` global page's and the issue
 * panel's resolvers (see routeByFunctionKey). It only parses the payload and calls the use case; who the
 * caller is comes from the invocation context, never the payload.
 */

/** Most hits a search or suggestion answers, and most cases a list answers (the library's own caps). */
const SEARCH_LIMIT_MAX = 50;
const LIST_LIMIT_MAX = 200;
/** Suggestions the panel shows when it does not say how many. */
const SUGGESTIONS = 5;

const caseId = (payload: unknown): number => wholeNumber(payload, 'id', { min: 1 });
/** A filter text: absent or empty means no filter. */
function filter(p: Record<string, unknown>, k: string): string | undefined {
  return typeof p[k] === 'string' && p[k] !== '' ? p[k] : undefined;
}
function statuses(p: Record<string, unknown>): CaseStatus[] | undefined {
  const v = p['statuses'];
  return Array.isArray(v)
    ? v.filter((s): s is CaseStatus => s === 'draft' || s === 'published' || s === 'retired')
    : undefined;
}
/** The filters searches and lists share; each only when given (exactOptionalPropertyTypes). */
function filters(payload: unknown, max: number) {
  const p = fieldsOf(payload);
  const [st, product, tag, language, lim] = [
    statuses(p),
    filter(p, 'product'),
    filter(p, 'tag'),
    filter(p, 'language'),
    limit(payload, max),
  ];
  return {
    ...(st ? { statuses: st } : {}),
    ...(product ? { product } : {}),
    ...(tag ? { tag } : {}),
    ...(language ? { language } : {}),
    ...(lim !== undefined ? { limit: lim } : {}),
  };
}

/**
 * The issue a search was made for (the case-library habit, issue 17): from the library page, the issue the
 * user named (absent: none; recordCaseSearch checks, as the caller, that they may browse it); from a panel,
 * it must be the panel's own issue (the context's, set by Jira, not the iframe).
 */
function searchedForIssue(payload: unknown, context: Context): string | undefined {
  if (fieldsOf(payload)['issueKey'] === undefined) return undefined;
  const requested = issueKey(payload);
  const own = fieldsOf(fieldsOf(fieldsOf(context['extension'])['issue']))['key'];
  if (typeof own === 'string' && own !== requested)
    invalidPayload('issueKey', `payload.issueKey ${requested} is not the panel's issue ${own}`, {
      issueKey: requested,
    });
  return requested;
}

/** Every function of the resolver, by key, answering the envelope; `library` is a parameter so parsing can be tested alone. */
export function handlers(library: CaseLibrary = new CaseLibrary()): Record<string, AnsweringFunction> {
  return answering(functions(library));
}

function functions(library: CaseLibrary): Implementing<CaseLibraryFunctions> {
  return {
    searchCases: async (payload, context) => {
      const query = text(payload, 'text');
      const forIssue = searchedForIssue(payload, context);
      const hits = await library.searchCases(callerOf(context), { text: query, ...filters(payload, SEARCH_LIMIT_MAX) });
      // Recorded once the search answered: who searched for the issue, when and for what.
      if (forIssue !== undefined) await recordCaseSearch(callerOf(context), forIssue, { query, source: 'search' });
      return hits;
    },
    listCases: (payload, context) => library.listCases(callerOf(context), filters(payload, LIST_LIMIT_MAX)),
    suggestCases: async (payload, context) => {
      const key = issueKey(payload);
      const suggestions = await library.suggestCases(
        callerOf(context),
        key,
        limit(payload, SEARCH_LIMIT_MAX) ?? SUGGESTIONS,
      );
      // The habit on the issue goes with its suggestions: the panel's case section reads both at once.
      return { ...suggestions, habit: await getCaseHabit(key, callerOf(context)) };
    },
    getCase: (payload, context) => library.getCase(callerOf(context), caseId(payload)),
    saveCase: (payload, context) => {
      const p = fieldsOf(payload);
      const id = p['id'] === undefined ? undefined : caseId(payload);
      const expectedRevision =
        p['expectedRevision'] === undefined ? undefined : wholeNumber(payload, 'expectedRevision', { min: 0 });
      const sources = Array.isArray(p['sourceIssues'])
        ? p['sourceIssues'].filter((k): k is string => typeof k === 'string')
        : undefined;
      return library.saveCase(callerOf(context), {
        id,
        expectedRevision,
        content: p['content'],
        sourceIssues: sources,
      });
    },
    retireCase: (payload, context) => {
      const id = caseId(payload);
      requireConfirmation(payload, 'Retiring hides the case from suggestions and searches');
      return library.retireCase(callerOf(context), id);
    },
    createCaseFromIssue: (payload, context) => library.createCaseFromIssue(callerOf(context), issueKey(payload)),
    // Judging a suggested case is consulting the library for the issue too: recorded with the case's title.
    markCaseHelpful: async (payload, context) => {
      const marked = await library.markCaseHelpful(callerOf(context), caseId(payload), issueKey(payload));
      await recordCaseSearch(callerOf(context), issueKey(payload), { query: marked.title, source: 'suggestion' });
      return marked;
    },
    markCaseNotRelevant: async (payload, context) => {
      const marked = await library.markCaseNotRelevant(callerOf(context), caseId(payload), issueKey(payload));
      await recordCaseSearch(callerOf(context), issueKey(payload), { query: marked.title, source: 'suggestion' });
      return marked;
    },
    getCaseSearchIssue: (payload, context) => getCaseSearchIssue(callerOf(context), issueKey(payload)),
  };
}

/** Every function this resolver defines; pages that share a resolver route by it (compile-time complete). */
export const CASE_LIBRARY_KEYS: Record<keyof CaseLibraryFunctions, true> = {
  searchCases: true,
  listCases: true,
  suggestCases: true,
  getCase: true,
  saveCase: true,
  retireCase: true,
  createCaseFromIssue: true,
  markCaseHelpful: true,
  markCaseNotRelevant: true,
  getCaseSearchIssue: true,
};

export const handler = guardedDefinitions(defineAll(new Resolver(), functions(new CaseLibrary())));
