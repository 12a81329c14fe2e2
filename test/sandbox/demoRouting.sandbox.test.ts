/**
 * The demo site's support lines (sandbox/demoSite.ts `DEMO_LINE_ROUTING`), over the sandbox's HTTP as
 * its users would meet them: the admin's "Support lines" tab holds them (saved by the app at start),
 * and triage without a chosen owner hands L1 issues to the `itr-l1` group in turn — Jira's assignee and
 * the owner field together, the status "L1 Handling" — skipping Lucas Weber in SEC, which he may not
 * browse (so Jira cannot assign him there).
 */
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { DEMO_FIELD_IDS, DEMO_LINE_ROUTING } from '../../sandbox/demoSite';
import { demoAccountId as byName, invokeAs, restAs } from './sandboxHttp';

const MARIA = byName('Maria Lopez'); // triage
const ADMIN = byName('陈静');
const LI = byName('李伟');
const LUCAS = byName('Lucas Weber');
const ANSWERS = {
  businessImpact: 'outage',
  duration: 'h1to4',
  scope: 'large',
  customerTier: 'standard',
  sensitivity: 'none',
};

// A sandbox per test: the harness resets its doubles before each.
let sandbox: RunningSandbox;
beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, demoHistory: false, log: () => undefined });
});
afterEach(async () => {
  await sandbox.stop();
});

type Envelope = { result: { success: boolean; data?: unknown; errors?: unknown } };
async function invoke(
  accountId: string,
  moduleKey: string,
  functionKey: string,
  payload: unknown = {},
): Promise<Envelope['result']> {
  const { status, text } = await invokeAs(sandbox.url, accountId, { moduleKey }, functionKey, payload);
  expect(status).toBe(200);
  return (JSON.parse(text) as Envelope).result;
}

/** Who Jira and the app say holds the issue, and its status. */
async function holderOf(key: string): Promise<{ assignee: string | null; owner: string | null; status: string }> {
  const { json } = await restAs(
    sandbox.url,
    ADMIN,
    'GET',
    `/rest/api/3/issue/${key}?fields=assignee,status,${DEMO_FIELD_IDS.owner}`,
  );
  const f = (json as { fields: Record<string, { accountId?: string; name?: string } | null> }).fields;
  return {
    assignee: f['assignee']?.accountId ?? null,
    owner: f[DEMO_FIELD_IDS.owner]?.accountId ?? null,
    status: f['status']?.name ?? '',
  };
}

describe('the demo support lines', () => {
  it('are what the admin sees on the Support lines tab', async () => {
    const state = await invoke(ADMIN, 'itr-grading-admin', 'getSupportLineSettings');
    expect(state.success).toBe(true);
    expect(state.data as { settings: unknown; revision: number }).toMatchObject({
      settings: DEMO_LINE_ROUTING,
      revision: 1,
    });
  });

  it('give L1 issues to the itr-l1 group in turn, in Jira and in the app, skipping who cannot be assigned in SEC', async () => {
    const queue = await invoke(MARIA, 'itr-home', 'listTriage');
    const untriaged = (queue.data as { items: Array<{ issueKey: string; grade: string | null }> }).items
      .filter((i) => i.grade === null)
      .map((i) => i.issueKey);
    const itr = untriaged.filter((k) => k.startsWith('ITR-')).slice(0, 2);
    expect(itr).toHaveLength(2);
    expect(untriaged).toContain('SEC-2');

    const triage = async (issueKey: string) => {
      // Sent to triage in the workflow first (Accept → Triage), so L1's status is one transition away.
      const transitions = await restAs(sandbox.url, MARIA, 'GET', `/rest/api/3/issue/${issueKey}/transitions`);
      const toTriage = (transitions.json as { transitions: Array<{ id: string; name: string }> }).transitions.find(
        (t) => t.name === 'Send to triage',
      );
      if (toTriage !== undefined)
        expect(
          (
            await restAs(sandbox.url, MARIA, 'POST', `/rest/api/3/issue/${issueKey}/transitions`, {
              transition: { id: toTriage.id },
            })
          ).status,
        ).toBe(204);
      const decision = {
        issueKey,
        kind: 'technicalService',
        classification: {
          facts: {
            failsWithinSpecification: true,
            contractOrProcessNotFollowed: false,
            expectedByUserHabitOrIndustryNorm: false,
          },
        },
        answers: ANSWERS,
        warranty: 'in',
        product: 'Customer Portal',
        customerTier: 'standard',
        line: 'L1',
      };
      const answer = await invoke(MARIA, 'itr-home', 'triageIssue', decision);
      expect(answer).toMatchObject({ success: true });
      return holderOf(issueKey);
    };

    const first = await triage(itr[0] ?? '');
    const second = await triage(itr[1] ?? '');
    // Each in turn: the two L1 engineers, one each; Jira's assignee is the ITR owner; L1's status.
    expect([first.assignee, second.assignee].sort()).toEqual([LI, LUCAS].sort());
    for (const h of [first, second]) {
      expect(h.owner).toBe(h.assignee);
      expect(h.status).toBe(DEMO_LINE_ROUTING.lines.L1.statusName);
    }
    // SEC: Lucas may not browse it, so Jira cannot assign him there, whoever's turn it is.
    const sec = await triage('SEC-2');
    expect(sec).toEqual({ assignee: LI, owner: LI, status: DEMO_LINE_ROUTING.lines.L1.statusName });
  });
});
