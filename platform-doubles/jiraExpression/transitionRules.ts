/**
 * The Forge expression rules attached to a transition of the issue's workflow (the Jira double's
 * `workflowOf`, i.e. what `/workflows/create` / `/workflows/update` stored), evaluated as Jira does
 * before it shows or performs the transition. Rules are `forge:expression-validator` /
 * `forge:expression-condition` entries whose `key` parameter is the module's extension ARI and whose
 * `config` parameter is the stringified configuration (`/rest/api/3/workflows/capabilities`, "Forge rules").
 */
import type { JiraDouble } from '../jiraDouble';
import type { WorkflowRule } from '../jiraModel';
import { issueBean, projectBean, transitionBean, userBean, workflowBean } from './beans';
import { evaluateForgeRule, type FailedExpressionEvent, type WorkflowRuleModuleType } from './workflowRules';

export const FORGE_VALIDATOR_RULE_KEY = 'forge:expression-validator';
export const FORGE_CONDITION_RULE_KEY = 'forge:expression-condition';

/** A manifest module that may be attached as a rule. */
export interface ExpressionRuleModule {
  key: string;
  type: WorkflowRuleModuleType;
  expression: string | undefined;
}

export type TransitionRulesVerdict =
  | { passed: true }
  | {
      passed: false;
      moduleKey: string | undefined;
      kind: 'condition' | 'validator';
      message: string | undefined;
      failures: FailedExpressionEvent[];
    };

/** `ari:cloud:ecosystem::extension/<app>/<env>/static/<moduleKey>` → module key. */
export function moduleKeyOfExtension(ari: string | undefined): string | undefined {
  const at = ari?.lastIndexOf('/static/') ?? -1;
  return ari !== undefined && ari.startsWith('ari:cloud:ecosystem::extension/') && at >= 0
    ? ari.slice(at + '/static/'.length)
    : undefined;
}

const isRule = (v: unknown): v is WorkflowRule =>
  typeof v === 'object' && v !== null && typeof (v as { ruleKey?: unknown }).ruleKey === 'string';

interface ConditionGroup {
  operation: 'ALL' | 'ANY';
  conditions: WorkflowRule[];
  groups: ConditionGroup[];
}

function conditionGroup(v: unknown): ConditionGroup | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const g = v as { operation?: unknown; conditions?: unknown; conditionGroups?: unknown };
  return {
    operation: g.operation === 'ANY' ? 'ANY' : 'ALL',
    conditions: Array.isArray(g.conditions) ? g.conditions.filter(isRule) : [],
    groups: Array.isArray(g.conditionGroups)
      ? g.conditionGroups.map(conditionGroup).filter((x): x is ConditionGroup => x !== undefined)
      : [],
  };
}

export interface TransitionRulesInput {
  issueKey: string;
  transitionId: string;
  /** Who performs (or would see) the transition: Jira's `user`. */
  accountId: string;
  /** The manifest's workflow-rule modules (sandbox/manifest.ts or the test's reading of manifest.yml). */
  modules: readonly ExpressionRuleModule[];
  /** Conditions only (whether Jira shows the transition), or conditions then validators (performing it). */
  phase: 'show' | 'perform';
}

/**
 * Evaluates the transition's rules on the issue as it is now. Failed evaluations are recorded in
 * `jira.failedExpressions` (the `avi:jira:failed:expression` events Jira would send the app).
 */
export function evaluateTransitionRules(jira: JiraDouble, input: TransitionRulesInput): TransitionRulesVerdict {
  const stored = jira.issue(input.issueKey);
  const workflow = jira.model.workflowOf(stored);
  const transition = workflow.transitions.find((t) => t.id === input.transitionId);
  if (transition?.source === undefined) return { passed: true }; // the default workflow carries no app rules
  const wfState = jira.model.site.workflows.find((w) => w.name === workflow.name);
  const issueJson = stored;
  const customFields = [...jira.model.fields.values()].filter((f) => f.custom).map((f) => ({ id: f.id, type: f.type }));
  const lookUpUser = (accountId: string) => jira.model.users.get(accountId);
  const issue = issueBean({
    issue: { id: issueJson.id, key: issueJson.key, fields: issueJson.fields },
    customFields,
    lookUpUser,
  });
  const project = jira.model.projects.get(stored.projectKey);
  const currentStatus = (issueJson.fields['status'] as { id?: unknown; name?: unknown } | undefined) ?? {};
  const toStatus = jira.model.statuses.find((s) => s.name === transition.to);
  const values = {
    user: userBean(lookUpUser(input.accountId) ?? { accountId: input.accountId }),
    issue,
    originalIssue: issue, // no transition screen: nothing changed on it
    project: project === undefined ? null : projectBean(project),
    transition: transitionBean({
      id: transition.id,
      name: transition.name,
      from:
        typeof currentStatus.name === 'string'
          ? { id: String(currentStatus.id ?? ''), name: currentStatus.name }
          : null,
      to: { id: toStatus?.id ?? '', name: transition.to },
    }),
    workflow: workflowBean({ id: wfState?.id ?? workflow.name, name: workflow.name }),
  };
  const wfRef = { id: wfState?.id ?? workflow.name, name: workflow.name };

  const runRule = (
    rule: WorkflowRule,
    kind: 'condition' | 'validator',
    groupOperator: 'AND' | 'OR' | null,
  ): TransitionRulesVerdict => {
    const expected = kind === 'condition' ? FORGE_CONDITION_RULE_KEY : FORGE_VALIDATOR_RULE_KEY;
    if (rule.ruleKey !== expected) return { passed: true }; // other apps' and Jira's own rules are not simulated here
    const moduleKey = moduleKeyOfExtension(rule.parameters['key']);
    const mod = input.modules.find(
      (m) =>
        m.key === moduleKey && m.type === (kind === 'condition' ? 'jira:workflowCondition' : 'jira:workflowValidator'),
    );
    // A rule of a module the app no longer has evaluates to false (as for an uninstalled app).
    if (mod === undefined) return { passed: false, moduleKey, kind, message: undefined, failures: [] };
    const verdict = evaluateForgeRule({
      moduleType: mod.type,
      manifestExpression: mod.expression,
      configuration: rule.parameters['config'],
      values: { ...values, groupOperator },
      extensionId: rule.parameters['key'] ?? '',
      ruleId: rule.parameters['id'] ?? '',
      workflow: wfRef,
    });
    if (verdict.passed) return verdict;
    if (verdict.failure !== undefined) jira.failedExpressions.push(verdict.failure);
    return {
      passed: false,
      moduleKey,
      kind,
      message: verdict.message,
      failures: verdict.failure === undefined ? [] : [verdict.failure],
    };
  };

  const runGroup = (g: ConditionGroup): TransitionRulesVerdict => {
    const single = g.conditions.length + g.groups.length <= 1;
    const op = single ? null : g.operation === 'ANY' ? 'OR' : 'AND';
    const results = [...g.conditions.map((c) => runRule(c, 'condition', op)), ...g.groups.map(runGroup)];
    if (results.length === 0) return { passed: true };
    if (g.operation === 'ANY') return results.find((r) => r.passed) ?? (results[0] as TransitionRulesVerdict);
    return results.find((r) => !r.passed) ?? { passed: true };
  };

  const group = conditionGroup(transition.source.conditions);
  if (group !== undefined) {
    const shown = runGroup(group);
    if (!shown.passed) return shown;
  }
  if (input.phase === 'show') return { passed: true };
  for (const v of transition.source.validators) {
    const r = runRule(v, 'validator', null);
    if (!r.passed) return r;
  }
  return { passed: true };
}
