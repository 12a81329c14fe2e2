/**
 * Fault injection on grading configuration saves (grading-admin-resolver → KVS): conflicts injected
 * on each of the two writes a save makes, KVS 500s, a concurrent admin publishing in between. For each:
 * the answer is a coded envelope, no published table and history disagree (no orphan version, no
 * version lost), and the admin's retry with the fresh revision publishes exactly one new version.
 */
import { gradingAdminResolver } from '../../src/index';
import { DEFAULT_GRADING_TABLE, type GradingTable } from '../../src/domain';
import { harness, invokeResolver } from '../../platform-doubles';

const { jira, kvs } = harness();
const ADMIN = 'acc-admin';
const OTHER_ADMIN = 'acc-admin-2';

type Env = { success: boolean; data?: Record<string, unknown>; errors?: Array<{ code: string }> };
const call = (key: string, payload: unknown, accountId = ADMIN): Promise<Env> =>
  invokeResolver(gradingAdminResolver, key, payload, { accountId }) as Promise<Env>;

function edited(minutes: number): GradingTable {
  const critical = DEFAULT_GRADING_TABLE.sla['critical']!;
  return {
    ...DEFAULT_GRADING_TABLE,
    sla: { ...DEFAULT_GRADING_TABLE.sla, critical: { ...critical, responseMinutes: minutes } },
  };
}

async function state(): Promise<{ revision: number; version: number; minutes: number; versions: number[] }> {
  // A read refused by a KVS fault is shown as an error by the page; the admin reloads (≤ 3 times).
  let s = await call('getGradingAdmin', {});
  for (let i = 0; i < 2 && !s.success; i++) s = await call('getGradingAdmin', {});
  expect(s.success).toBe(true);
  const d = s.data as { tableRevision: number; table: GradingTable; versions: Array<{ version: number }> };
  return {
    revision: d.tableRevision,
    version: d.table.version,
    minutes: d.table.sla['critical']!.responseMinutes,
    versions: d.versions.map((v) => v.version).sort((a, b) => a - b),
  };
}

/** Published table and history agree: the published version is the newest in the history, versions are 1..n. */
function consistent(s: { version: number; versions: number[] }): void {
  expect(s.versions).toEqual(s.versions.map((_, i) => i + 1));
  if (s.versions.length > 0) expect(s.version).toBe(s.versions[s.versions.length - 1]);
}

/** The admin page's behaviour on a refused save: reload, save again (at most 3 tries). */
async function saveWithRetry(minutes: number): Promise<{ tries: number; codes: string[] }> {
  const codes: string[] = [];
  for (let tries = 1; tries <= 3; tries++) {
    const { revision } = await state();
    const answer = await call('saveGradingTable', {
      table: edited(minutes),
      expectedRevision: revision,
      comment: `critical response ${minutes} min`,
    });
    if (answer.success) return { tries, codes };
    codes.push(answer.errors?.[0]?.code ?? '?');
  }
  return { tries: 4, codes };
}

beforeEach(() => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Admin', groups: ['jira-administrators'] });
  jira.seedUser({ accountId: OTHER_ADMIN, displayName: 'Admin 2', groups: ['jira-administrators'] });
});

describe('grading configuration saves under KVS faults: nothing lost, nothing half-written', () => {
  it.each([
    ['a conflict on the first write (history entry)', () => kvs.injectConflict(1)],
    ['conflicts on both writes', () => kvs.injectConflict(2)],
    [
      'a KVS 500 on the next write',
      () => kvs.failNext(1, { status: 500, code: 'INTERNAL_SERVER_ERROR', path: '/api/v1/set' }),
    ],
    ['KVS 500s on reads and writes', () => kvs.failNext(2, { status: 500, code: 'INTERNAL_SERVER_ERROR' })],
    ['a 429 from KVS', () => kvs.failNext(1, { status: 429, code: 'RATE_LIMIT_EXCEEDED' })],
  ])('%s: coded refusal, consistent store, the retry publishes exactly one version', async (_label, inject) => {
    expect((await saveWithRetry(20)).tries).toBe(1);
    const before = await state();
    consistent(before);
    inject();
    const first = await call('saveGradingTable', { table: edited(25), expectedRevision: before.revision });
    if (!first.success) {
      expect(first.errors?.[0]?.code).toMatch(/^[A-Z_]+$/);
      expect(first.errors?.[0]?.code).not.toBe('INTERNAL_ERROR');
      const after = await state();
      consistent(after);
      expect(after.minutes).toBe(20);
    }
    const retried = first.success ? { tries: 0, codes: [] } : await saveWithRetry(25);
    expect(retried.tries).toBeLessThanOrEqual(3);
    const end = await state();
    consistent(end);
    expect(end.minutes).toBe(25);
    expect(end.versions).toHaveLength(before.versions.length + 1);
  });

  it('a concurrent admin publishes between read and write: one wins, the other is refused, no update lost after its retry', async () => {
    const start = await state();
    kvs.beforeNextRequest(async () => {
      const other = await call(
        'saveGradingTable',
        { table: edited(40), expectedRevision: start.revision },
        OTHER_ADMIN,
      );
      expect(other.success).toBe(true);
    });
    const mine = await call('saveGradingTable', { table: edited(30), expectedRevision: start.revision });
    expect(mine).toMatchObject({ success: false });
    const mid = await state();
    consistent(mid);
    expect(mid.minutes).toBe(40);
    expect((await saveWithRetry(30)).tries).toBe(1);
    const end = await state();
    consistent(end);
    expect(end.minutes).toBe(30);
    expect(end.versions).toHaveLength(start.versions.length + 2);
  });

  it('calendars: an injected conflict refuses the save, the stored calendars stay, the retry stores them once', async () => {
    const office = {
      timeZone: 'Asia/Shanghai',
      week: {
        mon: [
          ['09:00', '12:00'],
          ['13:30', '18:00'],
        ],
      },
    };
    kvs.injectConflict(1);
    const refused = await call('saveCalendars', { calendars: { office }, expectedRevision: 0 });
    expect(refused.success).toBe(false);
    expect(((await call('getGradingAdmin', {})).data as { siteCalendars: unknown }).siteCalendars).toEqual({});
    const saved = await call('saveCalendars', { calendars: { office }, expectedRevision: 0 });
    expect(saved.success).toBe(true);
    const d = (await call('getGradingAdmin', {})).data as { siteCalendars: unknown; calendarsRevision: number };
    expect(d.siteCalendars).toEqual({ office });
    expect(d.calendarsRevision).toBe(1);
  });
});
