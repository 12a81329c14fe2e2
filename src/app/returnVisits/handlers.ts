import { jiraAsApp, jiraAsUser } from '../../adapters/jira';
import { recordAudit } from '../audit/auditLog';
import { ConfigStore } from '../../adapters/kvs';
import type { ClosureAdminState, ReturnVisit, ReturnVisitPage } from '../../contract/closure';
import { viewsDiffer, type Satisfaction } from '../../domain/closure';
import { sizeOf, STORED_LIMITS } from '../../domain/storageLimits';
import { requireJiraAdmin } from '../auth/authorization';
import { lookUpClosureFieldIds } from '../closure/closureFields';
import { lastPublished, publishCloseProperty } from '../closure/closeProperty';
import { syncClosureRules } from '../closure/closureRules';
import { FALLBACK_REASON_MAX, loadFallback, saveFallback } from '../closure/fallbackClosers';
import { loadSettings, RETURN_VISIT_SETTINGS_KEY, requireSupervisor, settingsCodec } from './settings';
import { writeItrFields } from '../fields/writeItrFields';
import { displayNamesOf } from '../settings/settingsCheck';
import { lookUpFieldIds } from '../fields/fieldIds';
import { loadItrConfig } from '../config/itrConfig';
import { tierLabelsOf, withVisitIssues } from './visitIssues';
import { ItrError } from '../itrError';
import { repositories } from '../ports';

/**
 * The use cases of return visits: the queue for the supervising role (the global page's "Return
 * visits" subpage, through `itr-home-resolver`) and the closing settings for Jira admins (sampling
 * rate, supervisor groups, fallback closers: the admin page's "Closing" subpage, through
 * `grading-admin-resolver`). Who the caller is comes from the invocation context, never the payload.
 */

/** The customer's words, as return_visit.customer_words holds them (src/domain/storageLimits.ts). */
const WORDS_LIMIT = STORED_LIMITS.visitCustomerWords;

/** Visits per page of the queue, both tabs (range 1–100, one Jira search per page; default 20: a screen or two of cards). */
export const VISIT_PAGE_SIZE = 20;

async function adminState(): Promise<ClosureAdminState> {
  const [{ settings, revision }, fallback, published, config] = await Promise.all([
    loadSettings(),
    loadFallback(),
    lastPublished(),
    loadItrConfig(),
  ]);
  return {
    settings: {
      sampleRatePercent: settings.sampleRatePercent,
      alwaysGrades: [...settings.alwaysGrades],
      supervisorGroups: [...settings.supervisorGroups],
    },
    settingsRevision: revision,
    grades: config.gradingTable.grades.map((g) => ({ id: g.id, label: g.label })),
    fallbackAccountIds: fallback.config.accountIds,
    fallbackHistory: fallback.config.history,
    fallbackRevision: fallback.revision,
    displayNames: await displayNamesOf(jiraAsApp(), [
      ...new Set([...fallback.config.accountIds, ...fallback.config.history.flatMap((h) => [h.by, ...h.accountIds])]),
    ]),
    published: published ?? null,
  };
}

/**
 * One page of the queue (`open`, or `done`), newest first, for the supervising role: each visit with
 * its issue as the caller sees it in Jira (summary, contact, customer, status and resolution).
 */
export async function listReturnVisits(
  accountId: string | undefined,
  status: 'open' | 'done',
  offset: number,
): Promise<ReturnVisitPage> {
  const { settings } = await loadSettings();
  const viewer = jiraAsUser();
  await requireSupervisor(accountId, viewer, settings);
  const [page, ids, config] = await Promise.all([
    repositories().returnVisits.listVisits(status, { limit: VISIT_PAGE_SIZE, offset }),
    lookUpFieldIds(jiraAsApp()),
    loadItrConfig(),
  ]);
  const [rows, names] = await Promise.all([
    withVisitIssues(page.visits, viewer, ids, tierLabelsOf(config.gradingTable)),
    displayNamesOf(viewer, [...new Set(page.visits.flatMap((v) => (v.visitedBy === null ? [] : [v.visitedBy])))]),
  ]);
  return {
    visits: rows.map((row) => ({
      ...row,
      visitedByName: row.visitedBy === null ? null : (names[row.visitedBy] ?? null),
    })),
    total: page.total,
    offset,
    pageSize: VISIT_PAGE_SIZE,
  };
}

/**
 * Records what the customer said on the visit of a resolved issue and releases the close validator
 * (`itr-visit-open` → no). Recorded once: another supervisor's second record is refused.
 */
export async function recordReturnVisit(
  accountId: string | undefined,
  visit: { issueId: string; satisfaction: Satisfaction; resolvedInCustomersView: boolean; customerWords: string },
  now: Date,
): Promise<ReturnVisit> {
  // The input is checked before who asks, so its refusal does not depend on who sent it.
  const words = visit.customerWords.trim();
  if (words === '')
    throw new ItrError('VISIT_WORDS_REQUIRED', "the customer's words are required", { path: 'customerWords' });
  if (sizeOf(words, WORDS_LIMIT) > WORDS_LIMIT.max)
    throw new ItrError('VISIT_WORDS_TOO_LONG', `at most ${WORDS_LIMIT.max} characters`, {
      path: 'customerWords',
      params: { max: WORDS_LIMIT.max },
    });
  const { issueId, satisfaction, resolvedInCustomersView } = visit;
  const { settings } = await loadSettings();
  await requireSupervisor(accountId, jiraAsUser(), settings);
  const differ = viewsDiffer({ satisfaction, resolvedInCustomersView });
  const changed = await repositories().returnVisits.recordVisit({
    issueId,
    satisfaction,
    resolvedInCustomersView,
    customerWords: words,
    viewsDiffer: differ,
    by: accountId ?? '',
    at: now,
  });
  const recorded = await repositories().returnVisits.getVisit(issueId);
  if (recorded === undefined) throw new ItrError('VISIT_NOT_FOUND', `no return visit for issue ${issueId}`);
  if (!changed && recorded.status === 'done' && recorded.visitedBy !== accountId)
    throw new ItrError('VISIT_ALREADY_RECORDED', 'this visit was already recorded');
  // Mirror for the close validator: the visit is done, the submitter may close.
  const jira = jiraAsApp();
  const ids = await lookUpClosureFieldIds(jira);
  await writeItrFields(jira, [{ fieldId: ids.visitOpen, issueIds: [issueId], value: 'no' }]);
  return recorded;
}

/** The admin area's state (Jira admins only). */
export async function getClosureAdmin(accountId: string | undefined): Promise<ClosureAdminState> {
  await requireJiraAdmin(accountId);
  return adminState();
}

/** Saves the sampling rate, the grades always visited and the supervisor groups (Jira admins only). */
export async function saveReturnVisitSettings(
  accountId: string | undefined,
  input: { expectedRevision: number; sampleRatePercent: unknown; alwaysGrades: unknown; supervisorGroups: unknown },
): Promise<ClosureAdminState> {
  const { expectedRevision, ...value } = input;
  // The input is checked before who asks, so its refusal does not depend on who sent it.
  try {
    settingsCodec.parse(value);
  } catch (e) {
    throw new ItrError('VISIT_SETTINGS_INVALID', e instanceof Error ? e.message : String(e), { cause: e });
  }
  await requireJiraAdmin(accountId);
  const saved = await new ConfigStore().set(RETURN_VISIT_SETTINGS_KEY, value as never, settingsCodec, {
    expectedRevision,
    ...(accountId !== undefined ? { updatedBy: accountId } : {}),
  });
  await recordAudit({
    actorAccountId: accountId,
    action: 'settings.save',
    target: RETURN_VISIT_SETTINGS_KEY,
    summary: `Return-visit settings saved (revision ${saved.revision})`,
    params: { area: 'returnVisits', revision: saved.revision },
  });
  return adminState();
}

/**
 * Sets the fallback closers (who may close when the submitter cannot), with the reason, then publishes
 * them where the close rules read them (Jira admins only).
 */
export async function setFallbackClosers(
  accountId: string | undefined,
  input: { expectedRevision: number; accountIds: readonly string[]; reason: string },
  now: Date,
): Promise<ClosureAdminState> {
  const reason = input.reason.trim();
  if (reason === '' || reason.length > FALLBACK_REASON_MAX)
    throw new ItrError('FALLBACK_REASON_REQUIRED', 'a reason is required', {
      path: 'reason',
      params: { max: FALLBACK_REASON_MAX },
    });
  await requireJiraAdmin(accountId);
  await saveFallback({
    accountIds: [...new Set(input.accountIds)],
    reason,
    by: accountId ?? '',
    at: now,
    expectedRevision: input.expectedRevision,
  });
  await publishCloseProperty();
  // The close rules carry the fallback closers in their configuration: rewrite them on the ITR workflow.
  await syncClosureRules();
  return adminState();
}

/** Publishes the `itr-close` property and the close rules again (Jira admins only): the admin area's repair. */
export async function republishCloseRules(accountId: string | undefined): Promise<ClosureAdminState> {
  await requireJiraAdmin(accountId);
  await publishCloseProperty();
  await syncClosureRules();
  return adminState();
}
