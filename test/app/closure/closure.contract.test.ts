/**
 * Closing through the exported handlers (issue-created / issue-updated triggers, the return-visit queue (itr-home),
 * the closing settings (grading admin) and
 * issue-panel resolvers) on the platform harness (Jira double, KVS, MariaDB), ending with the
 * manifest's Jira expressions evaluated by the Jira-expression double (platform-doubles/jiraExpression) on
 * the state the app left in Jira: the rules' configuration on the ITR workflow (written by
 * `syncClosureRules`, again when the fallback closers change) and the mirrored fields.
 */
import {
  gradingAdminResolver,
  issueCreated,
  issuePanelResolver,
  issueUpdated,
  itrHomeResolver,
} from '../../../src/index';
import { CLOSURE_EXPRESSIONS, moduleKeyOfExtensionAri, type ClosureRuleKey } from '../../../src/domain/closure';
import { runMigrations } from '../../../src/adapters/sql';
import { jiraAsApp } from '../../../src/adapters/jira';
import { syncClosureRules } from '../../../src/app/closure/closureRules';
import { ITR_WORKFLOW_NAME, workflowCreateRequest } from '../../../src/app/setup/plan';
import { harness, invokeFunction, invokeResolver } from '../../../platform-doubles';
import {
  evaluateForgeRule,
  issueBean,
  projectBean,
  transitionBean,
  userBean,
  workflowBean,
} from '../../../platform-doubles/jiraExpression';
import { defineClosureFields } from './closureFields.fixtures';

const { jira, sql } = harness();
const ENGINEER = 'acc-engineer';
const L2 = 'acc-l2';
const SUPERVISOR = 'acc-supervisor';
const ADMIN = 'acc-admin';
const FALLBACK = 'acc-fallback';
let ids: ReturnType<typeof defineClosureFields>;

beforeEach(async () => {
  // The Jira double numbers issues from 10000 again in every test; the tables outlive it.
  await runMigrations();
  await sql.raw('DELETE FROM return_visit');
  await sql.raw('DELETE FROM root_cause_version');
  jira.seedUser({ accountId: ENGINEER, displayName: 'Li Lei' });
  jira.seedUser({ accountId: L2, displayName: 'Wang Fang' });
  jira.seedUser({ accountId: SUPERVISOR, displayName: 'Zhao Min', groups: ['itr-supervisors'] });
  jira.seedUser({ accountId: ADMIN, displayName: 'Admin', globalPermissions: ['ADMINISTER'] });
  jira.seedUser({ accountId: FALLBACK, displayName: 'Chen Jie' });
  ids = defineClosureFields(jira);
  // Setup's ITR workflow, with the closure rules attached as setup does.
  const existing = new Map(jira.model.statuses.map((st) => [st.name.toLowerCase(), st.id]));
  await invokeFunction(async () => {
    await jiraAsApp().createWorkflows(workflowCreateRequest(existing, { resolutionId: '10000' }));
    expect(await syncClosureRules()).toBe('updated');
    expect(await syncClosureRules()).toBe('unchanged');
  }, undefined);
});

const created = (issue: { id: string; key: string }, by: string) => ({
  eventType: 'avi:jira:created:issue',
  issue: { id: issue.id, key: issue.key, fields: {} },
  atlassianId: by,
});
const resolvedEvent = (issue: { id: string; key: string }, by: string) => ({
  eventType: 'avi:jira:updated:issue',
  issue: { id: issue.id, key: issue.key, fields: {} },
  atlassianId: by,
  changelog: {
    id: '1',
    items: [
      {
        field: 'status',
        fieldId: 'status',
        fieldtype: 'jira',
        from: '3',
        fromString: 'In Progress',
        to: '5',
        toString: 'Resolved',
      },
    ],
  },
});

/** The closure rule `key` as the ITR workflow carries it (its saved configuration). */
function attachedRule(key: ClosureRuleKey) {
  const wf = jira.model.site.workflows.find((w) => w.name === ITR_WORKFLOW_NAME);
  const rules = (wf?.transitions ?? []).flatMap((t) => [
    ...t.validators,
    ...((t.conditions as { conditions?: Array<{ ruleKey: string; parameters: Record<string, string> }> } | undefined)
      ?.conditions ?? []),
  ]);
  const rule = rules.find((r) => moduleKeyOfExtensionAri(r.parameters['key']) === key);
  if (rule === undefined) throw new Error(`${key} is not attached to the ITR workflow`);
  return rule;
}

/** Jira's verdict on rule `key` for `acting` on the issue: the manifest text, the rule's config, the documented context. */
function passes(key: ClosureRuleKey, issueKey: string, acting: string): boolean {
  const stored = jira.issue(issueKey);
  const customFields = [...jira.model.fields.values()].filter((f) => f.custom).map((f) => ({ id: f.id, type: f.type }));
  const issue = issueBean({
    issue: { id: stored.id, key: stored.key, fields: stored.fields },
    customFields,
    lookUpUser: () => undefined,
  });
  const verdict = evaluateForgeRule({
    moduleType: key === 'itr-close-condition' ? 'jira:workflowCondition' : 'jira:workflowValidator',
    manifestExpression: CLOSURE_EXPRESSIONS[key],
    configuration: attachedRule(key).parameters['config'],
    values: {
      user: userBean({ accountId: acting }),
      issue,
      originalIssue: issue,
      project: projectBean({ id: '1', key: 'ITR' }),
      transition: transitionBean({ id: '111', name: 'Close', from: null, to: { id: '6', name: 'Closed' } }),
      workflow: workflowBean({ id: 'wf', name: ITR_WORKFLOW_NAME }),
    },
    extensionId: attachedRule(key).parameters['key'] ?? '',
    ruleId: '',
    workflow: { id: 'wf', name: ITR_WORKFLOW_NAME },
  });
  if (!verdict.passed && verdict.failure !== undefined)
    throw new Error(`${key} failed to evaluate: ${verdict.failure.errorMessages.join('; ')}`);
  return verdict.passed;
}

async function fileAndResolve(key: string, fields: Record<string, unknown>) {
  const issue = jira.seedIssue({ key, reporter: ENGINEER, fields });
  await invokeFunction(issueCreated, created(issue, ENGINEER));
  jira.issue(key).fields['status'] = { name: 'Resolved' };
  jira.issue(key).fields['resolution'] = { id: '10000', name: 'Done' };
  await invokeFunction(issueUpdated, resolvedEvent(issue, L2));
  return issue;
}

describe('close rules with return visits, end to end', () => {
  it('publishes the property on the first created issue; only the submitter closes, and only after the visit', async () => {
    const issue = await fileAndResolve('ITR-1', { [ids.kind]: 'complaint', [ids.grade]: 'minor' });
    expect(jira.appProperties.get('itr-close')).toEqual({
      submitter: ids.submitter,
      visitOpen: ids.visitOpen,
      rootCause: ids.rootCause,
      classification: ids.classification,
      fallback: [],
    });
    expect(jira.issue('ITR-1').fields[ids.visitOpen]).toBe('yes');

    // Reporter edited to L2: hands over nothing.
    jira.issue('ITR-1').fields['reporter'] = { accountId: L2 };
    expect(passes('itr-close-condition', 'ITR-1', L2)).toBe(false);
    expect(passes('itr-close-condition', 'ITR-1', ENGINEER)).toBe(true);
    expect(passes('itr-close-validator', 'ITR-1', ENGINEER)).toBe(false); // visit open

    // An engineer cannot see the queue; the supervisor records the visit.
    expect(
      await invokeResolver(itrHomeResolver, 'listReturnVisits', { status: 'open' }, { accountId: L2 }),
    ).toMatchObject({ success: false, errors: [{ code: 'VISIT_NOT_SUPERVISOR' }] });
    const queue = (await invokeResolver(
      itrHomeResolver,
      'listReturnVisits',
      { status: 'open' },
      { accountId: SUPERVISOR },
    )) as { success: true; data: { visits: Array<{ issueKey: string; reason: string }>; total: number } };
    // The issue as the supervisor sees it in Jira: status and resolution by the names Jira gives, read now.
    expect(queue.data).toMatchObject({
      total: 1,
      offset: 0,
      visits: [
        {
          issueKey: 'ITR-1',
          reason: 'complaint',
          issue: { status: { name: 'Resolved', category: 'done' }, resolution: 'Done' },
        },
      ],
    });
    const recorded = await invokeResolver(
      itrHomeResolver,
      'recordReturnVisit',
      { issueId: issue.id, satisfaction: 2, resolvedInCustomersView: true, customerWords: '修好了，但等了三天' },
      { accountId: SUPERVISOR },
    );
    expect(recorded).toMatchObject({
      success: true,
      data: {
        status: 'done',
        satisfaction: 2,
        viewsDiffer: true,
        customerWords: '修好了，但等了三天',
        visitedBy: SUPERVISOR,
      },
    });
    expect(jira.issue('ITR-1').fields[ids.visitOpen]).toBe('no');
    expect(passes('itr-close-validator', 'ITR-1', ENGINEER)).toBe(true);
    expect(passes('itr-close-validator', 'ITR-1', L2)).toBe(false);
  });

  it('a duplicate resolve event keeps one visit; a non-sampled issue gets none', async () => {
    await invokeResolver(
      gradingAdminResolver,
      'saveReturnVisitSettings',
      { sampleRatePercent: 0, alwaysGrades: ['critical'], supervisorGroups: ['itr-supervisors'], expectedRevision: 0 },
      { accountId: ADMIN },
    );
    const issue = await fileAndResolve('ITR-2', { [ids.kind]: 'technicalService', [ids.grade]: 'critical' });
    await invokeFunction(issueUpdated, resolvedEvent(issue, L2));
    await fileAndResolve('ITR-3', { [ids.kind]: 'technicalService', [ids.grade]: 'minor' });
    const queue = (await invokeResolver(
      itrHomeResolver,
      'listReturnVisits',
      { status: 'open' },
      { accountId: ADMIN },
    )) as { data: { visits: Array<{ issueKey: string; reason: string }> } };
    expect(queue.data.visits).toMatchObject([{ issueKey: 'ITR-2', reason: 'topGrade' }]);
    expect(jira.issue('ITR-3').fields[ids.visitOpen] ?? null).toBeNull();
  });

  it('pages the queue by an offset, refusing one that is not a whole number ≥ 0', async () => {
    await fileAndResolve('ITR-6', { [ids.kind]: 'complaint' });
    for (const offset of [-1, 1.5, '20'])
      expect(
        await invokeResolver(
          itrHomeResolver,
          'listReturnVisits',
          { status: 'open', offset },
          { accountId: SUPERVISOR },
        ),
      ).toMatchObject({ success: false, errors: [{ code: 'INVALID_PAYLOAD', path: 'offset' }] });
    // Past the last visit: an empty page that still says how many there are.
    expect(
      await invokeResolver(
        itrHomeResolver,
        'listReturnVisits',
        { status: 'open', offset: 20 },
        { accountId: SUPERVISOR },
      ),
    ).toMatchObject({ success: true, data: { visits: [], total: 1, offset: 20, pageSize: 20 } });
  });

  it('refuses an incomplete visit record with a coded error', async () => {
    const issue = await fileAndResolve('ITR-4', { [ids.kind]: 'complaint' });
    expect(
      await invokeResolver(
        itrHomeResolver,
        'recordReturnVisit',
        { issueId: issue.id, satisfaction: 6, resolvedInCustomersView: true, customerWords: 'x' },
        { accountId: SUPERVISOR },
      ),
    ).toMatchObject({
      success: false,
      errors: [{ code: 'VISIT_SATISFACTION_INVALID', path: 'satisfaction' }],
    });
    expect(
      await invokeResolver(
        itrHomeResolver,
        'recordReturnVisit',
        { issueId: issue.id, satisfaction: 4, resolvedInCustomersView: true, customerWords: '  ' },
        { accountId: SUPERVISOR },
      ),
    ).toMatchObject({
      success: false,
      errors: [{ code: 'VISIT_WORDS_REQUIRED' }],
    });
  });

  it('an admin names a fallback closer with a reason; it is published and kept in the history', async () => {
    expect(
      await invokeResolver(
        gradingAdminResolver,
        'setFallbackClosers',
        { accountIds: [FALLBACK], reason: 'x', expectedRevision: 0 },
        { accountId: SUPERVISOR },
      ),
    ).toMatchObject({ success: false, errors: [{ code: 'NOT_AUTHORIZED' }] });
    expect(
      await invokeResolver(
        gradingAdminResolver,
        'setFallbackClosers',
        { accountIds: [FALLBACK], reason: '', expectedRevision: 0 },
        { accountId: ADMIN },
      ),
    ).toMatchObject({ success: false, errors: [{ code: 'FALLBACK_REASON_REQUIRED' }] });
    const set = await invokeResolver(
      gradingAdminResolver,
      'setFallbackClosers',
      { accountIds: [FALLBACK], reason: 'Li Lei left the company on 2026-11-01', expectedRevision: 0 },
      { accountId: ADMIN },
    );
    expect(set).toMatchObject({
      success: true,
      data: {
        fallbackAccountIds: [FALLBACK],
        fallbackHistory: [{ accountIds: [FALLBACK], by: ADMIN, reason: 'Li Lei left the company on 2026-11-01' }],
        fallbackRevision: 1,
      },
    });
    expect((jira.appProperties.get('itr-close') as { fallback: string[] }).fallback).toEqual([FALLBACK]);
    // Kept current on the ITR workflow: every closure rule's configuration names the fallback closer.
    for (const key of ['itr-close-condition', 'itr-close-validator', 'itr-resolve-validator'] as const) {
      expect(JSON.parse(attachedRule(key).parameters['config'] ?? '{}')).toEqual({
        submitter: ids.submitter,
        visitOpen: ids.visitOpen,
        rootCause: ids.rootCause,
        classification: ids.classification,
        fallback: [FALLBACK],
      });
    }

    const issue = jira.seedIssue({ key: 'ITR-5', reporter: ENGINEER });
    await invokeFunction(issueCreated, created(issue, ENGINEER));
    // Not resolved yet: nobody closes, not even a fallback closer.
    expect(passes('itr-close-validator', 'ITR-5', FALLBACK)).toBe(false);
    jira.issue('ITR-5').fields['resolution'] = { id: '10000', name: 'Done' };
    expect(passes('itr-close-validator', 'ITR-5', FALLBACK)).toBe(true);
    expect(passes('itr-close-validator', 'ITR-5', L2)).toBe(false);
    // A stale revision is refused, not overwritten.
    expect(
      await invokeResolver(
        gradingAdminResolver,
        'setFallbackClosers',
        { accountIds: [], reason: 'undo', expectedRevision: 0 },
        { accountId: ADMIN },
      ),
    ).toMatchObject({ success: false, errors: [{ code: 'CONFIG_REVISION_CONFLICT' }] });
  });
});

describe('root cause on the issue panel resolver', () => {
  const panel = (key: string) => ({ context: { extension: { issue: { key } } } });
  const draft = {
    whys: ['The router rebooted', 'Its firmware leaked memory', 'The soak test is too short'],
    rootCause: 'Customer misuse of the console',
    shortTermMeasure: 'Rolled back the firmware',
    longTermMeasure: 'A 72-hour soak test gates every release',
    technicalZero: 'Leak fixed in 4.3.1',
    managementZero: 'Checklist owner added the gate',
  };

  it('flags a customer-blaming cause (saved, not complete), then accepts an override reason; Resolve follows', async () => {
    jira.seedIssue({ key: 'ITR-7', fields: { [ids.classification]: 'problem' } });
    await invokeResolver(gradingAdminResolver, 'publishCloseProperty', {}, { accountId: ADMIN });
    expect(passes('itr-resolve-validator', 'ITR-7', ENGINEER)).toBe(false);

    const first = await invokeResolver(
      issuePanelResolver,
      'saveRootCause',
      { issueKey: 'ITR-7', draft },
      { accountId: ENGINEER, ...panel('ITR-7') },
    );
    expect(first).toMatchObject({
      success: true,
      data: {
        complete: false,
        flags: [{ category: 'customer', phrase: 'customer misuse' }],
        versions: 1,
        draft: { rootCause: draft.rootCause },
      },
    });
    expect(jira.issue('ITR-7').fields[ids.rootCause]).toBe('no');

    const second = await invokeResolver(
      issuePanelResolver,
      'saveRootCause',
      { issueKey: 'ITR-7', draft: { ...draft, overrideReason: 'The contract makes the customer the operator' } },
      { accountId: ENGINEER, ...panel('ITR-7') },
    );
    expect(second).toMatchObject({
      success: true,
      data: {
        complete: true,
        overridden: true,
        versions: 2,
        draft: { overrideReason: 'The contract makes the customer the operator' },
      },
    });
    expect(jira.issue('ITR-7').fields[ids.rootCause]).toBe('yes');
    expect(passes('itr-resolve-validator', 'ITR-7', ENGINEER)).toBe(true);

    expect(
      await invokeResolver(
        issuePanelResolver,
        'getRootCause',
        { issueKey: 'ITR-7' },
        { accountId: L2, ...panel('ITR-7') },
      ),
    ).toMatchObject({ success: true, data: { complete: true, versions: 2, savedBy: ENGINEER } });
  });

  it('refuses another issue than the panel’s, and someone who may not edit', async () => {
    jira.seedIssue({ key: 'ITR-8' });
    expect(
      await invokeResolver(
        issuePanelResolver,
        'getRootCause',
        { issueKey: 'ITR-9' },
        { accountId: ENGINEER, ...panel('ITR-8') },
      ),
    ).toMatchObject({ success: false, errors: [{ code: 'INVALID_PAYLOAD' }] });
    jira.seedUser({ accountId: 'acc-viewer', displayName: 'Viewer', projectPermissions: { ITR: ['BROWSE_PROJECTS'] } });
    expect(
      await invokeResolver(
        issuePanelResolver,
        'saveRootCause',
        { issueKey: 'ITR-8', draft },
        { accountId: 'acc-viewer', ...panel('ITR-8') },
      ),
    ).toMatchObject({ success: false, errors: [{ code: 'ROOT_CAUSE_NOT_EDITOR' }] });
  });
});
