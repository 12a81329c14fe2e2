/**
 * Who sees what outside the chart calls (issue 8, point 6): the weekly summary and the gadget's SLA
 * attainment count only the projects the viewer may browse. Through the exported handlers: the weekly
 * trigger stores the summary over every project; an admin (who browses both projects) gets it as
 * stored, a partial viewer (ITR only) the same week recomputed over ITR, an outsider zeros; the gadget
 * likewise. The counted project keys never reach the page.
 */
import {
  analyticsBackfillConsumer,
  analyticsWeeklyReport,
  supervisionGadgetResolver,
  supervisionResolver,
} from '../../../src/index';
import { BACKFILL_QUEUE } from '../../../src/app/analytics/backfill';
import { harness, invokeFunction, invokeResolver } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';

const { jira, kvs, queue, sql } = harness();
const ADMIN = 'acc-admin';
const PARTIAL = 'acc-partial';
const OUTSIDER = 'acc-outsider';

/** Jira's `2026-01-01T08:00:00.000+0000`. */
const jiraTime = (d: Date): string => d.toISOString().replace('Z', '+0000');

beforeEach(async () => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Admin', groups: ['jira-administrators'] });
  jira.seedUser({ accountId: PARTIAL, displayName: 'Partial viewer' });
  jira.seedUser({ accountId: OUTSIDER, displayName: 'Outsider' });
  jira.seedProject({ key: 'ITR', browsers: [ADMIN, PARTIAL] });
  jira.seedProject({ key: 'OPS', browsers: [ADMIN] });
  const ids = defineItrFields(jira);
  // Created two hours ago, resolved a second ago: inside this week and (but in a month's first second) this month.
  const now = Date.now();
  const created = new Date(now - 2 * 3_600_000);
  const resolved = new Date(now - 1000);
  const seed = (key: string, isResolved: boolean, breached: boolean): void => {
    jira.seedIssue({
      key,
      created,
      fields: {
        [ids.kind]: 'technicalService',
        [ids.grade]: 'major',
        [ids.product]: 'X100',
        ...(isResolved ? { resolutiondate: jiraTime(resolved), resolution: { name: 'Done' } } : {}),
        ...(breached ? { [ids.breachedAt]: jiraTime(new Date(created.getTime() + 3_600_000)) } : {}),
      },
    });
  };
  // ITR: 6 issues, 4 resolved, one of them after its SLA breached → 3 of 4 met.
  for (let i = 1; i <= 6; i++) seed(`ITR-${i}`, i <= 4, i === 1);
  // OPS: 4 issues, all resolved within their SLA.
  for (let i = 1; i <= 4; i++) seed(`OPS-${i}`, true, false);
  queue.registerConsumer(BACKFILL_QUEUE, analyticsBackfillConsumer);
  await sql.raw('DELETE FROM itr_issue_fact').catch(() => undefined); // absent before the first migration run
  await invokeResolver(supervisionResolver, 'startAnalyticsBackfill', {}, { accountId: ADMIN });
  await queue.drain();
});

async function weekly(accountId: string): Promise<Record<string, unknown> | null> {
  const r = (await invokeResolver(supervisionResolver, 'getWeeklyReport', {}, { accountId })) as {
    success: boolean;
    data: Record<string, unknown> | null;
  };
  expect(r.success).toBe(true);
  return r.data;
}

describe('weekly summary', () => {
  beforeEach(async () => {
    await invokeFunction(analyticsWeeklyReport, undefined, {
      context: { moduleKey: 'analytics-weekly-report-trigger' },
    });
  });

  it('is shown as stored to a viewer who may browse every project it counted', async () => {
    expect(await weekly(ADMIN)).toMatchObject({ created: 10, resolved: 8, open: 2, scopedToViewer: false });
  });

  it('is recomputed for the same week over the projects a partial viewer may browse', async () => {
    const stored = await weekly(ADMIN);
    const mine = await weekly(PARTIAL);
    expect(mine).toMatchObject({
      created: 6,
      resolved: 4,
      open: 2,
      slaAttainment: 0.75,
      scopedToViewer: true,
      from: stored?.['from'],
      to: stored?.['to'],
    });
    expect(mine).not.toHaveProperty('countedProjectKeys');
  });

  it('a summary stored before the counted projects were recorded (schema v1) is recomputed for everyone', async () => {
    const stored = kvs.peek('analytics-report:weeklyReport') as { value: { report: Record<string, unknown> } };
    const { scopedToViewer: _scoped, ...legacy } = stored.value.report;
    kvs.seed('analytics-report:weeklyReport', {
      schemaVersion: 1,
      revision: 1,
      updatedAt: new Date().toISOString(),
      updatedBy: 'app',
      value: { ...legacy, created: 999 },
    });
    expect(await weekly(ADMIN)).toMatchObject({ created: 10, scopedToViewer: true });
    expect(await weekly(PARTIAL)).toMatchObject({ created: 6, scopedToViewer: true });
  });

  it('shows zeros to an outsider, without counting any project', async () => {
    expect(await weekly(OUTSIDER)).toMatchObject({
      created: 0,
      resolved: 0,
      breached: 0,
      slaAttainment: null,
      patterns: [],
      scopedToViewer: true,
    });
  });
});

describe('dashboard gadget: SLA attainment this month', () => {
  const gadget = async (
    accountId: string,
  ): Promise<{ open: { value: number }; slaAttainmentThisMonth: number | null }> => {
    const r = (await invokeResolver(supervisionGadgetResolver, 'getGadgetNumbers', {}, { accountId })) as {
      success: boolean;
      data: { open: { value: number }; slaAttainmentThisMonth: number | null };
    };
    expect(r.success).toBe(true);
    return r.data;
  };

  it('counts every project the viewer may browse (admin: 7 of 8 met)', async () => {
    expect(await gadget(ADMIN)).toMatchObject({ open: { value: 2 }, slaAttainmentThisMonth: 0.875 });
  });

  it("counts only the partial viewer's projects (ITR: 3 of 4 met)", async () => {
    expect(await gadget(PARTIAL)).toMatchObject({ open: { value: 2 }, slaAttainmentThisMonth: 0.75 });
  });

  it('has no attainment for an outsider, and asks the projection nothing', async () => {
    const before = sql.statements.filter((s) => s.query.includes('itr_issue_fact')).length;
    expect(await gadget(OUTSIDER)).toMatchObject({ open: { value: 0 }, slaAttainmentThisMonth: null });
    expect(sql.statements.filter((s) => s.query.includes('itr_issue_fact')).length).toBe(before);
  });
});
