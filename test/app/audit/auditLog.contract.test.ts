/**
 * The audit log through the exported handlers on the demo site (real SDKs, Jira/KVS/queue doubles,
 * MariaDB): each destructive action an admin takes leaves one entry (who, what, on what), read back
 * newest first in pages by `listAuditLog`, which only admins may call.
 */
import { execute, runMigrations } from '../../../src/adapters/sql';
import type { AuditPage } from '../../../src/contract';
import { invokeResolver } from '../../../platform-doubles';
import { VALID_PAYLOADS } from '../../security/payloads';
import { RESOLVERS, ROLE_IDS, seedSecuritySite } from '../../security/site';

type Envelope<T> = { success: true; data: T } | { success: false; errors: Array<{ code: string; message: string }> };
const ADMIN = ROLE_IDS.admin;

function resolverOf(key: string): (typeof RESOLVERS)[number] {
  const r = RESOLVERS.find((x) => x.keys.includes(key));
  if (r === undefined) throw new Error(`no resolver defines ${key}`);
  return r;
}
async function call<T>(key: string, payload: unknown, accountId: string | undefined = ADMIN): Promise<Envelope<T>> {
  return (await invokeResolver(resolverOf(key).handler, key, payload, {
    ...(accountId === undefined ? {} : { accountId }),
  })) as Envelope<T>;
}
async function ok<T>(key: string, payload: unknown): Promise<T> {
  const answer = await call<T>(key, payload);
  if (!answer.success) throw new Error(`${key}: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}
async function log(before?: number): Promise<AuditPage> {
  return ok<AuditPage>('listAuditLog', before === undefined ? {} : { before });
}

beforeAll(async () => {
  await runMigrations();
});
beforeEach(async () => {
  seedSecuritySite();
  for (const t of ['audit_log', 'itr_case', 'case_version', 'case_issue_link']) await execute(`DELETE FROM ${t}`);
});

describe('every destructive action leaves one entry', () => {
  it.each([
    ['saveGradingTable', 'grading.publish', /^gradingTable:2$/],
    ['startRegrade', 'regrade.start', /./],
    ['startEscalationRecalculation', 'escalation.recalculate', /./],
    ['setFallbackClosers', 'closure.fallbackClosers', /fallback/i],
    ['saveReturnVisitSettings', 'settings.save', /returnVisit/],
    ['saveSupervisionSettings', 'settings.save', /^supervision$/],
    ['saveSupportLineSettings', 'settings.save', /^supportLines$/],
    ['saveCalendars', 'settings.save', /^calendars$/],
  ])('%s → %s', async (key, action, target) => {
    await ok(key, VALID_PAYLOADS[key]);
    const entries = (await log()).entries;
    expect(entries.map((e) => [e.action, e.actorAccountId])).toEqual([[action, ADMIN]]);
    expect(entries[0]!.target).toMatch(target);
    expect(entries[0]!.summary.length).toBeGreaterThan(10);
  });

  it('restoring a grading version is recorded as a restore, with the version it came from', async () => {
    await ok('saveGradingTable', VALID_PAYLOADS['saveGradingTable']);
    await ok('restoreGradingVersion', { version: 1, expectedRevision: 1 });
    const [latest] = (await log()).entries;
    expect(latest).toMatchObject({
      action: 'grading.restoreVersion',
      target: 'gradingTable:3',
      actorAccountId: ADMIN,
      actorName: '陈静',
      params: { version: 3, restoredFrom: 1 },
    });
  });

  it('saving and retiring a case are recorded with its id and title', async () => {
    const created = await ok<{ id: number }>('saveCase', VALID_PAYLOADS['saveCase']);
    await ok('retireCase', { id: created.id, confirm: true });
    expect((await log()).entries.map((e) => [e.action, e.target, e.params['title']])).toEqual([
      ['case.retire', String(created.id), 'Kiosk freezes'],
      ['case.save', String(created.id), 'Kiosk freezes'],
    ]);
  });

  it('a refused action leaves no entry', async () => {
    expect((await call('saveGradingTable', VALID_PAYLOADS['saveGradingTable'], ROLE_IDS.agent)).success).toBe(false);
    expect((await call('retireCase', { id: 99, confirm: true })).success).toBe(false);
    expect((await log()).entries).toEqual([]);
  });
});

describe('destructive actions need explicit confirmation on the server', () => {
  it.each([
    ['startRegrade', {}],
    ['startEscalationRecalculation', {}],
    ['retireCase', { id: 1 }],
    ['commitBackupRestore', { restoreId: 'restore-00000000-0000-4000-8000-000000000000' }],
    ['restoreBackup', { document: {} }],
  ])('%s without confirm: true answers CONFIRMATION_REQUIRED and leaves no entry', async (key, payload) => {
    for (const confirm of [undefined, false, 'true', 1]) {
      const answer = await call(key, { ...payload, ...(confirm === undefined ? {} : { confirm }) });
      expect([key, confirm, answer.success ? 'ok' : answer.errors[0]!.code]).toEqual([
        key,
        confirm,
        'CONFIRMATION_REQUIRED',
      ]);
    }
    expect((await log()).entries).toEqual([]);
  });
});

describe('reading the log', () => {
  it('pages newest first, and only admins may read it', async () => {
    for (let i = 0; i < 30; i++)
      await execute(
        "INSERT INTO audit_log (at, actor_account_id, action, target, summary, params) VALUES ('2026-11-23 09:00:00', ?, 'case.retire', ?, 'Case retired', '{}')",
        [ADMIN, String(i)],
      );
    const first = await log();
    expect(first.entries.map((e) => e.target)).toEqual(Array.from({ length: 25 }, (_, i) => String(29 - i)));
    const second = await log(first.nextBefore!);
    expect(second.entries.map((e) => e.target)).toEqual(['4', '3', '2', '1', '0']);
    expect(second.nextBefore).toBeNull();
    for (const who of [ROLE_IDS.agent, ROLE_IDS.triage, ROLE_IDS.supervisor]) {
      expect(await call('listAuditLog', {}, who)).toMatchObject({
        success: false,
        errors: [{ code: 'NOT_AUTHORIZED' }],
      });
    }
  });
});
