/**
 * Each Jira expression of the close/resolve rules, pinned beside the domain rule it mirrors, and both
 * evaluated on one table of cases. The text evaluated is manifest.yml's, with the rule's saved
 * configuration as `config` and exactly the documented context of the module type, by the
 * Jira-expression platform double (platform-doubles/jiraExpression); what only Jira can tell is in the
 * README's first-deploy checks and the admin site check.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  CLOSURE_EXPRESSIONS,
  CLOSURE_RULES_BY_TRANSITION,
  closureRulesFor,
  extensionAri,
  isClosureRule,
  mayClose,
  mayResolve,
  type ClosureRuleConfig,
  type ClosureRuleKey,
} from '../../../src/domain/closure';
import {
  evaluateForgeRule,
  issueBean,
  parseJiraExpression,
  projectBean,
  transitionBean,
  userBean,
  workflowBean,
  type RuleVerdict,
} from '../../../platform-doubles/jiraExpression';

const FIELDS = {
  submitter: 'customfield_10107',
  visitOpen: 'customfield_10300',
  rootCause: 'customfield_10301',
  classification: 'customfield_10113',
};
const SUBMITTER = 'acc-engineer';
const OTHER = 'acc-l2';
const FALLBACK = 'acc-fallback';
const APP = { appId: 'app-1', environmentId: 'env-1' };

/** manifest.yml's workflow-rule modules, read as Forge reads them. */
const manifestRules = (() => {
  const manifest = readFileSync(path.resolve(__dirname, '../../../manifest.yml'), 'utf8');
  const modules = (
    parseYaml(manifest) as { modules: Record<string, Array<{ key: string; expression?: string; function?: string }>> }
  ).modules;
  return [
    ...(modules['jira:workflowCondition'] ?? []).map((m) => ({
      ...m,
      type: 'jira:workflowCondition' as const,
    })),
    ...(modules['jira:workflowValidator'] ?? []).map((m) => ({
      ...m,
      type: 'jira:workflowValidator' as const,
    })),
  ];
})();

/** One state of the world, as Jira would see it and as the app would describe it to the domain. */
interface World {
  name: string;
  acting: string;
  /** The app-only submitter field; undefined = never recorded. */
  submitter: string | undefined;
  /** The Reporter system field (any editor may change it: it must not matter). */
  reporter: string;
  /** The rule's saved configuration; undefined = attached by hand, never configured. */
  config: Partial<ClosureRuleConfig> | undefined;
  visitOpen: 'yes' | 'no' | undefined;
  resolved?: boolean;
  classification?: string;
  rootCause?: 'yes' | 'no';
}

const configured = (fallback: string[] = []): ClosureRuleConfig => ({ ...FIELDS, fallback });

const CUSTOM_FIELDS = [
  { id: FIELDS.submitter, type: 'user' },
  { id: FIELDS.visitOpen, type: 'string' },
  { id: FIELDS.rootCause, type: 'string' },
  { id: FIELDS.classification, type: 'string' },
];

/** Evaluates the manifest module `key` on the world, as Jira would on the ITR workflow's transition. */
function evaluate(
  key: ClosureRuleKey,
  w: World,
  override?: { configuration?: string; manifestExpression?: string },
): RuleVerdict {
  const mod = manifestRules.find((m) => m.key === key);
  if (mod === undefined) throw new Error(`manifest has no ${key}`);
  const issue = issueBean({
    issue: {
      id: '10001',
      key: 'ITR-1',
      fields: {
        status: { id: '5', name: 'Resolved' },
        resolution: w.resolved === false ? null : { id: '10000', name: 'Done' },
        reporter: { accountId: w.reporter },
        project: { id: '10000', key: 'ITR' },
        [FIELDS.submitter]: w.submitter === undefined ? null : { accountId: w.submitter },
        [FIELDS.visitOpen]: w.visitOpen ?? null,
        [FIELDS.classification]: w.classification ?? null,
        [FIELDS.rootCause]: w.rootCause ?? null,
      },
    },
    customFields: CUSTOM_FIELDS,
    lookUpUser: () => undefined,
  });
  return evaluateForgeRule({
    moduleType: mod.type,
    manifestExpression: override?.manifestExpression ?? mod.expression,
    configuration: override?.configuration ?? (w.config === undefined ? undefined : JSON.stringify(w.config)),
    values: {
      user: userBean({ accountId: w.acting }),
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
    },
    extensionId: extensionAri(APP, key),
    ruleId: 'rule-1',
    workflow: { id: 'wf-1', name: 'ITR workflow' },
  });
}

const passes = (key: ClosureRuleKey, w: World): boolean => evaluate(key, w).passed;

const CLOSE_CASES: Array<[World, { condition: boolean; validator: boolean }]> = [
  [
    {
      name: 'submitter, no visit needed',
      acting: SUBMITTER,
      submitter: SUBMITTER,
      reporter: SUBMITTER,
      config: configured(),
      visitOpen: undefined,
    },
    { condition: true, validator: true },
  ],
  [
    {
      name: 'submitter, visit recorded',
      acting: SUBMITTER,
      submitter: SUBMITTER,
      reporter: SUBMITTER,
      config: configured(),
      visitOpen: 'no',
    },
    { condition: true, validator: true },
  ],
  [
    {
      name: 'submitter, visit open',
      acting: SUBMITTER,
      submitter: SUBMITTER,
      reporter: SUBMITTER,
      config: configured(),
      visitOpen: 'yes',
    },
    { condition: true, validator: false },
  ],
  [
    {
      name: 'other user',
      acting: OTHER,
      submitter: SUBMITTER,
      reporter: SUBMITTER,
      config: configured(),
      visitOpen: 'no',
    },
    { condition: false, validator: false },
  ],
  [
    {
      name: 'reporter changed to the other user',
      acting: OTHER,
      submitter: SUBMITTER,
      reporter: OTHER,
      config: configured(),
      visitOpen: 'no',
    },
    { condition: false, validator: false },
  ],
  [
    {
      name: 'submitter after the reporter was changed away',
      acting: SUBMITTER,
      submitter: SUBMITTER,
      reporter: OTHER,
      config: configured(),
      visitOpen: 'no',
    },
    { condition: true, validator: true },
  ],
  [
    {
      name: 'submitter never recorded',
      acting: SUBMITTER,
      submitter: undefined,
      reporter: SUBMITTER,
      config: configured(),
      visitOpen: 'no',
    },
    { condition: false, validator: false },
  ],
  [
    {
      name: 'rule never configured (fails closed)',
      acting: SUBMITTER,
      submitter: SUBMITTER,
      reporter: SUBMITTER,
      config: undefined,
      visitOpen: 'no',
    },
    { condition: false, validator: false },
  ],
  [
    {
      name: 'fallback closer',
      acting: FALLBACK,
      submitter: SUBMITTER,
      reporter: SUBMITTER,
      config: configured([FALLBACK]),
      visitOpen: 'no',
    },
    { condition: true, validator: true },
  ],
  [
    {
      name: 'fallback closer, visit open',
      acting: FALLBACK,
      submitter: SUBMITTER,
      reporter: SUBMITTER,
      config: configured([FALLBACK]),
      visitOpen: 'yes',
    },
    { condition: true, validator: false },
  ],
  [
    {
      name: 'fallback closer, submitter missing',
      acting: FALLBACK,
      submitter: undefined,
      reporter: SUBMITTER,
      config: configured([FALLBACK]),
      visitOpen: undefined,
    },
    { condition: true, validator: true },
  ],
  [
    {
      name: 'other user while someone else is fallback',
      acting: OTHER,
      submitter: SUBMITTER,
      reporter: SUBMITTER,
      config: configured([FALLBACK]),
      visitOpen: 'no',
    },
    { condition: false, validator: false },
  ],
];

/**
 * The same world as the app hands it to the domain. Without the configuration nobody can tell which
 * field is the submitter's, so the submitter and the fallbacks are unknown.
 */
function domainInput(w: World, ignoreVisit: boolean) {
  return {
    submitterAccountId: w.config === undefined ? undefined : w.submitter,
    actingAccountId: w.acting,
    fallbackAccountIds: w.config?.fallback ?? [],
    requiredVisitOpen: !ignoreVisit && w.visitOpen === 'yes',
  };
}

describe('close rules: manifest text with the saved configuration, and the domain rule, agree', () => {
  it.each(CLOSE_CASES)('$name', (world, expected) => {
    expect(passes('itr-close-condition', world)).toBe(expected.condition);
    expect(passes('itr-close-validator', world)).toBe(expected.validator);
    // The condition is the validator without the visit (it only hides Close from the wrong people).
    expect(mayClose(domainInput(world, true)).allowed).toBe(expected.condition);
    expect(mayClose(domainInput(world, false)).allowed).toBe(expected.validator);
  });

  it('close is refused, even to the submitter, while the issue is not resolved', () => {
    const world: World = {
      name: '',
      acting: SUBMITTER,
      submitter: SUBMITTER,
      reporter: SUBMITTER,
      config: configured([FALLBACK]),
      visitOpen: 'no',
      resolved: false,
    };
    expect(passes('itr-close-condition', world)).toBe(false);
    expect(passes('itr-close-validator', world)).toBe(false);
    expect(passes('itr-close-validator', { ...world, acting: FALLBACK })).toBe(false);
  });

  it('refuses someone else with CLOSE_NOT_SUBMITTER before mentioning the visit', () => {
    expect(
      mayClose({
        submitterAccountId: SUBMITTER,
        actingAccountId: OTHER,
        fallbackAccountIds: [],
        requiredVisitOpen: true,
      }),
    ).toEqual({ allowed: false, code: 'CLOSE_NOT_SUBMITTER' });
    expect(
      mayClose({
        submitterAccountId: SUBMITTER,
        actingAccountId: SUBMITTER,
        fallbackAccountIds: [],
        requiredVisitOpen: true,
      }),
    ).toEqual({ allowed: false, code: 'CLOSE_VISIT_OPEN' });
  });

  it('never reads the Reporter field, nor anything but the documented context', () => {
    for (const text of Object.values(CLOSURE_EXPRESSIONS)) {
      expect(text).not.toMatch(/reporter/i);
      expect(text).not.toMatch(/\bapp\b/);
    }
  });
});

const RESOLVE_CASES: Array<[string, string | undefined, 'yes' | 'no' | undefined, boolean]> = [
  ['problem, root cause complete', 'problem', 'yes', true],
  ['problem, root cause incomplete', 'problem', 'no', false],
  ['problem, no root cause yet', 'problem', undefined, false],
  ['requirement without root cause', 'requirement', undefined, true],
  ['not classified yet', undefined, undefined, true],
];

describe('resolve rule: manifest text with the saved configuration, and the domain rule, agree', () => {
  it.each(RESOLVE_CASES)('%s', (_name, classification, rootCause, expected) => {
    const world: World = {
      name: '',
      acting: OTHER,
      submitter: SUBMITTER,
      reporter: SUBMITTER,
      config: configured(),
      visitOpen: undefined,
      resolved: false,
      ...(classification !== undefined ? { classification } : {}),
      ...(rootCause !== undefined ? { rootCause } : {}),
    };
    expect(passes('itr-resolve-validator', world)).toBe(expected);
    expect(mayResolve({ classification, rootCauseComplete: rootCause === 'yes' }).allowed).toBe(expected);
  });

  it('fails closed without configuration', () => {
    expect(
      passes('itr-resolve-validator', {
        name: '',
        acting: OTHER,
        submitter: SUBMITTER,
        reporter: SUBMITTER,
        config: undefined,
        visitOpen: undefined,
        classification: 'requirement',
      }),
    ).toBe(false);
    expect(
      passes('itr-resolve-validator', {
        name: '',
        acting: OTHER,
        submitter: SUBMITTER,
        reporter: SUBMITTER,
        config: {},
        visitOpen: undefined,
        classification: 'requirement',
      }),
    ).toBe(false);
  });
});

describe('a configuration holding `expression` replaces the manifest text', () => {
  it('evaluates the configured text, with the rest of the configuration as config', () => {
    const world: World = {
      name: '',
      acting: OTHER,
      submitter: SUBMITTER,
      reporter: SUBMITTER,
      config: undefined,
      visitOpen: undefined,
    };
    const configuration = JSON.stringify({ expression: "config.only == 'x' && config.expression == null", only: 'x' });
    expect(evaluate('itr-close-validator', world, { configuration })).toEqual({ passed: true });
  });
});

describe('rule entries for the ITR workflow', () => {
  it('Close carries the condition and the validator, Resolve the resolve validator, each with this site’s configuration', () => {
    const config = configured([FALLBACK]);
    const close = closureRulesFor('close', config, APP);
    expect(close.conditions).toEqual({
      operation: 'ALL',
      conditions: [
        {
          ruleKey: 'forge:expression-condition',
          parameters: { key: extensionAri(APP, 'itr-close-condition'), config: JSON.stringify(config) },
        },
      ],
    });
    expect(close.validators).toEqual([
      {
        ruleKey: 'forge:expression-validator',
        parameters: {
          key: `ari:cloud:ecosystem::extension/app-1/env-1/static/itr-close-validator`,
          config: JSON.stringify(config),
        },
      },
    ]);
    const resolve = closureRulesFor('resolve', config, APP);
    expect(resolve.conditions).toBeUndefined();
    expect(resolve.validators.map((v) => v.parameters['key'])).toEqual([extensionAri(APP, 'itr-resolve-validator')]);
    expect(
      [...close.validators, ...resolve.validators, ...(close.conditions?.conditions ?? [])].every(isClosureRule),
    ).toBe(true);
    expect(
      isClosureRule({ ruleKey: 'forge:expression-validator', parameters: { key: extensionAri(APP, 'someone-else') } }),
    ).toBe(false);
    expect(Object.keys(CLOSURE_RULES_BY_TRANSITION)).toEqual(['resolve', 'close']);
  });

  it('the configuration the rules carry is what the expressions read', () => {
    const config = configured([FALLBACK]);
    const [validator] = closureRulesFor('close', config, APP).validators;
    const world: World = {
      name: '',
      acting: FALLBACK,
      submitter: SUBMITTER,
      reporter: SUBMITTER,
      config: undefined,
      visitOpen: 'no',
    };
    expect(
      evaluate('itr-close-validator', world, { configuration: validator?.parameters['config'] ?? '' }).passed,
    ).toBe(true);
    expect(
      evaluate(
        'itr-close-validator',
        { ...world, acting: OTHER },
        { configuration: validator?.parameters['config'] ?? '' },
      ).passed,
    ).toBe(false);
  });
});

describe('pinned text', () => {
  it('the manifest carries exactly the pinned expressions', () => {
    for (const [key, text] of Object.entries(CLOSURE_EXPRESSIONS)) {
      const rule = manifestRules.find((r) => r.key === key);
      expect(rule?.expression).toBe(text);
      expect(rule?.function).toBeUndefined(); // expression-only: no function invocation
    }
  });

  it('every expression is short and parses', () => {
    for (const text of Object.values(CLOSURE_EXPRESSIONS)) {
      expect(() => parseJiraExpression(text)).not.toThrow();
      expect(text.length).toBeLessThan(1000); // Jira's documented limit is 1,000 characters
    }
  });
});
