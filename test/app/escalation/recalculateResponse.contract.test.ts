/**
 * The admin's recalculation also (re)computes the response (acceptance) clock of open, not-yet-accepted
 * ITR issues from their creation: issues created before the release that brought the clock have no
 * response due time until it runs (the README's upgrade note). Through the exported grading-admin
 * resolver and the escalation consumer, on the Jira double and MariaDB.
 */
import { escalationConsumer, gradingAdminResolver } from '../../../src/index';
import { ConfigStore } from '../../../src/adapters/kvs';
import { runMigrations } from '../../../src/adapters/sql';
import {
  CLOCK_SETTINGS_KEY,
  clockSettingsCodec,
  DEFAULT_CLOCK_SETTINGS,
} from '../../../src/app/escalation/clockSettings';
import { DEFAULT_CALENDARS, DEFAULT_GRADING_TABLE, responseDeadlines } from '../../../src/domain';
import { harness, invokeResolver } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';
import { ITR_TYPE } from '../../fixtures/itrScope';

const { jira, queue, sql, runtime } = harness();

const ADMIN = 'acc-admin';
const OWNER = 'acc-owner';
const MINUTE = 60_000;

let ids: ReturnType<typeof defineItrFields>;

/** Whole seconds (Jira stores app datetimes so), `minutes` from now. */
const fromNow = (minutes: number): number => Math.floor((Date.now() + minutes * MINUTE) / 1000) * 1000;
const jiraTime = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000');
const instant = (v: unknown): number | null => (v === null || v === undefined ? null : Date.parse(String(v)));

/** What the domain gives a grade's response clock from `createdMs` (no pauses). */
function expectedOn(grade: string, createdMs: number): { due: number | null; warn: number | null } {
  const sla = DEFAULT_GRADING_TABLE.sla[grade]!;
  const calendar = DEFAULT_CALENDARS.find((c) => c.id === sla.calendarId)!.calendar;
  const d = responseDeadlines({ calendar, createdAt: new Date(createdMs), responseMinutes: sla.responseMinutes });
  return { due: d.dueAt?.getTime() ?? null, warn: d.warnAt?.getTime() ?? null };
}

async function recalculate(): Promise<Record<string, unknown>> {
  const started = (await invokeResolver(
    gradingAdminResolver,
    'startEscalationRecalculation',
    { confirm: true },
    { accountId: ADMIN },
  )) as { success: boolean; data: { jobId: string } };
  expect(started.success).toBe(true);
  await queue.drain();
  const progress = (await invokeResolver(
    gradingAdminResolver,
    'getEscalationRecalculation',
    { jobId: started.data.jobId },
    { accountId: ADMIN },
  )) as { data: Record<string, unknown> };
  return progress.data;
}

beforeEach(async () => {
  await runMigrations();
  for (const table of ['line_pause', 'escalation_audit']) await sql.raw(`DELETE FROM ${table}`);
  jira.seedUser({
    accountId: ADMIN,
    displayName: 'Admin',
    groups: ['jira-administrators'],
    globalPermissions: ['ADMINISTER'],
  });
  jira.seedUser({ accountId: OWNER, displayName: 'Li Lei' });
  ids = defineItrFields(jira);
  queue.registerConsumer('escalation', (payload) => escalationConsumer(payload as never));
});

describe('recalculation of the response clock', () => {
  it('gives open, not-yet-accepted ITR issues created before the clock their response times from creation', async () => {
    // SUP's untriaged issues run on Major (the admin's per-project default); elsewhere the site's (unset: Critical).
    await new ConfigStore().set(
      CLOCK_SETTINGS_KEY,
      { ...DEFAULT_CLOCK_SETTINGS, projectGrades: { SUP: 'major' } },
      clockSettingsCodec,
    );
    const created = fromNow(-10);
    jira.seedIssue({ key: 'ITR-1', issueType: ITR_TYPE, created: new Date(created) });
    jira.seedIssue({ key: 'SUP-1', issueType: ITR_TYPE, created: new Date(created) });
    const awaiting = {
      [ids.kind]: 'complaint',
      [ids.grade]: 'major',
      [ids.line]: 'L1',
      [ids.owner]: { accountId: OWNER },
      [ids.acceptance]: 'awaiting',
    };
    jira.seedIssue({ key: 'ITR-2', issueType: ITR_TYPE, created: new Date(created), fields: awaiting });
    // Stopped clocks and other work stay as they are.
    jira.seedIssue({
      key: 'ITR-3',
      issueType: ITR_TYPE,
      created: new Date(created),
      fields: { ...awaiting, [ids.acceptance]: 'accepted' },
    });
    jira.seedIssue({
      key: 'ITR-4',
      issueType: ITR_TYPE,
      created: new Date(created),
      fields: { ...awaiting, [ids.acceptance]: 'deemedAccepted' },
    });
    jira.seedIssue({ key: 'ITR-5', issueType: ITR_TYPE, status: 'Closed', created: new Date(created) });
    jira.seedIssue({ key: 'RND-1', issueType: 'Task', created: new Date(created) });

    const progress = await recalculate();

    const times = (key: string) => ({
      due: instant(jira.issue(key).fields[ids.responseDueAt]),
      warn: instant(jira.issue(key).fields[ids.responseWarnAt]),
    });
    expect(times('ITR-1')).toEqual({ due: created + 30 * MINUTE, warn: created + 22 * MINUTE }); // Critical, round the clock
    expect(times('SUP-1')).toEqual(expectedOn('major', created));
    expect(times('ITR-2')).toEqual(expectedOn('major', created));
    expect(times('SUP-1').due).not.toBe(created + 30 * MINUTE);
    for (const key of ['ITR-3', 'ITR-4', 'ITR-5', 'RND-1']) expect(times(key)).toEqual({ due: null, warn: null });
    // ITR-2 is on a line too: its line clock has no entry time, so that phase skips it.
    expect(progress).toMatchObject({ status: 'done', changed: 3 });
  });

  it('moves a stored response time to the grade in force (the warning left for the sweep), and a second run changes nothing', async () => {
    const created = fromNow(-25);
    // Stamped when the grade's response time was longer: due in 2 hours, no alert yet.
    jira.seedIssue({
      key: 'ITR-7',
      issueType: ITR_TYPE,
      created: new Date(created),
      fields: {
        [ids.responseDueAt]: jiraTime(created + 120 * MINUTE),
        [ids.responseWarnAt]: jiraTime(created + 90 * MINUTE),
      },
    });
    expect(await recalculate()).toMatchObject({ status: 'done', changed: 1 });
    const f = jira.issue('ITR-7').fields;
    expect(instant(f[ids.responseDueAt])).toBe(created + 30 * MINUTE);
    // Past the new warning time (22 min after creation) with no alert sent: left for the sweep to warn.
    expect(f[ids.responseAlert] ?? null).toBeNull();
    const writes = jira.requestCount('POST /rest/api/3/app/field/value');
    expect(await recalculate()).toMatchObject({ status: 'done', changed: 0 });
    expect(jira.requestCount('POST /rest/api/3/app/field/value')).toBe(writes);
  });

  it('hands the response phase back to the queue when short of time and finishes it in the next delivery', async () => {
    const created = fromNow(-5);
    jira.seedIssue({ key: 'ITR-8', issueType: ITR_TYPE, created: new Date(created) });
    // The time is asked before each page: the line phase (no issue on a line) has time, the response
    // phase of the same delivery has none and goes back to the queue; the next delivery has plenty.
    let asked = 0;
    runtime.setRemainingTimeMillis(() => (++asked === 2 ? 0 : 600_000));
    const progress = await recalculate();
    expect(progress).toMatchObject({ status: 'done', changed: 1 });
    const phases = queue.pushes.flatMap((p) => p.events).map((e) => (e.body as { phase?: string }).phase);
    expect(phases).toEqual([undefined, 'response']);
    expect(instant(jira.issue('ITR-8').fields[ids.responseDueAt])).toBe(created + 30 * MINUTE);
  });
});
