/**
 * One-click setup end to end: the exported `setupResolver`, the real @forge/api and @forge/kvs, the
 * Jira double (every request and answer checked against Jira's OpenAPI spec).
 */
import { setupResolver } from '../../../src/index';
import { ITR_ISSUE_TYPE_NAMES, ITR_WORKFLOW_NAME, itrWorkflowSchemeName } from '../../../src/app/setup/plan';
import type { AuditPage } from '../../../src/contract/audit';
import type { SetupPlan, SetupStatus } from '../../../src/contract/setup';
import { harness, invokeResolver } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';
import api, { route } from '@forge/api';

const { jira } = harness();
const ADMIN = 'acc-admin';
const AGENT = 'acc-agent';

type Envelope<T> = { success: true; data: T } | { success: false; errors: Array<{ code: string }> };

async function call<T>(fn: string, payload: unknown, accountId = ADMIN): Promise<Envelope<T>> {
  return (await invokeResolver(setupResolver, fn, payload, { accountId })) as Envelope<T>;
}

async function data<T>(fn: string, payload: unknown): Promise<T> {
  const answer = await call<T>(fn, payload);
  if (!answer.success) throw new Error(`${fn} failed: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

/** Requests that change Jira: every non-GET except the two read-only POSTs (workflow read, JQL search). */
const WRITES = (c: { method: string; path: string }): boolean =>
  c.method !== 'GET' && !(c.method === 'POST' && /\/(workflows|search\/jql)$/.test(c.path.split('?')[0] ?? ''));

let ids: ReturnType<typeof defineItrFields>;
beforeEach(() => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Admin', groups: ['jira-administrators'] });
  jira.seedUser({ accountId: AGENT, displayName: 'Agent' });
  ids = defineItrFields(jira);
  // ITR: company-managed, own issue type scheme (Task only) and own screens; no issues yet.
  const itr = jira.seedProject({ key: 'ITR', id: '10100', name: 'ITR desk' });
  const site = jira.model.site;
  site.issueTypeSchemes.push({ id: '10500', name: 'ITR desk scheme', isDefault: false, issueTypeIds: ['10001'] });
  site.issueTypeSchemeOfProject.set(itr.id, '10500');
  site.screens.push({ id: 2, name: 'ITR desk screen', tabs: [{ id: 10010, name: 'Main', fieldIds: ['summary'] }] });
  site.screenSchemes.push({ id: 2, name: 'ITR desk screen scheme', screens: { default: 2 } });
  site.issueTypeScreenSchemes.push({
    id: '2',
    name: 'ITR desk ITSS',
    mappings: [{ issueTypeId: 'default', screenSchemeId: '2' }],
  });
  site.issueTypeScreenSchemeOfProject.set(itr.id, '2');
  // SVC: company-managed on every default scheme, with an issue (so Jira refuses a scheme switch by REST).
  jira.seedProject({ key: 'SVC', id: '10101' });
  jira.seedIssue({ key: 'SVC-1' });
  // TEAM: team-managed.
  const team = jira.seedProject({ key: 'TEAM', id: '10102' });
  site.teamManaged.add(team.id);
});

const itrTypeCount = (): number =>
  jira.model.issueTypes.filter((t) => Object.values(ITR_ISSUE_TYPE_NAMES).includes(t.name)).length;

describe('previewSetup', () => {
  it('lists what would be created, found or cannot be done, and writes nothing', async () => {
    const plan = await data<SetupPlan>('previewSetup', { projectKeys: ['ITR', 'SVC', 'TEAM'] });
    const byId = Object.fromEntries(plan.steps.map((s) => [s.id, s.action]));
    expect(byId).toEqual({
      'issueType:technicalService': 'create',
      'issueType:nonTechnicalService': 'create',
      'issueType:spareParts': 'create',
      'issueType:complaint': 'create',
      workflow: 'create',
      'issueTypeScheme:ITR': 'create',
      'workflowScheme:ITR': 'create',
      'issueTypeScheme:SVC': 'found', // the default scheme holds every issue type
      'workflowScheme:SVC': 'create', // a scheme is created; switching needs the admin (project has issues)
      'project:TEAM': 'cannot',
      'screenFields:1': 'create',
      'screenFields:2': 'create',
      workflowRules: 'create',
    });
    expect(plan.steps.find((s) => s.id === 'workflowScheme:SVC')?.manual.map((m) => m.code)).toEqual([
      'switchWorkflowScheme',
    ]);
    expect(plan.steps.find((s) => s.id === 'project:TEAM')?.manual.map((m) => m.code)).toEqual([
      'teamManagedIssueTypes',
      'teamManagedWorkflow',
    ]);
    expect(jira.calls.filter(WRITES)).toEqual([]);
    expect(itrTypeCount()).toBe(0);
    // Each project's ITR state before a run: nothing in place; the team-managed one is the admin's.
    expect(plan.projects.map((p) => [p.key, p.state])).toEqual([
      ['ITR', 'notConfigured'],
      ['SVC', 'notConfigured'],
      ['TEAM', 'manual'],
    ]);
  });

  it('refuses a non-admin, and a bad payload', async () => {
    expect(await call('previewSetup', { projectKeys: ['ITR'] }, AGENT)).toMatchObject({
      success: false,
      errors: [{ code: 'NOT_AUTHORIZED' }],
    });
    expect(await call('runSetup', { projectKeys: ['ITR'] }, AGENT)).toMatchObject({
      success: false,
      errors: [{ code: 'NOT_AUTHORIZED' }],
    });
    expect(await call('getSetupStatus', {}, AGENT)).toMatchObject({
      success: false,
      errors: [{ code: 'NOT_AUTHORIZED' }],
    });
    expect(await call('previewSetup', { projectKeys: ['not a key'] })).toMatchObject({
      success: false,
      errors: [{ code: 'INVALID_PAYLOAD' }],
    });
    expect(jira.calls.filter(WRITES)).toEqual([]);
  });
});

describe('runSetup', () => {
  it("changes each project's state as the run did, and records the run in the audit log", async () => {
    await data<SetupStatus>('runSetup', { projectKeys: ['ITR', 'SVC', 'TEAM'] });
    const after = await data<SetupPlan>('previewSetup', { projectKeys: ['ITR', 'SVC', 'TEAM'] });
    expect(Object.fromEntries(after.projects.map((p) => [p.key, [p.state, p.parts]]))).toEqual({
      ITR: ['configured', { issueTypes: 'configured', workflow: 'configured', fields: 'configured' }],
      // SVC has issues: its new workflow scheme waits for the admin to switch to it.
      SVC: ['partial', { issueTypes: 'configured', workflow: 'missing', fields: 'configured' }],
      TEAM: ['manual', { issueTypes: 'manual', workflow: 'manual', fields: 'manual' }],
    });
    const log = await data<AuditPage>('listAuditLog', {});
    expect(log.entries[0]).toMatchObject({
      action: 'setup.run',
      actorAccountId: ADMIN,
      actorName: 'Admin',
      params: { projects: 'ITR, SVC, TEAM', failed: 0 },
    });
  });

  it('creates issue types, workflow, scheme associations and screen fields, and reports each step', async () => {
    const run = await data<SetupStatus>('runSetup', { projectKeys: ['ITR', 'SVC', 'TEAM'] });
    expect(run.state).toBe('done');
    const outcome = Object.fromEntries(run.steps.map((s) => [s.id, s.outcome]));
    expect(outcome).toMatchObject({
      'issueType:complaint': 'created',
      workflow: 'created',
      'issueTypeScheme:ITR': 'created',
      'workflowScheme:ITR': 'created',
      'issueTypeScheme:SVC': 'found',
      'workflowScheme:SVC': 'manual',
      'project:TEAM': 'manual',
      'screenFields:1': 'created',
      'screenFields:2': 'created',
      workflowRules: 'found', // attached with this site's config when the workflow was created
    });
    const site = jira.model.site;
    expect(itrTypeCount()).toBe(4);
    const itrTypeIds = jira.model.issueTypes
      .filter((t) => Object.values(ITR_ISSUE_TYPE_NAMES).includes(t.name))
      .map((t) => t.id);
    expect(site.issueTypeSchemes.find((s) => s.id === '10500')?.issueTypeIds).toEqual(['10001', ...itrTypeIds]);
    const wf = site.workflows.find((w) => w.name === ITR_WORKFLOW_NAME);
    expect(wf?.statusIds).toHaveLength(8);
    // "Resolved" and "Closed" existed already and were reused, not duplicated.
    expect(jira.model.statuses.filter((s) => s.name === 'Resolved')).toHaveLength(1);
    const itrScheme = site.workflowSchemes.find((s) => s.name === itrWorkflowSchemeName('ITR'));
    expect(site.workflowSchemeOfProject.get('10100')).toBe(itrScheme?.id);
    expect(Object.values(itrScheme?.issueTypeMappings ?? {})).toEqual([
      ITR_WORKFLOW_NAME,
      ITR_WORKFLOW_NAME,
      ITR_WORKFLOW_NAME,
      ITR_WORKFLOW_NAME,
    ]);
    // SVC has issues: its scheme is created but the switch is left to the admin.
    expect(site.workflowSchemes.some((s) => s.name === itrWorkflowSchemeName('SVC'))).toBe(true);
    expect(site.workflowSchemeOfProject.has('10101')).toBe(false);
    // Every app field on the screens but the grading answers (ids for JQL, shown labelled in the panel).
    const onScreen = Object.values(ids).filter((id) => id !== ids.gradingAnswers);
    for (const screen of site.screens) {
      expect(screen.tabs[0]?.fieldIds).toEqual(expect.arrayContaining(onScreen));
      expect(screen.tabs[0]?.fieldIds).not.toContain(ids.gradingAnswers);
    }
    const status = await data<SetupStatus | null>('getSetupStatus', {});
    expect(status).toEqual(run);
  });

  it("the workflow setup creates runs the project's ITR issues: Close only from Resolved, Resolve and Close set Resolution, Reopen clears it", async () => {
    await data<SetupStatus>('runSetup', { projectKeys: ['ITR'] });
    const type = jira.model.issueTypes.find((t) => t.name === ITR_ISSUE_TYPE_NAMES.technicalService);
    const issue = jira.seedIssue({
      key: 'ITR-1',
      issueType: type?.name ?? '',
      status: 'L1 Handling',
      fields: { resolution: null, resolutiondate: null },
    });
    const names = (): string[] => jira.model.availableTransitions(issue).map((t) => t.name);
    const run = async (name: string): Promise<void> => {
      const t = jira.model.workflowOf(issue).transitions.find((x) => x.name === name);
      const res = await api.asApp().requestJira(route`/rest/api/3/issue/ITR-1/transitions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ transition: { id: t?.id } }),
      });
      if (res.status !== 204) throw new Error(`${name}: ${res.status} from ${JSON.stringify(issue.fields['status'])}`);
    };
    expect(jira.model.workflowOf(issue).name).toBe(ITR_WORKFLOW_NAME);
    expect(names()).not.toContain('Close');
    await expect(run('Close')).rejects.toThrow('Close: 400');
    await run('Resolve');
    expect(issue.fields['resolution']).toEqual({ id: '10000', name: 'Done' });
    expect(names().sort()).toEqual(['Close', 'Reopen']);
    await run('Reopen');
    expect(issue.fields['resolution']).toBeNull();
    expect(issue.fields['resolutiondate']).toBeNull();
    await run('Resolve');
    await run('Close');
    expect(issue.fields['resolution']).toEqual({ id: '10000', name: 'Done' });
  });

  it('a second run changes nothing and reports every step found', async () => {
    await data<SetupStatus>('runSetup', { projectKeys: ['ITR'] });
    jira.calls.length = 0;
    const again = await data<SetupStatus>('runSetup', { projectKeys: ['ITR'] });
    expect(again.state).toBe('done');
    expect(again.steps.map((s) => s.outcome)).toEqual(again.steps.map(() => 'found'));
    expect(jira.calls.filter(WRITES).map((c) => `${c.method} ${c.path}`)).toEqual([]);
  });

  it('an ITR workflow without the closure rules (an older setup, or edited away) gets them back on the next run', async () => {
    await data<SetupStatus>('runSetup', { projectKeys: ['ITR'] });
    const itrWorkflow = () => jira.model.site.workflows.find((w) => w.name === ITR_WORKFLOW_NAME);
    const closureKeys = (): string[] =>
      (itrWorkflow()?.transitions ?? [])
        .flatMap((t) => t.validators.map((v) => `${t.name}:${String(v.ruleKey)}`))
        .filter((k) => k.includes('forge:'))
        .sort();
    const attached = closureKeys();
    expect(attached).toEqual(['Close:forge:expression-validator', 'Resolve:forge:expression-validator']);
    for (const t of itrWorkflow()?.transitions ?? [])
      t.validators = t.validators.filter((v) => !String(v.ruleKey).startsWith('forge:'));
    expect(closureKeys()).toEqual([]);
    const again = await data<SetupStatus>('runSetup', { projectKeys: ['ITR'] });
    expect(again.steps.find((s) => s.id === 'workflowRules')).toMatchObject({
      outcome: 'created',
      result: { rules: 'updated' },
    });
    expect(closureKeys()).toEqual(attached);
  });

  it('a run that fails half-way resumes to completion without duplicates', async () => {
    // Beyond the client's 4 attempts: the workflow step fails, the issue types before it are done.
    jira.failNext(4, { status: 500, route: 'POST /rest/api/3/workflows/create' });
    const failed = await data<SetupStatus>('runSetup', { projectKeys: ['ITR'] });
    expect(failed.state).toBe('failed');
    expect(failed.steps[failed.nextIndex]).toMatchObject({
      id: 'workflow',
      outcome: 'failed',
      error: { code: 'JIRA_SERVER_ERROR' },
    });
    expect(itrTypeCount()).toBe(4);
    const resumed = await data<SetupStatus>('resumeSetup', {});
    expect(resumed.state).toBe('done');
    expect(resumed.steps.find((s) => s.id === 'workflow')).toMatchObject({ outcome: 'created' });
    expect(resumed.steps.find((s) => s.id === 'issueType:complaint')).toMatchObject({ outcome: 'created' });
    expect(itrTypeCount()).toBe(4);
    expect(jira.model.site.workflows).toHaveLength(1);
    expect(jira.requestCount('POST /rest/api/3/issuetype')).toBe(4);
  });

  it('a step whose write landed but whose progress was lost reports found on resume', async () => {
    // First run stops after the issue types; then the complaint type is "already there" when the
    // saved progress still points at it (a crash between Jira's answer and the KVS write).
    jira.failNext(4, { status: 500, route: 'POST /rest/api/3/workflows/create' });
    const failed = await data<SetupStatus>('runSetup', { projectKeys: ['ITR'] });
    const { kvs } = harness();
    const key = 'setup:run';
    const stored = kvs.peek(key) as { value: SetupStatus };
    kvs.seed(key, { ...stored, value: { ...stored.value, nextIndex: 3 } });
    expect(failed.nextIndex).toBe(4);
    const resumed = await data<SetupStatus>('runSetup', { projectKeys: ['ITR'] });
    expect(resumed.state).toBe('done');
    expect(resumed.steps[3]).toMatchObject({ id: 'issueType:complaint', outcome: 'found' });
    expect(itrTypeCount()).toBe(4);
  });

  it('honours a 429 Retry-After and carries on', async () => {
    jira.failNext(1, { status: 429, retryAfter: 1, route: 'POST /rest/api/3/issuetype' });
    const started = Date.now();
    const run = await data<SetupStatus>('runSetup', { projectKeys: ['ITR'] });
    expect(run.state).toBe('done');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(jira.calls.filter((c) => c.route === 'POST /rest/api/3/issuetype').map((c) => c.status)).toEqual([
      429, 201, 201, 201, 201,
    ]);
    expect(itrTypeCount()).toBe(4);
  });
});
