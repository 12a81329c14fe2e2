/**
 * Recalculation after an admin changed a calendar, a budget or the grading table: every open issue's
 * current-line due and warning times are recomputed from when it entered the line, with the
 * configuration in force; then every open, not-yet-accepted ITR issue's response due and warning times
 * from its creation (on its grade, or the untriaged default grade): issues created before the release
 * that brought the response clock get theirs this way (README: run it once after that upgrade). Line,
 * entry time, history and past escalations stay as they happened.
 * Runs on the escalation queue, one search page (100 issues) per step, with progress in KVS and an
 * audit row in SQL at the start and the end.
 */
import { randomUUID } from 'node:crypto';
import type { ConfigCodec } from '../../adapters/kvs';
import type { RecalculationProgress } from '../../contract/escalation';
import type { JobFailure } from '../../contract/jobs';
import { DomainError, OPEN_ISSUE_JQL, timeRuleStampOf } from '../../domain';
import { recordAudit } from '../audit/auditLog';
import { requireJiraAdmin } from '../auth/authorization';
import { repositories } from '../ports';
import type { EscalationDeps } from './deps';
import type { EscalationEvent, RecalculationPhase } from './events';
import { FieldWrites } from './fieldWrites';
import { escalationFieldList, escalationIssueOf, issueTimeRule, jiraDateTime, lineClock } from './lineClock';
import { issuePauses, linePauses, pausesOf } from './pauses';
import { loadClockSettings, type ClockSettings } from './clockSettings';
import {
  instantOf,
  isItrIssueType,
  nameOf,
  responseAlertOf,
  responseClockOf,
  setResponseFields,
} from './responseClock';
import type { JiraIssue } from '../../adapters/jira';
import type { ItrConfig } from '../config/itrConfig';
import type { ItrFieldIds } from '../fields/itrFields';
import { CLOSED_FIELDS, textOf } from '../fields/issueState';
import { ITR_ISSUE_TYPE_NAMES } from '../setup/plan';
import { RESERVE_MS } from './processCheck';
import { writeItrFields } from '../fields/writeItrFields';

const JOB_PREFIX = 'escalationRecalc.';
const LATEST = 'escalationRecalc.latest';

const progressCodec: ConfigCodec<RecalculationProgress> = {
  schemaVersion: 1,
  parse(raw) {
    if (typeof raw !== 'object' || raw === null || typeof (raw as Record<string, unknown>)['jobId'] !== 'string')
      throw new Error('not a job');
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

async function audit(
  kind: string,
  jobId: string,
  actor: string,
  at: Date,
  detail: Record<string, unknown>,
): Promise<void> {
  await repositories().escalationAudit.append({ kind, jobId, actor, at, detail });
}

const cf = (fieldId: string): string => `cf[${fieldId.replace(/^customfield_/, '')}]`;

/** Admin only. Starts a job and answers its first progress; the queue does the work. */
export async function startRecalculation(
  accountId: string | undefined,
  deps: EscalationDeps,
): Promise<RecalculationProgress> {
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
  await recordAudit(
    {
      actorAccountId: accountId,
      action: 'escalation.recalculate',
      target: job.jobId,
      summary: "Recalculation of open issues' due times started",
    },
    now,
  );
  await deps.push([{ kind: 'recalculate', jobId: job.jobId, pageToken: null, fieldIds }]);
  return job;
}

export async function getRecalculation(
  jobId: string | undefined,
  deps: EscalationDeps,
): Promise<RecalculationProgress | null> {
  const id = jobId ?? (await deps.store.get(LATEST, latestCodec))?.value;
  if (id === undefined) return null;
  return (await deps.store.get(JOB_PREFIX + id, progressCodec))?.value ?? null;
}

/**
 * The job met a failure no retry can fix (the consumer acknowledges its event): it stops as
 * `failed` with the reason, shown with its progress. A job already finished, or unknown, is left alone.
 */
export async function recordRecalculationFailure(
  jobId: string,
  failure: JobFailure,
  deps: EscalationDeps,
): Promise<void> {
  const job = (await deps.store.get(JOB_PREFIX + jobId, progressCodec))?.value;
  if (job === undefined || job.status !== 'running') return;
  await deps.store.set(
    JOB_PREFIX + jobId,
    { ...job, status: 'failed', failure, finishedAt: failure.at },
    progressCodec,
  );
}

/** A stored time and a recomputed one are the same instant (both null, or equal to the millisecond). */
const sameTime = (a: Date | null, b: string | null): boolean =>
  a === null ? b === null : b !== null && a.getTime() === new Date(b).getTime();

const quoted = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The searches of the two phases: open issues on a line, then open ITR issues whose response clock runs. */
function phaseSearch(phase: RecalculationPhase, ids: ItrFieldIds): { jql: string; fields: string[] } {
  if (phase === 'line') {
    return {
      jql: `${OPEN_ISSUE_JQL} AND ${cf(ids.line)} IS NOT EMPTY AND ${cf(ids.breachedAt)} IS EMPTY ORDER BY key ASC`,
      fields: [...escalationFieldList(ids), ids.timeRule],
    };
  }
  // Not yet accepted (nor deemed to be): the response clock still runs. Issues created before the
  // release that brought the clock have no response times at all; this is what gives them theirs.
  const acceptance = cf(ids.acceptance);
  const types = Object.values(ITR_ISSUE_TYPE_NAMES).map(quoted).join(', ');
  return {
    jql: `${OPEN_ISSUE_JQL} AND issuetype IN (${types}) AND (${acceptance} IS EMPTY OR ${acceptance} = "awaiting") ORDER BY key ASC`,
    fields: [
      'issuetype',
      'project',
      'created',
      ids.grade,
      ids.classification,
      ids.timeRule,
      ids.acceptance,
      ids.responseDueAt,
      ids.responseWarnAt,
      ids.responseAlert,
      ...CLOSED_FIELDS,
    ],
  };
}

/**
 * One or more pages of the job, until done or short of time (then the rest goes back to the queue).
 * First the line clocks of open issues on a line, then the response clocks of open, not-yet-accepted
 * ITR issues (from creation, on the issue's grade or the untriaged default). `processed`, `changed` and
 * `skipped` count clocks: an awaiting issue on a line counts in both phases.
 */
export async function processRecalculation(
  event: Extract<EscalationEvent, { kind: 'recalculate' }>,
  deps: EscalationDeps,
): Promise<RecalculationProgress> {
  const stored = await deps.store.get(JOB_PREFIX + event.jobId, progressCodec);
  if (stored === undefined) throw new DomainError('RECALCULATION_NOT_FOUND', `No recalculation job ${event.jobId}`);
  const job = { ...stored.value };
  if (job.status !== 'running') return job;
  const ids = event.fieldIds;
  const config = await deps.loadConfig();
  const clockSettings = await loadClockSettings(deps.store);
  const phases: RecalculationPhase[] = event.phase === 'response' ? ['response'] : ['line', 'response'];
  let token = event.pageToken;
  for (const phase of phases) {
    const search = phaseSearch(phase, ids);
    const pages = deps.jira.searchJql(search.jql, {
      fields: search.fields,
      pageSize: 100,
      ...(token === null ? {} : { startToken: token }),
    });
    for (;;) {
      if (deps.remainingTimeMs() < RESERVE_MS) {
        // Short of time: save progress and hand the rest (this phase, from this token) back to the queue.
        await deps.store.set(JOB_PREFIX + job.jobId, job, progressCodec);
        await deps.push([{ kind: 'recalculate', jobId: job.jobId, pageToken: token, phase, fieldIds: ids }]);
        return job;
      }
      const next = await pages.next();
      if (next.done === true) break;
      const page = next.value;
      const writes = new FieldWrites();
      const pauses = await pausesOf(page.issues.map((i) => i.id));
      for (const raw of page.issues) {
        job.processed += 1;
        const outcome =
          phase === 'line'
            ? recomputeLine(raw, ids, config, pauses, writes)
            : recomputeResponse(raw, ids, config, clockSettings, pauses, writes, deps.now());
        if (outcome === 'skipped') job.skipped += 1;
        else if (outcome === 'changed') job.changed += 1;
      }
      if (writes.size > 0) await writeItrFields(deps.jira, writes.updates(), { ids });
      token = page.nextPageToken ?? null;
      await deps.store.set(JOB_PREFIX + job.jobId, job, progressCodec);
      if (token === null) break;
    }
    token = null;
  }
  const finished: RecalculationProgress = { ...job, status: 'done', finishedAt: deps.now().toISOString() };
  await deps.store.set(JOB_PREFIX + job.jobId, finished, progressCodec);
  await audit('recalculation-done', job.jobId, job.startedBy, deps.now(), {
    processed: job.processed,
    changed: job.changed,
    skipped: job.skipped,
  });
  return finished;
}

type Outcome = 'changed' | 'same' | 'skipped';

/**
 * Stamps the rule the issue's clocks now run on (`itr-time-rule`) when it differs from the one stored:
 * a table that gave (or took away) a grade's requirement times changes it. True when it wrote.
 */
function stampTimeRule(raw: JiraIssue, ids: ItrFieldIds, config: ItrConfig, writes: FieldWrites): boolean {
  const f = raw.fields;
  const rule = timeRuleStampOf(config.gradingTable, textOf(f[ids.classification]), textOf(f[ids.grade]));
  if (rule === null || rule === textOf(f[ids.timeRule])) return false;
  writes.set(raw.id, ids.timeRule, rule);
  return true;
}
type PausesByIssue = Awaited<ReturnType<typeof pausesOf>>;

/** The current line's due and warning times from when the issue entered it, with the configuration in force. */
function recomputeLine(
  raw: JiraIssue,
  ids: ItrFieldIds,
  config: ItrConfig,
  pauses: PausesByIssue,
  writes: FieldWrites,
): Outcome {
  const issue = escalationIssueOf(raw, ids);
  if (issue.grade === null || issue.line === null || issue.enteredAt === null) return 'skipped';
  let clock;
  try {
    clock = lineClock(
      config,
      issue.grade,
      issue.line,
      issue.enteredAt,
      linePauses(pauses, issue.id, issue.line),
      issueTimeRule(config, issue, issue.grade),
    );
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return 'skipped';
  }
  const due = clock.dueAt === null ? null : jiraDateTime(clock.dueAt);
  const warn = clock.warnAt === null ? null : jiraDateTime(clock.warnAt);
  const stamped = stampTimeRule(raw, ids, config, writes);
  if (sameTime(issue.dueAt, due) && sameTime(issue.warnAt, warn)) return stamped ? 'changed' : 'same';
  writes.set(issue.id, ids.lineDueAt, due);
  writes.set(issue.id, ids.lineWarnAt, warn);
  return 'changed';
}

/**
 * The response due and warning times from creation, on the issue's grade or (untriaged) the default
 * grade of the clock settings, pushed out by its waiting-for-customer pauses; the alert kept true for them.
 */
function recomputeResponse(
  raw: JiraIssue,
  ids: ItrFieldIds,
  config: ItrConfig,
  settings: ClockSettings,
  pauses: PausesByIssue,
  writes: FieldWrites,
  now: Date,
): Outcome {
  const f = raw.fields;
  const createdAt = instantOf(f['created']);
  if (createdAt === null || !isItrIssueType(nameOf(f['issuetype'], 'name'))) return 'skipped';
  const clock = responseClockOf(
    config,
    settings,
    {
      grade: textOf(f[ids.grade]),
      classification: textOf(f[ids.classification]),
      projectKey: nameOf(f['project'], 'key'),
      createdAt,
    },
    issuePauses(pauses, raw.id),
  );
  if (clock === null) return 'skipped';
  const stamped = stampTimeRule(raw, ids, config, writes);
  const storedDue = typeof f[ids.responseDueAt] === 'string' ? (f[ids.responseDueAt] as string) : null;
  const storedWarn = typeof f[ids.responseWarnAt] === 'string' ? (f[ids.responseWarnAt] as string) : null;
  if (sameTime(clock.dueAt, storedDue) && sameTime(clock.warnAt, storedWarn)) return stamped ? 'changed' : 'same';
  setResponseFields(writes, raw.id, ids, clock, responseAlertOf(f[ids.responseAlert]), now);
  return 'changed';
}
