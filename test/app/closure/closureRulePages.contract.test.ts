/**
 * The close/resolve rules' create/edit/view pages through the exported `closureRuleResolver` (manifest
 * function `closure-rule-resolver`) on the platform harness: the configuration a create/edit page hands
 * to `workflowRules.onConfigure` is this site's, is exactly what setup attaches (so a sync after it sees no
 * change), and makes the manifest's expression let the submitter and a fallback closer close, nobody else;
 * the view page's description names fields and people, never account ids; only Jira admins are answered.
 */
import { closureRuleResolver, gradingAdminResolver } from '../../../src/index';
import { CLOSURE_EXPRESSIONS, moduleKeyOfExtensionAri, type ClosureRuleKey } from '../../../src/domain/closure';
import { runMigrations } from '../../../src/adapters/sql';
import { jiraAsApp } from '../../../src/adapters/jira';
import { syncClosureRules } from '../../../src/app/closure/closureRules';
import { RULE_CONFIG_MAX_BYTES } from '../../../src/app/closure/closureRulePages';
import { saveFallback } from '../../../src/app/closure/fallbackClosers';
import { ITR_WORKFLOW_NAME, workflowCreateRequest } from '../../../src/app/setup/plan';
import { harness, invokeFunction, invokeResolver } from '../../../platform-doubles';
import {
  evaluateForgeRule,
  issueBean,
  projectBean,
  transitionBean,
  userBean,
  workflowBean,
} from '../../../platform-doubles/jiraExpression';
import { defineClosureFields } from './closureFields.fixtures';

const { jira } = harness();
const ADMIN = 'acc-admin';
const AGENT = 'acc-agent';
const SUBMITTER = 'acc-submitter';
const FALLBACK = 'acc-fallback';
const GONE = 'acc-gone-0000';
const RULES: ClosureRuleKey[] = ['itr-close-condition', 'itr-close-validator', 'itr-resolve-validator'];
let ids: ReturnType<typeof defineClosureFields>;

beforeEach(async () => {
  await runMigrations();
  jira.seedUser({ accountId: ADMIN, displayName: 'Admin Zhou', globalPermissions: ['ADMINISTER'] });
  jira.seedUser({ accountId: AGENT, displayName: 'Wang Fang' });
  jira.seedUser({ accountId: SUBMITTER, displayName: 'Li Lei' });
  jira.seedUser({ accountId: FALLBACK, displayName: 'Chen Jie' });
  ids = defineClosureFields(jira);
});

const page = (
  moduleKey: string,
  functionKey: 'getClosureRuleConfig' | 'describeClosureRuleConfig',
  payload: unknown,
  accountId = ADMIN,
) =>
  invokeResolver(closureRuleResolver, functionKey, payload, { accountId, context: { moduleKey } }) as Promise<{
    success: boolean;
    data?: Record<string, unknown>;
    errors?: Array<{ code: string; params?: Record<string, unknown> }>;
  }>;

const setFallback = async (accountIds: string[]) =>
  expect(
    await invokeResolver(
      gradingAdminResolver,
      'setFallbackClosers',
      { accountIds, reason: 'Li Lei is on leave', expectedRevision: 0 },
      { accountId: ADMIN },
    ),
  ).toMatchObject({ success: true });

/** Jira's verdict on rule `key` saved with `config` (the text onConfigure returned), for `acting` on a resolved issue. */
function passes(key: ClosureRuleKey, config: string, acting: string): boolean {
  const stored = jira.seedIssue({
    key: `ITR-${Math.floor(Math.random() * 1e6)}`,
    issueType: 'Incident',
    status: 'Resolved',
    fields: {
      resolution: { id: '10000', name: 'Done' },
      [ids.submitter]: { accountId: SUBMITTER },
      [ids.visitOpen]: 'no',
      [ids.classification]: 'problem',
      [ids.rootCause]: 'yes',
    },
  });
  const customFields = [...jira.model.fields.values()].filter((f) => f.custom).map((f) => ({ id: f.id, type: f.type }));
  const issue = issueBean({
    issue: { id: stored.id, key: stored.key, fields: stored.fields },
    customFields,
    lookUpUser: () => undefined,
  });
  const verdict = evaluateForgeRule({
    moduleType: key === 'itr-close-condition' ? 'jira:workflowCondition' : 'jira:workflowValidator',
    manifestExpression: CLOSURE_EXPRESSIONS[key],
    configuration: config,
    values: {
      user: userBean({ accountId: acting }),
      issue,
      originalIssue: issue,
      project: projectBean({ id: '1', key: 'ITR' }),
      transition: transitionBean({ id: '111', name: 'Close', from: null, to: { id: '6', name: 'Closed' } }),
      workflow: workflowBean({ id: 'wf', name: ITR_WORKFLOW_NAME }),
    },
    extensionId: `ari:cloud:ecosystem::extension/app/env/static/${key}`,
    ruleId: 'rule-1',
    workflow: { id: 'wf', name: ITR_WORKFLOW_NAME },
  });
  if (!verdict.passed && verdict.failure !== undefined)
    throw new Error(`${key} failed to evaluate: ${verdict.failure.errorMessages.join('; ')}`);
  return verdict.passed;
}

describe('getClosureRuleConfig (create/edit page)', () => {
  it.each(RULES)("%s: answers this site's configuration, the one setup attaches, in words", async (key) => {
    await setFallback([FALLBACK]);
    const answer = await page(key, 'getClosureRuleConfig', {});
    expect(answer).toEqual({
      success: true,
      data: {
        ruleKey: key,
        config: {
          submitter: ids.submitter,
          visitOpen: ids.visitOpen,
          rootCause: ids.rootCause,
          classification: ids.classification,
          fallback: [FALLBACK],
        },
        description: {
          valid: true,
          submitter: { id: ids.submitter, name: 'ITR submitter' },
          visitOpen: { id: ids.visitOpen, name: 'ITR return visit open' },
          rootCause: { id: ids.rootCause, name: 'ITR root cause complete' },
          classification: { id: ids.classification, name: 'ITR classification' },
          fallbackClosers: ['Chen Jie'],
          unknownClosers: 0,
        },
      },
    });
  });

  it("saved as the rules' config, the expressions let the submitter and the fallback closer close, nobody else", async () => {
    await setFallback([FALLBACK]);
    for (const key of ['itr-close-condition', 'itr-close-validator'] as const) {
      const { data } = await page(key, 'getClosureRuleConfig', {});
      const text = JSON.stringify(data?.['config']); // what the page's onConfigure returns
      expect([passes(key, text, SUBMITTER), passes(key, text, FALLBACK), passes(key, text, AGENT)]).toEqual([
        true,
        true,
        false,
      ]);
    }
    const { data } = await page('itr-resolve-validator', 'getClosureRuleConfig', {});
    expect(passes('itr-resolve-validator', JSON.stringify(data?.['config']), AGENT)).toBe(true);
  });

  it('is the exact text setup attaches: a sync after rules saved through the page changes nothing', async () => {
    await setFallback([FALLBACK]);
    const existing = new Map(jira.model.statuses.map((st) => [st.name.toLowerCase(), st.id]));
    await invokeFunction(async () => {
      await jiraAsApp().createWorkflows(workflowCreateRequest(existing, { resolutionId: '10000' }));
      expect(await syncClosureRules()).toBe('updated');
    }, undefined);
    const wf = jira.model.site.workflows.find((w) => w.name === ITR_WORKFLOW_NAME);
    const attached = (wf?.transitions ?? []).flatMap((t) => [
      ...t.validators,
      ...((t.conditions as { conditions?: Array<{ parameters: Record<string, string> }> } | undefined)?.conditions ??
        []),
    ]);
    for (const key of RULES) {
      const { data } = await page(key, 'getClosureRuleConfig', {});
      const rule = attached.find((r) => moduleKeyOfExtensionAri(r.parameters['key']) === key);
      expect(JSON.stringify(data?.['config'])).toBe(rule?.parameters['config']);
    }
    await invokeFunction(async () => expect(await syncClosureRules()).toBe('unchanged'), undefined);
  });

  it('answers only Jira admins, asked of Jira as the caller', async () => {
    expect(await page('itr-close-validator', 'getClosureRuleConfig', {}, AGENT)).toMatchObject({
      success: false,
      errors: [{ code: 'NOT_AUTHORIZED' }],
    });
    expect(
      await invokeResolver(
        closureRuleResolver,
        'getClosureRuleConfig',
        {},
        { context: { moduleKey: 'itr-close-validator' } },
      ),
    ).toMatchObject({ success: false, errors: [{ code: 'NOT_AUTHORIZED' }] });
    // The permission question went to Jira as the caller (asUser()), not as the app.
    const asked = jira.calls.filter((c) => c.path.startsWith('/rest/api/3/mypermissions'));
    expect(asked.map((c) => [c.actor, c.accountId])).toEqual([['user', AGENT]]);
  });

  it('refuses a module that is not a closure rule (the module comes from the context, not the payload)', async () => {
    expect(await page('itr-issue-panel', 'getClosureRuleConfig', { moduleKey: 'itr-close-validator' })).toMatchObject({
      success: false,
      errors: [{ code: 'CLOSURE_RULE_UNKNOWN_MODULE' }],
    });
  });

  it("refuses a configuration over the workflow editor's 32 KB with the numbers, instead of letting Jira cut it", async () => {
    // The admin page caps fallback closers at 20 (far below 32 KB); a stored list past the cap (an older
    // version, a restore) is still refused here rather than saved cut. 1,000 ids of 44 characters.
    const many = Array.from(
      { length: 1000 },
      (_, i) => `712020:${String(i).padStart(8, '0')}-aaaa-bbbb-cccc-dddddddddddd`,
    );
    await invokeFunction(
      () =>
        saveFallback({
          accountIds: many,
          reason: 'restored',
          by: ADMIN,
          at: new Date('2026-11-01T00:00:00Z'),
          expectedRevision: 0,
        }),
      undefined,
    );
    const answer = await page('itr-close-condition', 'getClosureRuleConfig', {});
    expect(answer).toMatchObject({
      success: false,
      errors: [{ code: 'CLOSURE_RULE_CONFIG_TOO_LARGE', params: { max: RULE_CONFIG_MAX_BYTES, closers: 1000 } }],
    });
  });
});

describe('describeClosureRuleConfig (view page)', () => {
  const saved = () => ({
    submitter: ids.submitter,
    visitOpen: ids.visitOpen,
    rootCause: ids.rootCause,
    classification: ids.classification,
    fallback: [FALLBACK, GONE],
  });

  it.each([
    ['JSON text', (c: object) => JSON.stringify(c)],
    ['an object', (c: object) => c],
  ])(
    'reads a saved configuration given as %s: field names, closers by display name, unknown people counted and never shown',
    async (_label, shape) => {
      const answer = await page('itr-close-validator', 'describeClosureRuleConfig', { config: shape(saved()) });
      expect(answer).toMatchObject({
        success: true,
        data: {
          ruleKey: 'itr-close-validator',
          description: {
            valid: true,
            submitter: { name: 'ITR submitter' },
            fallbackClosers: ['Chen Jie'],
            unknownClosers: 1,
          },
        },
      });
      expect(JSON.stringify(answer)).not.toContain(FALLBACK);
      expect(JSON.stringify(answer)).not.toContain(GONE);
    },
  );

  it('names a field the site does not have as missing (the page says so)', async () => {
    const answer = await page('itr-resolve-validator', 'describeClosureRuleConfig', {
      config: { ...saved(), rootCause: 'customfield_99999' },
    });
    expect(answer).toMatchObject({
      success: true,
      data: { description: { valid: true, rootCause: { id: 'customfield_99999', name: null } } },
    });
  });

  it.each([
    [null],
    ['not json'],
    [{ submitter: 'customfield_1' }],
    [{ ...{ submitter: 'a', visitOpen: 'b', rootCause: 'c', classification: 'd' }, fallback: [1] }],
  ])('calls %p no usable configuration (the rule fails closed)', async (config) => {
    expect(await page('itr-close-condition', 'describeClosureRuleConfig', { config })).toEqual({
      success: true,
      data: { ruleKey: 'itr-close-condition', description: { valid: false } },
    });
  });

  it('answers only Jira admins', async () => {
    expect(await page('itr-close-condition', 'describeClosureRuleConfig', { config: saved() }, AGENT)).toMatchObject({
      success: false,
      errors: [{ code: 'NOT_AUTHORIZED' }],
    });
  });
});
