/**
 * Hand-off from an ITR issue (process section 7: ITR feeds IPD and LTC): "send to R&D" creates a
 * product problem/requirement in the admin-configured IPD project, "send to sales" a lead in the LTC
 * project, linked to the ITR issue. The ITR issue's panel lists them with their status.
 *
 * Only customer-safe facts are copied (section 4: "internal analysis is not passed on verbatim"):
 * summary, product, grade, classification and the ITR key. The description, root cause, measures and
 * comments are never read here, so they cannot leak. A requirement's value assessment in force
 * (src/app/requirement/assessment.ts: expected value, cost, decision, reason, who and when) is carried
 * too: R&D and sales decide on it, and the hand-off record names which assessment version went.
 *
 * The caller must see and edit the ITR issue (read as the caller); the new issue and the link are made
 * as the app, because an engineer usually has no create permission in the R&D or sales project and
 * the admin chose those targets. Idempotent per target: the app-owned SQL table `itr_handoff`
 * (src/app/ports/handoffs.ts) records what was created, so a second send returns that issue (re-linking it if
 * the link is gone) instead of creating another. The record used to be an issue property, which any
 * editor of the ITR issue can write: naming an issue there made the app read it and show its summary
 * and status to someone who may not browse it (issue 13). What the caller is shown of a handed-off
 * issue is read as the caller; the app only checks that the issue it created still exists.
 */
import {
  jiraAsApp,
  jiraAsUser,
  JiraError,
  JiraErrorCode,
  parseIssueLinks,
  type AdfDocument,
  type JiraClient,
} from '../../adapters/jira';
import type { HandoffItem } from '../../contract/analytics';
import { issueTypeRef, loadAnalyticsSettings, type AnalyticsSettings } from '../analytics/settings';
import { lookUpFieldIds } from '../fields/fieldIds';
import { fitForDisplay } from '../../domain/storageLimits';
import { isRecord } from '../../domain/input';
import { ItrError, issueNotFound } from '../itrError';
import { NotAuthorizedError } from '../auth/authorization';
import { repositories } from '../ports';
import type { HandoffRecordEntry, HandoffTarget } from '../ports/handoffs';
import type { StoredAssessment } from '../ports/requirementAssessments';
import { currentAssessment } from '../requirement/assessment';
import { namesOf } from '../people/displayNames';

export type { HandoffTarget } from '../ports/handoffs';

/**
 * The issue property where releases before issue 13 kept the record. Never read: any editor of the
 * issue can write it. Kept as a name so tests can show that a forged record changes nothing.
 */
export const LEGACY_HANDOFF_PROPERTY = 'itr-handoffs';
/** Jira's standard link type; shown as "relates to" from both sides. */
export const HANDOFF_LINK_TYPE = 'Relates';

type HandoffRecord = Partial<Record<HandoffTarget, HandoffRecordEntry>>;

export interface HandoffDeps {
  settings: () => Promise<AnalyticsSettings>;
  now: () => Date;
}

const defaultDeps: HandoffDeps = { settings: async () => (await loadAnalyticsSettings()).value, now: () => new Date() };

const text = (v: unknown): string | null =>
  typeof v === 'string' && v !== '' ? v : isRecord(v) && typeof v['value'] === 'string' ? v['value'] : null;

/** The new issue's description: only customer-safe facts and the way back to the ITR issue. */
export function handoffDescription(
  issueKey: string,
  target: HandoffTarget,
  facts: { product: string | null; grade: string | null; classification: string | null },
  assessment: (StoredAssessment & { assessedByName: string | null }) | null = null,
): AdfDocument {
  const para = (...content: Array<Record<string, unknown>>): Record<string, unknown> => ({
    type: 'paragraph',
    content,
  });
  const t = (value: string, marks?: Array<Record<string, unknown>>): Record<string, unknown> => ({
    type: 'text',
    text: value,
    ...(marks ? { marks } : {}),
  });
  const lines: Array<[string, string | null]> = [
    ['Product', facts.product],
    ['Grade', facts.grade],
    ['Classification', facts.classification],
  ];
  const assessed: Array<[string, string | null]> =
    assessment === null
      ? []
      : [
          ['Expected value', assessment.expectedValue],
          ['Cost', assessment.cost],
          ['Decision', ASSESSMENT_DECISION_NAMES[assessment.decision]],
          ['Reason', assessment.reason === '' ? null : assessment.reason],
          [
            'Assessed',
            `${assessment.assessedByName ?? 'unknown user'}, ${assessment.assessedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
          ],
        ];
  return {
    type: 'doc',
    version: 1,
    content: [
      para(
        t(
          target === 'rnd'
            ? 'Product problem / requirement handed off from ITR issue '
            : 'Sales lead handed off from ITR issue ',
        ),
        t(issueKey, [{ type: 'link', attrs: { href: `/browse/${issueKey}` } }]),
        t('.'),
      ),
      ...lines.map(([label, value]) => para(t(`${label}: `, [{ type: 'strong' }]), t(value ?? '—'))),
      ...(assessed.length === 0 ? [] : [para(t('Value assessment', [{ type: 'strong' }]))]),
      ...assessed.map(([label, value]) => para(t(`${label}: `, [{ type: 'strong' }]), t(value ?? '—'))),
    ],
  };
}

/** Reads the ITR issue as the caller (404 → ISSUE_NOT_FOUND) with the given fields and links, and its app-owned record. */
async function readAsCaller(
  user: JiraClient,
  issueKey: string,
  fields: string[],
): Promise<{ id: string; fields: Record<string, unknown>; record: HandoffRecord }> {
  const issue = await user.getIssue(issueKey, { fields: [...fields, 'issuelinks'] }).catch(issueNotFound(issueKey));
  return { id: issue.id, fields: issue.fields, record: await repositories().handoffs.readHandoffs(issue.id) };
}

/**
 * Whether the issue the app created is still there (asked as the app: its key comes from app-owned storage).
 * Lasting fixes ask it of the issues they created too.
 */
export async function stillExists(app: JiraClient, key: string): Promise<boolean> {
  try {
    await app.getIssue(key, { fields: ['status'] });
    return true;
  } catch (e) {
    if (e instanceof JiraError && e.code === JiraErrorCode.NotFound) return false;
    throw e;
  }
}

/** The handed-off issue as the caller sees it: its summary and status, or only the record when they may not browse it. */
async function shownToCaller(user: JiraClient, r: HandoffRecordEntry): Promise<HandoffItem> {
  try {
    const seen = await user.getIssue(r.key, { fields: ['summary', 'status'] });
    return {
      key: r.key,
      target: r.target,
      summary: text(seen.fields['summary']) ?? r.summary,
      status: statusName(seen.fields['status']),
    };
  } catch (e) {
    if (!(e instanceof JiraError && (e.code === JiraErrorCode.NotFound || e.code === JiraErrorCode.Forbidden))) throw e;
    // The record's summary is the one the app wrote from the ITR issue the caller can see.
    return { key: r.key, target: r.target, summary: r.summary, status: null };
  }
}

export async function sendHandoff(
  issueKey: string,
  target: HandoffTarget,
  accountId: string | undefined,
  deps: HandoffDeps = defaultDeps,
): Promise<HandoffItem> {
  if (accountId === undefined) throw new NotAuthorizedError('EDIT_ISSUES');
  const user = jiraAsUser();
  const app = jiraAsApp();
  const ids = await lookUpFieldIds(app);
  const issue = await readAsCaller(user, issueKey, ['summary', ids.product, ids.grade, ids.classification]);
  const perms = await user.myPermissions(['EDIT_ISSUES'], { issueKey });
  if (perms['EDIT_ISSUES'] !== true)
    throw new ItrError('HANDOFF_NOT_EDITOR', `needs EDIT_ISSUES on ${issueKey}`, { params: { issueKey } });
  const settings = await deps.settings();
  const destination = target === 'rnd' ? settings.ipd : settings.ltc;
  if (destination === null)
    throw new ItrError(
      'HANDOFF_NOT_CONFIGURED',
      `no ${target === 'rnd' ? 'IPD (R&D)' : 'LTC (sales)'} project is configured`,
      { params: { issueKey } },
    );

  const linked = parseIssueLinks(issue.fields['issuelinks']);
  const previous = issue.record[target];
  // Sent before: return it; restore the link if someone removed it; a deleted issue is sent again.
  if (previous !== undefined && (await stillExists(app, previous.key))) {
    if (!linked.some((l) => l.key === previous.key)) await app.linkIssues(HANDOFF_LINK_TYPE, issueKey, previous.key);
    return shownToCaller(user, previous);
  }

  const itrSummary = text(issue.fields['summary']) ?? issueKey;
  // The new issue's summary (Jira: ≤ 255 characters; itr_handoff.summary holds the same) is the ITR
  // issue's own (≤ 255) after its key, so a long one cannot fit whole: it is shortened visibly, ending
  // with '…' (the description links the ITR issue, whose summary is whole), cut at a code point.
  const summary = fitForDisplay(`[${issueKey}] ${itrSummary}`, 'jiraSummary');
  // Only a requirement's assessment travels (a reclassified problem's old one is not its truth any more).
  const assessment =
    text(issue.fields[ids.classification]) === 'requirement' ? await currentAssessment(issue.id) : null;
  const assessorName =
    assessment === null ? null : ((await namesOf(app, [assessment.assessedBy])).get(assessment.assessedBy) ?? null);
  const created = await app.createIssue({
    project: { key: destination.projectKey },
    issuetype: issueTypeRef(destination),
    summary,
    description: handoffDescription(
      issueKey,
      target,
      {
        product: text(issue.fields[ids.product]),
        grade: text(issue.fields[ids.grade]),
        classification: text(issue.fields[ids.classification]),
      },
      assessment === null ? null : { ...assessment, assessedByName: assessorName },
    ),
  });
  // Recorded before linking: a failed link is then repaired by the next send, never duplicated.
  const entry: HandoffRecordEntry = {
    target,
    key: created.key,
    id: created.id,
    summary,
    by: accountId,
    at: deps.now(),
    ...(assessment === null ? {} : { assessmentId: assessment.id }),
  };
  await repositories().handoffs.recordHandoff(issue.id, entry);
  await app.linkIssues(HANDOFF_LINK_TYPE, issueKey, created.key);
  return shownToCaller(user, entry);
}

/** The decision's name in the new issue's description (Jira content is written in English). */
const ASSESSMENT_DECISION_NAMES: Record<StoredAssessment['decision'], string> = {
  pending: 'not decided yet',
  accept: 'accept',
  decline: 'decline',
  handToRnd: 'hand to R&D (IPD)',
  handToSales: 'hand to sales (LTC)',
};

function statusName(v: unknown): string | null {
  return isRecord(v) && typeof v['name'] === 'string' ? v['name'] : null;
}

/** The hand-offs of an issue with their current status, each read as the caller. */
export async function listHandoffs(issueKey: string, accountId: string | undefined): Promise<HandoffItem[]> {
  if (accountId === undefined) throw new NotAuthorizedError('BROWSE_PROJECTS');
  const user = jiraAsUser();
  const issue = await readAsCaller(user, issueKey, []);
  const items: HandoffItem[] = [];
  for (const target of ['rnd', 'sales'] as const) {
    const r = issue.record[target];
    // A handed-off issue the caller may not browse is still listed (from the record), without status.
    if (r !== undefined) items.push(await shownToCaller(user, r));
  }
  return items;
}
