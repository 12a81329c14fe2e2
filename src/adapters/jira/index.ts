export {
  DEFAULT_RETRY_POLICY,
  JiraClient,
  jiraAsApp,
  jiraAsUser,
  MAX_RECONCILE_ISSUES,
  parseRetryAfter,
} from './jira.adapter';
export type {
  JiraActor,
  JiraClientOptions,
  JiraIssueLink,
  RetryPolicy,
  SearchOptions,
  WorkflowDetails,
  WorkflowRuleDetails,
} from './jira.adapter';
export { parseIssueLinks } from './jira.adapter';
export { codeForStatus, JiraError, JiraErrorCode } from './jira.errors';
export type { JiraErrorDetails } from './jira.errors';
export type {
  AdfDocument,
  AppFieldValueUpdate,
  JiraComment,
  JiraDirectoryUser,
  JiraFieldListing,
  JiraGroupSummary,
  JiraIssue,
  JiraSearchPage,
  JiraTransition,
  JiraUser,
  TransitionChanges,
} from './jira.types';
