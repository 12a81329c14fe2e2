/**
 * Spare parts on the supervision page (issue 17) through the exported `supervisionResolver`:
 * `getSparePartSummary` counts the parts in transit, with their faulty part returned, and repaired, and
 * the median time of each step, over the ITR issues (supervision's issue facts) of the projects the
 * caller may browse, asked of Jira as the caller; a project they may not browse counts for nothing, and
 * nobody signed in is refused.
 */
import { supervisionResolver } from '../../../src/index';
import { execute, runMigrations } from '../../../src/adapters/sql';
import type { SparePartSummaryView } from '../../../src/contract';
import { harness, invokeResolver } from '../../../platform-doubles';
import { codes, data, type Envelope } from '../backup/envelope';

const { jira } = harness();
const AGENT = 'acc-agent';
const OPS_ONLY = 'acc-ops';

const summary = async (accountId: string) =>
  data(
    (await invokeResolver(
      supervisionResolver,
      'getSparePartSummary',
      {},
      { accountId },
    )) as Envelope<SparePartSummaryView>,
  );

/** One fact row (the supervision projection of an ITR issue). */
async function fact(issueId: number, issueKey: string) {
  const at = '2026-11-01 00:00:00.000';
  await execute(
    'INSERT INTO itr_issue_fact (issue_id, issue_key, project_key, created_at, synced_at) VALUES (?, ?, ?, ?, ?)',
    [issueId, issueKey, issueKey.split('-')[0]!, at, at],
  );
}

/** A part's steps, the first at 2026-12-01 08:00 UTC, each `gaps[i]` minutes after the one before. */
async function part(issueId: number, partNo: number, gaps: number[]) {
  const steps = ['requested', 'shipped', 'received', 'returned', 'repaired'];
  let at = Date.parse('2026-12-01T08:00:00.000Z');
  for (let i = 0; i <= gaps.length; i++) {
    if (i > 0) at += gaps[i - 1]! * 60_000;
    await execute('INSERT INTO spare_part_step (issue_id, part_no, step, by_account_id, at) VALUES (?, ?, ?, ?, ?)', [
      issueId,
      partNo,
      steps[i]!,
      AGENT,
      new Date(at),
    ]);
  }
}

beforeAll(async () => {
  await runMigrations();
});

beforeEach(async () => {
  for (const t of ['spare_part_step', 'itr_issue_fact']) await execute(`DELETE FROM ${t}`);
  jira.seedUser({ accountId: AGENT, displayName: 'Li Na' });
  jira.seedUser({ accountId: OPS_ONLY, displayName: 'Otto' });
  jira.seedProject({ key: 'ITR', browsers: [AGENT] });
  jira.seedProject({ key: 'OPS', browsers: [AGENT, OPS_ONLY] });
  jira.seedProject({ key: 'SEC', browsers: [OPS_ONLY] });
});

describe('spare parts on the supervision page', () => {
  it('counts parts and median step times over the projects the caller may browse', async () => {
    expect(await summary(AGENT)).toEqual({
      inTransit: 0,
      returned: 0,
      repaired: 0,
      medianMinutes: { shipped: null, received: null, returned: null, repaired: null },
    });
    await fact(101, 'ITR-1');
    await fact(102, 'ITR-2');
    await fact(201, 'OPS-1');
    await fact(301, 'SEC-1');
    await part(101, 1, [60, 600]); // received
    await part(101, 2, [120]); // in transit
    await part(102, 1, [30]); // in transit
    await part(201, 1, [90, 300, 60]); // faulty part returned
    await part(201, 2, [10, 20, 30, 40]); // repaired
    await part(301, 1, [5]); // in transit, in a project Li Na may not browse
    await part(999, 1, [7]); // an issue supervision does not know: counted nowhere

    expect(await summary(AGENT)).toEqual({
      inTransit: 2,
      returned: 1,
      repaired: 1,
      // requested → shipped: 60, 120, 30, 90, 10 → 60; shipped → received: 600, 300, 20 → 300;
      // received → returned: 60, 30 → 45; returned → repaired: 40.
      medianMinutes: { shipped: 60, received: 300, returned: 45, repaired: 40 },
    });
    // Otto browses OPS and SEC only: SEC-1's part in transit and OPS-1's two.
    expect(await summary(OPS_ONLY)).toMatchObject({
      inTransit: 1,
      returned: 1,
      repaired: 1,
      medianMinutes: { shipped: 10, received: 160, returned: 45, repaired: 40 },
    });
    // Nobody signed in: refused.
    expect(
      codes((await invokeResolver(supervisionResolver, 'getSparePartSummary', {}, {})) as Envelope<unknown>),
    ).toEqual(['NOT_AUTHORIZED']);
  });
});
