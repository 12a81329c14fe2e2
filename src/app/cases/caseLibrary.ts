/**
 * Case library use cases (案例库, itr-process §4): create (by hand or from a resolved issue), edit with
 * history, retire, search and suggest with Jira permissions applied, and feedback that feeds ranking.
 *
 * Permissions: a case whose source issue the user may not browse is never shown. The candidates'
 * source issues are checked with one JQL search `key in (...)` as the user: Jira returns only what
 * they may browse (a deleted issue hides its cases too).
 *
 * Who may write (issue 13): anyone signed in may save a new draft (and anyone who may browse an issue
 * may draft a case from it); its author may edit it while it is a draft. Publishing, editing another's
 * or a published case, and retiring need the case editor role: the triage role's groups (the neutral
 * third party curates the library) or a Jira administrator, asked of Jira as the caller. Every save
 * and retirement is recorded in the audit log.
 */
import { jiraAsApp, jiraAsUser, JiraError, JiraErrorCode, type JiraClient, type JiraIssue } from '../../adapters/jira';
import { FieldsNotInstalledError, lookUpFieldIds } from '../fields/fieldIds';
import type {
  CaseContent,
  CaseHit,
  CaseListRequest,
  CaseRecord,
  CaseSearchRequest,
  CaseStatus,
  CaseSuggestions,
  CaseVersion,
} from '../../contract/cases';
import {
  bilingualExpansion,
  type CompiledTermList,
  cutNoise,
  DEFAULT_NOISE_CUT,
  DEFAULT_SEARCH_PARAMS,
  type FieldTexts,
  type Feedback,
  highlight,
  isCjkTerm,
  matchedWords,
  type NoiseCut,
  preferProduct,
  rerankWithFeedback,
  type SearchParams,
} from '../../domain/caseSearch';
import { recordAudit } from '../audit/auditLog';
import { loadSearchTermList } from './caseGlossary';
import { NotAuthorizedError } from '../auth/authorization';
import { hasTriageRole, loadTriageRole } from '../triage/triageRole';
import {
  CASE_TAGS_MAX,
  STATEMENT_VALUES_MAX_BYTES,
  statementValueBytes,
  tooLong,
  type StoredValue,
} from '../../domain/storageLimits';
import { timed, type SearchProbe } from '../ports/caseIndex';
import { pageLimit } from '../../domain/pageLimit';
import { isIssueKey } from '../../domain/jiraKeys';
import { repositories } from '../ports';
import { ItrError } from '../itrError';

/** Candidates read back from the index before filtering by status and permission. */
const CANDIDATES = 100;
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 50;

function s(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
/** What the index sees of a case: title; symptom and the analysis; product, version and tags. */
export function caseTexts(c: CaseContent): FieldTexts {
  return {
    title: c.title,
    body: [c.symptom, c.environment, c.rootCause, c.shortTermMeasure, c.longTermMeasure].join('\n'),
    meta: [c.product, c.productVersion, ...c.tags].join(' '),
  };
}

function guessLanguage(c: CaseContent): string {
  if (c.language === 'en' || c.language === 'zh-CN') return c.language;
  return isCjkTerm(`${c.title}${c.symptom}`) ? 'zh-CN' : 'en';
}

/** Why content is refused: a bad shape (INVALID_PAYLOAD) or a value over its stored limit (VALUE_TOO_LONG). */
export interface ContentProblem {
  code: 'INVALID_PAYLOAD' | 'VALUE_TOO_LONG';
  message: string;
  path?: string;
  params?: Record<string, string | number>;
}

/** Each content field and the stored limit it is held to (src/domain/storageLimits.ts). */
const CONTENT_LIMITS: ReadonlyArray<[keyof CaseContent, StoredValue]> = [
  ['title', 'caseTitle'],
  ['symptom', 'caseText'],
  ['product', 'caseProduct'],
  ['productVersion', 'caseProductVersion'],
  ['environment', 'caseText'],
  ['rootCause', 'caseText'],
  ['shortTermMeasure', 'caseText'],
  ['longTermMeasure', 'caseText'],
  ['language', 'caseLanguage'],
];

/**
 * Checks free input into content; errors name the field. A value over what its column holds is
 * refused (VALUE_TOO_LONG), never cut; so is content whose revision snapshot would not fit in one
 * Forge SQL request (1 MiB).
 */
export function checkContent(raw: unknown): CaseContent | ContentProblem {
  if (typeof raw !== 'object' || raw === null) return { code: 'INVALID_PAYLOAD', message: 'content must be an object' };
  const r = raw as Record<string, unknown>;
  const text = (k: string): string => (typeof r[k] === 'string' ? r[k].trim() : '');
  const status = r['status'] ?? 'draft';
  if (status !== 'draft' && status !== 'published' && status !== 'retired')
    return { code: 'INVALID_PAYLOAD', message: 'status must be draft, published or retired' };
  const tags = Array.isArray(r['tags'])
    ? (r['tags'] as unknown[])
        .filter((t): t is string => typeof t === 'string')
        .map((t) => t.trim().replace(/,/g, ' '))
        .filter((t) => t.length > 0)
    : [];
  if (tags.length > CASE_TAGS_MAX)
    return {
      code: 'VALUE_TOO_LONG',
      message: `at most ${CASE_TAGS_MAX} tags`,
      path: 'tags',
      params: { field: 'tags', size: tags.length, max: CASE_TAGS_MAX, unit: 'items' },
    };
  const c: CaseContent = {
    title: text('title'),
    symptom: text('symptom'),
    product: text('product'),
    productVersion: text('productVersion'),
    environment: text('environment'),
    rootCause: text('rootCause'),
    shortTermMeasure: text('shortTermMeasure'),
    longTermMeasure: text('longTermMeasure'),
    language: text('language'),
    tags,
    status,
  };
  for (const [field, kind] of CONTENT_LIMITS) {
    const refused = tooLong(c[field] as string, kind, field);
    if (refused) return refused;
  }
  const joinedTags = tooLong(tags.join(','), 'caseTags', 'tags');
  if (joinedTags) return joinedTags;
  const request = statementValueBytes([JSON.stringify(c)]);
  if (request > STATEMENT_VALUES_MAX_BYTES) {
    return {
      code: 'VALUE_TOO_LONG',
      message: `the case is ${request} bytes as stored; at most ${STATEMENT_VALUES_MAX_BYTES} fit in one Forge SQL request`,
      path: 'content',
      params: { field: 'content', size: request, max: STATEMENT_VALUES_MAX_BYTES, unit: 'bytes' },
    };
  }
  if (c.title === '') return { code: 'INVALID_PAYLOAD', message: 'title is required', path: 'title' };
  return c;
}

/** `checkContent` with the reason as text (the backup's validation lists it under the case's path). */
export function validateContent(raw: unknown): CaseContent | string {
  const c = checkContent(raw);
  return 'code' in c ? c.message : c;
}

export interface CaseLibraryDeps {
  now: () => Date;
  /** Jira as the resolver's caller (`asUser()`). */
  jiraFor: () => JiraClient;
  /** Reads the app's field list as the app (the product and grade fields' site ids). */
  jiraAsApp: () => JiraClient;
  params: SearchParams;
  /** When the panel suggests nothing rather than filler (params.ts). */
  noiseCut: NoiseCut;
  /** Told how long each phase of a search took and which terms it kept (the benchmark); absent in the app. */
  searchProbe?: SearchProbe | undefined;
  /** Whether the caller holds the case editor role (triage groups or Jira admin), asked as the caller. */
  isCaseEditor: () => Promise<boolean>;
  /**
   * The bilingual term list a query is expanded with (built-in IT-support words and the admin's
   * glossary, src/app/cases/caseGlossary.ts); `undefined` searches the user's words only.
   */
  termList: () => Promise<CompiledTermList | undefined>;
}

export class CaseLibrary {
  private readonly deps: CaseLibraryDeps;

  constructor(deps: Partial<CaseLibraryDeps> = {}) {
    this.deps = {
      now: () => new Date(),
      jiraFor: () => jiraAsUser(),
      jiraAsApp: () => jiraAsApp(),
      params: DEFAULT_SEARCH_PARAMS,
      noiseCut: DEFAULT_NOISE_CUT,
      isCaseEditor: async () => hasTriageRole(jiraAsUser(), await loadTriageRole()),
      termList: () => loadSearchTermList(),
      ...deps,
    };
  }

  // ----- reading ---------------------------------------------------------------------------------

  private rows(ids: number[]): Promise<CaseRecord[]> {
    return repositories().cases.casesByIds(ids);
  }

  async load(id: number): Promise<CaseRecord | undefined> {
    return (await this.rows([id]))[0];
  }

  /** Keeps the cases the user may see: every source issue must be browsable by them (one Jira search). */
  private async visible(accountId: string | undefined, cases: CaseRecord[]): Promise<CaseRecord[]> {
    const keys = [...new Set(cases.flatMap((c) => c.sourceIssues))];
    if (keys.length === 0) return cases;
    const allowed = new Set<string>();
    for await (const page of this.deps
      .jiraFor()
      .searchJql(`key in (${keys.join(', ')})`, { fields: ['summary'], pageSize: 100 })) {
      for (const issue of page.issues) if (issue.key !== undefined) allowed.add(issue.key);
    }
    return cases.filter((c) => c.sourceIssues.every((k) => allowed.has(k)));
  }

  /** The cases with these ids the user may see (any order): one read and one Jira search. */
  async visibleCases(accountId: string | undefined, ids: readonly number[]): Promise<CaseRecord[]> {
    if (ids.length === 0) return [];
    return this.visible(accountId, await this.rows([...new Set(ids)]));
  }

  async getCase(accountId: string | undefined, id: number): Promise<{ case: CaseRecord; history: CaseVersion[] }> {
    const c = await this.load(id);
    if (c === undefined || (await this.visible(accountId, [c])).length === 0)
      throw new ItrError('CASE_NOT_FOUND', `no case ${id}`);
    const history = await repositories().cases.versionsOf(id);
    return { case: c, history };
  }

  async listCases(accountId: string | undefined, req: CaseListRequest): Promise<CaseRecord[]> {
    const statuses = req.statuses?.length ? req.statuses : (['draft', 'published'] as CaseStatus[]);
    const limit = pageLimit(req.limit, MAX_LIMIT, 200);
    const ids = await repositories().cases.listIds({ statuses, product: req.product, language: req.language }, limit);
    const rows = (await this.rows(ids)).filter((c) => req.tag === undefined || c.tags.includes(req.tag));
    const order = new Map(ids.map((id, i) => [id, i]));
    const seen = await this.visible(accountId, rows);
    return seen.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  }

  // ----- search ----------------------------------------------------------------------------------

  private async hits(
    accountId: string | undefined,
    texts: FieldTexts,
    filter: {
      statuses: CaseStatus[];
      product?: string | undefined;
      tag?: string | undefined;
      language?: string | undefined;
      /** The issue's product: a case for it is preferred among near ties, never matched on it alone. */
      preferProduct?: string | null;
    },
    limit: number,
    /** `suggest`: unasked suggestions, the whole noise cut; `search`: a typed search, the floor only. */
    purpose: 'suggest' | 'search',
  ): Promise<CaseHit[]> {
    const probe = this.deps.searchProbe;
    // Cross-language: the other language's words of the bilingual list join the query, weighted below
    // the user's. They show only as the case's own words (matchedWords), never as if typed.
    const list = await this.deps.termList();
    const expand = list === undefined ? undefined : bilingualExpansion(list);
    const ranked = await repositories().caseIndex.searchIndex(texts, this.deps.params, {
      limit: CANDIDATES,
      probe,
      expand,
    });
    const rows = await timed(probe, 'rows', () => this.rows(ranked.map((r) => Number(r.caseId))));
    const byId = new Map(rows.map((r) => [String(r.id), r]));
    const feedback = new Map<string, Feedback>(
      rows.map((r) => [String(r.id), { helpful: r.helpfulCount, notRelevant: r.notRelevantCount }]),
    );
    const ok = (c: CaseRecord): boolean =>
      filter.statuses.includes(c.status) &&
      (filter.product === undefined || c.product === filter.product) &&
      (filter.tag === undefined || c.tags.includes(filter.tag)) &&
      (filter.language === undefined || c.language === filter.language);
    const ordered = preferProduct(
      rerankWithFeedback(ranked, feedback, this.deps.params),
      (id) => byId.get(id)?.product,
      filter.preferProduct,
      this.deps.params,
    ).filter((r) => {
      const c = byId.get(r.caseId);
      return c !== undefined && ok(c);
    });
    // Check permissions on a margin above the limit, in one Jira request.
    const head = ordered.slice(0, limit * 3);
    const allowed = await timed(probe, 'permissions', () =>
      this.visible(
        accountId,
        head.map((r) => byId.get(r.caseId) as CaseRecord),
      ),
    );
    const visible = new Set(allowed.map((c) => String(c.id)));
    // The cut looks only at cases the caller may see, so a hidden case can neither add nor silence a suggestion.
    const shown = head.filter((r) => visible.has(r.caseId));
    const cut = this.deps.noiseCut;
    return (purpose === 'suggest' ? cutNoise(shown, cut) : shown.filter((r) => r.share >= cut.minShare))
      .slice(0, limit)
      .map((r) => {
        const c = byId.get(r.caseId) as CaseRecord;
        return {
          case: c,
          // What the reader sees of why it matched: the case's own words as written, never the index's
          // stems or bigrams (none when the match lies beyond what a reader sees).
          matchedTerms: matchedWords(
            [c.title, c.symptom, c.rootCause, [c.product, c.productVersion, ...c.tags].join(' ')],
            r.matched,
          ),
          highlights: { title: highlight(c.title, r.matched), symptom: highlight(c.symptom.slice(0, 400), r.matched) },
        };
      });
  }

  async searchCases(accountId: string | undefined, req: CaseSearchRequest): Promise<CaseHit[]> {
    const limit = Math.min(Math.max(req.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
    const statuses = req.statuses?.length ? req.statuses : (['published'] as CaseStatus[]);
    return await this.hits(
      accountId,
      { title: req.text },
      { statuses, product: req.product, tag: req.tag, language: req.language },
      limit,
      'search',
    );
  }

  /**
   * The published cases for a report (title and body apart, as an issue has them): after the noise
   * cut when suggested unasked (the panel), after the floor only when searched (the benchmark's recall).
   */
  async similarCases(
    accountId: string | undefined,
    texts: FieldTexts,
    product: string | null,
    limit: number,
    purpose: 'suggest' | 'search' = 'suggest',
  ): Promise<CaseHit[]> {
    const filter = { statuses: ['published' as CaseStatus], preferProduct: product };
    return await this.hits(accountId, texts, filter, Math.min(Math.max(limit, 1), MAX_LIMIT), purpose);
  }

  /**
   * The best published cases for an issue, from its summary, description and environment, cases of
   * its ITR product (an app field) preferred among near ties: a shared product name alone made five
   * unrelated cases "similar". One round trip for the panel, which also learns whether the issue is resolved and which cases
   * already helped on it.
   */
  async suggestCases(accountId: string | undefined, issueKey: string, limit = 5): Promise<CaseSuggestions> {
    if (!isIssueKey(issueKey)) throw new ItrError('INVALID_PAYLOAD', 'issueKey must be an issue key');
    const ids = await this.caseFieldIds();
    const fields = ['summary', 'description', 'environment', 'resolution', ...(ids ? [ids.product, ids.grade] : [])];
    const issue = await this.issueAsCaller(accountId, issueKey, fields);
    if (issue === undefined) throw new ItrError('ISSUE_NOT_FOUND', `no issue ${issueKey}`);
    const f = issue.fields;
    const product = ids ? s(f[ids.product]) || null : null;
    const grade = ids ? s(f[ids.grade]) || null : null;
    const texts: FieldTexts = {
      title: s(f['summary']),
      body: `${adfText(f['description'])}\n${s(f['environment'])}`,
    };
    const hits = await this.similarCases(accountId, texts, product, limit);
    const helped = await repositories().cases.helpedCaseIds(issueKey);
    return {
      issueKey,
      hits: hits.filter((h) => !h.case.sourceIssues.includes(issueKey)),
      resolved: typeof f['resolution'] === 'object' && f['resolution'] !== null,
      product,
      grade,
      helpedCaseIds: helped,
    };
  }

  // ----- writing ---------------------------------------------------------------------------------

  private async snapshot(
    id: number,
    revision: number,
    content: CaseContent,
    accountId: string | undefined,
    at: Date,
  ): Promise<void> {
    await repositories().cases.appendVersion(id, revision, content, accountId ?? null, at);
  }

  /** Creates a case (no permission check beyond the source issues being visible to the author). */
  async createCase(
    accountId: string | undefined,
    content: CaseContent,
    sourceIssues: string[] = [],
    externalId?: string,
  ): Promise<CaseRecord> {
    const now = this.deps.now();
    const c = { ...content, language: guessLanguage(content) };
    const id = await repositories().cases.insertCase(c, accountId ?? null, externalId ?? null, now);
    for (const key of sourceIssues) await repositories().cases.linkIssue(id, key, 'source', now);
    await this.snapshot(id, 1, c, accountId, now);
    await repositories().caseIndex.reindexCase(id, caseTexts(c));
    return (await this.load(id)) as CaseRecord;
  }

  async saveCase(
    accountId: string | undefined,
    payload: {
      id?: number | undefined;
      expectedRevision?: number | undefined;
      content: unknown;
      sourceIssues?: string[] | undefined;
    },
  ): Promise<CaseRecord> {
    const content = checkContent(payload.content);
    if ('code' in content) throw ItrError.of([content]);
    const sources = (payload.sourceIssues ?? []).filter((k) => isIssueKey(k));
    if (accountId === undefined) throw new NotAuthorizedError('ITR_CASE_EDITOR');
    if (payload.id === undefined) {
      if (content.status !== 'draft' && !(await this.deps.isCaseEditor()))
        throw new NotAuthorizedError('ITR_CASE_EDITOR');
      const created = await this.createCase(accountId, content, sources);
      await recordAudit({
        actorAccountId: accountId,
        action: 'case.save',
        target: created.id,
        summary: `Case ${created.id} "${created.title}" created (${created.status})`,
        params: { title: created.title, revision: created.revision, status: created.status },
      });
      return created;
    }
    const current = await this.load(payload.id);
    if (current === undefined || (await this.visible(accountId, [current])).length === 0)
      throw new ItrError('CASE_NOT_FOUND', `no case ${payload.id}`);
    // The author may keep working on their own draft; anything else is the case editors' job.
    const ownDraft = current.authorAccountId === accountId && current.status === 'draft' && content.status === 'draft';
    if (!ownDraft && !(await this.deps.isCaseEditor())) throw new NotAuthorizedError('ITR_CASE_EDITOR');
    if (payload.expectedRevision !== undefined && payload.expectedRevision !== current.revision) {
      throw new ItrError(
        'CASE_REVISION_CONFLICT',
        `case ${payload.id} is at revision ${current.revision}, not ${payload.expectedRevision}`,
      );
    }
    const now = this.deps.now();
    const c = { ...content, language: guessLanguage(content) };
    const revision = current.revision + 1;
    const saved = await repositories().cases.updateCase(current.id, current.revision, revision, c, now);
    if (!saved) throw new ItrError('CASE_REVISION_CONFLICT', `case ${current.id} changed meanwhile`);
    await this.snapshot(current.id, revision, c, accountId, now);
    await repositories().caseIndex.reindexCase(current.id, caseTexts(c));
    if (c.status !== 'retired') {
      // A retirement is recorded once, as case.retire, by retireCase.
      await recordAudit({
        actorAccountId: accountId,
        action: 'case.save',
        target: current.id,
        summary: `Case ${current.id} "${c.title}" saved as revision ${revision} (${c.status})`,
        params: { title: c.title, revision, status: c.status },
      });
    }
    return (await this.load(current.id)) as CaseRecord;
  }

  /** Retired: hidden from suggestions and default searches; links and history stay. */
  async retireCase(accountId: string | undefined, id: number): Promise<CaseRecord> {
    if (accountId === undefined || !(await this.deps.isCaseEditor())) throw new NotAuthorizedError('ITR_CASE_EDITOR');
    const current = await this.load(id);
    if (current === undefined || (await this.visible(accountId, [current])).length === 0)
      throw new ItrError('CASE_NOT_FOUND', `no case ${id}`);
    const { id: _id, revision, ...rest } = current;
    const retired = await this.saveCase(accountId, {
      id,
      expectedRevision: revision,
      content: { ...rest, status: 'retired' },
    });
    // Reached only when the save went through: a refused save has thrown, and nothing was retired.
    await recordAudit({
      actorAccountId: accountId,
      action: 'case.retire',
      target: id,
      summary: `Case ${id} "${rest.title}" retired`,
      params: { title: rest.title },
    });
    return retired;
  }

  /** The site ids of the app's product and grade fields; undefined on a site mid-install (text alone still works). */
  private async caseFieldIds(): Promise<{ product: string; grade: string } | undefined> {
    try {
      const all = await lookUpFieldIds(this.deps.jiraAsApp());
      return { product: all.product, grade: all.grade };
    } catch (e) {
      if (!(e instanceof FieldsNotInstalledError)) throw e;
      return undefined;
    }
  }

  /**
   * A draft prefilled from a resolved issue: summary, description, environment, product, and the root
   * cause with both measures the engineer recorded on it (the resolution name when none was recorded).
   */
  async createCaseFromIssue(accountId: string | undefined, issueKey: string): Promise<CaseRecord> {
    if (!isIssueKey(issueKey)) throw new ItrError('INVALID_PAYLOAD', 'issueKey must be an issue key');
    const ids = await this.caseFieldIds();
    const issue = await this.issueAsCaller(accountId, issueKey, [
      'summary',
      'description',
      'environment',
      'resolution',
      'labels',
      'versions',
      ...(ids ? [ids.product] : []),
    ]);
    if (issue === undefined) throw new ItrError('ISSUE_NOT_FOUND', `no issue ${issueKey}`);
    const recorded = (await repositories().rootCauses.latestVersion(issue.id)).latest?.draft;
    const f = issue.fields;
    const resolution =
      typeof f['resolution'] === 'object' && f['resolution'] !== null
        ? s((f['resolution'] as Record<string, unknown>)['name'])
        : '';
    const versions = Array.isArray(f['versions'])
      ? (f['versions'] as Array<Record<string, unknown>>).map((v) => s(v['name'])).filter((v) => v)
      : [];
    const content: CaseContent = {
      title: s(f['summary']).slice(0, 500) || issueKey,
      symptom: adfText(f['description']),
      product: ids ? s(f[ids.product]) : '',
      productVersion: versions[0] ?? '',
      environment: s(f['environment']),
      rootCause: recorded?.rootCause ?? '',
      shortTermMeasure: recorded?.shortTermMeasure || resolution,
      longTermMeasure: recorded?.longTermMeasure ?? '',
      language: '',
      tags: Array.isArray(f['labels'])
        ? (f['labels'] as unknown[]).filter((l): l is string => typeof l === 'string')
        : [],
      status: 'draft',
    };
    // The issue's texts as they are (a Jira text field fits the case's columns); what would not fit is refused, never cut.
    const checked = checkContent(content);
    if ('code' in checked) throw ItrError.of([checked]);
    return await this.createCase(accountId, checked, [issueKey]);
  }

  /**
   * The issue as the caller sees it; undefined when Jira answers 404/403 (it answers 404 for issues the
   * caller may not browse), so callers answer ISSUE_NOT_FOUND without telling the two apart.
   */
  private async issueAsCaller(
    accountId: string | undefined,
    issueKey: string,
    fields: string[],
  ): Promise<JiraIssue | undefined> {
    try {
      return await this.deps.jiraFor().getIssue(issueKey, { fields });
    } catch (e) {
      if (e instanceof JiraError && (e.code === JiraErrorCode.NotFound || e.code === JiraErrorCode.Forbidden))
        return undefined;
      throw e;
    }
  }

  private async mark(
    accountId: string | undefined,
    id: number,
    issueKey: string,
    helpful: boolean,
  ): Promise<CaseRecord> {
    if (!isIssueKey(issueKey)) throw new ItrError('INVALID_PAYLOAD', 'issueKey must be an issue key');
    // Feedback counts for the issue it was given on: only someone who may see that issue may give it.
    if ((await this.issueAsCaller(accountId, issueKey, ['summary'])) === undefined)
      throw new ItrError('ISSUE_NOT_FOUND', `no issue ${issueKey}`);
    const current = await this.load(id);
    if (current === undefined || (await this.visible(accountId, [current])).length === 0)
      throw new ItrError('CASE_NOT_FOUND', `no case ${id}`);
    // Counted once per issue: marking the same case helpful twice on one issue changes nothing.
    const counts = helpful ? await repositories().cases.linkIssue(id, issueKey, 'used_on', this.deps.now()) : true;
    if (counts) await repositories().cases.countFeedback(id, helpful);
    return (await this.load(id)) as CaseRecord;
  }

  markCaseHelpful(accountId: string | undefined, id: number, issueKey: string): Promise<CaseRecord> {
    return this.mark(accountId, id, issueKey, true);
  }

  markCaseNotRelevant(accountId: string | undefined, id: number, issueKey: string): Promise<CaseRecord> {
    return this.mark(accountId, id, issueKey, false);
  }
}

/** Plain text of an Atlassian Document Format value (or a plain string). */
export function adfText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v !== 'object' || v === null) return '';
  const node = v as Record<string, unknown>;
  const own = typeof node['text'] === 'string' ? node['text'] : '';
  const kids = Array.isArray(node['content'])
    ? node['content'].map(adfText).join(node['type'] === 'doc' ? '\n' : '')
    : '';
  return own + kids + (node['type'] === 'paragraph' ? '\n' : '');
}

/**
 * Bulk import (benchmarks, migrations from another tool): many published cases per statement, then
 * indexed in bulk through the same analysis as single edits. Returns the new ids in input order.
 */
export async function importCases(
  cases: ReadonlyArray<{ externalId: string; title: string; symptom: string }>,
  at: Date,
): Promise<number[]> {
  if (cases.length === 0) return [];
  const byExternal = await repositories().cases.importPublished(
    cases.map((c) => ({
      externalId: c.externalId,
      title: c.title.slice(0, 500),
      symptom: c.symptom,
      language: isCjkTerm(c.title + c.symptom) ? 'zh-CN' : 'en',
    })),
    at,
  );
  const out = cases.map((c) => byExternal.get(c.externalId) as number);
  await repositories().caseIndex.indexNewCases(
    cases.map((c, i) => ({ caseId: out[i] as number, texts: { title: c.title, body: c.symptom } })),
  );
  return out;
}
