/**
 * How Jira evaluates a Forge expression workflow rule (`jira:workflowValidator` /
 * `jira:workflowCondition` with an `expression`) on a transition:
 *  - the text is the manifest's, unless the rule's saved configuration holds `expression`, which
 *    replaces it (forge-docs: manifest-reference/modules/jira-workflow-validator "Overriding Jira expression");
 *  - the saved configuration is the `config` variable (the rest of it when it holds `expression`);
 *  - exactly the documented context variables exist, per module type (forge-docs:
 *    manifest-reference/modules/jira-workflow-validator and .../jira-workflow-condition "Context
 *    variables"): no `app`, and a condition has no `originalIssue`;
 *  - only the boolean `true` passes; a validator's String result is its error message; a failed
 *    evaluation, or any other result, is `false` and sends `avi:jira:failed:expression`
 *    (forge-docs: events-reference/jira "Expression evaluation failed").
 */
import { evaluateJiraExpression, type JexValue } from './evaluator';

export type WorkflowRuleModuleType = 'jira:workflowValidator' | 'jira:workflowCondition';

// forge-docs: manifest-reference/modules/jira-workflow-validator ("Context variables")
const VALIDATOR_VARIABLES = ['user', 'issue', 'originalIssue', 'project', 'transition', 'workflow', 'config'] as const;
// forge-docs: manifest-reference/modules/jira-workflow-condition ("Context variables")
const CONDITION_VARIABLES = ['user', 'issue', 'project', 'transition', 'workflow', 'config', 'groupOperator'] as const;
// Both pages: "Additionally, these are available for Jira Service Desk transitions".
const SERVICE_DESK_VARIABLES = ['customerRequest', 'serviceDesk'] as const;

export const RULE_CONTEXT_VARIABLES: Readonly<Record<WorkflowRuleModuleType, readonly string[]>> = {
  'jira:workflowValidator': VALIDATOR_VARIABLES,
  'jira:workflowCondition': CONDITION_VARIABLES,
};

/** Payload of `avi:jira:failed:expression` (forge-docs: events-reference/jira "Expression evaluation failed"). */
export interface FailedExpressionEvent {
  eventType: 'avi:jira:failed:expression';
  selfGenerated: boolean;
  extensionId: string;
  workflowId: string;
  workflowName: string;
  conditionId?: string;
  validatorId?: string;
  expression: string;
  errorMessages: string[];
  context: Record<string, unknown>;
}

/** The values Jira has at hand for one transition; only the module type's documented names reach the text. */
export interface RuleContextValues {
  user: JexValue;
  issue: JexValue;
  originalIssue?: JexValue;
  project: JexValue;
  transition: JexValue;
  workflow: JexValue;
  groupOperator?: 'AND' | 'OR' | null;
  /** Present only on a Jira Service Management transition. */
  customerRequest?: JexValue;
  serviceDesk?: JexValue;
}

export interface ForgeRuleEvaluation {
  moduleType: WorkflowRuleModuleType;
  /** The module's `expression` in manifest.yml (undefined: a function rule or none). */
  manifestExpression: string | undefined;
  /** The rule's saved configuration: the stringified JSON of the `config` parameter, if any. */
  configuration: string | undefined;
  values: RuleContextValues;
  /** For the event: the extension ARI, the rule id and the workflow. */
  extensionId: string;
  ruleId: string;
  workflow: { id: string; name: string };
}

export type RuleVerdict = { passed: true } | { passed: false; message?: string; failure?: FailedExpressionEvent };

/** Parses a saved configuration: a JSON object, or undefined when there is none or it is not an object. */
export function parseRuleConfiguration(configuration: string | undefined): Record<string, JexValue> | undefined {
  if (configuration === undefined || configuration === '') return undefined;
  try {
    const v: unknown = JSON.parse(configuration);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, JexValue>) : undefined;
  } catch {
    return undefined;
  }
}

export function evaluateForgeRule(e: ForgeRuleEvaluation): RuleVerdict {
  const saved = parseRuleConfiguration(e.configuration);
  const override = saved !== undefined && typeof saved['expression'] === 'string' ? saved['expression'] : undefined;
  const expression = override ?? e.manifestExpression;
  let config: JexValue = null;
  if (saved !== undefined) {
    const { expression: _replaced, ...rest } = saved;
    config = override === undefined ? saved : rest;
  }
  const failure = (errorMessages: string[]): RuleVerdict => ({
    passed: false,
    failure: {
      eventType: 'avi:jira:failed:expression',
      selfGenerated: false,
      extensionId: e.extensionId,
      workflowId: e.workflow.id,
      workflowName: e.workflow.name,
      ...(e.moduleType === 'jira:workflowCondition' ? { conditionId: e.ruleId } : { validatorId: e.ruleId }),
      expression: expression ?? '',
      errorMessages,
      context: {},
    },
  });
  if (expression === undefined) return failure(['The rule has no expression.']);

  const available: Record<string, JexValue | undefined> = { ...e.values, config };
  const names = [
    ...RULE_CONTEXT_VARIABLES[e.moduleType],
    ...(e.values.customerRequest !== undefined ? SERVICE_DESK_VARIABLES : []),
  ];
  const variables: Record<string, JexValue> = {};
  for (const name of names) {
    const v = available[name];
    // `originalIssue` does not exist on an initial transition (the validator page says so).
    if (v !== undefined) variables[name] = v;
    else if (name === 'groupOperator') variables[name] = null;
  }
  let result: JexValue;
  try {
    result = evaluateJiraExpression(expression, variables);
  } catch (err) {
    return failure([err instanceof Error ? err.message : String(err)]);
  }
  if (result === true) return { passed: true };
  if (result === false) return { passed: false };
  // A validator's String is the message shown (validator page, `expression` property); a condition's is not a Boolean.
  if (typeof result === 'string' && e.moduleType === 'jira:workflowValidator')
    return { passed: false, message: result };
  return failure([`The expression returned ${JSON.stringify(result)}, not a Boolean.`]);
}
