/**
 * A year of finished work, its line stays and return visits, supervision settings, a few cases and
 * the analytics projection, written through the app's own stores, resolvers and backfill consumer
 * (the data itself: sandbox/demoHistory.ts). App modules are required here, never imported: they load
 * `@forge/*`, which needs the harness globals first.
 */
import * as path from 'node:path';
import { invokeFunction, invokeResolver } from '../platform-doubles';
import { seedDecisionDemo } from './demoDecisions';
import { DEMO_CASES, DEMO_DEPARTMENTS, seedDemoHistory, staysOf, type HistoryIssue } from './demoHistory';
import { DEMO_FIELD_IDS, DEMO_USERS } from './demoSite';
import { seedDemoCaseHabit } from './demoCaseHabit';
import { seedDemoGlossary } from './demoGlossary';
import { seedDemoCustomers } from './demoCustomers';
import { DEMO_LASTING_FIX_TARGET, seedDemoLastingFix } from './demoLastingFix';
import { seedDemoAssessments } from './demoAssessments';
import { seedDemoTimeRule } from './demoTimeRule';
import type { ManifestModule } from './manifest';
import type { ScheduledTriggers } from './scheduledTriggers';
import { REPO_ROOT, type SandboxSite } from './site';

const appModule = <T>(...segments: string[]): T => require(path.join(REPO_ROOT, 'src', ...segments)) as T;

/** The stays, sampled visits (and their answers) and the supervision settings, in one app invocation. */
async function seedHistoryStores(site: SandboxSite, history: readonly HistoryIssue[], admin: string): Promise<void> {
  const { jira } = site;
  const { sqlRepositories } = appModule<typeof import('../src/adapters/sql/repositories')>(
    'adapters',
    'sql',
    'repositories',
  );
  const { lineHistory, returnVisits: visits } = sqlRepositories;
  const settings = appModule<typeof import('../src/app/analytics/settings')>('app', 'analytics', 'settings');
  const { ConfigStore } = appModule<typeof import('../src/adapters/kvs')>('adapters', 'kvs');
  await invokeFunction(
    async () => {
      const withIds = history.map((hi) => ({ hi, id: jira.issue(hi.key).id }));
      await lineHistory.recordStays(withIds.flatMap(({ hi, id }) => staysOf(id, hi)));
      for (const { hi, id } of withIds) {
        if (hi.satisfaction === null) continue;
        const f = jira.issue(hi.key).fields;
        // Why the app would have opened it (src/domain/closure): complaints and the top grade always.
        const reason =
          f[DEMO_FIELD_IDS.kind] === 'complaint'
            ? 'complaint'
            : f[DEMO_FIELD_IDS.grade] === 'critical'
              ? 'topGrade'
              : 'sampled';
        await visits.openVisit({
          issueId: id,
          issueKey: hi.key,
          reason,
          kind: String(f[DEMO_FIELD_IDS.kind]),
          grade: String(f[DEMO_FIELD_IDS.grade]),
          resolvedAt: hi.resolvedAt,
          internalView: 'Resolved',
        });
        if (hi.visitOpen) continue; // still to be made: open in the queue
        await visits.recordVisit({
          issueId: id,
          satisfaction: hi.satisfaction,
          resolvedInCustomersView: hi.satisfaction >= 3,
          customerWords: '',
          viewsDiffer: hi.satisfaction < 3,
          by: admin,
          at: new Date(hi.resolvedAt.getTime() + 86_400_000),
        });
      }
      const value: import('../src/app/analytics/settings').AnalyticsSettings = {
        ...settings.DEFAULT_ANALYTICS_SETTINGS,
        departments: { ...DEMO_DEPARTMENTS },
        ipd: { projectKey: 'RND', issueType: 'Task' },
        ltc: { projectKey: 'SAL', issueType: 'Task' },
        lastingFix: { ...DEMO_LASTING_FIX_TARGET },
      };
      await new ConfigStore().set(settings.ANALYTICS_SETTINGS_KEY, value, settings.analyticsSettingsCodec, {
        updatedBy: admin,
      });
    },
    undefined,
    { context: { moduleKey: 'issue-updated' } },
  );
}

/** The analytics projection, built by the app's own backfill (the supervision page's resolver, as the admin). */
async function backfillAnalytics(site: SandboxSite, supervision: ManifestModule, admin: string): Promise<void> {
  await site.withModuleKey(supervision.key, () =>
    invokeResolver(
      site.handlerOf(supervision),
      'startAnalyticsBackfill',
      {},
      { accountId: admin, context: { moduleKey: supervision.key } },
    ),
  );
}

/** Through the case library's own create (index included); keyed so a restart on the same database adds none twice. */
async function seedDemoCases(site: SandboxSite, home: ManifestModule): Promise<void> {
  const sql = appModule<typeof import('../src/adapters/sql')>('adapters', 'sql');
  const { CaseLibrary } = appModule<typeof import('../src/app/cases/caseLibrary')>('app', 'cases', 'caseLibrary');
  await site.withModuleKey(home.key, () =>
    invokeFunction(
      async () => {
        const library = new CaseLibrary();
        for (const [i, c] of DEMO_CASES.entries()) {
          const externalId = `sandbox-demo-${i + 1}`;
          const known = async (): Promise<boolean> =>
            (await sql.query('SELECT id FROM itr_case WHERE external_id = ?', [externalId], (r) => r['id'])).length > 0;
          if (await known()) continue;
          // Another sandbox on the same database may insert it between the check and the insert.
          await library.createCase(c.author, c.content, c.sourceIssues, externalId).catch(async (e: unknown) => {
            if (!(await known())) throw e;
          });
        }
      },
      undefined,
      { context: { moduleKey: home.key } },
    ),
  );
}

/** Everything the app keeps itself about the demo's past, as a site in use for a year would have it. */
export async function seedAppDemoData(site: SandboxSite, scheduled: ScheduledTriggers): Promise<void> {
  const started = Date.now();
  const history = seedDemoHistory(site.jira, site.clock.now());
  const admin = DEMO_USERS.find((u) => u.role === 'admin')?.accountId ?? '';
  await seedHistoryStores(site, history, admin);
  const supervision = site.moduleByKey('itr-supervision');
  const home = site.moduleByKey('itr-home');
  if (supervision === undefined || home === undefined)
    throw new Error('manifest changed: no itr-supervision / itr-home module');
  await backfillAnalytics(site, supervision, admin);
  await seedDemoCases(site, home);
  // The case-library habit: searches before work, case decisions, line targets (issue 17).
  await seedDemoCaseHabit(site, history, admin);
  await seedDemoGlossary(admin); // the admin's product glossary of cross-language search (issue 18)
  await seedDemoCustomers(site);
  await seedDemoLastingFix(site); // a problem with an open long-term fix (issue 17)
  await seedDecisionDemo(site);
  await seedDemoAssessments(site); // issue 17: a requirement with its value assessment
  await seedDemoTimeRule(site); // issue 17: requirement times, and the rule stamped on every graded issue
  // Last week's summary, as the weekly trigger would have left it.
  const weekly = scheduled.modules.find((m) => m.key === 'analytics-weekly-report-trigger');
  if (weekly !== undefined) await scheduled.run(weekly);
  site.log(
    `[demo] ${history.length} resolved issues of the past year, ${DEMO_CASES.length} cases, analytics backfilled (${Date.now() - started} ms)`,
  );
}
