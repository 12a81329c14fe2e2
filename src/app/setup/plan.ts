/**
 * The setup plan, computed from what Jira has now (pure: no I/O, no clock). The same function drives
 * the preview (what would happen) and every step of a run (what to do now), so a rerun of a finished
 * setup computes only `found` steps and writes nothing.
 */
import type { ClosureRulePlacement } from '../../contract/closureRules';
import type {
  ManualStep,
  SetupAction,
  SetupPartState,
  SetupPlan,
  SetupProjectState,
  SetupStep,
} from '../../contract/setup';
import type { ItrKindId } from '../../contract/ids';
import {
  CLOSURE_RULES_BY_TRANSITION,
  type ClosureTransition,
  type TransitionClosureRules,
  type WorkflowRuleEntry,
} from '../../domain/closure/expressions';

/** The four ITR issue types, as created in Jira. English names (Jira's own issue type names cannot be
 * localised); found again by name on every run. The page shows them in the admin's language. */
export const ITR_ISSUE_TYPE_NAMES: Readonly<Record<ItrKindId, string>> = {
  technicalService: 'ITR Technical Service Request',
  nonTechnicalService: 'ITR Non-technical Service Request',
  spareParts: 'ITR Spare-parts Request',
  complaint: 'ITR Customer Complaint',
};
/** Descriptions of the ITR issue types: English and the Chinese name (itr-process.md §2). */
export const ITR_ISSUE_TYPE_DESCRIPTIONS: Readonly<Record<ItrKindId, string>> = {
  technicalService: 'ITR: equipment fault, software defect, performance degradation. 技术服务请求',
  nonTechnicalService: 'ITR: training, documentation, consultation. 非技术服务请求',
  spareParts: 'ITR: replacement part, repair, return. 备件服务',
  complaint: 'ITR: dissatisfaction with service or result. 客户投诉',
};
export const ITR_KIND_ORDER: readonly ItrKindId[] = [
  'technicalService',
  'nonTechnicalService',
  'spareParts',
  'complaint',
];

export const ITR_WORKFLOW_NAME = 'ITR workflow';

/** Workflow scheme the setup creates for a project still on Jira's Default Workflow Scheme. */
export function itrWorkflowSchemeName(projectKey: string): string {
  return `ITR workflow scheme (${projectKey})`;
}

/** What setup observed in Jira for one picked project. */
export type ObservedProject =
  | { key: string; found: false }
  | {
      key: string;
      found: true;
      id: string;
      style: 'classic' | 'next-gen';
      /** The project's issue type scheme; `isDefault` schemes hold every issue type already. */
      issueTypeScheme?: { id: string; isDefault: boolean; issueTypeIds: string[] };
      /** Its workflow scheme; no `id` = Jira's Default Workflow Scheme (which cannot be edited). */
      workflowScheme?: { id?: number; name: string; issueTypeMappings: Record<string, string> };
      /** Whether the project has issues (Jira assigns a workflow scheme by REST only to empty projects). */
      hasIssues: boolean;
      /** Screens its issues use (through its issue type screen scheme); ids. */
      screenIds: number[];
    };

export interface ObservedScreen {
  id: number;
  name: string;
  /** The first tab (where fields are added); absent when the screen has no tab. */
  tabId?: number;
  fieldIds: string[];
}

export interface ObservedState {
  /** Issue types by name (site-wide). */
  issueTypes: Array<{ id: string; name: string }>;
  workflowExists: boolean;
  projects: ObservedProject[];
  screens: ObservedScreen[];
  /** The app's field ids on this site; undefined when Jira lists none (app not installed). */
  fieldIds: string[] | undefined;
}

export function issueTypeId(state: Pick<ObservedState, 'issueTypes'>, kind: ItrKindId): string | undefined {
  const name = ITR_ISSUE_TYPE_NAMES[kind].toLowerCase();
  return state.issueTypes.find((t) => t.name.toLowerCase() === name)?.id;
}

function step(
  id: string,
  kind: SetupStep['kind'],
  target: string,
  action: SetupAction,
  manual: ManualStep[] = [],
): SetupStep {
  return { id, kind, target, action, manual };
}

/**
 * The app's rules (manifest `jira:workflowCondition` / `jira:workflowValidator` modules) on the ITR
 * workflow's transitions, Resolve first: what a manual step names when the admin must add them.
 */
export function closureRulePlacements(): ClosureRulePlacement[] {
  return (['resolve', 'close'] as const).flatMap((closure) => {
    const transition = ITR_TRANSITIONS.find((t) => t.closure === closure)?.name ?? closure;
    const { conditions, validators } = CLOSURE_RULES_BY_TRANSITION[closure];
    return [...conditions, ...validators].map((rule) => ({ rule, transition }));
  });
}

/** Why the closure rules cannot be attached yet: their configuration names the app's fields. */
function workflowRulesNeedFields(): ManualStep[] {
  return [{ code: 'fieldsNotInstalledRules', params: { workflow: ITR_WORKFLOW_NAME }, rules: closureRulePlacements() }];
}

function projectSteps(p: ObservedProject, state: ObservedState): SetupStep[] {
  if (!p.found)
    return [
      step(`project:${p.key}`, 'project', p.key, 'cannot', [{ code: 'projectNotFound', params: { project: p.key } }]),
    ];
  if (p.style === 'next-gen') {
    // Team-managed projects own their issue types and workflows; the platform REST API has no
    // operation to add a global issue type or workflow to them.
    return [
      step(`project:${p.key}`, 'project', p.key, 'cannot', [
        { code: 'teamManagedIssueTypes', params: { project: p.key } },
        // Jira attaches no rule to a team-managed workflow by REST: the admin adds the app's rules there.
        { code: 'teamManagedWorkflow', params: { project: p.key }, rules: closureRulePlacements() },
      ]),
    ];
  }
  const out: SetupStep[] = [];
  const ids = ITR_KIND_ORDER.map((k) => issueTypeId(state, k));
  const scheme = p.issueTypeScheme;
  const inScheme =
    scheme !== undefined &&
    (scheme.isDefault || ids.every((id) => id !== undefined && scheme.issueTypeIds.includes(id)));
  out.push(step(`issueTypeScheme:${p.key}`, 'issueTypeScheme', p.key, inScheme ? 'found' : 'create'));

  const wfs = p.workflowScheme;
  const mapped =
    wfs !== undefined && ids.every((id) => id !== undefined && wfs.issueTypeMappings[id] === ITR_WORKFLOW_NAME);
  if (mapped) out.push(step(`workflowScheme:${p.key}`, 'workflowScheme', p.key, 'found'));
  else if (wfs?.id !== undefined) {
    // An existing (possibly shared, active) scheme: changing it needs a draft, a status migration and
    // a publish that Jira runs as an async task; setup leaves that to the admin.
    out.push(
      step(`workflowScheme:${p.key}`, 'workflowScheme', p.key, 'cannot', [
        { code: 'customWorkflowScheme', params: { project: p.key, scheme: wfs.name, workflow: ITR_WORKFLOW_NAME } },
      ]),
    );
  } else if (p.hasIssues) {
    out.push(
      step(`workflowScheme:${p.key}`, 'workflowScheme', p.key, 'create', [
        { code: 'switchWorkflowScheme', params: { project: p.key, scheme: itrWorkflowSchemeName(p.key) } },
      ]),
    );
  } else out.push(step(`workflowScheme:${p.key}`, 'workflowScheme', p.key, 'create'));

  if (p.screenIds.length === 0)
    out.push(step(`project:${p.key}`, 'project', p.key, 'cannot', [{ code: 'noScreen', params: { project: p.key } }]));
  return out;
}

/**
 * The steps for `projectKeys`, in the order a run executes them: issue types and the workflow first
 * (global), then each project's schemes, then each screen once (projects may share one), and last
 * the closure rules on the workflow's Resolve and Close (`forge:expression-*` rules with this site's
 * configuration, src/app/closure/closureRules.ts), which need the app's fields.
 */
export function planSetup(state: ObservedState): SetupPlan {
  const steps: SetupStep[] = ITR_KIND_ORDER.map((kind) =>
    step(`issueType:${kind}`, 'issueType', kind, issueTypeId(state, kind) !== undefined ? 'found' : 'create'),
  );
  steps.push(step('workflow', 'workflow', ITR_WORKFLOW_NAME, state.workflowExists ? 'found' : 'create'));
  for (const p of state.projects) steps.push(...projectSteps(p, state));

  const screenIds = [
    ...new Set(state.projects.flatMap((p) => (p.found && p.style === 'classic' ? p.screenIds : []))),
  ].sort((a, b) => a - b);
  for (const id of screenIds) {
    const screen = state.screens.find((s) => s.id === id);
    const name = screen?.name ?? String(id);
    if (state.fieldIds === undefined) {
      steps.push(
        step(`screenFields:${id}`, 'screenFields', name, 'cannot', [
          { code: 'fieldsNotInstalled', params: { screen: name } },
        ]),
      );
      continue;
    }
    const missing = state.fieldIds.filter((f) => !(screen?.fieldIds ?? []).includes(f));
    const s = step(`screenFields:${id}`, 'screenFields', name, missing.length === 0 ? 'found' : 'create');
    s.missingFieldIds = missing;
    steps.push(s);
  }
  steps.push(
    state.fieldIds === undefined
      ? step('workflowRules', 'workflowRules', ITR_WORKFLOW_NAME, 'cannot', workflowRulesNeedFields())
      : step('workflowRules', 'workflowRules', ITR_WORKFLOW_NAME, 'create'),
  );
  return { projectKeys: state.projects.map((p) => p.key), steps, projects: projectStates(state) };
}

/**
 * Each project's ITR state as observed: the ITR issue types in its issue type scheme, its workflow
 * scheme running them on the ITR workflow, and the app's fields on every screen its issues use.
 */
export function projectStates(state: ObservedState): SetupProjectState[] {
  const ids = ITR_KIND_ORDER.map((k) => issueTypeId(state, k)).filter((id): id is string => id !== undefined);
  const allTypes = ids.length === ITR_KIND_ORDER.length;
  return state.projects.map((p): SetupProjectState => {
    if (!p.found || p.style === 'next-gen')
      return { key: p.key, state: 'manual', parts: { issueTypes: 'manual', workflow: 'manual', fields: 'manual' } };
    const scheme = p.issueTypeScheme;
    const inScheme =
      allTypes && scheme !== undefined && (scheme.isDefault || ids.every((id) => scheme.issueTypeIds.includes(id)));
    const wfs = p.workflowScheme;
    const mapped = allTypes && wfs !== undefined && ids.every((id) => wfs.issueTypeMappings[id] === ITR_WORKFLOW_NAME);
    const parts = {
      issueTypes: inScheme ? 'configured' : 'missing',
      // A mapped scheme waits only for the workflow (a run creates it); another existing scheme than
      // Jira's default is the admin's to edit (planSetup: customWorkflowScheme).
      workflow: mapped
        ? state.workflowExists
          ? 'configured'
          : 'missing'
        : wfs?.id !== undefined
          ? 'manual'
          : 'missing',
      fields: fieldsState(p.screenIds, state),
    } satisfies SetupProjectState['parts'];
    const values = Object.values(parts);
    const overall = values.every((v) => v === 'configured')
      ? 'configured'
      : values.some((v) => v === 'configured')
        ? 'partial'
        : 'notConfigured';
    return { key: p.key, state: overall, parts };
  });
}

function fieldsState(screenIds: readonly number[], state: ObservedState): SetupPartState {
  const fieldIds = state.fieldIds;
  if (fieldIds === undefined || screenIds.length === 0) return 'manual';
  const onEvery = screenIds.every((id) => {
    const present = state.screens.find((s) => s.id === id)?.fieldIds ?? [];
    return fieldIds.every((f) => present.includes(f));
  });
  return onEvery ? 'configured' : 'missing';
}

// ----- the ITR workflow ------------------------------------------------------------------------------

export type StatusCategory = 'TODO' | 'IN_PROGRESS' | 'DONE';

/** ITR statuses in flow order (itr-process.md §2–§6): accept → triage → L1 → L2 → L3 → resolved → closed. */
export const ITR_STATUSES: ReadonlyArray<{ ref: string; name: string; category: StatusCategory }> = [
  { ref: 'accept', name: 'Accept', category: 'TODO' },
  { ref: 'triage', name: 'Triage', category: 'TODO' },
  { ref: 'l1', name: 'L1 Handling', category: 'IN_PROGRESS' },
  { ref: 'l2', name: 'L2 Handling', category: 'IN_PROGRESS' },
  { ref: 'l3', name: 'L3 Handling', category: 'IN_PROGRESS' },
  { ref: 'waiting', name: 'Waiting for Customer', category: 'IN_PROGRESS' },
  { ref: 'resolved', name: 'Resolved', category: 'DONE' },
  { ref: 'closed', name: 'Closed', category: 'DONE' },
];

/**
 * Transitions: `from` status refs (none = the initial transition). Escalation only moves up a line.
 * `resolution`: Resolve and Close set Resolution and Reopen clears it (a company-managed workflow sets
 * it only by a rule or a screen); `closure`: the close/resolve rules the transition carries.
 */
export const ITR_TRANSITIONS: ReadonlyArray<{
  id: string;
  name: string;
  from: string[];
  to: string;
  resolution?: 'set' | 'clear';
  closure?: ClosureTransition;
}> = [
  { id: '1', name: 'Create', from: [], to: 'accept' },
  { id: '11', name: 'Send to triage', from: ['accept'], to: 'triage' },
  { id: '21', name: 'Dispatch to L1', from: ['triage'], to: 'l1' },
  { id: '31', name: 'Escalate to L2', from: ['l1'], to: 'l2' },
  { id: '41', name: 'Escalate to L3', from: ['l2'], to: 'l3' },
  { id: '51', name: 'Wait for customer', from: ['l1', 'l2', 'l3'], to: 'waiting' },
  { id: '61', name: 'Customer answered (L1)', from: ['waiting'], to: 'l1' },
  { id: '71', name: 'Customer answered (L2)', from: ['waiting'], to: 'l2' },
  { id: '81', name: 'Customer answered (L3)', from: ['waiting'], to: 'l3' },
  { id: '91', name: 'Resolve', from: ['l1', 'l2', 'l3'], to: 'resolved', resolution: 'set', closure: 'resolve' },
  { id: '101', name: 'Reopen', from: ['resolved'], to: 'l1', resolution: 'clear' },
  { id: '111', name: 'Close', from: ['resolved'], to: 'closed', resolution: 'set', closure: 'close' },
];

/**
 * The post function that sets Resolution (`resolutionId`) or clears it (`''`): Jira's "Update field"
 * rule (`system:update-field`, parameters `field`, `value`, `mode`; `/rest/api/3/workflows/capabilities`).
 */
export function resolutionPostFunction(resolutionId: string): WorkflowRuleEntry {
  return { ruleKey: 'system:update-field', parameters: { field: 'resolution', value: resolutionId, mode: 'replace' } };
}

/** Picks the resolution Resolve and Close set: the site's default, else "Done", else the first. */
export function resolutionToSet(
  resolutions: ReadonlyArray<{ id: string; name: string; isDefault: boolean }>,
): string | undefined {
  return (
    resolutions.find((r) => r.isDefault) ??
    resolutions.find((r) => r.name.toLowerCase() === 'done') ??
    resolutions[0]
  )?.id;
}

export interface ItrWorkflowOptions {
  /** The resolution Resolve and Close set (`resolutionToSet`). */
  resolutionId: string;
  /**
   * The close/resolve rules (`closureRulesFor` in src/domain/closure/expressions.ts) for the
   * transitions marked `closure`; absent = the workflow is created without them.
   */
  closureRules?: Partial<Record<ClosureTransition, TransitionClosureRules>>;
}

/**
 * The body of `POST /rest/api/3/workflows/create` (`WorkflowCreateRequest`) for the ITR workflow.
 * `existingStatuses` (name → id, case-insensitive) are reused: Jira refuses a second status of the
 * same name, and admins expect one "Resolved" across workflows.
 */
export function workflowCreateRequest(
  existingStatuses: ReadonlyMap<string, string>,
  options: ItrWorkflowOptions,
): Record<string, unknown> {
  const statuses = ITR_STATUSES.map((s) => {
    const id = existingStatuses.get(s.name.toLowerCase());
    return { ...(id !== undefined ? { id } : {}), name: s.name, statusCategory: s.category, statusReference: s.ref };
  });
  return {
    scope: { type: 'GLOBAL' },
    statuses,
    workflows: [
      {
        name: ITR_WORKFLOW_NAME,
        statuses: ITR_STATUSES.map((s, i) => ({
          statusReference: s.ref,
          properties: {},
          layout: { x: 200 * i, y: 0 },
        })),
        transitions: ITR_TRANSITIONS.map((t) => {
          const rules = t.closure === undefined ? undefined : options.closureRules?.[t.closure];
          return {
            id: t.id,
            name: t.name,
            type: t.from.length === 0 ? 'INITIAL' : 'DIRECTED',
            toStatusReference: t.to,
            links: t.from.map((f) => ({ fromStatusReference: f })),
            properties: {},
            ...(t.resolution === undefined
              ? {}
              : { actions: [resolutionPostFunction(t.resolution === 'set' ? options.resolutionId : '')] }),
            ...(rules === undefined
              ? {}
              : {
                  validators: rules.validators,
                  ...(rules.conditions === undefined ? {} : { conditions: rules.conditions }),
                }),
          };
        }),
      },
    ],
  };
}
