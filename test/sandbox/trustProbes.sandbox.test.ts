/**
 * Issue 13, section 3, probed as a user would: over HTTP against the sandbox, with Jira's REST API as
 * the acting user and `invoke` through the bridge. Before the fixes (commits 692c3a3, 072671b) the
 * hand-off answer carried SEC-1's key and summary (the record named it and the app read it as the
 * app), a property's dispatch time drove the acceptance clock, and the preview walked the calendar
 * with no bound (about 160,000 steps, minutes) instead of stopping at the step bound.
 */
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { DEMO_USERS } from '../../sandbox/demoSite';
import { CalendarWork, DEFAULT_GRADING_TABLE, MAX_SLA_MINUTES } from '../../src/domain';
import { PREVIEW_MAX_CALENDAR_STEPS } from '../../src/app/grading/gradingAdmin';

const byName = (name: string): string => {
  const u = DEMO_USERS.find((x) => x.displayName === name);
  if (u === undefined) throw new Error(`no demo user ${name}`);
  return u.accountId;
};
const TOM = byName('Tom Baker'); // L2, edits ITR issues, may not browse SEC
const MARIA = byName('Maria Lopez'); // triage
const ADMIN = byName('陈静'); // the grading admin page's frame is for administrators

let sandbox: RunningSandbox;
beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, demoHistory: false, log: () => undefined });
});
afterEach(async () => {
  await sandbox.stop();
});

const cookieOf = (accountId: string): string => `itr_sandbox=${encodeURIComponent(new URLSearchParams({ accountId, lang: 'en', theme: 'light' }).toString())}`;

async function rest(accountId: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: { cookie: cookieOf(accountId), accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text === '' ? null : (JSON.parse(text) as unknown) };
}

async function invoke(accountId: string, frame: { moduleKey: string; issueKey?: string }, functionKey: string, payload: unknown = {}): Promise<{ status: number; text: string; result: { success: boolean; data?: unknown; errors?: Array<{ code: string }> } }> {
  const res = await fetch(`${sandbox.url}/__bridge`, {
    method: 'POST',
    headers: { cookie: cookieOf(accountId), 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'invoke', payload: { functionKey, payload }, frame: { issueKey: null, projectKey: null, ...frame } }),
  });
  const text = await res.text();
  return { status: res.status, text, result: (JSON.parse(text) as { result: { success: boolean } }).result };
}

describe('probe: a hand-off record written in an issue property', () => {
  it('shows nothing of an issue the editor may not browse', async () => {
    const secret = await rest(byName('Anna Schmidt'), 'GET', '/rest/api/3/issue/SEC-1?fields=summary');
    const secretSummary = (secret.json as { fields: { summary: string } }).fields.summary;
    const secretId = (secret.json as { id: string }).id;
    expect((await rest(TOM, 'GET', '/rest/api/3/issue/SEC-1?fields=summary')).status).toBe(404);
    // Tom may edit ITR-1, so Jira lets him write its properties.
    const put = await rest(TOM, 'PUT', '/rest/api/3/issue/ITR-1/properties/itr-handoffs', { rnd: { key: 'SEC-1', id: secretId, summary: 'x', by: TOM, at: '' }, sales: { key: 'SEC-1', id: secretId, summary: 'x', by: TOM, at: '' } });
    expect(put.status).toBeLessThan(300);
    const frame = { moduleKey: 'itr-issue-panel', issueKey: 'ITR-1' };
    const listed = await invoke(TOM, frame, 'listHandoffs', { issueKey: 'ITR-1' });
    const sent = await invoke(TOM, frame, 'sendHandoff', { issueKey: 'ITR-1', target: 'rnd' });
    for (const answer of [listed, sent]) {
      expect(answer.text).not.toContain(secretSummary);
      expect(answer.text).not.toContain('SEC-1');
    }
  });
});

describe('probe: a triage dispatch time written in an issue property', () => {
  it('far future or past, the triage queue still answers and nothing is deemed accepted by it', async () => {
    const queue = await invoke(MARIA, { moduleKey: 'itr-home' }, 'listTriage', {});
    expect(queue.result.success).toBe(true);
    const items = (queue.result.data as { items: Array<{ issueKey: string; acceptance: string | null }> }).items;
    const awaiting = items.filter((i) => i.acceptance === 'awaiting').map((i) => i.issueKey);
    const target = awaiting[0] ?? items[0]?.issueKey;
    if (target === undefined) throw new Error('the demo triage queue is empty');
    for (const dispatchedAt of ['+275760-09-13T00:00:00.000Z', '1970-01-01T00:00:00.000Z']) {
      const put = await rest(TOM, 'PUT', `/rest/api/3/issue/${target}/properties/itr.dispatch`, { dispatchedAt, ownerAccountId: TOM, by: MARIA });
      expect(put.status).toBeLessThan(300);
      const again = await invoke(MARIA, { moduleKey: 'itr-home' }, 'listTriage', {});
      expect(again.result.success).toBe(true);
      expect((again.result.data as { deemedAccepted: string[] }).deemedAccepted).not.toContain(target);
    }
  });
});

describe('probe: previewGrade with the worst allowed draft', () => {
  it('answers CALENDAR_WORK_LIMIT after a bounded number of calendar steps', async () => {
    const steps = jest.spyOn(CalendarWork.prototype, 'step');
    try {
      const sla = Object.fromEntries(
        Object.keys(DEFAULT_GRADING_TABLE.sla).map((g) => [g, { responseMinutes: MAX_SLA_MINUTES, resolutionMinutes: MAX_SLA_MINUTES, calendarId: 'sparse', ola: { unit: 'percent', lines: { L1: { amount: 20 }, L2: { amount: 30 }, L3: { amount: 50 } } } }]),
      );
      const draft = { table: { ...DEFAULT_GRADING_TABLE, sla }, calendars: { sparse: { timeZone: 'America/New_York', week: { mon: [['09:00', '09:01']] } } } };
      const answers = { businessImpact: 'outage', duration: 'h1to4', scope: 'large', customerTier: 'standard', sensitivity: 'none' };
      const answer = await invoke(ADMIN, { moduleKey: 'itr-grading-admin' }, 'previewGrade', { answers, startAt: '2026-03-02T01:00:00.000Z', draft });
      expect(answer.result).toMatchObject({ success: false, errors: [{ code: 'CALENDAR_WORK_LIMIT' }] });
      expect(steps.mock.calls.length).toBe(PREVIEW_MAX_CALENDAR_STEPS + 1);
    } finally {
      steps.mockRestore();
    }
  });
});
