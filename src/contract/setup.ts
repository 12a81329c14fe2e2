/**
 * The one-click setup admin page (`itr-setup`): what the page sends and what the resolver answers.
 * Every text the page shows is a code plus params, translated in the UI (`setup.*` keys), so the plan
 * and the report read the same in English and Simplified Chinese.
 */
import type { ClosureRulePlacement } from './closureRules';

/** What a step sets up. */
export type SetupStepKind =
  | 'issueType' // one of the four ITR issue types (global)
  | 'workflow' // the ITR workflow and its statuses (global)
  | 'issueTypeScheme' // the ITR issue types in a project's issue type scheme
  | 'workflowScheme' // a project's workflow scheme maps the ITR issue types to the ITR workflow
  | 'screenFields' // the app's fields on a screen the projects use
  | 'workflowRules' // the app's rules on the ITR workflow's transitions (forge:expression-* rules with this site's config)
  | 'project'; // a picked project that setup cannot work on (missing, team-managed)

/** What the preview expects a step to do. */
export type SetupAction = 'create' | 'found' | 'cannot';

/** What running a step did. */
export type SetupOutcome = 'pending' | 'created' | 'found' | 'manual' | 'failed';

/** A remaining step for the admin, by code (translated in the UI) and params (names, keys). */
export interface ManualStep {
  code: ManualStepCode;
  params: Record<string, string>;
  /** The app's workflow rules the step is about, each on its transition (the page names them). */
  rules?: ClosureRulePlacement[];
}

export type ManualStepCode =
  | 'projectNotFound'
  | 'teamManagedIssueTypes'
  | 'teamManagedWorkflow'
  | 'customWorkflowScheme'
  | 'switchWorkflowScheme'
  | 'fieldsNotInstalled'
  | 'noScreen'
  | 'fieldsNotInstalledRules';

export interface SetupStep {
  /** Stable id, e.g. `issueType:complaint`, `workflowScheme:ITR`, `screenFields:1`. */
  id: string;
  kind: SetupStepKind;
  /** What it works on: an ITR kind, a project key, a screen name, the workflow's name. */
  target: string;
  action: SetupAction;
  /** Why the preview says `cannot`, or what the admin must then do by hand. */
  manual: ManualStep[];
  /** For `screenFields`: the field ids still missing from the screen (preview). */
  missingFieldIds?: string[];
}

/** One part of ITR in a project, as setup found it. */
export type SetupProjectPart = 'issueTypes' | 'workflow' | 'fields';

/**
 * `configured`: in place; `missing`: setup adds it; `manual`: setup cannot (team-managed or missing
 * project, a custom workflow scheme, no screen, the app's fields not installed): the admin does it.
 */
export type SetupPartState = 'configured' | 'missing' | 'manual';

/** A project's ITR state overall: every part configured, some, none, or setup cannot work on it. */
export type SetupProjectOverall = 'configured' | 'partial' | 'notConfigured' | 'manual';

export interface SetupProjectState {
  key: string;
  state: SetupProjectOverall;
  parts: Record<SetupProjectPart, SetupPartState>;
}

export interface SetupPlan {
  projectKeys: string[];
  steps: SetupStep[];
  /** Each picked project's state before the run (the page shows it next to the project). */
  projects: SetupProjectState[];
}

export interface SetupStepStatus extends SetupStep {
  outcome: SetupOutcome;
  /** What was created or found (ids, counts) for the report. */
  result?: Record<string, string | number>;
  error?: { code: string; message: string };
}

export type SetupRunState = 'running' | 'done' | 'failed';

export interface SetupStatus {
  runId: string;
  state: SetupRunState;
  projectKeys: string[];
  steps: SetupStepStatus[];
  /** Index of the next step to run (= steps.length when done). */
  nextIndex: number;
  startedAt: string;
  updatedAt: string;
  startedBy: string;
}

export interface SetupProject {
  id: string;
  key: string;
  name: string;
  /** `classic` = company-managed, `next-gen` = team-managed. */
  style: 'classic' | 'next-gen';
}

export interface SetupFunctions {
  listSetupProjects: { payload: Record<string, never>; result: SetupProject[] };
  /** What a run would do for the projects, and each one's state now (reads only; 1–50 projects). */
  previewSetup: { payload: { projectKeys: string[] }; result: SetupPlan };
  runSetup: { payload: { projectKeys: string[] }; result: SetupStatus };
  resumeSetup: { payload: Record<string, never>; result: SetupStatus };
  getSetupStatus: { payload: Record<string, never>; result: SetupStatus | null };
}
