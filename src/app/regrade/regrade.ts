/**
 * Recompute open issues against the grading table in force (an explicit admin action: changing the
 * table never regrades silently). Closed issues keep the grade they were closed with.
 *
 *   startRegrade      admin only; one token-paged JQL search (ids only) for open issues with answers,
 *                     pushed as batches of BATCH_SIZE ids to the `regrade` queue; the job in KVS.
 *   regradeBatch      the queue consumer: one search for the batch's current values, the domain
 *                     grades each, one bulk `POST /rest/api/3/app/field/value` with the updates grouped
 *                     by (field, value), then the batch's record in KVS. A batch already recorded is
 *                     skipped, and unchanged grades are not rewritten, so duplicate delivery is harmless.
 *   getRegradeProgress  sums the batch records; the job is marked done when every batch is in, or
 *                     failed when a batch met a failure no retry can fix (recordRegradeFailure).
 */
import { randomUUID } from 'node:crypto';
import { jiraAsApp, jiraAsUser, type AppFieldValueUpdate, type JiraClient } from '../../adapters/jira';
import { ConfigStore, type ConfigCodec } from '../../adapters/kvs';
import { pushInBatches, type QueueEvent } from '../../adapters/queue';
import type { JobFailure } from '../../contract/jobs';
import type { RegradeProgress } from '../../contract/triage';
import { recordAudit } from '../audit/auditLog';
import { requireJiraAdmin } from '../auth/authorization';
import { loadItrConfig, type ItrConfig } from '../config/itrConfig';
import { lookUpFieldIds } from '../fields/fieldIds';
import { CLOSED_FIELDS, jqlField, OPEN_JQL } from '../fields/issueState';
import { decideGrade } from '../intake/gradeOnChange';
import { writeItrFields } from '../fields/writeItrFields';
import { isRecord } from '../../domain/input';

/** The queue's key in manifest.yml (`consumer` module `regrade-consumer`). */
export const REGRADE_QUEUE = 'regrade';
/**
 * Issues per queue event. Range 1–100: one event's re-read is one search page (Jira returns at most
 * 100 issues per page when fields are asked for). Default 100: fewest REST calls per issue.
 */
export const BATCH_SIZE = 100;

interface JobRecord {
  jobId: string;
  tableVersion: number;
  total: number;
  batches: number;
  startedAt: string;
  startedBy: string;
  /** Set once every batch is recorded, with the final counts. */
  done: BatchRecord | null;
}

interface BatchRecord {
  processed: number;
  regraded: number;
  unchanged: number;
  skippedClosed: number;
  skippedInvalid: number;
}

const COUNT_KEYS = ['processed', 'regraded', 'unchanged', 'skippedClosed', 'skippedInvalid'] as const;

function parseCounts(raw: unknown): BatchRecord {
  if (!isRecord(raw) || !COUNT_KEYS.every((k) => Number.isInteger(raw[k])))
    throw new Error('not a regrade batch record');
  return Object.fromEntries(COUNT_KEYS.map((k) => [k, raw[k] as number])) as unknown as BatchRecord;
}

const batchCodec: ConfigCodec<BatchRecord> = { schemaVersion: 1, parse: parseCounts };
const jobCodec: ConfigCodec<JobRecord> = {
  schemaVersion: 1,
  parse(raw) {
    if (
      !isRecord(raw) ||
      typeof raw['jobId'] !== 'string' ||
      !Number.isInteger(raw['total']) ||
      !Number.isInteger(raw['batches'])
    ) {
      throw new Error('not a regrade job');
    }
    return {
      jobId: raw['jobId'],
      tableVersion: Number(raw['tableVersion']),
      total: raw['total'] as number,
      batches: raw['batches'] as number,
      startedAt: String(raw['startedAt']),
      startedBy: String(raw['startedBy']),
      done: raw['done'] == null ? null : parseCounts(raw['done']),
    };
  },
};
/** The first batch that failed for good, and why; one per job (`failed:<jobId>`). */
interface FailureRecord extends JobFailure {
  batch: number | null;
}
const failureCodec: ConfigCodec<FailureRecord> = {
  schemaVersion: 1,
  parse(raw) {
    if (
      !isRecord(raw) ||
      typeof raw['code'] !== 'string' ||
      typeof raw['errorCode'] !== 'string' ||
      typeof raw['at'] !== 'string'
    )
      throw new Error('not a regrade failure');
    return raw as unknown as FailureRecord;
  },
};
const pointerCodec: ConfigCodec<string> = {
  schemaVersion: 1,
  parse(raw) {
    if (typeof raw !== 'string') throw new Error('not a job id');
    return raw;
  },
};

export interface RegradeDeps {
  /** Jira as the resolver's caller (`asUser()`). */
  asCaller(): JiraClient;
  asApp(): JiraClient;
  loadConfig(): Promise<ItrConfig>;
  jobs: ConfigStore;
  batchStore(jobId: string): ConfigStore;
  push(queueKey: string, events: readonly QueueEvent[]): Promise<string[]>;
  newJobId(): string;
  now(): Date;
}

/** `remainingTimeMs`: the invocation's time left, so Jira retry waits never outlast the function. */
export const platformRegradeDeps = (remainingTimeMs?: () => number): RegradeDeps => ({
  asCaller: () => jiraAsUser(),
  asApp: () => jiraAsApp(remainingTimeMs === undefined ? {} : { remainingTimeMs }),
  loadConfig: () => loadItrConfig(),
  jobs: new ConfigStore({ prefix: 'regrade:' }),
  batchStore: (jobId) => new ConfigStore({ prefix: `regrade-batch:${jobId}:` }),
  push: pushInBatches,
  newJobId: () => randomUUID(),
  now: () => new Date(),
});

function progressOf(
  job: JobRecord,
  counts: BatchRecord,
  batchesDone: number,
  failure?: FailureRecord,
): RegradeProgress {
  return {
    jobId: job.jobId,
    status: failure !== undefined ? 'failed' : batchesDone >= job.batches ? 'done' : 'running',
    ...(failure === undefined ? {} : { failure: { code: failure.code, errorCode: failure.errorCode, at: failure.at } }),
    tableVersion: job.tableVersion,
    total: job.total,
    batches: job.batches,
    batchesDone,
    ...counts,
    startedAt: job.startedAt,
    startedBy: job.startedBy,
  };
}

const ZERO: BatchRecord = { processed: 0, regraded: 0, unchanged: 0, skippedClosed: 0, skippedInvalid: 0 };

/** The JQL of "open issues with grading answers". */
export function openGradedJql(answersFieldId: string): string {
  return `${OPEN_JQL} AND ${jqlField(answersFieldId)} IS NOT EMPTY ORDER BY created ASC`;
}

export async function startRegrade(
  accountId: string | undefined,
  deps: RegradeDeps = platformRegradeDeps(),
): Promise<RegradeProgress> {
  await requireJiraAdmin(accountId, deps.asCaller());
  const app = deps.asApp();
  const [ids, config] = await Promise.all([lookUpFieldIds(app), deps.loadConfig()]);
  const jobId = deps.newJobId();
  const issueIds: string[] = [];
  // Ids only: up to 5,000 per page, so 10,000 open issues cost two requests.
  for await (const page of app.searchJql(openGradedJql(ids.gradingAnswers), { pageSize: 5000 })) {
    for (const i of page.issues) issueIds.push(i.id);
  }
  const events: QueueEvent[] = [];
  for (let at = 0, n = 0; at < issueIds.length; at += BATCH_SIZE, n++) {
    events.push({ body: { jobId, batch: n, issueIds: issueIds.slice(at, at + BATCH_SIZE) } });
  }
  const job: JobRecord = {
    jobId,
    tableVersion: config.gradingTable.version,
    total: issueIds.length,
    batches: events.length,
    startedAt: deps.now().toISOString(),
    startedBy: accountId as string,
    done: events.length === 0 ? ZERO : null,
  };
  // The job exists before its first event can be delivered.
  await deps.jobs.set(`job:${jobId}`, job, jobCodec, { updatedBy: accountId as string });
  await deps.jobs.set('current', jobId, pointerCodec);
  if (events.length > 0) await deps.push(REGRADE_QUEUE, events);
  await recordAudit(
    {
      actorAccountId: accountId,
      action: 'regrade.start',
      target: jobId,
      summary: `Recompute of ${issueIds.length} open issues with grading table version ${job.tableVersion}`,
      params: { issues: issueIds.length, tableVersion: job.tableVersion },
    },
    deps.now(),
  );
  return progressOf(job, ZERO, 0);
}

export async function getRegradeProgress(
  accountId: string | undefined,
  jobId: string | undefined,
  deps: RegradeDeps = platformRegradeDeps(),
): Promise<RegradeProgress | null> {
  await requireJiraAdmin(accountId, deps.asCaller());
  const id = jobId ?? (await deps.jobs.get('current', pointerCodec))?.value;
  if (id === undefined) return null;
  const job = (await deps.jobs.get(`job:${id}`, jobCodec))?.value;
  if (job === undefined) return null;
  if (job.done !== null) return progressOf(job, job.done, job.batches);
  const failure = (await deps.jobs.get(`failed:${id}`, failureCodec))?.value;
  const store = deps.batchStore(id);
  const counts = { ...ZERO };
  let batchesDone = 0;
  for (const name of await store.list()) {
    const b = (await store.get(name, batchCodec))?.value;
    if (b === undefined) continue;
    batchesDone++;
    for (const k of COUNT_KEYS) counts[k] += b[k];
  }
  if (batchesDone >= job.batches && failure === undefined) {
    // Every batch is in: keep the totals on the job so later reads cost one KVS get.
    await deps.jobs.set(`job:${id}`, { ...job, done: counts }, jobCodec);
  }
  return progressOf(job, counts, batchesDone, failure);
}

/**
 * A batch of `jobId` failed in a way no retry can fix (the consumer acknowledges its event): the job
 * shows `failed` with the first such reason. The other batches still run; their grades stand.
 * Nothing is recorded for a job that does not exist (an event naming no job of ours).
 */
export async function recordRegradeFailure(
  jobId: string,
  batch: number | null,
  failure: JobFailure,
  deps: RegradeDeps = platformRegradeDeps(),
): Promise<void> {
  if ((await deps.jobs.get(`job:${jobId}`, jobCodec)) === undefined) return;
  if ((await deps.jobs.get(`failed:${jobId}`, failureCodec)) !== undefined) return;
  await deps.jobs.set(`failed:${jobId}`, { ...failure, batch }, failureCodec);
}

export interface RegradeBatchEvent {
  jobId: string;
  batch: number;
  issueIds: string[];
}

export function parseBatchEvent(body: unknown): RegradeBatchEvent | null {
  if (!isRecord(body)) return null;
  const { jobId, batch, issueIds } = body;
  if (
    typeof jobId !== 'string' ||
    !Number.isInteger(batch) ||
    !Array.isArray(issueIds) ||
    !issueIds.every((i) => typeof i === 'string' && /^\d+$/.test(i))
  )
    return null;
  return { jobId, batch: batch as number, issueIds: issueIds as string[] };
}

/** Groups single-issue updates by (field, value): one entry per distinct value, many issues each. */
export function groupUpdates(updates: readonly AppFieldValueUpdate[]): AppFieldValueUpdate[] {
  const groups = new Map<string, AppFieldValueUpdate & { issueIds: Array<string | number> }>();
  for (const u of updates) {
    const key = `${u.fieldId}\u0000${JSON.stringify(u.value)}`;
    const g = groups.get(key);
    if (g === undefined) groups.set(key, { fieldId: u.fieldId, value: u.value, issueIds: [...u.issueIds] });
    else g.issueIds.push(...u.issueIds);
  }
  return [...groups.values()];
}

/** The consumer's work for one batch; `skippedDuplicate` when this batch was already done. */
export async function regradeBatch(
  event: RegradeBatchEvent,
  deps: RegradeDeps = platformRegradeDeps(),
): Promise<BatchRecord | 'skippedDuplicate'> {
  const store = deps.batchStore(event.jobId);
  const name = `b${event.batch}`;
  if ((await store.get(name, batchCodec)) !== undefined) return 'skippedDuplicate';
  const app = deps.asApp();
  const [ids, config] = await Promise.all([lookUpFieldIds(app), deps.loadConfig()]);
  const counts = { ...ZERO };
  const updates: AppFieldValueUpdate[] = [];
  // Re-read now: an issue closed or re-answered since the job started is judged on what it is now.
  const jql = `id IN (${event.issueIds.join(', ')})`;
  for await (const page of app.searchJql(jql, {
    fields: [
      ids.gradingAnswers,
      ids.grade,
      ids.gradingTableVersion,
      ids.classification,
      ids.timeRule,
      ...CLOSED_FIELDS,
    ],
    pageSize: BATCH_SIZE,
  })) {
    for (const issue of page.issues) {
      counts.processed++;
      const { result, write } = decideGrade(issue.id, issue.fields, ids, config.gradingTable);
      if (result.outcome === 'graded') counts.regraded++;
      else if (result.outcome === 'unchanged') counts.unchanged++;
      else if (result.outcome === 'closed') counts.skippedClosed++;
      else counts.skippedInvalid++;
      updates.push(...write);
    }
  }
  // Issues deleted since the job started are simply not found; they count as processed and skipped.
  const missing = event.issueIds.length - counts.processed;
  counts.processed += missing;
  counts.skippedInvalid += missing;
  // No generated changelog entries: a recompute of thousands of issues would flood every issue's history.
  await writeItrFields(app, groupUpdates(updates), { ids, generateChangelog: false, now: deps.now() });
  await store.set(name, counts, batchCodec);
  return counts;
}
