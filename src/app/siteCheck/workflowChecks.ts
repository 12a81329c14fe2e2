/**
 * Site check lines about the ITR workflow as Jira stores it: the closure rules attached to its Resolve
 * and Close transitions with this site's configuration, and Resolution set by those transitions.
 */
import type { JiraClient, WorkflowDetails, WorkflowRuleDetails } from '../../adapters/jira';
import type { ClosureRulePlacement } from '../../contract/closureRules';
import type { SiteCheckLine } from '../../contract/siteCheck';
import {
  CLOSURE_RULES_BY_TRANSITION,
  extensionAri,
  FORGE_CONDITION_RULE,
  FORGE_VALIDATOR_RULE,
  type ClosureRuleConfig,
  type ClosureRuleKey,
  type ClosureTransition,
} from '../../domain/closure';
import { ITR_TRANSITIONS } from '../setup/plan';

/** The ITR workflow's transition names of the closure transitions (src/app/setup/plan.ts). */
const TRANSITION_NAMES: Readonly<Record<ClosureTransition, string>> = {
  resolve: ITR_TRANSITIONS.find((t) => t.id === '91')?.name ?? 'Resolve',
  close: ITR_TRANSITIONS.find((t) => t.id === '111')?.name ?? 'Close',
};

type Transition = WorkflowDetails['transitions'][number];

/** The rules by key for logs and support ("itr-close-condition → Close"); the page names them by `rules`. */
const placementsText = (rules: readonly ClosureRulePlacement[]): string =>
  rules.map((r) => `${r.rule} → ${r.transition}`).join(', ');

/** The rule of `moduleKey` (this app and environment) on a transition, if attached. */
function ruleOf(
  t: Transition,
  moduleKey: ClosureRuleKey,
  kind: 'condition' | 'validator',
  app: { appId: string; environmentId: string },
): WorkflowRuleDetails | undefined {
  const list = kind === 'condition' ? t.conditions : t.validators;
  const ruleKey = kind === 'condition' ? FORGE_CONDITION_RULE : FORGE_VALIDATOR_RULE;
  return list.find((r) => r.ruleKey === ruleKey && r.parameters['key'] === extensionAri(app, moduleKey));
}

/** The saved `config` of a rule, parsed; undefined when absent or not JSON. */
export function ruleConfigOf(
  rule: WorkflowRuleDetails | undefined,
): (Partial<ClosureRuleConfig> & { expression?: string }) | undefined {
  const text = rule?.parameters['config'];
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function sameConfig(saved: Partial<ClosureRuleConfig> | undefined, expected: ClosureRuleConfig): boolean {
  if (saved === undefined) return false;
  const ids = (['submitter', 'visitOpen', 'rootCause', 'classification'] as const).every(
    (k) => saved[k] === expected[k],
  );
  const fallback = Array.isArray(saved.fallback) ? [...saved.fallback].sort().join(',') : '';
  return ids && fallback === [...expected.fallback].sort().join(',');
}

export interface AttachedRules {
  line: SiteCheckLine;
  /** Saved configuration by module, for the expression check (it evaluates what Jira will). */
  configs: Partial<Record<ClosureRuleKey, ReturnType<typeof ruleConfigOf>>>;
}

/** Every closure rule on its transition, with the configuration this site needs. */
export function checkRulesAttached(
  workflow: WorkflowDetails | undefined,
  expected: ClosureRuleConfig | undefined,
  app: { appId: string; environmentId: string },
  workflowName: string,
): AttachedRules {
  if (workflow === undefined)
    return {
      line: { id: 'rulesAttached', outcome: 'fail', detail: 'workflowMissing', params: { workflow: workflowName } },
      configs: {},
    };
  const missing: ClosureRulePlacement[] = [];
  const stale: ClosureRulePlacement[] = [];
  const configs: AttachedRules['configs'] = {};
  for (const transition of Object.keys(CLOSURE_RULES_BY_TRANSITION) as ClosureTransition[]) {
    const name = TRANSITION_NAMES[transition];
    const t = workflow.transitions.find((x) => x.name === name);
    const wanted = CLOSURE_RULES_BY_TRANSITION[transition];
    for (const [kind, keys] of [
      ['condition', wanted.conditions],
      ['validator', wanted.validators],
    ] as const) {
      for (const key of keys) {
        const rule = t === undefined ? undefined : ruleOf(t, key, kind, app);
        if (rule === undefined) {
          missing.push({ rule: key, transition: name });
          continue;
        }
        const config = ruleConfigOf(rule);
        configs[key] = config;
        if (expected !== undefined && !sameConfig(config, expected)) stale.push({ rule: key, transition: name });
      }
    }
  }
  if (missing.length > 0)
    return {
      line: {
        id: 'rulesAttached',
        outcome: 'fail',
        detail: 'ruleMissing',
        params: { rules: placementsText(missing), workflow: workflowName },
        rules: missing,
      },
      configs,
    };
  if (stale.length > 0)
    return {
      line: {
        id: 'rulesAttached',
        outcome: 'fail',
        detail: 'ruleConfigStale',
        params: { rules: placementsText(stale), workflow: workflowName },
        rules: stale,
      },
      configs,
    };
  return {
    line: { id: 'rulesAttached', outcome: 'pass', detail: 'rulesAttached', params: { workflow: workflowName } },
    configs,
  };
}

/** Whether a transition sets Resolution: a `system:update-field` post function with a value, or a screen that shows it. */
async function setsResolution(t: Transition, jira: JiraClient): Promise<boolean> {
  if (
    t.actions.some(
      (a) =>
        a.ruleKey === 'system:update-field' &&
        a.parameters['field'] === 'resolution' &&
        (a.parameters['value'] ?? '') !== '',
    )
  )
    return true;
  const screenId = Number(t.transitionScreen?.parameters['screenId']);
  if (!Number.isInteger(screenId) || screenId <= 0) return false;
  for (const tab of await jira.screenTabs(screenId))
    if ((await jira.screenTabFields(screenId, tab.id)).includes('resolution')) return true;
  return false;
}

/** Resolve and Close set Resolution, so "done" reports and Jira's own filters agree. */
export async function checkResolution(
  workflow: WorkflowDetails | undefined,
  jira: JiraClient,
  workflowName: string,
): Promise<SiteCheckLine> {
  if (workflow === undefined)
    return { id: 'resolution', outcome: 'skip', detail: 'needsWorkflow', params: { workflow: workflowName } };
  const unset: string[] = [];
  for (const name of Object.values(TRANSITION_NAMES)) {
    const t = workflow.transitions.find((x) => x.name === name);
    if (t === undefined || !(await setsResolution(t, jira))) unset.push(name);
  }
  return unset.length > 0
    ? {
        id: 'resolution',
        outcome: 'fail',
        detail: 'resolutionNotSet',
        params: { transitions: unset.join(', '), workflow: workflowName },
      }
    : { id: 'resolution', outcome: 'pass', detail: 'resolutionSet', params: { workflow: workflowName } };
}
