/** The setup plan from observed state: pure, table-driven. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ITR_ISSUE_TYPE_NAMES,
  ITR_WORKFLOW_NAME,
  planSetup,
  resolutionToSet,
  workflowCreateRequest,
  type ObservedProject,
  type ObservedState,
} from '../../../src/app/setup/plan';

const ALL_TYPES = Object.values(ITR_ISSUE_TYPE_NAMES).map((name, i) => ({ id: String(20 + i), name }));
const classic = (over: Partial<Extract<ObservedProject, { found: true }>> = {}): ObservedProject => ({
  key: 'ITR',
  found: true,
  id: '1',
  style: 'classic',
  issueTypeScheme: { id: 's', isDefault: false, issueTypeIds: [] },
  hasIssues: false,
  screenIds: [1],
  ...over,
});
const state = (over: Partial<ObservedState> = {}): ObservedState => ({
  issueTypes: [],
  workflowExists: false,
  projects: [classic()],
  screens: [{ id: 1, name: 'Default Screen', tabId: 10, fieldIds: [] }],
  fieldIds: ['customfield_1'],
  ...over,
});
const action = (s: ObservedState, id: string): string | undefined =>
  planSetup(s).steps.find((x) => x.id === id)?.action;
const mappedToItr = Object.fromEntries(ALL_TYPES.map((t) => [t.id, ITR_WORKFLOW_NAME]));

describe('planSetup', () => {
  it.each<[string, ObservedState, string, string | undefined]>([
    ['a missing issue type is created', state(), 'issueType:complaint', 'create'],
    [
      'an existing one (any case) is found',
      state({ issueTypes: [{ id: '9', name: ITR_ISSUE_TYPE_NAMES.complaint.toUpperCase() }] }),
      'issueType:complaint',
      'found',
    ],
    ['the workflow is created', state(), 'workflow', 'create'],
    ['an existing workflow is found', state({ workflowExists: true }), 'workflow', 'found'],
    [
      'the default issue type scheme needs nothing',
      state({ projects: [classic({ issueTypeScheme: { id: 'd', isDefault: true, issueTypeIds: [] } })] }),
      'issueTypeScheme:ITR',
      'found',
    ],
    [
      'a scheme with all four types is found',
      state({
        issueTypes: ALL_TYPES,
        projects: [
          classic({ issueTypeScheme: { id: 's', isDefault: false, issueTypeIds: ALL_TYPES.map((t) => t.id) } }),
        ],
      }),
      'issueTypeScheme:ITR',
      'found',
    ],
    [
      'a scheme missing one gets it',
      state({
        issueTypes: ALL_TYPES,
        projects: [classic({ issueTypeScheme: { id: 's', isDefault: false, issueTypeIds: ['20'] } })],
      }),
      'issueTypeScheme:ITR',
      'create',
    ],
    [
      'the Default Workflow Scheme is replaced',
      state({ projects: [classic({ workflowScheme: { name: 'Default Workflow Scheme', issueTypeMappings: {} } })] }),
      'workflowScheme:ITR',
      'create',
    ],
    [
      'a custom workflow scheme is left to the admin',
      state({ projects: [classic({ workflowScheme: { id: 5, name: 'Ops', issueTypeMappings: {} } })] }),
      'workflowScheme:ITR',
      'cannot',
    ],
    [
      'a mapped scheme is found',
      state({
        issueTypes: ALL_TYPES,
        projects: [classic({ workflowScheme: { id: 5, name: 'Ops', issueTypeMappings: mappedToItr } })],
      }),
      'workflowScheme:ITR',
      'found',
    ],
    [
      'a team-managed project cannot be set up',
      state({ projects: [classic({ style: 'next-gen' })] }),
      'project:ITR',
      'cannot',
    ],
    [
      'a missing project cannot be set up',
      state({ projects: [{ key: 'ITR', found: false }] }),
      'project:ITR',
      'cannot',
    ],
    ['a screen without the fields gets them', state(), 'screenFields:1', 'create'],
    [
      'a screen with the fields is found',
      state({ screens: [{ id: 1, name: 'S', tabId: 10, fieldIds: ['customfield_1'] }] }),
      'screenFields:1',
      'found',
    ],
    ['fields not installed: cannot', state({ fieldIds: undefined }), 'screenFields:1', 'cannot'],
    ['closure rules are attached when the fields are installed', state(), 'workflowRules', 'create'],
    [
      'closure rules wait for the fields (their config names them)',
      state({ fieldIds: undefined }),
      'workflowRules',
      'cannot',
    ],
  ])('%s', (_name, s, id, expected) => {
    expect(action(s, id)).toBe(expected);
  });

  it('orders steps: issue types, workflow, projects, screens (once each), rules', () => {
    const s = state({ projects: [classic(), classic({ key: 'SVC', id: '2' })] });
    expect(planSetup(s).steps.map((x) => x.id)).toEqual([
      'issueType:technicalService',
      'issueType:nonTechnicalService',
      'issueType:spareParts',
      'issueType:complaint',
      'workflow',
      'issueTypeScheme:ITR',
      'workflowScheme:ITR',
      'issueTypeScheme:SVC',
      'workflowScheme:SVC',
      'screenFields:1',
      'workflowRules',
    ]);
  });
});

describe('projectStates (setup page: each project as found)', () => {
  const mapped = { id: 5, name: 'ITR scheme', issueTypeMappings: mappedToItr };
  const inScheme = { id: 's', isDefault: false, issueTypeIds: ALL_TYPES.map((t) => t.id) };
  const withFields = [{ id: 1, name: 'S', tabId: 10, fieldIds: ['customfield_1'] }];
  const done = state({
    issueTypes: ALL_TYPES,
    workflowExists: true,
    projects: [classic({ issueTypeScheme: inScheme, workflowScheme: mapped })],
    screens: withFields,
  });
  const of = (s: ObservedState) => planSetup(s).projects[0];

  it.each<[string, ObservedState, string, Record<string, string>]>([
    [
      'nothing in place yet',
      state(),
      'notConfigured',
      { issueTypes: 'missing', workflow: 'missing', fields: 'missing' },
    ],
    [
      'everything in place',
      done,
      'configured',
      { issueTypes: 'configured', workflow: 'configured', fields: 'configured' },
    ],
    [
      'types and workflow, but a screen lacks the fields',
      { ...done, screens: [{ id: 1, name: 'S', tabId: 10, fieldIds: [] }] },
      'partial',
      { issueTypes: 'configured', workflow: 'configured', fields: 'missing' },
    ],
    [
      'a scheme mapped to a workflow that was deleted is not configured',
      { ...done, workflowExists: false },
      'partial',
      { issueTypes: 'configured', workflow: 'missing', fields: 'configured' },
    ],
    [
      "a custom workflow scheme is the admin's",
      {
        ...done,
        projects: [classic({ issueTypeScheme: inScheme, workflowScheme: { ...mapped, issueTypeMappings: {} } })],
      },
      'partial',
      { issueTypes: 'configured', workflow: 'manual', fields: 'configured' },
    ],
    [
      'the default issue type scheme holds the types only once they exist',
      state({ projects: [classic({ issueTypeScheme: { id: 'd', isDefault: true, issueTypeIds: [] } })] }),
      'notConfigured',
      { issueTypes: 'missing', workflow: 'missing', fields: 'missing' },
    ],
    [
      'fields not installed: by hand',
      { ...done, fieldIds: undefined },
      'partial',
      { issueTypes: 'configured', workflow: 'configured', fields: 'manual' },
    ],
    [
      'a team-managed project is set up by hand',
      state({ projects: [classic({ style: 'next-gen' })] }),
      'manual',
      { issueTypes: 'manual', workflow: 'manual', fields: 'manual' },
    ],
    [
      'a missing project too',
      state({ projects: [{ key: 'ITR', found: false }] }),
      'manual',
      { issueTypes: 'manual', workflow: 'manual', fields: 'manual' },
    ],
  ])('%s', (_name, s, overall, parts) => {
    expect(of(s)).toEqual({ key: 'ITR', state: overall, parts });
  });
});

describe('manual steps name the real workflow rules (manifest modules) on their transitions', () => {
  const manifestRules = (() => {
    // The rule modules as manifest.yml declares them: the page names exactly these.
    const text = readFileSync(path.join(__dirname, '../../../manifest.yml'), 'utf8');
    return [...text.matchAll(/^\s+- key: (itr-[a-z-]+-(?:condition|validator))$/gm)].map((m) => m[1]).sort();
  })();

  it.each<[string, ObservedState, string]>([
    ['a team-managed project', state({ projects: [classic({ style: 'next-gen' })] }), 'project:ITR'],
    ['the app fields not installed', state({ fieldIds: undefined }), 'workflowRules'],
  ])('%s', (_name, s, stepId) => {
    const rules = planSetup(s)
      .steps.find((x) => x.id === stepId)
      ?.manual.flatMap((m) => m.rules ?? []);
    expect(rules).toEqual([
      { rule: 'itr-resolve-validator', transition: 'Resolve' },
      { rule: 'itr-close-condition', transition: 'Close' },
      { rule: 'itr-close-validator', transition: 'Close' },
    ]);
    expect([...new Set(rules?.map((r) => r.rule))].sort()).toEqual(manifestRules);
  });
});

describe('workflowCreateRequest', () => {
  it('reuses existing statuses by name and links every transition to known references', () => {
    const body = workflowCreateRequest(new Map([['resolved', '5']]), { resolutionId: '10000' }) as {
      statuses: Array<{ id?: string; name: string; statusReference: string }>;
      workflows: Array<{
        transitions: Array<{ toStatusReference: string; links: Array<{ fromStatusReference: string }> }>;
      }>;
    };
    expect(body.statuses.find((s) => s.name === 'Resolved')?.id).toBe('5');
    expect(body.statuses.find((s) => s.name === 'Accept')?.id).toBeUndefined();
    const refs = new Set(body.statuses.map((s) => s.statusReference));
    for (const t of body.workflows[0]?.transitions ?? []) {
      expect(refs.has(t.toStatusReference)).toBe(true);
      for (const l of t.links) expect(refs.has(l.fromStatusReference)).toBe(true);
    }
  });

  it('sets Resolution on Resolve and Close and clears it on Reopen, by update-field post functions; no other transition touches it', () => {
    const body = workflowCreateRequest(new Map(), { resolutionId: '10042' }) as {
      workflows: Array<{ transitions: Array<{ name: string; actions?: unknown[] }> }>;
    };
    const actions = Object.fromEntries((body.workflows[0]?.transitions ?? []).map((t) => [t.name, t.actions]));
    const rule = (value: string): unknown[] => [
      { ruleKey: 'system:update-field', parameters: { field: 'resolution', value, mode: 'replace' } },
    ];
    expect(actions['Resolve']).toEqual(rule('10042'));
    expect(actions['Close']).toEqual(rule('10042'));
    expect(actions['Reopen']).toEqual(rule(''));
    for (const name of Object.keys(actions).filter((n) => !['Resolve', 'Close', 'Reopen'].includes(n)))
      expect(actions[name]).toBeUndefined();
  });

  it('attaches the closure rules it is given to Resolve and Close only', () => {
    const rule = {
      ruleKey: 'forge:expression-validator',
      parameters: { key: 'ari:cloud:ecosystem::extension/a/e/static/itr-close-validator', config: '{}' },
    };
    const body = workflowCreateRequest(new Map(), {
      resolutionId: '1',
      closureRules: { close: { validators: [rule], conditions: undefined } },
    }) as {
      workflows: Array<{ transitions: Array<{ name: string; validators?: unknown[] }> }>;
    };
    const withRules = (body.workflows[0]?.transitions ?? [])
      .filter((t) => t.validators !== undefined)
      .map((t) => t.name);
    expect(withRules).toEqual(['Close']);
  });
});

describe('resolutionToSet', () => {
  it('takes the site default, else Done, else the first; none on a site without resolutions', () => {
    expect(
      resolutionToSet([
        { id: '1', name: 'Fixed', isDefault: false },
        { id: '2', name: 'Done', isDefault: false },
        { id: '3', name: 'Other', isDefault: true },
      ]),
    ).toBe('3');
    expect(
      resolutionToSet([
        { id: '1', name: 'Fixed', isDefault: false },
        { id: '2', name: 'done', isDefault: false },
      ]),
    ).toBe('2');
    expect(resolutionToSet([{ id: '1', name: 'Fixed', isDefault: false }])).toBe('1');
    expect(resolutionToSet([])).toBeUndefined();
  });
});
