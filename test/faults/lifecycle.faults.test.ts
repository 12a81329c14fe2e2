/**
 * Install, upgrade, uninstall and reinstall, through the exported handlers (`appLifecycle` on
 * `avi:forge:installed:app` / `avi:forge:upgraded:app`, the setup page, the backfill).
 *
 * What Forge keeps (Forge's storage reference, "Data recovery for apps with hosted storage"): hosted
 * storage — KVS and Forge SQL — is kept 28 days after an uninstall but is NOT given back to a
 * reinstall (only a developer's recovery request with the customer's consent restores it). Jira's
 * own data stays in Jira: the issues with the app's custom field values, entity properties, the
 * issue types, workflows and schemes setup created. Whether the Forge app property survives is not
 * documented: both cases are run. So a reinstall starts with empty KVS and SQL next to a Jira that
 * still holds everything, and must converge: defaults for configuration (or a restored backup), fields
 * found again by module key, the projection rebuilt by the backfill, setup finding what exists.
 */
import {
  analyticsBackfillConsumer,
  appLifecycle,
  issueCreated,
  schemaCheck,
  setupResolver,
  supervisionResolver,
} from '../../src/index';
import { jiraAsApp } from '../../src/adapters/jira';
import { applyMigrations, MIGRATIONS } from '../../src/adapters/sql';
import { migrationStatus } from '../../src/app/schema/migrationCheck';
import { lastHeartbeat } from '../../src/adapters/kvs';
import { BACKFILL_QUEUE } from '../../src/app/analytics/backfill';
import { CONFIG_KEYS, gradingTableCodec, loadItrConfig } from '../../src/app/config/itrConfig';
import { lookUpFieldIds } from '../../src/app/fields/fieldIds';
import { ITR_ISSUE_TYPE_NAMES, ITR_WORKFLOW_NAME } from '../../src/app/setup/plan';
import type { SetupStatus } from '../../src/contract/setup';
import { CLOSE_PROPERTY_KEY } from '../../src/domain/closure';
import { DEFAULT_CALENDARS, DEFAULT_GRADING_TABLE } from '../../src/domain';
import { ConfigStore } from '../../src/adapters/kvs';
import { harness, invokeFunction, invokeResolver } from '../../platform-doubles';
import { defineItrFields } from '../fixtures/itrFields';

const { jira, kvs, queue, sql } = harness();
const ADMIN = 'acc-admin';
const ISSUES = 40;
const installed = {
  eventType: 'avi:forge:installed:app',
  id: 'install-1',
  installerAccountId: ADMIN,
  app: { id: 'ari:cloud:ecosystem::app/itr', version: '3.0.0' },
  environment: { id: 'env-1' },
};
const upgraded = {
  eventType: 'avi:forge:upgraded:app',
  id: 'install-1',
  upgraderAccountId: ADMIN,
  app: { id: 'ari:cloud:ecosystem::app/itr', version: '4.0.0' },
  environment: { id: 'env-1' },
};
const ALL = MIGRATIONS.map((m) => m.name);
/** Steps a fresh installation applies in its first minute: Forge SQL's 25 DDL, less the two bookkeeping tables. */
const FIRST_MINUTE = ALL.slice(0, 25 - 2);
const LATER = ALL.slice(25 - 2);
const T0 = Date.UTC(2026, 11, 7, 3, 0, 0);

type Report = { migrationsRan: string[]; migrationsPending: string[]; closeProperty: string };
let ids: ReturnType<typeof defineItrFields>;

beforeEach(async () => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Admin', groups: ['jira-administrators'] });
  ids = defineItrFields(jira);
  const itr = jira.seedProject({ key: 'ITR', id: '10100', name: 'ITR desk' });
  const site = jira.model.site;
  site.issueTypeSchemes.push({ id: '10500', name: 'ITR desk scheme', isDefault: false, issueTypeIds: ['10001'] });
  site.issueTypeSchemeOfProject.set(itr.id, '10500');
  for (let i = 1; i <= ISSUES; i++) {
    jira.seedIssue({
      key: `ITR-${i}`,
      created: new Date(Date.UTC(2026, 0, 1 + (i % 28), 9)),
      fields: {
        [ids.kind]: i % 2 === 0 ? 'complaint' : 'technicalService',
        [ids.grade]: i % 3 === 0 ? 'critical' : 'minor',
        [ids.product]: `X${i % 4}`,
      },
    });
  }
  queue.registerConsumer(BACKFILL_QUEUE, analyticsBackfillConsumer);
  await sql.dropAllTables(); // a fresh installation's database, with a fresh DDL budget
  sql.clearDdlRate();
  sql.setNow(T0);
});

afterAll(() => sql.setNow(undefined));

/** The hourly `schema-check` trigger, `minutes` after T0. */
async function schemaCheckAt(minutes: number): Promise<{ outcome: string; ran: string[]; pending: string[] }> {
  sql.setNow(T0 + minutes * 60_000);
  return (await invokeFunction(schemaCheck as () => Promise<unknown>, {})) as {
    outcome: string;
    ran: string[];
    pending: string[];
  };
}

const lifecycle = async (event: object): Promise<Report> =>
  (await invokeFunction(appLifecycle as (e: unknown) => Promise<Report | undefined>, event)) as Report;

async function recordedMigrations(): Promise<Record<string, number>> {
  const rows = await sql.raw<Array<{ name: string; n: number }>>(
    'SELECT name, COUNT(*) AS n FROM __migrations GROUP BY name',
  );
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}
const eachOnce = Object.fromEntries(ALL.map((n) => [n, 1]));

async function setupDone(): Promise<SetupStatus> {
  const run = (await invokeResolver(setupResolver, 'runSetup', { projectKeys: ['ITR'] }, { accountId: ADMIN })) as {
    success: boolean;
    data: SetupStatus;
  };
  expect(run).toMatchObject({ success: true, data: { state: 'done' } });
  return run.data;
}

async function backfill(): Promise<void> {
  expect(await invokeResolver(supervisionResolver, 'startAnalyticsBackfill', {}, { accountId: ADMIN })).toMatchObject({
    success: true,
  });
  await queue.drain();
}

async function projection(): Promise<string[]> {
  const rows = await sql.raw<Array<Record<string, unknown>>>('SELECT * FROM itr_issue_fact ORDER BY issue_id');
  return rows.map(({ synced_at: _s, ...r }) => JSON.stringify(r));
}

const closeProperty = () => jira.appProperties.get(CLOSE_PROPERTY_KEY) as { submitter?: string } | undefined;

describe('install and upgrade', () => {
  it("install on an empty database: as many migrations as Forge SQL's DDL rate allows, the rest by the hourly check; the property published", async () => {
    const report = await lifecycle(installed);
    expect(report).toEqual({
      event: 'avi:forge:installed:app',
      appVersion: '3.0.0',
      migrationsRan: FIRST_MINUTE,
      migrationsPending: LATER,
      closeProperty: 'published',
    });
    expect(closeProperty()).toMatchObject({ submitter: ids.submitter });
    expect(await migrationStatus()).toMatchObject({ pending: LATER, lastCheck: null });
    expect(await lastHeartbeat('migration-check')).toBeUndefined();
    // The hourly check applies the rest and leaves its result and heartbeat for the site check.
    expect(await schemaCheckAt(60)).toMatchObject({ outcome: 'applied', ran: LATER, pending: [] });
    expect(await recordedMigrations()).toEqual(eachOnce);
    expect(await migrationStatus()).toMatchObject({
      expected: ALL,
      pending: [],
      lastCheck: { outcome: 'applied', ran: LATER },
    });
    expect(await lastHeartbeat('migration-check')).toBeInstanceOf(Date);
    // The next hour: a read, no DDL.
    const before = sql.statements.length;
    expect(await schemaCheckAt(120)).toMatchObject({ outcome: 'upToDate', ran: [] });
    expect(sql.statements.slice(before).filter((x) => x.endpoint === '/api/v1/execute/ddl')).toEqual([]);
  });

  it('upgrade: nothing left to migrate, the property published again', async () => {
    await lifecycle(installed);
    await schemaCheckAt(60);
    jira.appProperties.clear();
    expect(await lifecycle(upgraded)).toMatchObject({
      event: 'avi:forge:upgraded:app',
      appVersion: '4.0.0',
      migrationsRan: [],
      closeProperty: 'published',
    });
    expect(closeProperty()).toMatchObject({ submitter: ids.submitter });
  });

  it('an event that is not a life-cycle event (no installation id or app version) is ignored and writes nothing', async () => {
    await lifecycle(installed);
    jira.appProperties.clear();
    for (const event of [
      {},
      { ...installed, app: { id: 'x' } },
      { ...installed, id: 7 },
      { ...installed, eventType: 'avi:jira:created:issue' },
    ]) {
      expect(await invokeFunction(appLifecycle as (e: unknown) => Promise<unknown>, event)).toBeUndefined();
    }
    expect(closeProperty()).toBeUndefined();
  });

  it('the install event racing two cold starts of stores (lazy migrations) on an empty database: each step once', async () => {
    const [report, a, b] = await Promise.all([lifecycle(installed), applyMigrations(), applyMigrations()]);
    // More steps than Forge SQL's DDL rate allows in two minutes: the hourly check finishes them.
    const later = await schemaCheckAt(60);
    const last = await schemaCheckAt(120);
    expect([...report.migrationsRan, ...a.ran, ...b.ran, ...later.ran, ...last.ran].sort()).toEqual([...ALL].sort());
    expect(await recordedMigrations()).toEqual(eachOnce);
  });

  it('the install event before the app has its Jira permissions: migrations done, the property left to the created trigger', async () => {
    jira.failNext(1, { status: 403 });
    expect(await lifecycle(installed)).toMatchObject({ migrationsRan: FIRST_MINUTE, closeProperty: 'failed' });
    await schemaCheckAt(60);
    expect(closeProperty()).toBeUndefined();
    await invokeFunction(issueCreated as (e: unknown) => Promise<void>, {
      issue: { id: jira.issue('ITR-1').id, key: 'ITR-1' },
      atlassianId: ADMIN,
    });
    expect(closeProperty()).toMatchObject({ submitter: ids.submitter });
  });
});

describe.each(['kept', 'wiped'] as const)('uninstall, then reinstall (app property %s)', (appProperty) => {
  it('converges: defaults, fields found again, projection rebuilt, setup creates nothing twice', async () => {
    // A site in use: installed (and an hour later, complete), set up, configured, projected.
    await lifecycle(installed);
    await schemaCheckAt(60);
    await setupDone();
    const V2 = { ...DEFAULT_GRADING_TABLE, version: 2 };
    await new ConfigStore().set(CONFIG_KEYS.gradingTable, V2, gradingTableCodec(DEFAULT_CALENDARS.map((c) => c.id)));
    await backfill();
    const projected = await projection();
    expect(projected).toHaveLength(ISSUES);
    const grades = Array.from({ length: ISSUES }, (_, i) => jira.issue(`ITR-${i + 1}`).fields[ids.grade]);
    const typesBefore = jira.model.issueTypes.length;
    const workflowsBefore = jira.model.site.workflows.length;
    const schemesBefore = jira.model.site.workflowSchemes.length;
    const published = closeProperty();

    // Uninstall: hosted storage is not given back to the next installation; Jira keeps its data.
    kvs.reset();
    await sql.dropAllTables();
    if (appProperty === 'wiped') jira.appProperties.clear();

    // Reinstall: a new installation, with its own DDL budget.
    sql.clearDdlRate();
    sql.setNow(T0 + 24 * 3_600_000);
    expect(await lifecycle(installed)).toMatchObject({
      migrationsRan: FIRST_MINUTE,
      migrationsPending: LATER,
      closeProperty: 'published',
    });
    await schemaCheckAt(25 * 60);
    expect(await recordedMigrations()).toEqual(eachOnce);
    expect(closeProperty()).toEqual(published);
    // Fields are the same Jira fields, found again by module key; the issues kept their values.
    expect(await lookUpFieldIds(jiraAsApp())).toEqual(ids);
    expect(Array.from({ length: ISSUES }, (_, i) => jira.issue(`ITR-${i + 1}`).fields[ids.grade])).toEqual(grades);
    // Configuration starts from the defaults (an admin restores a backup export to get v2 back).
    expect((await loadItrConfig()).gradingTable.version).toBe(DEFAULT_GRADING_TABLE.version);
    // The projection is empty, and the backfill rebuilds exactly what was there.
    expect(await projection()).toEqual([]);
    await backfill();
    expect(await projection()).toEqual(projected);
    // Setup again finds everything it made: no second issue type, workflow or scheme.
    const again = await setupDone();
    expect(again.steps.filter((s) => s.outcome === 'found').length).toBeGreaterThanOrEqual(5);
    expect(
      again.steps.filter((s) => s.kind !== 'workflowRules' && s.outcome !== 'manual').map((s) => [s.id, s.outcome]),
    ).toEqual(
      again.steps.filter((s) => s.kind !== 'workflowRules' && s.outcome !== 'manual').map((s) => [s.id, 'found']),
    );
    expect(jira.model.issueTypes).toHaveLength(typesBefore);
    expect(jira.model.issueTypes.filter((t) => Object.values(ITR_ISSUE_TYPE_NAMES).includes(t.name))).toHaveLength(4);
    expect(jira.model.site.workflows).toHaveLength(workflowsBefore);
    expect(jira.model.site.workflows.filter((w) => w.name === ITR_WORKFLOW_NAME)).toHaveLength(1);
    expect(jira.model.site.workflowSchemes).toHaveLength(schemesBefore);
  });
});
