import Resolver from '@forge/resolver';
import { confirmationMissing } from '../app/audit/confirmation';
import { guardedDefinitions } from './guard';
import { CaseLibrary } from '../app/cases/caseLibrary';
import type { CaseLibraryFunctions, CaseStatus } from '../contract/cases';
import type { ResolverResult } from '../contract/envelope';
import { toServerErrorCode } from '../contract/errorCodes';

/**
 * The case library's resolver functions, served through the `itr-home` global page's and the issue
 * panel's resolvers (see routeByFunctionKey). It only parses the payload and calls the use case; who the
 * caller is comes from the invocation context, never the payload.
 */

function invalid(message: string, path: string): ResolverResult<never> {
  return { success: false, errors: [{ code: 'INVALID_PAYLOAD', message, path }] };
}
function record(payload: unknown): Record<string, unknown> {
  return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
    ? (payload as Record<string, unknown>)
    : {};
}
function accountIdOf(context: Record<string, unknown>): string | undefined {
  return typeof context['accountId'] === 'string' ? context['accountId'] : undefined;
}
function id(p: Record<string, unknown>): number | undefined {
  const v = p['id'];
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
}
function opt(p: Record<string, unknown>, k: string): string | undefined {
  return typeof p[k] === 'string' && p[k] !== '' ? p[k] : undefined;
}
function statuses(p: Record<string, unknown>): CaseStatus[] | undefined {
  const v = p['statuses'];
  return Array.isArray(v)
    ? v.filter((s): s is CaseStatus => s === 'draft' || s === 'published' || s === 'retired')
    : undefined;
}
function limit(p: Record<string, unknown>): number | undefined {
  return typeof p['limit'] === 'number' ? p['limit'] : undefined;
}

export type Handlers = Record<
  string,
  (payload: unknown, context: Record<string, unknown>) => Promise<ResolverResult<unknown>>
>;

/** Every function of the resolver, by key; `library` is a parameter so parsing can be tested alone. */
export function handlers(library: CaseLibrary = new CaseLibrary()): Handlers {
  return {
    searchCases: async (payload, context) => {
      const p = record(payload);
      if (typeof p['text'] !== 'string') return invalid('text must be a string', 'text');
      const st = statuses(p);
      const product = opt(p, 'product');
      const tag = opt(p, 'tag');
      const language = opt(p, 'language');
      const lim = limit(p);
      return library.searchCases(accountIdOf(context), {
        text: p['text'],
        ...(st ? { statuses: st } : {}),
        ...(product ? { product } : {}),
        ...(tag ? { tag } : {}),
        ...(language ? { language } : {}),
        ...(lim !== undefined ? { limit: lim } : {}),
      });
    },
    listCases: async (payload, context) => {
      const p = record(payload);
      const st = statuses(p);
      const product = opt(p, 'product');
      const tag = opt(p, 'tag');
      const language = opt(p, 'language');
      const lim = limit(p);
      return library.listCases(accountIdOf(context), {
        ...(st ? { statuses: st } : {}),
        ...(product ? { product } : {}),
        ...(tag ? { tag } : {}),
        ...(language ? { language } : {}),
        ...(lim !== undefined ? { limit: lim } : {}),
      });
    },
    suggestCases: async (payload, context) => {
      const p = record(payload);
      const key = opt(p, 'issueKey');
      if (key === undefined) return invalid('issueKey is required', 'issueKey');
      return library.suggestCases(accountIdOf(context), key, limit(p) ?? 5);
    },
    getCase: async (payload, context) => {
      const i = id(record(payload));
      return i === undefined ? invalid('id must be a case id', 'id') : library.getCase(accountIdOf(context), i);
    },
    saveCase: async (payload, context) => {
      const p = record(payload);
      const i = p['id'] === undefined ? undefined : id(p);
      if (p['id'] !== undefined && i === undefined) return invalid('id must be a case id', 'id');
      const rev = typeof p['expectedRevision'] === 'number' ? p['expectedRevision'] : undefined;
      const sources = Array.isArray(p['sourceIssues'])
        ? p['sourceIssues'].filter((k): k is string => typeof k === 'string')
        : undefined;
      return library.saveCase(accountIdOf(context), {
        id: i,
        expectedRevision: rev,
        content: p['content'],
        sourceIssues: sources,
      });
    },
    retireCase: async (payload, context) => {
      const i = id(record(payload));
      if (i === undefined) return invalid('id must be a case id', 'id');
      return (
        confirmationMissing(payload, 'Retiring hides the case from suggestions and searches') ??
        library.retireCase(accountIdOf(context), i)
      );
    },
    createCaseFromIssue: async (payload, context) => {
      const key = opt(record(payload), 'issueKey');
      return key === undefined
        ? invalid('issueKey is required', 'issueKey')
        : library.createCaseFromIssue(accountIdOf(context), key);
    },
    markCaseHelpful: async (payload, context) => {
      const p = record(payload);
      const i = id(p);
      const key = opt(p, 'issueKey');
      if (i === undefined) return invalid('id must be a case id', 'id');
      return key === undefined
        ? invalid('issueKey is required', 'issueKey')
        : library.markCaseHelpful(accountIdOf(context), i, key);
    },
    markCaseNotRelevant: async (payload, context) => {
      const p = record(payload);
      const i = id(p);
      const key = opt(p, 'issueKey');
      if (i === undefined) return invalid('id must be a case id', 'id');
      return key === undefined
        ? invalid('issueKey is required', 'issueKey')
        : library.markCaseNotRelevant(accountIdOf(context), i, key);
    },
  };
}

const resolver = new Resolver();
for (const [key, fn] of Object.entries(handlers())) {
  resolver.define(key, async ({ payload, context }) => {
    try {
      return await fn(payload, context);
    } catch (e) {
      const code = toServerErrorCode(typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined);
      return { success: false, errors: [{ code, message: e instanceof Error ? e.message : String(e) }] };
    }
  });
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
};

export const handler = guardedDefinitions(resolver);
