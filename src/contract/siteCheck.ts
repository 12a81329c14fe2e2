/**
 * "Site check" on the setup admin page: what no offline test can show, verified on the live site.
 * Each line is pass / fail / skip with a stable `detail` code and params; the page translates the
 * check's title, the detail and (for a failure) the fix (`siteCheck.*` keys, en + zh-CN).
 */
import type { ClosureRulePlacement } from './closureRules';

/** The checks, in the order the page shows them. */
export const SITE_CHECK_IDS = [
  'fields',
  'expressions',
  'rulesAttached',
  'resolution',
  'projectPermissions',
  'migrations',
  'triggers',
  'license',
] as const;

export type SiteCheckId = (typeof SITE_CHECK_IDS)[number];

/** `skip`: the check could not run (a check before it failed, or nothing to check on yet). */
export type SiteCheckOutcome = 'pass' | 'fail' | 'skip';

/** What a line says, translated as `siteCheck.detail.<code>`; a failure's fix is `siteCheck.fix.<code>`. */
export type SiteCheckDetailCode =
  | 'fieldsFound'
  | 'fieldsMissing'
  | 'expressionsAgree'
  | 'expressionDisagrees'
  | 'expressionFailed'
  | 'noIssueToTry'
  | 'needsFields'
  | 'rulesAttached'
  | 'workflowMissing'
  | 'ruleMissing'
  | 'ruleConfigStale'
  | 'resolutionSet'
  | 'resolutionNotSet'
  | 'needsWorkflow'
  | 'projectsAllowed'
  | 'projectsRefused'
  | 'noItrProjects'
  | 'migrationsApplied'
  | 'migrationsPending'
  | 'triggersRan'
  | 'triggersLate'
  | 'licenseActive'
  | 'licenseInactive'
  | 'licenseAbsent'
  | 'jiraRefused'
  | 'checkFailed';

export interface SiteCheckLine {
  id: SiteCheckId;
  outcome: SiteCheckOutcome;
  detail: SiteCheckDetailCode;
  /** Names, keys, counts for the translated text (all strings). */
  params: Record<string, string>;
  /** The app's workflow rules the line is about (missing, or configured for other fields); the page names them. */
  rules?: ClosureRulePlacement[];
  /** Scheduled jobs that did not run recently, with their last run (ISO; null: never); the page names them. */
  triggers?: Array<{ name: SiteCheckTrigger; lastRunAt: string | null }>;
  /** The app's fields Jira does not have, by module key; the page names them as Jira does. */
  fields?: string[];
  /** Why Jira refused a check, from its HTTP status; the page says it in words (its code stays in the logs). */
  jiraRefusal?: JiraRefusal;
  /** ITR projects where the app lacks a permission, by Jira's permission key; the page names them. */
  refused?: Array<{ project: string; permissions: SiteCheckPermission[] }>;
}

/** Jira's refusal of a check in the reader's terms: not allowed, not found, busy, or failing. */
export type JiraRefusal = 'permission' | 'notFound' | 'busy' | 'unavailable' | 'other';

/** The scheduled jobs the triggers check expects a heartbeat from. */
export type SiteCheckTrigger = 'escalation-sweep' | 'analytics-weekly-report' | 'migration-check';

/** The project permissions the app needs in every ITR project (Jira's keys). */
export type SiteCheckPermission = 'BROWSE_PROJECTS' | 'ADD_COMMENTS';

export interface SiteCheckReport {
  /** ISO time of the check. */
  checkedAt: string;
  lines: SiteCheckLine[];
}

export interface SiteCheckFunctions {
  runSiteCheck: { payload: Record<string, never>; result: SiteCheckReport };
}
