/**
 * Rebuild of the analytics projection from Jira (Jira stays the source of truth).
 *
 *   startBackfill        admin only; records a job in KVS (cursor = no token yet) and pushes step 0.
 *   runBackfillStep      the queue consumer: continues the token-paged JQL search from the job's
 *                        cursor for up to PAGES_PER_STEP pages, projecting each page (one search, three
 *                        history reads, one upsert per 100 issues) and saving the cursor after each,
 *                        then pushes the next step. An event whose step is not the job's current one
 *                        is a duplicate and is dropped, so redelivery never forks the job (except the
 *                        retry of a step that saved the next step but died before pushing it: that
 *                        retry pushes it). The last page and "done" are saved in one write.
 *   getBackfillProgress  the job as stored: processed, projected, pages, status (and why it failed).
 *   recordBackfillFailure  the consumer met a failure no retry can fix: the job stops as `failed`.
 * Safe to rerun: every write is an upsert by issue id; a new job simply walks Jira again.
 */
import { randomUUID } from 'node:crypto';
import { jiraAsApp, jiraAsUser, type JiraClient } from '../../adapters/jira';
import { ConfigStore, type ConfigCodec } from '../../adapters/kvs';
import { pushInBatches, type QueueEvent } from '../../adapters/queue';
import { cfRef } from '../../domain/analytics';
import { BACKFILL_SKIPS_SHOWN, type BackfillProgress } from '../../contract/analytics';
import type { JobFailure } from '../../contract/jobs';
import { requireJiraAdmin } from '../auth/authorization';
import { lookUpFieldIds } from '../fields/fieldIds';
import type { ItrFieldIds } from '../fields/itrFields';
import { factFields, projectIssues } from './projection';
import { loadAnalyticsSettings } from './settings';
import { isRecord } from '../../domain/input';

/** The queue's key in manifest.yml (consumer `analytics-backfill`). */
export const BACKFILL_QUEUE = 'analytics-backfill';
/**
 * Search pages (of 100 issues with fields) one queue event handles. Range 1–50; default 10: 1,000
 * issues ≈ 10 Jira calls + 40 SQL statements, far inside one invocation's 55 s.
 */
export const PAGES_PER_STEP = 10;
/** Issues per search page (Jira returns at most 100 when fields are asked for). */
export const PAGE_SIZE = 100;

interface BackfillJob extends BackfillProgress {
  step: number;
  cursor: string | null;
  /**
   * False between saving a new `step` and pushing its event. A retry of the previous step that finds
   * it false pushes the event again: without this, a push lost after the save left the job `running`
   * forever (its only event was now a "duplicate"). Absent on jobs written before it existed.
   */
  stepPushed?: boolean;
}

const jobCodec: ConfigCodec<BackfillJob> = {
  schemaVersion: 1,
  parse(raw) {
    if (!isRecord(raw) || typeof raw['jobId'] !== 'string' || !Number.isInteger(raw['step']))
      throw new Error('not a backfill job');
    return raw as unknown as BackfillJob;
  },
};
const pointerCodec: ConfigCodec<string> = {
  schemaVersion: 1,
  parse(raw) {
    if (typeof raw !== 'string') throw new Error('not a job id');
    return raw;
  },
};

export interface BackfillDeps {
  /** Jira as the resolver's caller (`asUser()`). */
  asCaller(): JiraClient;
  asApp(): JiraClient;
  jobs: ConfigStore;
  push(queueKey: string, events: readonly QueueEvent[]): Promise<string[]>;
  departments(): Promise<Record<string, string>>;
  newJobId(): string;
  now(): Date;
}

/** `remainingTimeMs`: the invocation's time left, so Jira retry waits never outlast the function. */
export const platformBackfillDeps = (remainingTimeMs?: () => number): BackfillDeps => ({
  asCaller: () => jiraAsUser(),
  asApp: () => jiraAsApp(remainingTimeMs === undefined ? {} : { remainingTimeMs }),
  jobs: new ConfigStore({ prefix: 'analytics-backfill:' }),
  push: pushInBatches,
  departments: async () => (await loadAnalyticsSettings()).value.departments,
  newJobId: () => randomUUID(),
  now: () => new Date(),
});

/** JQL of every ITR issue (it has a kind or a grade), oldest first so progress reads naturally. */
export function itrIssuesJql(ids: Pick<ItrFieldIds, 'kind' | 'grade'>): string {
  return `${cfRef(ids.kind)} IS NOT EMPTY OR ${cfRef(ids.grade)} IS NOT EMPTY ORDER BY created ASC`;
}

const publicView = (j: BackfillJob): BackfillProgress => {
  const { step: _step, cursor: _cursor, stepPushed: _pushed, ...rest } = j;
  return rest;
};

export async function startBackfill(
  accountId: string | undefined,
  deps: BackfillDeps = platformBackfillDeps(),
): Promise<BackfillProgress> {
  await requireJiraAdmin(accountId, deps.asCaller());
  const jobId = deps.newJobId();
  const job: BackfillJob = {
    jobId,
    status: 'running',
    processed: 0,
    projected: 0,
    pages: 0,
    jiraRequests: 0,
    startedAt: deps.now().toISOString(),
    startedBy: accountId as string,
    finishedAt: null,
    step: 0,
    cursor: null,
  };
  await deps.jobs.set(`job:${jobId}`, job, jobCodec, { updatedBy: accountId as string });
  await deps.jobs.set('current', jobId, pointerCodec);
  await deps.push(BACKFILL_QUEUE, [{ body: { jobId, step: 0 } }]);
  return publicView(job);
}

export async function getBackfillProgress(
  accountId: string | undefined,
  deps: BackfillDeps = platformBackfillDeps(),
): Promise<BackfillProgress | null> {
  await requireJiraAdmin(accountId, deps.asCaller());
  const id = (await deps.jobs.get('current', pointerCodec))?.value;
  if (id === undefined) return null;
  const job = (await deps.jobs.get(`job:${id}`, jobCodec))?.value;
  return job === undefined ? null : publicView(job);
}

export function parseStepEvent(body: unknown): { jobId: string; step: number } | null {
  if (!isRecord(body) || typeof body['jobId'] !== 'string' || !Number.isInteger(body['step'])) return null;
  return { jobId: body['jobId'], step: body['step'] as number };
}

/**
 * Marks a running job `failed` with `failure` (the consumer then acknowledges its event, so the queue
 * stops redelivering what can never succeed). A job already done or failed, or unknown, is left alone.
 */
export async function recordBackfillFailure(
  jobId: string,
  failure: JobFailure,
  deps: BackfillDeps = platformBackfillDeps(),
): Promise<void> {
  const job = (await deps.jobs.get(`job:${jobId}`, jobCodec))?.value;
  if (job === undefined || job.status !== 'running') return;
  await deps.jobs.set(`job:${jobId}`, { ...job, status: 'failed', failure, finishedAt: failure.at }, jobCodec);
}

/** Pushes the event of the job's current step, then records that it did. */
async function pushStep(job: BackfillJob, deps: BackfillDeps): Promise<void> {
  await deps.push(BACKFILL_QUEUE, [{ body: { jobId: job.jobId, step: job.step } }]);
  await deps.jobs.set(`job:${job.jobId}`, { ...job, stepPushed: true }, jobCodec);
}

/** One step of a job; returns what it did (for logs and tests). */
export async function runBackfillStep(
  event: { jobId: string; step: number },
  deps: BackfillDeps = platformBackfillDeps(),
): Promise<'done' | 'continued' | 'duplicate' | 'unknown'> {
  const stored = await deps.jobs.get(`job:${event.jobId}`, jobCodec);
  if (stored === undefined) return 'unknown';
  let job = stored.value;
  if (job.status === 'running' && job.step === event.step + 1 && job.stepPushed === false) {
    // This step's earlier attempt saved the next step but died before (or while) pushing it.
    await pushStep(job, deps);
    return 'continued';
  }
  if (job.status !== 'running' || job.step !== event.step) return 'duplicate';
  const app = deps.asApp();
  const ids = await lookUpFieldIds(app);
  const departments = await deps.departments();
  job = { ...job, jiraRequests: job.jiraRequests + 1 };
  const search = app.searchJql(itrIssuesJql(ids), {
    fields: factFields(ids),
    pageSize: PAGE_SIZE,
    ...(job.cursor === null ? {} : { startToken: job.cursor }),
  });
  let pages = 0;
  let more = false;
  for await (const page of search) {
    const outcome = await projectIssues(page.issues, ids, departments, deps.now());
    pages++;
    const last = page.nextPageToken === undefined;
    job = {
      ...job,
      processed: job.processed + page.issues.length,
      projected: job.projected + outcome.projected,
      // Issues that cannot be projected are counted and the first few kept for the page; the walk goes on.
      skipped: (job.skipped ?? 0) + outcome.skipped.length,
      skippedIssues: [...(job.skippedIssues ?? []), ...outcome.skipped].slice(0, BACKFILL_SKIPS_SHOWN),
      pages: job.pages + 1,
      jiraRequests: job.jiraRequests + 1,
      cursor: page.nextPageToken ?? job.cursor,
      // The last page and "done" are one write: a null cursor also means "not started", so a crash
      // between two writes here would have made the redelivered step walk every issue again.
      ...(last ? { status: 'done' as const, finishedAt: deps.now().toISOString() } : {}),
    };
    // The cursor is saved after every page: a crash redoes at most one page (an upsert, harmless).
    await deps.jobs.set(`job:${job.jobId}`, job, jobCodec);
    more = !last;
    if (last || pages >= PAGES_PER_STEP) break;
  }
  if (job.status === 'done') return 'done';
  if (more) {
    job = { ...job, step: job.step + 1, stepPushed: false };
    await deps.jobs.set(`job:${job.jobId}`, job, jobCodec);
    await pushStep(job, deps);
    return 'continued';
  }
  job = { ...job, status: 'done', finishedAt: deps.now().toISOString() };
  await deps.jobs.set(`job:${job.jobId}`, job, jobCodec);
  return 'done';
}
