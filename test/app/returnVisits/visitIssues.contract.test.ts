/**
 * What the return-visit queue shows of a visited issue (src/app/returnVisits/visitIssues.ts): the
 * issue's fields as Jira renders them, whom to call, the customer tier's label from the grading table;
 * read in one search, or issue by issue when Jira refuses the search, an issue Jira does not show being
 * left without details. On the Jira double.
 */
import { jiraAsApp } from '../../../src/adapters/jira';
import type { ReturnVisit } from '../../../src/contract/closure';
import { DEFAULT_GRADING_TABLE } from '../../../src/domain';
import { tierLabelsOf, visitIssueOf, withVisitIssues } from '../../../src/app/returnVisits/visitIssues';
import { harness } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';

const { jira } = harness();
const IDS = { submitter: 'cf_submitter', customerTier: 'cf_tier', product: 'cf_product', region: 'cf_region' };
const TIERS = tierLabelsOf(DEFAULT_GRADING_TABLE);
const RESOLVED = { name: 'Resolved', statusCategory: { key: 'done' } };

describe('visitIssueOf', () => {
  it.each([
    [
      'reporter with an email, known tier',
      {
        summary: 'Printer jams',
        status: RESOLVED,
        resolution: { name: 'Done' },
        reporter: { displayName: 'Wang Fang', emailAddress: 'wang.fang@example.com' },
        cf_tier: 'strategic',
        cf_product: 'Field Equipment',
        cf_region: 'East China',
      },
      {
        summary: 'Printer jams',
        status: { name: 'Resolved', category: 'done' },
        resolution: 'Done',
        contact: { displayName: 'Wang Fang', emailAddress: 'wang.fang@example.com' },
        customer: { tier: { en: 'Strategic', 'zh-CN': '战略客户' }, product: 'Field Equipment', region: 'East China' },
      },
    ],
    [
      'no reporter: the submitter, whose profile hides the email; a tier the table no longer lists',
      {
        summary: 'Portal down',
        status: { name: 'In Progress', statusCategory: { key: 'indeterminate' } },
        resolution: null,
        reporter: null,
        cf_submitter: { displayName: '李伟' },
        cf_tier: 'platinum',
      },
      {
        summary: 'Portal down',
        status: { name: 'In Progress', category: 'indeterminate' },
        resolution: null,
        contact: { displayName: '李伟', emailAddress: null },
        customer: { tier: null, product: null, region: null },
      },
    ],
    [
      'nothing known',
      { status: { name: 'Odd', statusCategory: { key: 'undefined' } } },
      {
        summary: '',
        status: { name: 'Odd', category: 'new' },
        resolution: null,
        contact: null,
        customer: { tier: null, product: null, region: null },
      },
    ],
  ])('%s', (_case, fields, expected) => {
    expect(visitIssueOf(fields, IDS, TIERS)).toEqual(expected);
  });
});

describe('withVisitIssues', () => {
  let ids: ReturnType<typeof defineItrFields>;
  const visit = (issueId: string, issueKey: string): ReturnVisit => ({
    issueId,
    issueKey,
    reason: 'sampled',
    kind: null,
    grade: null,
    resolvedAt: '2026-11-20T08:00:00.000Z',
    status: 'open',
    satisfaction: null,
    resolvedInCustomersView: null,
    customerWords: null,
    viewsDiffer: null,
    visitedBy: null,
    visitedAt: null,
  });
  let visits: ReturnVisit[];

  beforeEach(() => {
    ids = defineItrFields(jira);
    jira.seedUser({ accountId: 'acc-wang', displayName: 'Wang Fang', emailAddress: 'wang.fang@example.com' });
    const one = jira.seedIssue({
      key: 'ITR-1',
      summary: 'Printer jams',
      status: 'Resolved',
      reporter: 'acc-wang',
      fields: { [ids.customerTier]: 'key' },
    });
    const two = jira.seedIssue({ key: 'ITR-2', summary: 'Invoice wrong', status: 'Resolved' });
    // ITR-3 was deleted after its visit opened: Jira knows no issue 99999.
    visits = [visit(one.id, 'ITR-1'), visit(two.id, 'ITR-2'), visit('99999', 'ITR-3')];
  });

  const summaries = (rows: Awaited<ReturnType<typeof withVisitIssues>>) =>
    rows.map((r) => [r.issueKey, r.issue?.summary ?? null, r.issue?.contact?.displayName ?? null]);

  it('reads the page’s issues in one search; an issue Jira does not show has no details', async () => {
    const before = jira.requestCount('POST /rest/api/3/search/jql');
    const rows = await withVisitIssues(visits, jiraAsApp(), ids, TIERS);
    expect(summaries(rows)).toEqual([
      ['ITR-1', 'Printer jams', 'Wang Fang'],
      ['ITR-2', 'Invoice wrong', null],
      ['ITR-3', null, null],
    ]);
    expect(rows[0]?.issue?.customer.tier).toEqual({ en: 'Key', 'zh-CN': '重要客户' });
    expect(rows[0]?.issue?.resolution).toBe('Done');
    expect(jira.requestCount('POST /rest/api/3/search/jql') - before).toBe(1);
  });

  it('reads issue by issue when Jira refuses the search (a value it will not name), a 404 left out', async () => {
    jira.failNext(1, { status: 400, route: 'POST /rest/api/3/search/jql' });
    const rows = await withVisitIssues(visits, jiraAsApp(), ids, TIERS);
    expect(summaries(rows)).toEqual([
      ['ITR-1', 'Printer jams', 'Wang Fang'],
      ['ITR-2', 'Invoice wrong', null],
      ['ITR-3', null, null],
    ]);
  });

  it('asks nothing for an empty page', async () => {
    const before = jira.requestCount();
    expect(await withVisitIssues([], jiraAsApp(), ids, TIERS)).toEqual([]);
    expect(jira.requestCount()).toBe(before);
  });
});
