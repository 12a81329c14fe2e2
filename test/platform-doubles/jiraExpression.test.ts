/**
 * The Jira-expression platform double refuses what Jira refuses: unknown variables (`app` in a
 * workflow rule, `originalIssue` in a condition), unknown properties of typed objects, syntax Jira
 * expressions lack; a rule that fails to evaluate is false and sends `avi:jira:failed:expression`.
 * Also `POST /rest/api/3/expression/evaluate` through the real `@forge/api`.
 */
import api, { route } from '@forge/api';
import { harness } from '../../platform-doubles/index';
import {
  evaluateForgeRule,
  evaluateJiraExpression,
  evaluateTransitionRules,
  issueBean,
  JiraExpressionEvaluationError,
  JiraExpressionSyntaxError,
  projectBean,
  transitionBean,
  userBean,
  workflowBean,
  type WorkflowRuleModuleType,
} from '../../platform-doubles/jiraExpression';

const { jira, runtime } = harness();
const ALICE = 'acc-alice';
const BOB = 'acc-bob';
const SUBMITTER_FIELD = 'customfield_10107';

const issue = issueBean({
  issue: {
    id: '10001',
    key: 'ITR-1',
    fields: { summary: 'Printer', resolution: null, [SUBMITTER_FIELD]: { accountId: ALICE } },
  },
  customFields: [{ id: SUBMITTER_FIELD, type: 'user' }],
  lookUpUser: () => undefined,
});
const values = {
  user: userBean({ accountId: ALICE }),
  issue,
  originalIssue: issue,
  project: projectBean({ id: '10000', key: 'ITR' }),
  transition: transitionBean({
    id: '111',
    name: 'Close',
    from: { id: '5', name: 'Resolved' },
    to: { id: '6', name: 'Closed' },
  }),
  workflow: workflowBean({ id: 'wf-1', name: 'ITR workflow' }),
};
const rule = (moduleType: WorkflowRuleModuleType, manifestExpression: string, configuration?: string) =>
  evaluateForgeRule({
    moduleType,
    manifestExpression,
    configuration,
    values,
    extensionId: 'ari:cloud:ecosystem::extension/a/e/static/m',
    ruleId: 'r1',
    workflow: { id: 'wf-1', name: 'ITR workflow' },
  });

describe('expressions', () => {
  it('evaluates the subset Jira documents', () => {
    expect(
      evaluateJiraExpression("let x = [1, 2, 3]; x.filter(n => n > 1).length == 2 && 'ab' + 'c' == 'abc'", {}),
    ).toBe(true);
    expect(evaluateJiraExpression('issue[id]?.accountId', { issue, id: SUBMITTER_FIELD })).toBe(ALICE);
    expect(evaluateJiraExpression('issue.resolution == null ? 1 : 2', { issue })).toBe(1);
  });

  it.each([
    ['app.properties["itr-close"]', 'Unrecognized variable: "app"'],
    ['nobody.accountId', 'Unrecognized variable: "nobody"'],
    ['issue.customfield_99999', 'Unrecognized property of `Issue`'],
    ['issue.resolution.name', 'cannot read property'],
    ['issue.key && true', '&& needs a Boolean'],
  ])('refuses %s at run time', (text, message) => {
    expect(() => evaluateJiraExpression(text, { issue })).toThrow(JiraExpressionEvaluationError);
    expect(() => evaluateJiraExpression(text, { issue })).toThrow(message);
  });

  it.each(['issue.key === "ITR-1"', 'x = 1', 'function f() {}', 'new Issue(1)', 'issue.key;', '`tpl`', 'a++', ''])(
    'refuses the syntax %j',
    (text) => {
      expect(() => evaluateJiraExpression(text, { issue })).toThrow(JiraExpressionSyntaxError);
    },
  );
});

describe('workflow rules: exactly the documented context', () => {
  it('a validator sees user, issue, originalIssue, project, transition, workflow, config', () => {
    expect(
      rule(
        'jira:workflowValidator',
        "user != null && issue != null && originalIssue != null && project.key == 'ITR' && transition.to.name == 'Closed' && workflow.name == 'ITR workflow' && config.a == 1",
        '{"a":1}',
      ),
    ).toEqual({ passed: true });
  });

  it('refuses `app` (not a workflow-rule variable): false, and the failure event', () => {
    const verdict = rule('jira:workflowValidator', "app.properties['itr-close'] != null");
    expect(verdict.passed).toBe(false);
    expect(verdict).toMatchObject({
      failure: {
        eventType: 'avi:jira:failed:expression',
        validatorId: 'r1',
        workflowName: 'ITR workflow',
        expression: "app.properties['itr-close'] != null",
        errorMessages: [expect.stringContaining('"app"')],
      },
    });
  });

  it('a condition has no originalIssue, and has groupOperator', () => {
    expect(rule('jira:workflowCondition', 'originalIssue != null')).toMatchObject({
      passed: false,
      failure: { conditionId: 'r1', errorMessages: [expect.stringContaining('originalIssue')] },
    });
    expect(rule('jira:workflowCondition', 'groupOperator == null')).toEqual({ passed: true });
  });

  it('bad syntax is false with the event; a non-Boolean is false with the event; a validator string is its message', () => {
    expect(rule('jira:workflowValidator', 'issue.key ===')).toMatchObject({
      passed: false,
      failure: { eventType: 'avi:jira:failed:expression' },
    });
    expect(rule('jira:workflowCondition', 'issue.key')).toMatchObject({
      passed: false,
      failure: { errorMessages: [expect.stringContaining('not a Boolean')] },
    });
    expect(rule('jira:workflowValidator', "'Resolve it first'")).toEqual({
      passed: false,
      message: 'Resolve it first',
    });
    expect(rule('jira:workflowValidator', 'false')).toEqual({ passed: false });
  });

  it('a configuration holding `expression` replaces the manifest text; the rest is config', () => {
    expect(
      rule(
        'jira:workflowValidator',
        'false',
        JSON.stringify({ expression: "config.k == 'v' && config.expression == null", k: 'v' }),
      ),
    ).toEqual({ passed: true });
  });
});

describe('rules attached to a workflow transition (Jira double)', () => {
  const ARI = (m: string) => `ari:cloud:ecosystem::extension/app/env/static/${m}`;
  const modules = [
    { key: 'only-alice', type: 'jira:workflowCondition' as const, expression: 'user.accountId == config.who' },
    { key: 'uses-app', type: 'jira:workflowValidator' as const, expression: 'app != null' },
  ];

  beforeEach(() => {
    jira.seedUser({ accountId: ALICE, displayName: 'Alice' });
    jira.seedProject({ key: 'ITR' });
    jira.seedIssue({ key: 'ITR-1', status: 'Open' });
    const s = (name: string) => jira.model.status(name).id;
    jira.model.site.workflows.push({
      id: 'wf-9',
      name: 'jira', // the default mapping: every issue of the site runs it
      statusIds: [s('Open'), s('Closed')],
      transitions: [
        {
          id: '1',
          name: 'Create',
          type: 'INITIAL',
          toStatusId: s('Open'),
          fromStatusIds: [],
          actions: [],
          validators: [],
          conditions: undefined,
          transitionScreen: undefined,
        },
        {
          id: '31',
          name: 'Close',
          type: 'DIRECTED',
          toStatusId: s('Closed'),
          fromStatusIds: [s('Open')],
          actions: [],
          validators: [{ ruleKey: 'forge:expression-validator', parameters: { key: ARI('uses-app'), config: '{}' } }],
          conditions: {
            operation: 'ALL',
            conditions: [
              {
                ruleKey: 'forge:expression-condition',
                parameters: { key: ARI('only-alice'), config: JSON.stringify({ who: ALICE }), id: 'c1' },
              },
            ],
          },
          transitionScreen: undefined,
        },
      ],
    });
  });

  it('shows the transition by its condition, refuses it by the failing validator and records the event', () => {
    expect(jira.model.workflowOf(jira.issue('ITR-1')).transitions.find((t) => t.id === '31')?.source).toBeDefined();
    expect(
      evaluateTransitionRules(jira, { issueKey: 'ITR-1', transitionId: '31', accountId: BOB, modules, phase: 'show' }),
    ).toMatchObject({ passed: false, moduleKey: 'only-alice' });
    expect(
      evaluateTransitionRules(jira, {
        issueKey: 'ITR-1',
        transitionId: '31',
        accountId: ALICE,
        modules,
        phase: 'show',
      }),
    ).toEqual({ passed: true });
    expect(
      evaluateTransitionRules(jira, {
        issueKey: 'ITR-1',
        transitionId: '31',
        accountId: ALICE,
        modules,
        phase: 'perform',
      }),
    ).toMatchObject({ passed: false, moduleKey: 'uses-app', kind: 'validator' });
    expect(jira.failedExpressions).toMatchObject([
      { eventType: 'avi:jira:failed:expression', workflowId: 'wf-9', expression: 'app != null' },
    ]);
  });
});

describe('POST /rest/api/3/expression/evaluate', () => {
  beforeEach(() => {
    jira.seedUser({ accountId: ALICE, displayName: 'Alice' });
    jira.seedUser({ accountId: BOB, displayName: 'Bob' });
    jira.seedProject({ key: 'ITR' });
    jira.seedProject({ key: 'SEC', browsers: [ALICE] });
    jira.defineField({ id: SUBMITTER_FIELD, name: 'Submitter', type: 'user' });
    jira.seedIssue({ key: 'ITR-1', fields: { [SUBMITTER_FIELD]: { accountId: ALICE } } });
    jira.seedIssue({ key: 'SEC-1' });
  });
  const evaluate = (as: string, body: unknown) =>
    runtime.runAs(as, async () => {
      const res = await api.asUser().requestJira(route`/rest/api/3/expression/evaluate`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    });

  it('user is the caller; custom user and json variables; the issue by key', async () => {
    const res = await evaluate(BOB, {
      expression: '[user.accountId, issue[config.submitter]?.accountId == sub.accountId, other == null]',
      context: {
        issue: { key: 'ITR-1' },
        custom: [
          { key: 'sub', type: 'user', accountId: ALICE },
          { key: 'config', type: 'json', value: { submitter: SUBMITTER_FIELD } },
          { key: 'other', type: 'user', accountId: 'nobody' },
        ],
      },
    });
    expect(res).toMatchObject({ status: 200, body: { value: [BOB, true, true] } });
    expect(jira.takeViolations()).toEqual([]);
  });

  it('refuses app, bad syntax, and an issue the caller cannot browse', async () => {
    expect(await evaluate(BOB, { expression: 'app.id' })).toMatchObject({
      status: 400,
      body: { errorMessages: [expect.stringMatching(/^Evaluation failed: .*"app"/)] },
    });
    expect(await evaluate(BOB, { expression: 'user.accountId ===' })).toMatchObject({ status: 400 });
    expect(await evaluate(BOB, { expression: 'issue.key', context: { issue: { key: 'SEC-1' } } })).toMatchObject({
      status: 404,
    });
    expect(await evaluate(ALICE, { expression: 'issue.key', context: { issue: { key: 'SEC-1' } } })).toMatchObject({
      status: 200,
      body: { value: 'SEC-1' },
    });
    jira.takeViolations();
  });
});
