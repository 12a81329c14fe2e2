/**
 * Where Jira would evaluate a Jira expression.
 *
 * Workflow validators and conditions (`jira:workflowValidator` / `jira:workflowCondition` with an
 * `expression`) and custom field formatters are evaluated by Jira itself, never by the app's code,
 * so the sandbox cannot run them. When the manifest declares such a module, register here a domain
 * rule that stands in for its expression (the expression's text is pinned by a test elsewhere):
 * the sandbox's transition handler will call `evaluateExpression(moduleKey, input)` before moving an
 * issue, and show the returned message like Jira shows a validator's error.
 *
 * The app declares none yet, so the registry is empty and every transition is allowed.
 */
export interface ExpressionInput {
  /** The acting user (Jira's `user`). */
  accountId: string;
  /** The issue as Jira's REST API returns it (`issue`). */
  issue: { key: string; fields: Record<string, unknown> };
  /** Target status name (`transition.to.name`). */
  transitionTo: string;
}

/** `true` = allowed; a string = the error message Jira would show. */
export type ExpressionRule = (input: ExpressionInput) => true | string;

/** Module key → the domain rule standing in for its Jira expression. */
export const EXPRESSION_RULES: ReadonlyMap<string, ExpressionRule> = new Map();

export function evaluateExpression(moduleKey: string, input: ExpressionInput): true | string {
  const rule = EXPRESSION_RULES.get(moduleKey);
  return rule === undefined ? true : rule(input);
}
