/**
 * The app's own Jira custom fields (`jira:customField` modules in manifest.yml): what agents search and
 * sort by. All are read-only in Jira's UI and written only by the app (`/rest/api/3/app/field/value`).
 * The module key is stable across sites; the `customfield_NNNNN` id differs per site and is looked up.
 */
export const ITR_FIELDS = {
  kind: { moduleKey: 'itr-kind', type: 'string' },
  grade: { moduleKey: 'itr-grade', type: 'string' },
  gradingTableVersion: { moduleKey: 'itr-grading-version', type: 'number' },
  line: { moduleKey: 'itr-line', type: 'string' },
  lineEnteredAt: { moduleKey: 'itr-line-entered', type: 'datetime' },
  lineDueAt: { moduleKey: 'itr-line-due', type: 'datetime' },
  lineWarnAt: { moduleKey: 'itr-line-warn', type: 'datetime' },
  submitter: { moduleKey: 'itr-submitter', type: 'user' },
  // Set at triage (src/app/triage). The grading answers are one string, `dimension=option;…` sorted by
  // dimension id (see gradingAnswers.ts): JQL compares it exactly (`=`), a string app field has no `~`.
  gradingAnswers: { moduleKey: 'itr-grading-answers', type: 'string' },
  customerTier: { moduleKey: 'itr-customer-tier', type: 'string' },
  /** `in` or `out` (of warranty). */
  warranty: { moduleKey: 'itr-warranty', type: 'string' },
  product: { moduleKey: 'itr-product', type: 'string' },
  region: { moduleKey: 'itr-region', type: 'string' },
  /** `problem` or `requirement` (src/domain/classification.ts). */
  classification: { moduleKey: 'itr-classification', type: 'string' },
  /** The owner the issue was dispatched to (forwarding or escalating to a supervisor changes it). */
  owner: { moduleKey: 'itr-owner', type: 'user' },
  /** `awaiting`, `accepted` or `deemedAccepted` (timeout means consent, 超时默认为同意受理). */
  acceptance: { moduleKey: 'itr-acceptance', type: 'string' },
  // Escalation (src/app/escalation). The line a pre-breach warning went out for (cleared when the issue
  // moves up), and when L3's budget ran out: the sweep's JQL skips warned and breached issues by them.
  warnedLine: { moduleKey: 'itr-warned-line', type: 'string' },
  breachedAt: { moduleKey: 'itr-breached', type: 'datetime' },
  // Closing rules (src/app/closure): mirrors the workflow rules' Jira expressions read ('yes' / 'no').
  visitOpen: { moduleKey: 'itr-visit-open', type: 'string' },
  rootCauseComplete: { moduleKey: 'itr-root-cause', type: 'string' },
  // The response (acceptance) clock (src/app/escalation/responseClock.ts): from creation, on the grade's
  // calendar (a default grade before triage); stopped by acceptance, deemed or not. The alert is the last
  // one the sweep sent for it (`warn` or `due`), so its JQL never finds the issue for it again.
  responseDueAt: { moduleKey: 'itr-response-due', type: 'datetime' },
  responseWarnAt: { moduleKey: 'itr-response-warn', type: 'datetime' },
  responseAlert: { moduleKey: 'itr-response-alert', type: 'string' },
  // The time rule the clocks run on (src/domain/sla/timeRule.ts): `problem` or `requirement`
  // times, stamped with them at triage, regrading and recalculation, so JQL finds requirement-time issues.
  timeRule: { moduleKey: 'itr-time-rule', type: 'string' },
} as const;

export type ItrFieldName = keyof typeof ITR_FIELDS;
export type ItrFieldIds = Readonly<Record<ItrFieldName, string>>;

export const ITR_FIELD_NAMES = Object.keys(ITR_FIELDS) as ItrFieldName[];
