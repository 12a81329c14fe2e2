/**
 * The time rule in the sandbox (issue 17, sandbox/demoTimeRule.ts), over its HTTP as its users meet it:
 * the demo's dark-mode requirement runs on the requirement times its grade has in the demo table, the
 * rule stamped on it (`itr-time-rule`); JQL on the field finds it, and the issue panel names the rule
 * with the line deadline the app stored. A problem carries the problem times.
 */
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { ASSESSED_REQUIREMENT_SUMMARY } from '../../sandbox/demoAssessments';
import { DEMO_FIELD_IDS } from '../../sandbox/demoSite';
import { demoAccountId as byName, invokeAs, restAs } from './sandboxHttp';

const ZHAO = byName('赵磊');

let sandbox: RunningSandbox;
beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, log: () => undefined });
}, 120_000);
afterEach(async () => {
  await sandbox.stop();
});

const issueBySummary = (summary: string) => {
  const issue = [...sandbox.harness.jira.model.issues.values()].find((i) => i.fields['summary'] === summary);
  if (issue === undefined) throw new Error(`demo changed: no issue "${summary}"`);
  return issue;
};

it('the demo requirement runs on requirement times, stamped, found by JQL and named by the panel', async () => {
  const requirement = issueBySummary(ASSESSED_REQUIREMENT_SUMMARY);
  expect(requirement.fields[DEMO_FIELD_IDS.classification]).toBe('requirement');
  expect(requirement.fields[DEMO_FIELD_IDS.timeRule]).toBe('requirement');

  const found = await restAs(sandbox.url, ZHAO, 'POST', '/rest/api/3/search/jql', {
    jql: '"ITR time rule" = requirement',
    fields: ['summary'],
  });
  expect(found.status).toBe(200);
  const keys = ((found.json as { issues?: Array<{ key: string }> }).issues ?? []).map((i) => i.key);
  expect(keys).toContain(requirement.key);

  const problems = [...sandbox.harness.jira.model.issues.values()].filter(
    (i) => i.fields[DEMO_FIELD_IDS.classification] === 'problem',
  );
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) expect([p.key, p.fields[DEMO_FIELD_IDS.timeRule]]).toEqual([p.key, 'problem']);
  expect(keys.some((k) => problems.some((p) => p.key === k))).toBe(false);

  const { status, text } = await invokeAs(
    sandbox.url,
    ZHAO,
    { moduleKey: 'itr-issue-panel', issueKey: requirement.key ?? '' },
    'getIssueItrState',
    { issueKey: requirement.key },
  );
  expect(status).toBe(200);
  const state = (JSON.parse(text) as { result: { success: boolean; data: { timeRule: string; dueAt: string | null } } })
    .result;
  expect(state).toMatchObject({ success: true, data: { timeRule: 'requirement' } });
  expect(Date.parse(state.data.dueAt ?? '')).toBe(Date.parse(String(requirement.fields[DEMO_FIELD_IDS.lineDueAt])));
}, 60_000);
