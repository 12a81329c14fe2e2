/**
 * Lasting fixes without a user (issue 17): the sweep's step that notices fixes done in Jira and reminds
 * each assignee once when their fix is due, and the supervision page's count of problems whose fix is
 * not done, per department.
 *
 * Reminder: run by the escalation sweep (src/entry/escalation-sweep), asked of Jira as the app (no user
 * is behind a scheduled trigger). A fix whose issue is done is recorded done (`done_at`); an open fix
 * whose due day has come is claimed (`reminded_at`, one owner even when two sweeps overlap) and its
 * assignee is notified by Jira (`POST /issue/{key}/notify`); a failed notification gives the claim back,
 * so the next sweep tries again. Never twice (src/domain/lastingFix `reminderDue`).
 */
import { jiraAsApp, jiraAsUser, JiraError, JiraErrorCode, type JiraClient } from '../../adapters/jira';
import type { LastingFixCounts, LastingFixDepartmentCount } from '../../contract/lastingFix';
import { isIssueDone } from '../../domain/issueDone';
import { isRecord } from '../../domain/input';
import { projectKeyOfIssueKey } from '../../domain/jiraKeys';
import { dayIn, lastingFixState, reminderDue } from '../../domain/lastingFix/lastingFix';
import { CallerScopes } from '../analytics/callerScope';
import { loadAnalyticsSettings, type AnalyticsSettings } from '../analytics/settings';
import { NotAuthorizedError } from '../auth/authorization';
import { repositories } from '../ports';
import type { LastingFixRecord } from '../ports/lastingFixes';

/** Fixes one sweep looks at, oldest due first. Range 1–1000; default 200 (one Jira read each). */
export const LASTING_FIX_SWEEP_BATCH = 200;
/** Open fixes the supervision count reads. Range 1–1000; default 1000. */
export const LASTING_FIX_COUNT_MAX = 1000;
/** Due days are calendar days; the app reads "today" in UTC when no person's zone applies. */
const SWEEP_ZONE = 'UTC';

export interface LastingFixSweepReport {
  checked: number;
  done: number;
  reminded: number;
}

/** The reminder's subject and text, in English and Chinese (the assignee's language is unknown to the app). */
export function reminderMessage(fix: LastingFixRecord): { subject: string; textBody: string } {
  const what = fix.kind === 'longTerm' ? 'long-term measure' : 'return-visit follow-up';
  const zh = fix.kind === 'longTerm' ? '长期措施' : '回访后的二次改进';
  return {
    subject: `[ITR] ${fix.key}: the ${what} of ${fix.issueKey} is due ${fix.dueDate} / ${zh}到期`,
    textBody:
      `The ${what} of ${fix.issueKey} ("${fix.summary}") is assigned to you and due on ${fix.dueDate}. ` +
      `Please finish it, or agree a new due date with the problem's owner.\n\n` +
      `${fix.issueKey} 的${zh}（${fix.summary}）由你负责执行，到期日为 ${fix.dueDate}。请完成它，或与问题的责任人商定新的到期日。`,
  };
}

async function doneInJira(app: JiraClient, key: string): Promise<boolean | undefined> {
  try {
    const issue = await app.getIssue(key, { fields: ['status', 'resolution'] });
    const s = issue.fields['status'];
    const category = isRecord(s) && isRecord(s['statusCategory']) ? s['statusCategory']['key'] : undefined;
    return isIssueDone({
      resolved: isRecord(issue.fields['resolution']),
      statusCategory: typeof category === 'string' ? category : undefined,
    });
  } catch (e) {
    if (e instanceof JiraError && e.code === JiraErrorCode.NotFound) return undefined; // deleted: nothing to remind
    throw e;
  }
}

/** One sweep over the open fixes: record the done ones, remind the due ones once. */
export async function sweepLastingFixes(now: Date, app: JiraClient = jiraAsApp()): Promise<LastingFixSweepReport> {
  const store = repositories().lastingFixes;
  const today = dayIn(now, SWEEP_ZONE);
  const report: LastingFixSweepReport = { checked: 0, done: 0, reminded: 0 };
  for (const fix of await store.openFixes(LASTING_FIX_SWEEP_BATCH)) {
    report.checked++;
    const done = await doneInJira(app, fix.key);
    if (done === undefined) continue;
    if (done) {
      await store.markDone(fix.issueId, fix.kind, now);
      report.done++;
      continue;
    }
    if (!reminderDue({ done, dueDate: fix.dueDate, today, remindedAt: fix.remindedAt })) continue;
    if (!(await store.claimReminder(fix.issueId, fix.kind, now))) continue;
    try {
      await app.notifyIssue(fix.key, { ...reminderMessage(fix), to: { users: [fix.assignee] } });
      report.reminded++;
    } catch (e) {
      await store.releaseReminder(fix.issueId, fix.kind, now);
      throw e;
    }
  }
  return report;
}

export interface LastingFixCountDeps {
  settings: () => Promise<AnalyticsSettings>;
  now: () => Date;
  jira: () => JiraClient;
}

const defaultCountDeps = (): LastingFixCountDeps => ({
  settings: async () => (await loadAnalyticsSettings()).value,
  now: () => new Date(),
  jira: () => jiraAsUser(),
});

/**
 * Problems whose lasting fix is not done (as the sweep last saw it), and among them overdue, per
 * department of the fix's assignee (the supervision settings' departments). Per-department figures are
 * for the person-figure groups and Jira admins; only problems in projects the caller may browse count.
 */
export async function lastingFixCounts(
  accountId: string | undefined,
  deps: LastingFixCountDeps = defaultCountDeps(),
): Promise<LastingFixCounts> {
  if (accountId === undefined) throw new NotAuthorizedError('BROWSE_PROJECTS');
  const settings = await deps.settings();
  const scope = new CallerScopes().of(accountId, undefined, deps.jira, deps.now().getTime());
  if (!(await scope.maySeePeople(settings))) throw new NotAuthorizedError('ADMINISTER');
  const projects = new Set(await scope.browsableProjectKeys());
  const today = dayIn(deps.now(), SWEEP_ZONE);
  const byDepartment = new Map<string | null, { open: Set<string>; overdue: Set<string> }>();
  const all = { open: new Set<string>(), overdue: new Set<string>() };
  for (const fix of await repositories().lastingFixes.openFixes(LASTING_FIX_COUNT_MAX)) {
    if (!projects.has(projectKeyOfIssueKey(fix.issueKey) ?? '')) continue;
    const department = settings.departments[fix.assignee] ?? null;
    const entry = byDepartment.get(department) ?? { open: new Set<string>(), overdue: new Set<string>() };
    byDepartment.set(department, entry);
    entry.open.add(fix.issueId);
    all.open.add(fix.issueId);
    if (lastingFixState({ done: false, dueDate: fix.dueDate, today }) === 'overdue') {
      entry.overdue.add(fix.issueId);
      all.overdue.add(fix.issueId);
    }
  }
  const departments: LastingFixDepartmentCount[] = [...byDepartment.entries()]
    .map(([department, e]) => ({ department, open: e.open.size, overdue: e.overdue.size }))
    .sort(
      (a, b) =>
        b.overdue - a.overdue || b.open - a.open || (a.department ?? '\uffff').localeCompare(b.department ?? '\uffff'),
    );
  return { departments, open: all.open.size, overdue: all.overdue.size };
}
