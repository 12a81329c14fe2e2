/**
 * "Site check" (setup admin page): verifies on the live site what offline tests cannot, one line per
 * check, pass / fail / skip with a detail code the page translates together with the fix. Jira admins
 * only. Reads only, except refreshing the app-field id cache it checks.
 *
 * Who asks Jira: the admin (`asUser()`) for the workflow, issues and expressions, as an admin would
 * see them; the app (`asApp()`) for its own fields and its own permissions in the ITR projects.
 */
import { jiraAsApp, jiraAsUser, JiraError, type JiraClient } from '../../adapters/jira';
import { lastHeartbeat, writeAppFieldIds, type HeartbeatName } from '../../adapters/kvs';
import { currentAppIdentity, type AppIdentity } from '../../adapters/runtime';
import type { JiraRefusal, SiteCheckLine, SiteCheckReport } from '../../contract/siteCheck';
import type { ClosureRuleConfig } from '../../domain/closure';
import { requireJiraAdmin } from '../auth/authorization';
import { loadFallback } from '../closure/fallbackClosers';
import { FieldsNotInstalledError, lookUpAppFieldIds } from '../fields/fieldIds';
import { ITR_FIELD_NAMES, ITR_FIELDS } from '../fields/itrFields';
import { migrationStatus } from '../schema/migrationCheck';
import { getSetupStatus } from '../setup/setup';
import { ITR_WORKFLOW_NAME } from '../setup/plan';
import { checkExpressions, type IssueReading } from './expressionCheck';
import { checkResolution, checkRulesAttached } from './workflowChecks';

/** `context.license` of a resolver call (forge-docs: runtime-reference/forge-resolver): only paid apps in production have one. */
export interface LicenseContext {
  active?: boolean;
  isEvaluation?: boolean;
}

/** A scheduled run the check expects, and how old its last heartbeat may be (minutes; about 3 intervals, or 8 days for weekly). */
export const EXPECTED_HEARTBEATS: ReadonlyArray<{ name: HeartbeatName; maxAgeMinutes: number }> = [
  { name: 'escalation-sweep', maxAgeMinutes: 15 },
  { name: 'analytics-weekly-report', maxAgeMinutes: 8 * 24 * 60 },
  { name: 'migration-check', maxAgeMinutes: 3 * 60 },
];

/** Project permissions the app needs in every ITR project: read issues, comment (escalation, weekly summary, reminders). */
export const APP_PROJECT_PERMISSIONS = ['BROWSE_PROJECTS', 'ADD_COMMENTS'] as const;

export interface SiteCheckDeps {
  asUser(): JiraClient;
  asApp(): JiraClient;
  identity(): AppIdentity;
  now(): Date;
  lastHeartbeat(name: HeartbeatName): Promise<Date | undefined>;
  migrations(): Promise<{ applied: string[]; expected: string[] }>;
  fallbackClosers(): Promise<string[]>;
  /** Projects the last setup run worked on (empty when setup never ran). */
  setupProjectKeys(accountId: string | undefined): Promise<string[]>;
}

export const defaultSiteCheckDeps = (): SiteCheckDeps => ({
  asUser: () => jiraAsUser(),
  asApp: () => jiraAsApp(),
  identity: currentAppIdentity,
  now: () => new Date(),
  lastHeartbeat,
  // The schema state the hourly schema check (src/app/schema) reads: a read, no DDL.
  migrations: async () => {
    const status = await migrationStatus();
    return { applied: status.applied, expected: status.expected };
  },
  fallbackClosers: async () => (await loadFallback()).config.accountIds,
  setupProjectKeys: async (accountId) => (await getSetupStatus(accountId))?.projectKeys ?? [],
});

/** A check that threw fails its own line; the others still run. */
async function guarded(id: SiteCheckLine['id'], work: () => Promise<SiteCheckLine>): Promise<SiteCheckLine> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof JiraError)
      return {
        id,
        outcome: 'fail',
        detail: 'jiraRefused',
        params: { code: e.code, status: String(e.status), message: e.errorMessages.join(' ') || e.message },
        jiraRefusal: refusalOf(e.status),
      };
    // Storage or SQL failing: the line says so, the other lines still report.
    return {
      id,
      outcome: 'fail',
      detail: 'checkFailed',
      params: { message: e instanceof Error ? e.message : String(e) },
    };
  }
}

/** Jira's HTTP status as the reason an admin can act on. */
function refusalOf(status: number): JiraRefusal {
  if (status === 401 || status === 403) return 'permission';
  if (status === 404) return 'notFound';
  if (status === 429) return 'busy';
  return status >= 500 ? 'unavailable' : 'other';
}

const fieldNumber = (fieldId: string): string => fieldId.replace(/^customfield_/, '');
const accountIdOf = (v: unknown): string | undefined =>
  typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)['accountId'] === 'string'
    ? ((v as Record<string, unknown>)['accountId'] as string)
    : undefined;

/** The most recently updated issue with a recorded submitter, read as the app reads it. */
async function itrIssueToTry(
  jira: JiraClient,
  ids: ReadonlyMap<string, string>,
): Promise<{ reading: IssueReading; people: string[] } | undefined> {
  const submitter = ids.get(ITR_FIELDS.submitter.moduleKey);
  const visitOpen = ids.get(ITR_FIELDS.visitOpen.moduleKey);
  const classification = ids.get(ITR_FIELDS.classification.moduleKey);
  const rootCause = ids.get(ITR_FIELDS.rootCauseComplete.moduleKey);
  if (submitter === undefined || visitOpen === undefined || classification === undefined || rootCause === undefined)
    return undefined;
  const fields = [submitter, visitOpen, classification, rootCause, 'resolution', 'reporter', 'assignee'];
  for await (const page of jira.searchJql(`cf[${fieldNumber(submitter)}] IS NOT EMPTY ORDER BY updated DESC`, {
    fields,
    pageSize: 1,
  })) {
    const issue = page.issues[0];
    if (issue?.key === undefined) return undefined;
    const f = issue.fields;
    return {
      reading: {
        key: issue.key,
        resolved: f['resolution'] !== null && f['resolution'] !== undefined,
        submitter: accountIdOf(f[submitter]),
        visitOpen: f[visitOpen] === 'yes',
        problem: f[classification] === 'problem',
        rootCauseComplete: f[rootCause] === 'yes',
      },
      people: [accountIdOf(f['reporter']), accountIdOf(f['assignee'])].filter((a): a is string => a !== undefined),
    };
  }
  return undefined;
}

function checkLicense(license: LicenseContext | undefined): SiteCheckLine {
  if (license === undefined || license.active === undefined)
    return { id: 'license', outcome: 'skip', detail: 'licenseAbsent', params: {} };
  return license.active
    ? {
        id: 'license',
        outcome: 'pass',
        detail: 'licenseActive',
        params: { evaluation: String(license.isEvaluation === true) },
      }
    : { id: 'license', outcome: 'fail', detail: 'licenseInactive', params: {} };
}

async function checkMigrations(deps: SiteCheckDeps): Promise<SiteCheckLine> {
  const { applied, expected } = await deps.migrations();
  const pending = expected.filter((m) => !applied.includes(m));
  return pending.length === 0
    ? { id: 'migrations', outcome: 'pass', detail: 'migrationsApplied', params: { count: String(expected.length) } }
    : {
        id: 'migrations',
        outcome: 'fail',
        detail: 'migrationsPending',
        params: { count: String(pending.length), first: pending[0] ?? '' },
      };
}

async function checkTriggers(deps: SiteCheckDeps): Promise<SiteCheckLine> {
  const now = deps.now().getTime();
  const late: Array<{ name: HeartbeatName; lastRunAt: string | null }> = [];
  for (const { name, maxAgeMinutes } of EXPECTED_HEARTBEATS) {
    const at = await deps.lastHeartbeat(name);
    if (at === undefined) late.push({ name, lastRunAt: null });
    else if (now - at.getTime() > maxAgeMinutes * 60_000) late.push({ name, lastRunAt: at.toISOString() });
  }
  // `params` in English for logs; `triggers` for the page, which names each job and shows the time in the reader's zone.
  const text = late.map((l) => `${l.name} (${l.lastRunAt ?? 'never'})`).join(', ');
  return late.length === 0
    ? { id: 'triggers', outcome: 'pass', detail: 'triggersRan', params: { count: String(EXPECTED_HEARTBEATS.length) } }
    : { id: 'triggers', outcome: 'fail', detail: 'triggersLate', params: { triggers: text }, triggers: late };
}

/** The app may browse and comment in every ITR project (the last setup run's, else the projects of recent ITR issues). */
async function checkProjectPermissions(
  accountId: string | undefined,
  deps: SiteCheckDeps,
  user: JiraClient,
  ids: ReadonlyMap<string, string> | undefined,
): Promise<SiteCheckLine> {
  let keys = await deps.setupProjectKeys(accountId);
  const submitter = ids?.get(ITR_FIELDS.submitter.moduleKey);
  if (keys.length === 0 && submitter !== undefined) {
    for await (const page of user.searchJql(`cf[${fieldNumber(submitter)}] IS NOT EMPTY ORDER BY updated DESC`, {
      fields: ['project'],
      pageSize: 100,
    })) {
      keys = [
        ...new Set(
          page.issues.flatMap((i) => {
            const p = i.fields['project'];
            return typeof p === 'object' && p !== null && typeof (p as Record<string, unknown>)['key'] === 'string'
              ? [(p as Record<string, string>)['key'] ?? '']
              : [];
          }),
        ),
      ];
      break;
    }
  }
  if (keys.length === 0) return { id: 'projectPermissions', outcome: 'skip', detail: 'noItrProjects', params: {} };
  const projects = await user.searchProjects(keys);
  const granted = await deps.asApp().projectPermissionsOfCaller(
    [...APP_PROJECT_PERMISSIONS],
    projects.map((p) => p.id),
  );
  const refused = projects.flatMap((p) => {
    const missing = APP_PROJECT_PERMISSIONS.filter((perm) => !(granted[perm] ?? []).includes(p.id));
    return missing.length === 0 ? [] : [{ project: p.key, permissions: missing }];
  });
  return refused.length === 0
    ? {
        id: 'projectPermissions',
        outcome: 'pass',
        detail: 'projectsAllowed',
        params: { projects: projects.map((p) => p.key).join(', ') },
      }
    : {
        id: 'projectPermissions',
        outcome: 'fail',
        detail: 'projectsRefused',
        params: { projects: refused.map((r) => `${r.project} (${r.permissions.join(', ')})`).join('; ') },
        refused,
      };
}

export async function runSiteCheck(
  accountId: string | undefined,
  license: LicenseContext | undefined,
  deps: SiteCheckDeps = defaultSiteCheckDeps(),
): Promise<SiteCheckReport> {
  const user = deps.asUser();
  await requireJiraAdmin(accountId, user);
  const identity = deps.identity();
  const lines: SiteCheckLine[] = [];

  // 1. The app's fields, by their full ARI (app and environment), looked up afresh: the cache is refreshed, never trusted here.
  let ids: ReadonlyMap<string, string> | undefined;
  lines.push(
    await guarded('fields', async () => {
      const moduleKeys = ITR_FIELD_NAMES.map((n) => ITR_FIELDS[n].moduleKey);
      try {
        ids = await lookUpAppFieldIds(deps.asApp(), moduleKeys, {
          identity: () => identity,
          read: () => Promise.resolve(undefined),
          write: writeAppFieldIds,
        });
        return { id: 'fields', outcome: 'pass', detail: 'fieldsFound', params: { count: String(moduleKeys.length) } };
      } catch (e) {
        if (e instanceof FieldsNotInstalledError)
          return {
            id: 'fields',
            outcome: 'fail',
            detail: 'fieldsMissing',
            params: { modules: e.missing.join(', ') },
            fields: e.missing,
          };
        throw e;
      }
    }),
  );

  const fallback = await deps.fallbackClosers();
  const expected: ClosureRuleConfig | undefined =
    ids === undefined
      ? undefined
      : {
          submitter: ids.get(ITR_FIELDS.submitter.moduleKey) ?? '',
          visitOpen: ids.get(ITR_FIELDS.visitOpen.moduleKey) ?? '',
          rootCause: ids.get(ITR_FIELDS.rootCauseComplete.moduleKey) ?? '',
          classification: ids.get(ITR_FIELDS.classification.moduleKey) ?? '',
          fallback,
        };

  // 2–4. The ITR workflow: rules attached with this site's configuration, Resolution set, expressions evaluated.
  let workflow: Awaited<ReturnType<JiraClient['readWorkflowDetails']>>[number] | undefined;
  let savedConfigs: ReturnType<typeof checkRulesAttached>['configs'] = {};
  const rulesLine = await guarded('rulesAttached', async () => {
    workflow = (await user.readWorkflowDetails([ITR_WORKFLOW_NAME])).find((w) => w.name === ITR_WORKFLOW_NAME);
    const attached = checkRulesAttached(workflow, expected, identity, ITR_WORKFLOW_NAME);
    savedConfigs = attached.configs;
    return attached.line;
  });
  const expressionsLine = await guarded('expressions', async () => {
    if (ids === undefined || expected === undefined)
      return { id: 'expressions', outcome: 'skip', detail: 'needsFields', params: {} };
    const found = await itrIssueToTry(user, ids);
    const submitter = found?.reading.submitter;
    const other = [accountId, ...(found?.people ?? [])].find(
      (a) => a !== undefined && a !== submitter && !fallback.includes(a),
    );
    const fallbackCloser = fallback.find((a) => a !== submitter);
    return checkExpressions({
      jira: user,
      issue: found?.reading,
      config: expected,
      savedConfigs,
      other,
      fallback: fallbackCloser,
    });
  });
  lines.push(expressionsLine, rulesLine);
  lines.push(await guarded('resolution', () => checkResolution(workflow, user, ITR_WORKFLOW_NAME)));

  // 5–8. The app's rights in the ITR projects, the database, the scheduled triggers, the license.
  lines.push(await guarded('projectPermissions', () => checkProjectPermissions(accountId, deps, user, ids)));
  lines.push(await guarded('migrations', () => checkMigrations(deps)));
  lines.push(await guarded('triggers', () => checkTriggers(deps)));
  lines.push(checkLicense(license));
  return { checkedAt: deps.now().toISOString(), lines };
}
