/**
 * Issue 13, section 3, probed as a user would: over HTTP against the sandbox, with Jira's REST API as
 * the acting user and `invoke` through the bridge. Before the fixes (commits 692c3a3, 072671b) the
 * hand-off answer carried SEC-1's key and summary (the record named it and the app read it as the
 * app), a property's dispatch time drove the acceptance clock, and the preview walked the calendar
 * with no bound (about 160,000 steps, minutes) instead of stopping at the step bound. Also probed:
 * triage cannot hand an issue to an outsider (commit 32d9f0b), an agent cannot publish or retire a
 * case (46f8467), and closing state forged in issue properties changes nothing the app or its rules decide.
 */
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { DEMO_FIELD_IDS, DEMO_USERS, OUTSIDER } from '../../sandbox/demoSite';
import { CalendarWork, DEFAULT_GRADING_TABLE, MAX_SLA_MINUTES } from '../../src/domain';
import { PREVIEW_MAX_CALENDAR_STEPS } from '../../src/app/grading/gradingAdmin';

import { demoAccountId as byName, invokeAs, restAs } from './sandboxHttp';

const TOM = byName('Tom Baker'); // L2, edits ITR issues, may not browse SEC
const MARIA = byName('Maria Lopez'); // triage
const ADMIN = byName('陈静'); // the grading admin page's frame is for administrators
const ANSWERS = {
  businessImpact: 'outage',
  duration: 'h1to4',
  scope: 'large',
  customerTier: 'standard',
  sensitivity: 'none',
};

let sandbox: RunningSandbox;
beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, demoHistory: false, log: () => undefined });
});
afterEach(async () => {
  await sandbox.stop();
});

const rest = (accountId: string, method: string, path: string, body?: unknown) =>
  restAs(sandbox.url, accountId, method, path, body);

async function invoke(
  accountId: string,
  frame: { moduleKey: string; issueKey?: string },
  functionKey: string,
  payload: unknown = {},
): Promise<{
  status: number;
  text: string;
  result: { success: boolean; data?: unknown; errors?: Array<{ code: string }> };
}> {
  const { status, text } = await invokeAs(sandbox.url, accountId, frame, functionKey, payload);
  return { status, text, result: (JSON.parse(text) as { result: { success: boolean } }).result };
}

describe('probe: a hand-off record written in an issue property', () => {
  it('shows nothing of an issue the editor may not browse', async () => {
    const secret = await rest(byName('Anna Schmidt'), 'GET', '/rest/api/3/issue/SEC-1?fields=summary');
    const secretSummary = (secret.json as { fields: { summary: string } }).fields.summary;
    const secretId = (secret.json as { id: string }).id;
    expect((await rest(TOM, 'GET', '/rest/api/3/issue/SEC-1?fields=summary')).status).toBe(404);
    // Tom may edit ITR-1, so Jira lets him write its properties.
    const put = await rest(TOM, 'PUT', '/rest/api/3/issue/ITR-1/properties/itr-handoffs', {
      rnd: { key: 'SEC-1', id: secretId, summary: 'x', by: TOM, at: '' },
      sales: { key: 'SEC-1', id: secretId, summary: 'x', by: TOM, at: '' },
    });
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
      const put = await rest(TOM, 'PUT', `/rest/api/3/issue/${target}/properties/itr.dispatch`, {
        dispatchedAt,
        ownerAccountId: TOM,
        by: MARIA,
      });
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
        Object.keys(DEFAULT_GRADING_TABLE.sla).map((g) => [
          g,
          {
            responseMinutes: MAX_SLA_MINUTES,
            resolutionMinutes: MAX_SLA_MINUTES,
            calendarId: 'sparse',
            ola: { unit: 'percent', lines: { L1: { amount: 20 }, L2: { amount: 30 }, L3: { amount: 50 } } },
          },
        ]),
      );
      const draft = {
        table: { ...DEFAULT_GRADING_TABLE, sla },
        calendars: { sparse: { timeZone: 'America/New_York', week: { mon: [['09:00', '09:01']] } } },
      };
      const answers = {
        businessImpact: 'outage',
        duration: 'h1to4',
        scope: 'large',
        customerTier: 'standard',
        sensitivity: 'none',
      };
      const answer = await invoke(ADMIN, { moduleKey: 'itr-grading-admin' }, 'previewGrade', {
        answers,
        startAt: '2026-03-02T01:00:00.000Z',
        draft,
      });
      expect(answer.result).toMatchObject({ success: false, errors: [{ code: 'CALENDAR_WORK_LIMIT' }] });
      expect(steps.mock.calls.length).toBe(PREVIEW_MAX_CALENDAR_STEPS + 1);
    } finally {
      steps.mockRestore();
    }
  });
});

const OSCAR = OUTSIDER; // browses no ITR project
const ANNA = byName('Anna Schmidt'); // submitter of the demo issues
const L1 = DEMO_USERS.find((u) => u.role === 'L1')!.accountId;
type Issue = { key: string; fields: Record<string, unknown> };
const issueAs = async (accountId: string, key: string): Promise<Issue> =>
  (await rest(accountId, 'GET', `/rest/api/3/issue/${key}`)).json as Issue;

describe('probe: triage hands an issue to an account that cannot browse it', () => {
  it('triage cannot hand an issue to someone who may not browse it: TRIAGE_OWNER_CANNOT_BROWSE, the owner stays', async () => {
    expect((await rest(OSCAR, 'GET', '/rest/api/3/issue/ITR-1?fields=summary')).status).toBe(404);
    const home = { moduleKey: 'itr-home' };
    const items = (
      (await invoke(MARIA, home, 'listTriage', {})).result.data as {
        items: Array<{ issueKey: string; grade: string | null }>;
      }
    ).items;
    const untriaged = items.find((i) => i.grade === null && i.issueKey.startsWith('ITR-'))?.issueKey;
    if (untriaged === undefined)
      throw new Error(`the demo triage queue has no untriaged ITR issue: ${JSON.stringify(items)}`);
    const owned = 'ITR-4'; // graded, at L2, Tom's
    const before = [await issueAs(ADMIN, untriaged), await issueAs(ADMIN, owned)];

    const decision = {
      issueKey: untriaged,
      kind: 'technicalService',
      classification: {
        facts: {
          failsWithinSpecification: false,
          contractOrProcessNotFollowed: false,
          expectedByUserHabitOrIndustryNorm: true,
        },
      },
      answers: ANSWERS,
      warranty: 'in',
      product: 'Router X1',
      customerTier: 'standard',
      ownerAccountId: OSCAR,
    };
    const triaged = await invoke(MARIA, home, 'triageIssue', decision);
    expect(triaged.result).toMatchObject({
      success: false,
      errors: [{ code: 'TRIAGE_OWNER_CANNOT_BROWSE', path: 'ownerAccountId' }],
    });
    const forwarded = await invoke(MARIA, home, 'reassignIssue', {
      issueKey: owned,
      mode: 'forward',
      toAccountId: OSCAR,
      reason: 'Oscar knows the VAT module',
    });
    expect(forwarded.result).toMatchObject({ success: false, errors: [{ code: 'TRIAGE_OWNER_CANNOT_BROWSE' }] });
    expect([await issueAs(ADMIN, untriaged), await issueAs(ADMIN, owned)]).toEqual(before);
    // Not vacuous: the same forward to an ITR engineer goes through.
    expect(
      (
        await invoke(MARIA, home, 'reassignIssue', {
          issueKey: owned,
          mode: 'forward',
          toAccountId: L1,
          reason: 'Li knows the VAT module',
        })
      ).result,
    ).toMatchObject({ success: true });
  });
});

describe('probe: case edits over the bridge by an agent who is not a case editor', () => {
  it('an agent who is not a case editor cannot publish or retire a case over the bridge', async () => {
    const home = { moduleKey: 'itr-home' };
    const content = {
      title: 'Kiosk freezes',
      symptom: 'The kiosk freezes after reboot',
      product: '',
      productVersion: '',
      environment: '',
      rootCause: '',
      shortTermMeasure: '',
      longTermMeasure: '',
      language: '',
      tags: [],
    };
    // A case the editor (Maria, triage) published.
    const created = await invoke(MARIA, home, 'saveCase', { content: { ...content, status: 'published' } });
    expect(created.result).toMatchObject({ success: true });
    const published = created.result.data as { id: number; revision: number };
    const before = await invoke(ADMIN, home, 'getCase', { id: published.id });

    expect(
      (await invoke(TOM, home, 'saveCase', { content: { ...content, status: 'published' } })).result,
    ).toMatchObject({ success: false, errors: [{ code: 'NOT_AUTHORIZED' }] });
    expect((await invoke(TOM, home, 'retireCase', { id: published.id, confirm: true })).result).toMatchObject({
      success: false,
      errors: [{ code: 'NOT_AUTHORIZED' }],
    });
    expect(
      (
        await invoke(TOM, home, 'saveCase', {
          id: published.id,
          expectedRevision: published.revision,
          content: { ...content, title: 'Tom was here', status: 'published' },
        })
      ).result,
    ).toMatchObject({ success: false, errors: [{ code: 'NOT_AUTHORIZED' }] });
    expect((await invoke(ADMIN, home, 'getCase', { id: published.id })).text).toBe(before.text);
    // Not vacuous: anyone may save a draft, and the case editor retires.
    expect((await invoke(TOM, home, 'saveCase', { content: { ...content, status: 'draft' } })).result).toMatchObject({
      success: true,
    });
    expect((await invoke(MARIA, home, 'retireCase', { id: published.id, confirm: true })).result).toMatchObject({
      success: true,
    });
  });
});

describe('probe: an editor writes the closing state the app used to keep in properties', () => {
  it("an editor's forged visit property changes nothing the app decides", async () => {
    const found = await rest(ADMIN, 'POST', '/rest/api/3/search/jql', {
      jql: 'project = ITR AND status = Resolved ORDER BY key',
      fields: ['reporter'],
      maxResults: 10,
    });
    const key = (
      found.json as { issues: Array<{ key: string; fields: { reporter: { accountId: string } | null } }> }
    ).issues.find((i) => i.fields.reporter?.accountId === ANNA)?.key;
    if (key === undefined)
      throw new Error(`no resolved ITR issue of Anna's: ${JSON.stringify(found.json).slice(0, 300)}`);
    // The state the app keeps on resolve when a return visit is required (its own app field), as after a real resolve.
    sandbox.harness.jira.issue(key).fields[DEMO_FIELD_IDS.visitOpen] = 'yes';
    const transitions = (await rest(ADMIN, 'GET', `/rest/api/3/issue/${key}/transitions`)).json as {
      transitions: Array<{ id: string; name: string }>;
    };
    const close = transitions.transitions.find((t) => t.name === 'Close')?.id;
    if (close === undefined) throw new Error(`no Close from Resolved: ${JSON.stringify(transitions)}`);
    const panel = { moduleKey: 'itr-issue-panel', issueKey: key };
    const decided = async () => ({
      state: (await invoke(TOM, panel, 'getIssueItrState', { issueKey: key })).text,
      issue: await issueAs(ADMIN, key),
    });
    const before = await decided();

    // Tom may edit the issue, so Jira lets him write its properties: the visit "done", and under `itr-close`
    // (the key the close rules read, as an app property, before commit 677e2fb) himself as a fallback closer.
    for (const [property, value] of [
      ['itr-visit-open', { open: false, value: 'no' }],
      ['itr.visit', { open: false, recordedAt: '2026-01-01T00:00:00.000Z' }],
      [
        'itr-close',
        {
          submitter: DEMO_FIELD_IDS.submitter,
          visitOpen: DEMO_FIELD_IDS.visitOpen,
          rootCause: DEMO_FIELD_IDS.rootCauseComplete,
          classification: DEMO_FIELD_IDS.classification,
          fallback: [TOM],
        },
      ],
    ] as const) {
      expect((await rest(TOM, 'PUT', `/rest/api/3/issue/${key}/properties/${property}`, value)).status).toBeLessThan(
        300,
      );
    }
    expect(await decided()).toEqual(before);
    // Jira's workflow rules read the app field and the rule's config, not the properties: Close stays refused.
    for (const who of [ANNA, TOM])
      expect([
        who,
        (await rest(who, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: close } })).status,
      ]).toEqual([who, 400]);
    expect((await issueAs(ADMIN, key)).fields['status']).toMatchObject({ name: 'Resolved' });
    // Not vacuous: once the app's own field says the visit is done, the submitter closes.
    sandbox.harness.jira.issue(key).fields[DEMO_FIELD_IDS.visitOpen] = 'no';
    expect(
      (await rest(ANNA, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: close } })).status,
    ).toBe(204);
  });
});
