/** The Jira-expression platform double: parser, evaluator, typed beans, workflow-rule and REST evaluation. */
export { parseJiraExpression, JiraExpressionSyntaxError, type Expr } from './parser';
export { evaluateJiraExpression, JiraExpressionEvaluationError, JiraBean, toJson, type JexValue } from './evaluator';
export { issueBean, projectBean, transitionBean, userBean, workflowBean, type BeanUser } from './beans';
export {
  evaluateForgeRule,
  parseRuleConfiguration,
  RULE_CONTEXT_VARIABLES,
  type FailedExpressionEvent,
  type ForgeRuleEvaluation,
  type RuleVerdict,
  type WorkflowRuleModuleType,
} from './workflowRules';
export {
  evaluateTransitionRules,
  moduleKeyOfExtension,
  FORGE_CONDITION_RULE_KEY,
  FORGE_VALIDATOR_RULE_KEY,
  type ExpressionRuleModule,
  type TransitionRulesVerdict,
} from './transitionRules';
export { evaluateExpressionRequest } from './evaluateEndpoint';
export {
  evaluateFieldFormatter,
  evaluateSearchSuggestions,
  type FormatterInput,
  type SearchSuggestion,
  type SearchSuggestionsInput,
} from './customFieldExpressions';
