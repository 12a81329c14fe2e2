/**
 * One-click setup (admin page `itr-setup`): creates the ITR issue types and workflow, adds the types to
 * the picked projects' schemes and the app's fields to their screens. Acts as the admin (`asUser`), so
 * Jira checks the admin's permissions, not the app's (whose account may lack them right after install).
 *
 * - Preview: observe Jira, compute the plan (`plan.ts`), write nothing.
 * - Run: the plan is saved in KVS, then steps run in order; after each, its outcome and the next index
 *   are saved. A run that dies (timeout, Jira down) resumes from the saved step; each step looks at
 *   Jira again before writing, so a step that had in fact finished reports `found`, never a duplicate.
 * - A run works for at most `budgetMs` per invocation (Forge resolvers stop at 25 s) and answers
 *   `running`; the page calls `resumeSetup` until `done` or `failed`.
 */
import { jiraAsUser, JiraError, type JiraClient } from '../../adapters/jira';
import { ConfigStore, type ConfigCodec } from '../../adapters/kvs';
import type { ManualStep, SetupPlan, SetupProject, SetupStatus, SetupStepStatus } from '../../contract/setup';
import type { ItrKindId } from '../../contract/ids';
import { requireJiraAdmin } from '../auth/authorization';
import { closureRuleConfig, closureRulesForTransition, syncClosureRules } from '../closure/closureRules';
import { FieldsNotInstalledError, lookUpFieldIds } from '../fields/fieldIds';
import { ITR_OFF_SCREEN_FIELDS } from '../fields/fieldLabels';
import type { ItrFieldName } from '../fields/itrFields';
import {
  issueTypeId,
  ITR_ISSUE_TYPE_DESCRIPTIONS,
  ITR_ISSUE_TYPE_NAMES,
  ITR_KIND_ORDER,
  ITR_STATUSES,
  ITR_WORKFLOW_NAME,
  itrWorkflowSchemeName,
  planSetup,
  resolutionToSet,
  workflowCreateRequest,
  type ItrWorkflowOptions,
  type ObservedProject,
  type ObservedScreen,
  type ObservedState,
} from './plan';
import { isProjectKey } from '../../domain/jiraKeys';
import { ItrError } from '../itrError';
import { recordAudit } from '../audit/auditLog';

export interface SetupDeps {
  /** Jira as the calling admin. */
  /** Jira as the admin calling setup (`asUser()`). */
  jira(): JiraClient;
  store: ConfigStore;
  now(): Date;
  /** Time one invocation may spend running steps (ms). Default 18 000 (resolvers stop at 25 s). */
  budgetMs: number;
  newRunId(): string;
}

export const defaultSetupDeps = (): SetupDeps => ({
  jira: () => jiraAsUser(),
  store: new ConfigStore({ prefix: 'setup:' }),
  now: () => new Date(),
  budgetMs: 18_000,
  newRunId: () => `run-${Date.now().toString(36)}`,
});

const RUN_KEY = 'run';

/** KVS codec of the saved run: checked enough that a corrupt record is refused, not half-used. */
const runCodec: ConfigCodec<SetupStatus> = {
  schemaVersion: 1,
  parse(raw) {
    const r = raw as Partial<SetupStatus> | null;
    if (
      r === null ||
      typeof r !== 'object' ||
      typeof r.runId !== 'string' ||
      !Array.isArray(r.steps) ||
      typeof r.nextIndex !== 'number'
    ) {
      throw new Error('not a setup run');
    }
    return r as SetupStatus;
  },
};

// ----- observing Jira ------------------------------------------------------------------------------

async function observeProject(
  jira: JiraClient,
  p: { id: string; key: string; style: 'classic' | 'next-gen' },
): Promise<ObservedProject> {
  if (p.style === 'next-gen')
    return { key: p.key, found: true, id: p.id, style: p.style, hasIssues: false, screenIds: [] };
  const scheme = await jira.issueTypeSchemeOfProject(p.id);
  const wfs = await jira.workflowSchemeOfProject(p.id);
  const hasIssues = await projectHasIssues(jira, p.id);
  const screenIds = await jira.screenIdsOfProject(p.id);
  return {
    key: p.key,
    found: true,
    id: p.id,
    style: p.style,
    ...(scheme
      ? {
          issueTypeScheme: {
            id: scheme.id,
            isDefault: scheme.isDefault,
            issueTypeIds: scheme.isDefault ? [] : await jira.issueTypeIdsOfScheme(scheme.id),
          },
        }
      : {}),
    ...(wfs
      ? {
          workflowScheme: {
            ...(wfs.id !== undefined ? { id: wfs.id } : {}),
            name: wfs.name,
            issueTypeMappings: wfs.issueTypeMappings,
          },
        }
      : {}),
    hasIssues,
    screenIds,
  };
}

async function projectHasIssues(jira: JiraClient, projectId: string): Promise<boolean> {
  for await (const page of jira.searchJql(`project = ${projectId}`, { pageSize: 1 })) return page.issues.length > 0;
  return false;
}

async function observeScreen(jira: JiraClient, id: number): Promise<ObservedScreen> {
  const name = (await jira.screenName(id)) ?? String(id);
  const tab = (await jira.screenTabs(id))[0];
  return tab === undefined
    ? { id, name, fieldIds: [] }
    : { id, name, tabId: tab.id, fieldIds: await jira.screenTabFields(id, tab.id) };
}

async function appFieldIds(jira: JiraClient): Promise<string[] | undefined> {
  try {
    const ids = await lookUpFieldIds(jira);
    return (Object.entries(ids) as Array<[ItrFieldName, string]>)
      .filter(([name]) => !ITR_OFF_SCREEN_FIELDS.includes(name))
      .map(([, id]) => id);
  } catch (e) {
    if (e instanceof FieldsNotInstalledError) return undefined;
    throw e;
  }
}

/** Everything the plan depends on, read from Jira (reads only). */
export async function observe(jira: JiraClient, projectKeys: string[]): Promise<ObservedState> {
  const issueTypes = (await jira.listIssueTypes()).filter((t) => !t.projectScoped);
  const workflowExists = (await jira.readWorkflowsByName([ITR_WORKFLOW_NAME])).some(
    (w) => w.name === ITR_WORKFLOW_NAME,
  );
  const listed = projectKeys.length === 0 ? [] : await jira.searchProjects(projectKeys);
  const projects: ObservedProject[] = [];
  for (const key of projectKeys) {
    const p = listed.find((x) => x.key === key);
    projects.push(p === undefined ? { key, found: false } : await observeProject(jira, p));
  }
  const screenIds = [...new Set(projects.flatMap((p) => (p.found ? p.screenIds : [])))];
  const screens: ObservedScreen[] = [];
  for (const id of screenIds) screens.push(await observeScreen(jira, id));
  return { issueTypes, workflowExists, projects, screens, fieldIds: await appFieldIds(jira) };
}

// ----- running one step ------------------------------------------------------------------------------

type StepResult = Pick<SetupStepStatus, 'outcome' | 'result'> & { manual?: ManualStep[] };

async function itrTypeIds(jira: JiraClient): Promise<Map<ItrKindId, string>> {
  const state = { issueTypes: (await jira.listIssueTypes()).filter((t) => !t.projectScoped) };
  const ids = new Map<ItrKindId, string>();
  for (const k of ITR_KIND_ORDER) {
    const id = issueTypeId(state, k);
    if (id !== undefined) ids.set(k, id);
  }
  return ids;
}

async function projectOf(
  jira: JiraClient,
  key: string,
): Promise<{ id: string; key: string; style: 'classic' | 'next-gen' }> {
  const p = (await jira.searchProjects([key])).find((x) => x.key === key);
  if (!p) throw new ItrError('SETUP_STEP_FAILED', `Project ${key} was not found`);
  return p;
}

function needAllTypes(ids: Map<ItrKindId, string>): string[] {
  const missing = ITR_KIND_ORDER.filter((k) => !ids.has(k));
  if (missing.length > 0) throw new ItrError('SETUP_STEP_FAILED', `ITR issue types missing: ${missing.join(', ')}`);
  return ITR_KIND_ORDER.map((k) => ids.get(k) as string);
}

/**
 * The close/resolve rules for Resolve and Close, configured with this site's field ids and fallback
 * closers (src/app/closure/closureRules.ts); undefined while the app's fields are not installed (the
 * workflow is then created without them and the rules step stays with the admin).
 */
async function closureRulesForSetup(jira: JiraClient): Promise<ItrWorkflowOptions['closureRules']> {
  try {
    const config = await closureRuleConfig(jira);
    return {
      resolve: await closureRulesForTransition(jira, 'resolve', config),
      close: await closureRulesForTransition(jira, 'close', config),
    };
  } catch (e) {
    if (e instanceof FieldsNotInstalledError) return undefined;
    throw e;
  }
}

/** Runs one step against the state Jira has now. */
async function runStep(jira: JiraClient, step: SetupStepStatus): Promise<StepResult> {
  const [kind, target] = [step.kind, step.target];
  switch (kind) {
    case 'issueType': {
      const k = target as ItrKindId;
      const existing = (await itrTypeIds(jira)).get(k);
      if (existing !== undefined) return { outcome: 'found', result: { id: existing } };
      const created = await jira.createIssueType(ITR_ISSUE_TYPE_NAMES[k], ITR_ISSUE_TYPE_DESCRIPTIONS[k]);
      return { outcome: 'created', result: { id: created.id } };
    }
    case 'workflow': {
      const found = (await jira.readWorkflowsByName([ITR_WORKFLOW_NAME])).find((w) => w.name === ITR_WORKFLOW_NAME);
      if (found) return { outcome: 'found', result: { id: found.id } };
      const existing = new Map<string, string>();
      for (const s of ITR_STATUSES) {
        const hit = (await jira.searchStatuses(s.name)).find((x) => x.name.toLowerCase() === s.name.toLowerCase());
        if (hit) existing.set(s.name.toLowerCase(), hit.id);
      }
      const resolutionId = resolutionToSet(await jira.searchResolutions());
      if (resolutionId === undefined)
        throw new ItrError('SETUP_STEP_FAILED', 'This site has no resolution for Resolve and Close to set');
      const closureRules = await closureRulesForSetup(jira);
      const [wf] = await jira.createWorkflows(
        workflowCreateRequest(existing, { resolutionId, ...(closureRules === undefined ? {} : { closureRules }) }),
      );
      return { outcome: 'created', result: { id: wf?.id ?? '', reusedStatuses: existing.size } };
    }
    case 'issueTypeScheme': {
      const p = await projectOf(jira, target);
      const scheme = await jira.issueTypeSchemeOfProject(p.id);
      if (!scheme) throw new ItrError('SETUP_STEP_FAILED', `Project ${target} has no issue type scheme`);
      if (scheme.isDefault) return { outcome: 'found', result: { scheme: scheme.name } };
      const ids = needAllTypes(await itrTypeIds(jira));
      const present = await jira.issueTypeIdsOfScheme(scheme.id);
      const missing = ids.filter((id) => !present.includes(id));
      if (missing.length === 0) return { outcome: 'found', result: { scheme: scheme.name } };
      await jira.addIssueTypesToScheme(scheme.id, missing);
      return { outcome: 'created', result: { scheme: scheme.name, added: missing.length } };
    }
    case 'workflowScheme': {
      const p = await projectOf(jira, target);
      const ids = needAllTypes(await itrTypeIds(jira));
      const current = await jira.workflowSchemeOfProject(p.id);
      if (current && ids.every((id) => current.issueTypeMappings[id] === ITR_WORKFLOW_NAME))
        return { outcome: 'found', result: { scheme: current.name } };
      if (current?.id !== undefined) {
        return {
          outcome: 'manual',
          manual: [
            {
              code: 'customWorkflowScheme',
              params: { project: target, scheme: current.name, workflow: ITR_WORKFLOW_NAME },
            },
          ],
        };
      }
      const name = itrWorkflowSchemeName(target);
      let scheme = (await jira.listWorkflowSchemes()).find((s) => s.name === name);
      let created = false;
      if (scheme?.id === undefined) {
        const mappings = Object.fromEntries(ids.map((id) => [id, ITR_WORKFLOW_NAME]));
        const made = await jira.createWorkflowScheme({
          name,
          description: `ITR for Jira: the ITR issue types of ${target} run on ${ITR_WORKFLOW_NAME}; other types keep ${current?.defaultWorkflow ?? 'jira'}.`,
          defaultWorkflow: current?.defaultWorkflow ?? 'jira',
          issueTypeMappings: mappings,
        });
        scheme = {
          id: made.id,
          name,
          defaultWorkflow: current?.defaultWorkflow ?? 'jira',
          issueTypeMappings: mappings,
        };
        created = true;
      }
      if (await projectHasIssues(jira, p.id)) {
        // Jira's REST API assigns a scheme only to a project without issues; with issues, the admin
        // switches in the UI, where Jira migrates each issue's status.
        return {
          outcome: 'manual',
          result: { scheme: name, created: created ? 1 : 0 },
          manual: [{ code: 'switchWorkflowScheme', params: { project: target, scheme: name } }],
        };
      }
      await jira.assignWorkflowScheme(p.id, scheme.id as number);
      return { outcome: 'created', result: { scheme: name } };
    }
    case 'screenFields': {
      const screenId = Number(step.id.slice('screenFields:'.length));
      const fields = await appFieldIds(jira);
      if (fields === undefined)
        return { outcome: 'manual', manual: [{ code: 'fieldsNotInstalled', params: { screen: target } }] };
      const tab = (await jira.screenTabs(screenId))[0];
      if (tab === undefined) return { outcome: 'manual', manual: [{ code: 'noScreen', params: { project: target } }] };
      const present = await jira.screenTabFields(screenId, tab.id);
      const missing = fields.filter((f) => !present.includes(f));
      for (const f of missing) await jira.addScreenTabField(screenId, tab.id, f);
      return missing.length === 0
        ? { outcome: 'found', result: { fields: fields.length } }
        : { outcome: 'created', result: { added: missing.length } };
    }
    case 'workflowRules': {
      if (step.action === 'cannot' || (await appFieldIds(jira)) === undefined)
        return { outcome: 'manual', manual: step.manual };
      // A workflow made by an older setup (or edited since) gets this site's closure rules; current ones are left alone.
      const outcome = await syncClosureRules(jira);
      // The workflow step runs first; a workflow gone meanwhile fails this step, and a resume retries it.
      if (outcome === 'noWorkflow') throw new ItrError('SETUP_STEP_FAILED', `workflow ${target} not found`);
      return { outcome: outcome === 'updated' ? 'created' : 'found', result: { rules: outcome } };
    }
    case 'project':
      return { outcome: 'manual', manual: step.manual };
  }
}

// ----- use cases -------------------------------------------------------------------------------------

export function validProjectKeys(raw: unknown): string[] {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > 50 || !raw.every((k) => isProjectKey(k))) {
    throw new ItrError('INVALID_PAYLOAD', 'projectKeys must be 1–50 Jira project keys such as "ITR"', {
      path: 'projectKeys',
    });
  }
  return [...new Set(raw)];
}

export async function listSetupProjects(
  accountId: string | undefined,
  deps: SetupDeps = defaultSetupDeps(),
): Promise<SetupProject[]> {
  const jira = deps.jira();
  await requireJiraAdmin(accountId, jira);
  return (await jira.searchProjects()).map((p) => ({ id: p.id, key: p.key, name: p.name, style: p.style }));
}

export async function previewSetup(
  accountId: string | undefined,
  projectKeys: string[],
  deps: SetupDeps = defaultSetupDeps(),
): Promise<SetupPlan> {
  const jira = deps.jira();
  await requireJiraAdmin(accountId, jira);
  return planSetup(await observe(jira, projectKeys));
}

export async function getSetupStatus(
  accountId: string | undefined,
  deps: SetupDeps = defaultSetupDeps(),
): Promise<SetupStatus | null> {
  await requireJiraAdmin(accountId, deps.jira());
  return (await deps.store.get(RUN_KEY, runCodec))?.value ?? null;
}

/**
 * Starts a run for `projectKeys`, or continues the unfinished run for the same projects (so pressing
 * Run again after a failure resumes rather than starting over).
 */
export async function runSetup(
  accountId: string | undefined,
  projectKeys: string[],
  deps: SetupDeps = defaultSetupDeps(),
): Promise<SetupStatus> {
  const jira = deps.jira();
  await requireJiraAdmin(accountId, jira);
  const saved = (await deps.store.get(RUN_KEY, runCodec))?.value;
  const sameProjects = saved !== undefined && [...saved.projectKeys].sort().join() === [...projectKeys].sort().join();
  if (saved && saved.state !== 'done' && sameProjects) return execute(jira, saved, accountId, deps);
  const plan = planSetup(await observe(jira, projectKeys));
  const now = deps.now().toISOString();
  const run: SetupStatus = {
    runId: deps.newRunId(),
    state: 'running',
    projectKeys: plan.projectKeys,
    steps: plan.steps.map((s) => ({ ...s, outcome: 'pending' })),
    nextIndex: 0,
    startedAt: now,
    updatedAt: now,
    startedBy: accountId ?? '',
  };
  await deps.store.set(RUN_KEY, run, runCodec, { ...(accountId !== undefined ? { updatedBy: accountId } : {}) });
  return execute(jira, run, accountId, deps);
}

export async function resumeSetup(
  accountId: string | undefined,
  deps: SetupDeps = defaultSetupDeps(),
): Promise<SetupStatus> {
  const jira = deps.jira();
  await requireJiraAdmin(accountId, jira);
  const saved = (await deps.store.get(RUN_KEY, runCodec))?.value;
  if (!saved) throw new ItrError('SETUP_NO_RUN', 'There is no setup run to resume');
  return saved.state === 'done' ? saved : execute(jira, saved, accountId, deps);
}

async function execute(
  jira: JiraClient,
  start: SetupStatus,
  accountId: string | undefined,
  deps: SetupDeps,
): Promise<SetupStatus> {
  const deadline = deps.now().getTime() + deps.budgetMs;
  let run: SetupStatus = { ...start, state: 'running' };
  const save = async (): Promise<void> => {
    run = { ...run, updatedAt: deps.now().toISOString() };
    await deps.store.set(RUN_KEY, run, runCodec, { ...(accountId !== undefined ? { updatedBy: accountId } : {}) });
  };
  while (run.nextIndex < run.steps.length) {
    if (deps.now().getTime() >= deadline) {
      await save();
      return run; // still `running`: the page calls resumeSetup
    }
    const i = run.nextIndex;
    const step = run.steps[i] as SetupStepStatus;
    const steps = [...run.steps];
    try {
      const r = await runStep(jira, step);
      const { error: _dropped, ...rest } = step;
      steps[i] = {
        ...rest,
        outcome: r.outcome,
        ...(r.result ? { result: r.result } : {}),
        manual: r.manual ?? (r.outcome === 'manual' ? step.manual : []),
      };
      run = { ...run, steps, nextIndex: i + 1 };
      await save();
    } catch (e) {
      // A step's own refusals are all SETUP_STEP_FAILED; Jira's keep their code (rate limit, forbidden, …).
      const code = e instanceof JiraError ? e.code : 'SETUP_STEP_FAILED';
      steps[i] = { ...step, outcome: 'failed', error: { code, message: e instanceof Error ? e.message : String(e) } };
      run = { ...run, steps, state: 'failed' };
      await save();
      await auditRun(run, accountId, deps.now());
      return run;
    }
  }
  run = { ...run, state: 'done' };
  await save();
  await auditRun(run, accountId, deps.now());
  return run;
}

/** A run that ended (done or stopped at a failed step) changed the site's Jira configuration: the audit log says so. */
async function auditRun(run: SetupStatus, accountId: string | undefined, now: Date): Promise<void> {
  const count = (o: SetupStepStatus['outcome']): number => run.steps.filter((s) => s.outcome === o).length;
  const params = {
    projects: run.projectKeys.join(', '),
    created: count('created'),
    found: count('found'),
    manual: count('manual'),
    failed: count('failed'),
  };
  await recordAudit(
    {
      actorAccountId: accountId,
      action: 'setup.run',
      target: run.runId,
      summary: `Setup ${run.state === 'done' ? 'finished' : 'stopped at a failed step'} for ${params.projects}: created ${params.created}, found ${params.found}, by hand ${params.manual}, failed ${params.failed}`,
      params,
    },
    now,
  );
}
