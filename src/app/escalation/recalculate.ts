/**
 * Recalculation after an admin changed a calendar, a budget or the grading table: every open issue's
 * current-line due and warning times are recomputed from when it entered the line, with the
 * configuration in force. Line, entry time, history and past escalations stay as they happened.
 * Runs on the escalation queue, one search page (100 issues) per step, with progress in KVS and an
 * audit row in SQL at the start and the end.
 */
import { randomUUID } from 'node:crypto';
import { execute } from '../../adapters/sql';
import type { ConfigCodec } from '../../adapters/kvs';
import type { RecalculationProgress } from '../../contract/escalation';
import type { JobFailure } from '../../contract/jobs';
import { DomainError, OPEN_ISSUE_JQL } from '../../domain';
import { recordAudit } from '../audit/auditLog';
import { requireJiraAdmin } from '../auth/authorization';
import { ensureSchema } from '../../adapters/sql';
import type { EscalationDeps } from './deps';
import type { EscalationEvent } from './events';
import { FieldWrites } from './fieldWrites';
import { escalationFieldList, escalationIssueOf, jiraDateTime, lineClock } from './lineClock';
import { linePauses, pausesOf } from './pauses';
import { RESERVE_MS } from './processCheck';
import { writeItrFields } from '../fields/writeItrFields';

const JOB_PREFIX = 'escalationRecalc.';
const LATEST = 'escalationRecalc.latest';

const progressCodec: ConfigCodec<RecalculationProgress> = {
  schemaVersion: 1,
  parse(raw) {
    if (typeof raw !== 'object' || raw === null || typeof (raw as Record<string, unknown>)['jobId'] !== 'string') throw new Error('not a job');
    return raw as RecalculationProgress;
  },
};

const latestCodec: ConfigCodec<string> = {
  schemaVersion: 1,
  parse(raw) {
    if (typeof raw !== 'string') throw new Error('not a job id');
    return raw;
  },
};

async function audit(kind: string, jobId: string, actor: string, at: Date, detail: Record<string, unknown>): Promise<void> {
  await ensureSchema();
  await execute('INSERT INTO escalation_audit (kind, job_id, actor_account_id, at, detail) VALUES (?, ?, ?, ?, ?)', [
    kind,
    jobId,
    actor,
    at,
    JSON.stringify(detail).slice(0, 2000),
  ]);
}

const cf = (fieldId: string): string => `cf[${fieldId.replace(/^customfield_/, '')}]`;

/** Admin only. Starts a job and answers its first progress; the queue does the work. */
export async function startRecalculation(accountId: string | undefined, deps: EscalationDeps): Promise<RecalculationProgress> {
  await requireJiraAdmin(accountId);
  const fieldIds = await deps.fieldIds();
  const now = deps.now();
  const job: RecalculationProgress = {
    jobId: randomUUID(),
    status: 'running',
    startedAt: now.toISOString(),
    startedBy: accountId ?? '',
    finishedAt: null,
    processed: 0,
    changed: 0,
    skipped: 0,
  };
  await deps.store.set(JOB_PREFIX + job.jobId, job, progressCodec, { updatedBy: job.startedBy });
  await deps.store.set(LATEST, job.jobId, latestCodec, { updatedBy: job.startedBy });
  await audit('recalculation-started', job.jobId, job.startedBy, now, {});
  await recordAudit({ actorAccountId: accountId, action: 'escalation.recalculate', target: job.jobId, summary: 'Recalculation of open issues\' due times started' }, now);
  await deps.push([{ kind: 'recalculate', jobId: job.jobId, pageToken: null, fieldIds }]);
  return job;
}

export async function getRecalculation(jobId: string | undefined, deps: EscalationDeps): Promise<RecalculationProgress | null> {
  const id = jobId ?? (await deps.store.get(LATEST, latestCodec))?.value;
  if (id === undefined) return null;
  return (await deps.store.get(JOB_PREFIX + id, progressCodec))?.value ?? null;
}

/**
 * The job met a failure no retry can fix (the consumer acknowledges its event): it stops as
 * `failed` with the reason, shown with its progress. A job already finished, or unknown, is left alone.
 */
export async function recordRecalculationFailure(jobId: string, failure: JobFailure, deps: EscalationDeps): Promise<void> {
  const job = (await deps.store.get(JOB_PREFIX + jobId, progressCodec))?.value;
  if (job === undefined || job.status !== 'running') return;
  await deps.store.set(JOB_PREFIX + jobId, { ...job, status: 'failed', failure, finishedAt: failure.at }, progressCodec);
}

/** One or more pages of the job, until done or short of time (then the rest goes back to the queue). */
export async function processRecalculation(event: Extract<EscalationEvent, { kind: 'recalculate' }>, deps: EscalationDeps): Promise<RecalculationProgress> {
  const stored = await deps.store.get(JOB_PREFIX + event.jobId, progressCodec);
  if (stored === undefined) throw new DomainError('RECALCULATION_NOT_FOUND', `No recalculation job ${event.jobId}`);
  const job = { ...stored.value };
  if (job.status !== 'running') return job;
  const ids = event.fieldIds;
  const config = await deps.loadConfig();
  const jql = `${OPEN_ISSUE_JQL} AND ${cf(ids.line)} IS NOT EMPTY AND ${cf(ids.breachedAt)} IS EMPTY ORDER BY key ASC`;
  let token = event.pageToken;
  const pages = deps.jira.searchJql(jql, { fields: escalationFieldList(ids), pageSize: 100, ...(token === null ? {} : { startToken: token }) });
  for (;;) {
    if (deps.remainingTimeMs() < RESERVE_MS) {
      // Short of time: save progress and hand the rest (from this token) back to the queue.
      await deps.store.set(JOB_PREFIX + job.jobId, job, progressCodec);
      await deps.push([{ kind: 'recalculate', jobId: job.jobId, pageToken: token, fieldIds: ids }]);
      return job;
    }
    const next = await pages.next();
    if (next.done === true) break;
    const page = next.value;
    const writes = new FieldWrites();
    const pauses = await pausesOf(page.issues.map((i) => i.id));
    for (const raw of page.issues) {
      const issue = escalationIssueOf(raw, ids);
      job.processed += 1;
      if (issue.grade === null || issue.line === null || issue.enteredAt === null) {
        job.skipped += 1;
        continue;
      }
      let clock;
      try {
        clock = lineClock(config, issue.grade, issue.line, issue.enteredAt, linePauses(pauses, issue.id, issue.line));
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        job.skipped += 1;
        continue;
      }
      const due = clock.dueAt === null ? null : jiraDateTime(clock.dueAt);
      const warn = clock.warnAt === null ? null : jiraDateTime(clock.warnAt);
      const same = (a: Date | null, b: string | null): boolean => (a === null ? b === null : b !== null && a.getTime() === new Date(b).getTime());
      if (!same(issue.dueAt, due) || !same(issue.warnAt, warn)) {
        writes.set(issue.id, ids.lineDueAt, due);
        writes.set(issue.id, ids.lineWarnAt, warn);
        job.changed += 1;
      }
    }
    if (writes.size > 0) await writeItrFields(deps.jira, writes.updates(), { ids });
    token = page.nextPageToken ?? null;
    await deps.store.set(JOB_PREFIX + job.jobId, job, progressCodec);
    if (token === null) break;
  }
  const finished: RecalculationProgress = { ...job, status: 'done', finishedAt: deps.now().toISOString() };
  await deps.store.set(JOB_PREFIX + job.jobId, finished, progressCodec);
  await audit('recalculation-done', job.jobId, job.startedBy, deps.now(), { processed: job.processed, changed: job.changed, skipped: job.skipped });
  return finished;
}

