/**
 * The admin site check through the exported setup resolver, on the platform doubles: every line passes
 * on a site set up as setup does it, and each failure is the one line that names it, with the others
 * still reported. The expressions go through the Jira double's `POST /rest/api/3/expression/evaluate`.
 */
import { jiraAsUser } from '../../../src/adapters/jira';
import { recordHeartbeat } from '../../../src/adapters/kvs';
import { runMigrations } from '../../../src/adapters/sql';
import { ITR_WORKFLOW_NAME, workflowCreateRequest } from '../../../src/app/setup/plan';
import { defaultSiteCheckDeps, runSiteCheck } from '../../../src/app/siteCheck/siteCheck';
import type { SiteCheckLine, SiteCheckReport } from '../../../src/contract/siteCheck';
import { closureRulesFor, type ClosureRuleConfig } from '../../../src/domain/closure';
import { setupResolver } from '../../../src/index';
import { harness, invokeResolver } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';
import { APP_ACCOUNT_ID } from '../../../platform-doubles/jiraModel';

const { jira, runtime, sql } = harness();
const ADMIN = 'admin-1';
const SUBMITTER = 'anna-1';
const OTHER = 'tom-1';

async function check(
  accountId = ADMIN,
): Promise<{ success: boolean; data?: SiteCheckReport; errors?: Array<{ code: string }> }> {
  return (await invokeResolver(setupResolver, 'runSiteCheck', {}, { accountId })) as {
    success: boolean;
    data?: SiteCheckReport;
  };
}

function line(report: SiteCheckReport | undefined, id: SiteCheckLine['id']): SiteCheckLine {
  const found = report?.lines.find((l) => l.id === id);
  if (found === undefined) throw new Error(`no line ${id}`);
  return found;
}

let ids: ReturnType<typeof defineItrFields>;

beforeEach(() => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Ada Admin', groups: ['jira-administrators'] });
  jira.seedUser({ accountId: SUBMITTER, displayName: 'Anna' });
  jira.seedUser({ accountId: OTHER, displayName: 'Tom' });
  jira.seedProject({ key: 'ITR' });
  ids = defineItrFields(jira);
  // Resolved, no open visit, a requirement: the submitter may close; Tom may not.
  jira.seedIssue({
    key: 'ITR-1',
    reporter: OTHER,
    fields: {
      [ids.submitter]: { accountId: SUBMITTER },
      [ids.visitOpen]: 'no',
      [ids.classification]: 'requirement',
      resolution: { id: '10000', name: 'Done' },
    },
  });
});

/** The ITR workflow as setup creates it: rules with this site's configuration, Resolution set by Resolve and Close. */
async function createItrWorkflow(config: ClosureRuleConfig): Promise<void> {
  const app = { appId: runtime.appContext.appId, environmentId: runtime.appContext.environmentId };
  const existing = new Map(jira.model.statuses.map((st) => [st.name.toLowerCase(), st.id]));
  const request = workflowCreateRequest(existing, {
    resolutionId: jira.model.resolutions[0]?.id ?? '10000',
    closureRules: { resolve: closureRulesFor('resolve', config, app), close: closureRulesFor('close', config, app) },
  });
  await runtime.runAs(ADMIN, () => jiraAsUser().createWorkflows(request));
}

const siteConfig = (): ClosureRuleConfig => ({
  submitter: ids.submitter,
  visitOpen: ids.visitOpen,
  rootCause: ids.rootCauseComplete,
  classification: ids.classification,
  fallback: [],
});

describe('site check', () => {
  it('is for Jira administrators only', async () => {
    const answer = await check(OTHER);
    expect(answer.success).toBe(false);
    expect(answer.errors?.[0]?.code).toBe('NOT_AUTHORIZED');
  });

  it('passes every line on a site set up as setup does it', async () => {
    await createItrWorkflow(siteConfig());
    await runMigrations();
    await recordHeartbeat('escalation-sweep', new Date());
    await recordHeartbeat('analytics-weekly-report', new Date());
    await recordHeartbeat('migration-check', new Date());
    runtime.appContext = { ...runtime.appContext, license: { isActive: true } };
    const answer = await check();
    expect(answer.success).toBe(true);
    const outcomes = Object.fromEntries((answer.data?.lines ?? []).map((l) => [l.id, `${l.outcome}:${l.detail}`]));
    expect(outcomes).toEqual({
      fields: 'pass:fieldsFound',
      expressions: 'pass:expressionsAgree',
      rulesAttached: 'pass:rulesAttached',
      resolution: 'pass:resolutionSet',
      projectPermissions: 'pass:projectsAllowed',
      migrations: 'pass:migrationsApplied',
      triggers: 'pass:triggersRan',
      license: 'pass:licenseActive',
    });
    // The rules were evaluated by Jira (the double) for the submitter and someone else, `user` renamed.
    expect(jira.requestCount('POST /rest/api/3/expression/evaluate')).toBe(6);
    expect(line(answer.data, 'expressions').params).toEqual({ issue: 'ITR-1', rules: '3', people: '2' });
  });

  it('names what fails, each on its own line, and still checks the rest', async () => {
    runtime.appContext = { ...runtime.appContext, license: { isActive: false } };
    await sql.dropAllTables(); // one database per test file: undo an earlier test's migrations
    const answer = await check();
    expect(answer.success).toBe(true);
    expect(line(answer.data, 'rulesAttached')).toMatchObject({
      outcome: 'fail',
      detail: 'workflowMissing',
      params: { workflow: ITR_WORKFLOW_NAME },
    });
    expect(line(answer.data, 'resolution')).toMatchObject({ outcome: 'skip', detail: 'needsWorkflow' });
    expect(line(answer.data, 'migrations')).toMatchObject({ outcome: 'fail', detail: 'migrationsPending' });
    expect(line(answer.data, 'triggers')).toMatchObject({
      outcome: 'fail',
      detail: 'triggersLate',
      params: { triggers: 'escalation-sweep (never), analytics-weekly-report (never), migration-check (never)' },
    });
    expect(line(answer.data, 'license')).toMatchObject({ outcome: 'fail', detail: 'licenseInactive' });
    expect(line(answer.data, 'fields').outcome).toBe('pass');
    expect(line(answer.data, 'expressions').outcome).toBe('pass'); // the app's own configuration when none is attached
  });

  it('says the fields are missing (and skips the expressions) when Jira has none of this app and environment', async () => {
    jira.model.fields.clear();
    const answer = await check();
    expect(line(answer.data, 'fields')).toMatchObject({ outcome: 'fail', detail: 'fieldsMissing' });
    expect(line(answer.data, 'fields').params['modules']).toContain('itr-submitter');
    // The page names them as Jira does (field.title.<module key>), from this list.
    expect(line(answer.data, 'fields').fields).toContain('itr-submitter');
    expect(line(answer.data, 'expressions')).toMatchObject({ outcome: 'skip', detail: 'needsFields' });
  });

  it("finds rules configured with another site's field ids stale", async () => {
    await createItrWorkflow({ ...siteConfig(), submitter: 'customfield_99999' });
    const answer = await check();
    expect(line(answer.data, 'rulesAttached')).toMatchObject({ outcome: 'fail', detail: 'ruleConfigStale' });
    // Evaluated with the attached configuration (what Jira uses), the close condition reads a field the issue lacks.
    expect(line(answer.data, 'expressions')).toMatchObject({
      outcome: 'fail',
      detail: 'expressionFailed',
      params: { rule: 'itr-close-condition', issue: 'ITR-1' },
    });
  });

  it('tells when Jira answers a rule differently from the app', async () => {
    // The attached close validator forgets the return visit: Jira lets the submitter close with the visit open.
    await createItrWorkflow(siteConfig());
    jira.issue('ITR-1').fields[ids.visitOpen] = 'yes';
    const app = { appId: runtime.appContext.appId, environmentId: runtime.appContext.environmentId };
    const lax = closureRulesFor('close', { ...siteConfig() }, app).validators[0];
    const wf = jira.model.site.workflows.find((w) => w.name === ITR_WORKFLOW_NAME);
    const close = wf?.transitions.find((t) => t.name === 'Close');
    if (lax === undefined || close === undefined) throw new Error('setup shape changed');
    close.validators = [
      {
        ruleKey: lax.ruleKey,
        parameters: {
          ...lax.parameters,
          config: JSON.stringify({
            ...siteConfig(),
            expression: 'issue.resolution != null && issue[config.submitter]?.accountId == user.accountId',
          }),
        },
      },
    ];
    const answer = await check();
    expect(line(answer.data, 'expressions')).toMatchObject({
      outcome: 'fail',
      detail: 'expressionDisagrees',
      params: { rule: 'itr-close-validator', subject: 'submitter', expected: 'false', got: 'true' },
    });
  });

  it('names the ITR project where the app may not comment (its permission scheme leaves the app out)', async () => {
    const app = jira.model.users.get(APP_ACCOUNT_ID);
    if (app === undefined) throw new Error('the Jira double has no app user');
    app.projectPermissions['ITR'] = ['BROWSE_PROJECTS'];
    const answer = await check();
    expect(line(answer.data, 'projectPermissions')).toMatchObject({
      outcome: 'fail',
      detail: 'projectsRefused',
      params: { projects: 'ITR (ADD_COMMENTS)' },
    });
    // Asked as the app itself (no accountId in the body), once for all projects.
    const asked = jira.calls.filter((c) => c.route === 'POST /rest/api/3/permissions/check');
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({
      actor: 'app',
      body: {
        projectPermissions: [{ permissions: ['BROWSE_PROJECTS', 'ADD_COMMENTS'], projects: [expect.any(Number)] }],
      },
    });
  });

  it.each([
    [403, 'permission'],
    [404, 'notFound'],
    [429, 'busy'],
    [503, 'unavailable'],
    [400, 'other'],
  ] as const)('says why Jira refused a check (HTTP %i: %s), for the page to put in words', async (status, refusal) => {
    jira.failNext(5, { status, retryAfter: 0, route: 'POST /rest/api/3/permissions/check' });
    const answer = await check();
    expect(line(answer.data, 'projectPermissions')).toMatchObject({
      outcome: 'fail',
      detail: 'jiraRefused',
      jiraRefusal: refusal,
      params: { status: String(status) },
    });
  });

  it('keeps reporting when one check cannot finish (the database down)', async () => {
    const deps = { ...defaultSiteCheckDeps(), migrations: () => Promise.reject(new Error('SQL is unavailable')) };
    const report = await runtime.runAs(ADMIN, () => runSiteCheck(ADMIN, undefined, deps));
    expect(line(report, 'migrations')).toMatchObject({
      outcome: 'fail',
      detail: 'checkFailed',
      params: { message: 'SQL is unavailable' },
    });
    expect(line(report, 'fields').outcome).toBe('pass');
    expect(report.lines).toHaveLength(8);
  });

  it('says how late a scheduled job is', async () => {
    await recordHeartbeat('escalation-sweep', new Date(Date.now() - 60 * 60_000));
    await recordHeartbeat('analytics-weekly-report', new Date());
    await recordHeartbeat('migration-check', new Date());
    const answer = await check();
    expect(line(answer.data, 'triggers')).toMatchObject({ outcome: 'fail', detail: 'triggersLate' });
    expect(line(answer.data, 'triggers').params['triggers']).toMatch(/^escalation-sweep \(\d{4}-/);
  });
});
