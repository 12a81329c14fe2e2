/**
 * Each Jira expression of the close/resolve rules, pinned beside the domain rule it mirrors, and both
 * evaluated on one table of cases. The expressions run in `miniJex` (this folder), an interpreter of
 * exactly their subset; what only Jira can tell is listed in the README's first-deploy checks.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CLOSE_CONDITION_EXPRESSION,
  CLOSE_VALIDATOR_EXPRESSION,
  CLOSURE_EXPRESSIONS,
  RESOLVE_VALIDATOR_EXPRESSION,
  mayClose,
  mayResolve,
  type CloseProperty,
} from '../../../src/domain/closure';
import { parse as parseYaml } from 'yaml';
import { evaluateRule, parse } from './miniJex';

const FIELDS = { submitter: 'customfield_10107', visitOpen: 'customfield_10300', rootCause: 'customfield_10301', classification: 'customfield_10113' };
const REPORTER = 'reporter';
const SUBMITTER = 'acc-engineer';
const OTHER = 'acc-l2';
const FALLBACK = 'acc-fallback';

/** One state of the world, as Jira would see it and as the app would describe it to the domain. */
interface World {
  name: string;
  acting: string;
  /** The app-only submitter field; undefined = never recorded. */
  submitter: string | undefined;
  /** The Reporter system field (any editor may change it: it must not matter). */
  reporter: string;
  /** The published app property; undefined = not published yet on this site. */
  property: Partial<CloseProperty> | undefined;
  visitOpen: 'yes' | 'no' | undefined;
}

const published = (fallback: string[] = []): CloseProperty => ({ ...FIELDS, fallback });

const CLOSE_CASES: Array<[World, { condition: boolean; validator: boolean }]> = [
  [{ name: 'submitter, no visit needed', acting: SUBMITTER, submitter: SUBMITTER, reporter: SUBMITTER, property: published(), visitOpen: undefined }, { condition: true, validator: true }],
  [{ name: 'submitter, visit recorded', acting: SUBMITTER, submitter: SUBMITTER, reporter: SUBMITTER, property: published(), visitOpen: 'no' }, { condition: true, validator: true }],
  [{ name: 'submitter, visit open', acting: SUBMITTER, submitter: SUBMITTER, reporter: SUBMITTER, property: published(), visitOpen: 'yes' }, { condition: true, validator: false }],
  [{ name: 'other user', acting: OTHER, submitter: SUBMITTER, reporter: SUBMITTER, property: published(), visitOpen: 'no' }, { condition: false, validator: false }],
  [{ name: 'reporter changed to the other user', acting: OTHER, submitter: SUBMITTER, reporter: OTHER, property: published(), visitOpen: 'no' }, { condition: false, validator: false }],
  [{ name: 'submitter after the reporter was changed away', acting: SUBMITTER, submitter: SUBMITTER, reporter: OTHER, property: published(), visitOpen: 'no' }, { condition: true, validator: true }],
  [{ name: 'submitter never recorded', acting: SUBMITTER, submitter: undefined, reporter: SUBMITTER, property: published(), visitOpen: 'no' }, { condition: false, validator: false }],
  [{ name: 'property missing (fails closed)', acting: SUBMITTER, submitter: SUBMITTER, reporter: SUBMITTER, property: undefined, visitOpen: 'no' }, { condition: false, validator: false }],
  [{ name: 'fallback closer', acting: FALLBACK, submitter: SUBMITTER, reporter: SUBMITTER, property: published([FALLBACK]), visitOpen: 'no' }, { condition: true, validator: true }],
  [{ name: 'fallback closer, visit open', acting: FALLBACK, submitter: SUBMITTER, reporter: SUBMITTER, property: published([FALLBACK]), visitOpen: 'yes' }, { condition: true, validator: false }],
  [{ name: 'fallback closer, submitter missing', acting: FALLBACK, submitter: undefined, reporter: SUBMITTER, property: published([FALLBACK]), visitOpen: undefined }, { condition: true, validator: true }],
  [{ name: 'other user while someone else is fallback', acting: OTHER, submitter: SUBMITTER, reporter: SUBMITTER, property: published([FALLBACK]), visitOpen: 'no' }, { condition: false, validator: false }],
];

/** The expression's context: `user`, `issue` (fields by id, plus system fields), `app.properties`. */
function jiraContext(w: World, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    user: { accountId: w.acting },
    issue: {
      key: 'ITR-1',
      reporter: { accountId: w.reporter },
      [FIELDS.submitter]: w.submitter === undefined ? null : { accountId: w.submitter },
      [FIELDS.visitOpen]: w.visitOpen ?? null,
      ...extra,
    },
    app: { properties: w.property === undefined ? {} : { 'itr-close': w.property } },
  };
}

/**
 * The same world as the app hands it to the domain. Without the property nobody can tell which field
 * is the submitter's, so the submitter and the fallbacks are unknown.
 */
function domainInput(w: World, ignoreVisit: boolean) {
  return {
    submitterAccountId: w.property === undefined ? undefined : w.submitter,
    actingAccountId: w.acting,
    fallbackAccountIds: w.property?.fallback ?? [],
    requiredVisitOpen: !ignoreVisit && w.visitOpen === 'yes',
  };
}

describe('close rules: expression text and domain rule agree', () => {
  it.each(CLOSE_CASES)('$name', (world, expected) => {
    expect(evaluateRule(CLOSE_CONDITION_EXPRESSION, jiraContext(world))).toBe(expected.condition);
    expect(evaluateRule(CLOSE_VALIDATOR_EXPRESSION, jiraContext(world))).toBe(expected.validator);
    // The condition is the validator without the visit (it only hides Close from the wrong people).
    expect(mayClose(domainInput(world, true)).allowed).toBe(expected.condition);
    expect(mayClose(domainInput(world, false)).allowed).toBe(expected.validator);
  });

  it('refuses someone else with CLOSE_NOT_SUBMITTER before mentioning the visit', () => {
    expect(mayClose({ submitterAccountId: SUBMITTER, actingAccountId: OTHER, fallbackAccountIds: [], requiredVisitOpen: true })).toEqual({
      allowed: false,
      code: 'CLOSE_NOT_SUBMITTER',
    });
    expect(mayClose({ submitterAccountId: SUBMITTER, actingAccountId: SUBMITTER, fallbackAccountIds: [], requiredVisitOpen: true })).toEqual({
      allowed: false,
      code: 'CLOSE_VISIT_OPEN',
    });
  });

  it('never reads the Reporter field', () => {
    for (const text of Object.values(CLOSURE_EXPRESSIONS)) expect(text).not.toMatch(/reporter/i);
  });
});

const RESOLVE_CASES: Array<[string, string | undefined, 'yes' | 'no' | undefined, boolean]> = [
  ['problem, root cause complete', 'problem', 'yes', true],
  ['problem, root cause incomplete', 'problem', 'no', false],
  ['problem, no root cause yet', 'problem', undefined, false],
  ['requirement without root cause', 'requirement', undefined, true],
  ['not classified yet', undefined, undefined, true],
];

describe('resolve rule: expression text and domain rule agree', () => {
  it.each(RESOLVE_CASES)('%s', (_name, classification, rootCause, expected) => {
    const world: World = { name: '', acting: OTHER, submitter: SUBMITTER, reporter: SUBMITTER, property: published(), visitOpen: undefined };
    const ctx = jiraContext(world, { [FIELDS.classification]: classification ?? null, [FIELDS.rootCause]: rootCause ?? null });
    expect(evaluateRule(RESOLVE_VALIDATOR_EXPRESSION, ctx)).toBe(expected);
    expect(mayResolve({ classification, rootCauseComplete: rootCause === 'yes' }).allowed).toBe(expected);
  });

  it('fails closed when the property is missing', () => {
    const world: World = { name: '', acting: OTHER, submitter: SUBMITTER, reporter: SUBMITTER, property: undefined, visitOpen: undefined };
    expect(evaluateRule(RESOLVE_VALIDATOR_EXPRESSION, jiraContext(world, { [FIELDS.classification]: 'requirement' }))).toBe(false);
  });
});

describe('pinned text', () => {
  it('the manifest carries exactly the pinned expressions', () => {
    const manifest = readFileSync(path.resolve(__dirname, '../../../manifest.yml'), 'utf8');
    const modules = (parseYaml(manifest) as { modules: Record<string, Array<{ key: string; expression?: string; function?: string }>> }).modules;
    const rules = [...(modules['jira:workflowCondition'] ?? []), ...(modules['jira:workflowValidator'] ?? [])];
    for (const [key, text] of Object.entries(CLOSURE_EXPRESSIONS)) {
      const rule = rules.find((r) => r.key === key);
      expect(rule?.expression).toBe(text);
      expect(rule?.function).toBeUndefined(); // expression-only: no function invocation
    }
  });

  it('every expression is short and parses in the subset', () => {
    for (const text of Object.values(CLOSURE_EXPRESSIONS)) {
      expect(() => parse(text)).not.toThrow();
      expect(text.length).toBeLessThan(1000); // Jira's documented limit is 1,000 characters
    }
  });

  it('the interpreter rejects anything outside the subset', () => {
    expect(() => parse('issue.comments.length > 0')).toThrow();
  });
});
