/**
 * What a triage decision does to an issue, decided without I/O: from the checked decision, the issue's
 * fields as read and `now`, which ITR fields change (old → new, each a history row), whether the issue
 * enters a line (its clock starts) or stays in it, whom it is handed to, and what the response and
 * line clocks are recomputed from. `triageIssue` (./triage.ts) reads the facts, plans, then carries
 * the plan out (Jira's assignee, the line's entry, one bulk field write, dispatch, history).
 */
import type { AppFieldValueUpdate } from '../../adapters/jira';
import type { TriageDecision, TriageResult } from '../../contract/triage';
import type { ClassificationRecord, ItrKind, SupportLine, TimeRule } from '../../domain';
import { instantOf, nameOf, responseAlertOf } from '../escalation/responseClock';
import { encodeGradingAnswers } from '../fields/gradingAnswers';
import { accountIdOf, isClosed, textOf } from '../fields/issueState';
import type { ItrFieldIds, ItrFieldName } from '../fields/itrFields';
import { ItrError } from '../itrError';
import type { HistoryRow } from '../ports/classificationHistory';
import { TriageErrorCode } from './triageErrors';

/** A decision that passed every check against the table in force (`checkDecision`). */
export interface CheckedDecision {
  kind: ItrKind;
  line: SupportLine;
  graded: { grade: string; tableVersion: number };
  classification: ClassificationRecord;
  /** The time rule the classification and grade give under the table in force (stamped as `itr-time-rule`). */
  timeRule: TimeRule;
  /** Trimmed texts, undefined when not given. */
  product: string | undefined;
  region: string | undefined;
  tier: string | undefined;
}

/** One ITR field the decision sets: its old and new value as shown in the history, and what is written. */
export interface FieldChange {
  name: ItrFieldName;
  /** The history's name of the field; '' for one the history does not show (the table version). */
  historyField: string;
  old: string | null;
  next: string | number | { accountId: string } | null;
  shown: string | null;
  reason?: string | null;
}

/** The facts a plan is made from: the decision, the issue as read (its ITR fields, created, project, assignee, status) and the time. */
export interface TriageFacts {
  decision: TriageDecision;
  checked: CheckedDecision;
  /** The owner triage chose, trimmed and well-formed; null when the line's assignment (or the current owner) decides. */
  owner: string | null;
  issue: { id: string; key?: string | undefined; fields: Record<string, unknown> };
  ids: ItrFieldIds;
  now: Date;
}

export interface TriagePlan {
  issueId: string;
  issueKey: string;
  /** The issue enters `checked.line` now (a new line, or no entry time yet): its clock starts at `now`. */
  entersLine: boolean;
  /** When the issue entered the line it stays in (ISO); `now` when it enters one. */
  lineEnteredAt: string;
  /** The owner before triage. */
  currentOwner: string | null;
  /** A new owner chosen by triage, who must be allowed to browse the issue before it is handed over. */
  newOwner: string | null;
  /** The changed fields, in the order of the history. */
  changes: FieldChange[];
  /** Their values, for the one bulk write (the clocks' fields are added by the effects). */
  updates: AppFieldValueUpdate[];
  /**
   * The response clock, recomputed from creation on the new grade (its alert as last raised, so a
   * recompute does not raise it again); null when the issue has no creation time.
   */
  response: {
    grade: string;
    classification: string;
    projectKey: string | null;
    createdAt: Date;
    previousAlert: ReturnType<typeof responseAlertOf>;
  } | null;
  /** Same line, another grade: the line's deadlines are recomputed from when it entered the line. */
  lineClockFrom: Date | null;
  /** The answer, but for `lineEnteredAt`, which entering the line may set. */
  result: Omit<TriageResult, 'lineEnteredAt'>;
}

/** The history's text of a raw field value (an account id for a user value). */
function shownValue(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const acc = accountIdOf(v);
  if (acc !== null) return acc;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v);
}

/**
 * Whether triage onto `line` makes the issue enter it, starting the line's clock: another line, or no
 * entry time yet. A re-triage within the same line keeps the clock it has.
 */
export function entersLineOf(fields: Record<string, unknown>, ids: ItrFieldIds, line: SupportLine): boolean {
  return textOf(fields[ids.line]) !== line || fields[ids.lineEnteredAt] == null;
}

/**
 * Plans a triage decision on the issue as read. A closed issue is refused (TRIAGE_ISSUE_CLOSED): it
 * keeps what it was closed with.
 */
export function planTriage(facts: TriageFacts): TriagePlan {
  const { decision, checked, owner, issue, ids, now } = facts;
  const f = issue.fields;
  const issueKey = issue.key ?? decision.issueKey;
  if (isClosed(f))
    throw ItrError.of([
      { code: TriageErrorCode.IssueClosed, path: 'issueKey', message: `${decision.issueKey} is closed` },
    ]);
  const c = checked.classification;
  const classificationReason = c.deviation ? `${c.reason}: ${c.deviation.justification}` : c.reason;
  const tier = checked.tier ?? decision.answers['customerTier'];
  const currentOwner = accountIdOf(f[ids.owner]);
  const entersLine = entersLineOf(f, ids, checked.line);
  const answers = encodeGradingAnswers(decision.answers);
  const wanted: FieldChange[] = [
    { name: 'kind', historyField: 'kind', old: textOf(f[ids.kind]), next: checked.kind, shown: checked.kind },
    {
      name: 'classification',
      historyField: 'classification',
      old: textOf(f[ids.classification]),
      next: c.classification,
      shown: c.classification,
      reason: classificationReason,
    },
    {
      name: 'gradingAnswers',
      historyField: 'answers',
      old: textOf(f[ids.gradingAnswers]),
      next: answers,
      shown: answers,
    },
    {
      name: 'grade',
      historyField: 'grade',
      old: textOf(f[ids.grade]),
      next: checked.graded.grade,
      shown: checked.graded.grade,
      reason: `table v${checked.graded.tableVersion}`,
    },
    {
      name: 'gradingTableVersion',
      historyField: '',
      old: shownValue(f[ids.gradingTableVersion]),
      next: checked.graded.tableVersion,
      shown: String(checked.graded.tableVersion),
    },
    { name: 'line', historyField: 'line', old: textOf(f[ids.line]), next: checked.line, shown: checked.line },
    // The rule the clocks run on, stamped for JQL; the classification's and grade's rows explain it.
    {
      name: 'timeRule',
      historyField: '',
      old: textOf(f[ids.timeRule]),
      next: checked.timeRule,
      shown: checked.timeRule,
    },
    // No owner chosen: entering a line, the line's assignment decides (ownerFromLine); within the
    // same line, the owner (and Jira's assignee) stay.
    ...(owner === null
      ? []
      : [
          {
            name: 'owner' as const,
            historyField: 'owner',
            old: currentOwner,
            next: { accountId: owner },
            shown: owner,
          },
        ]),
    {
      name: 'acceptance',
      historyField: 'acceptance',
      old: textOf(f[ids.acceptance]),
      next: 'awaiting',
      shown: 'awaiting',
    },
  ];
  const optional: Array<[ItrFieldName, string | undefined]> = [
    ['customerTier', tier],
    ['warranty', decision.warranty],
    ['product', checked.product],
    ['region', checked.region],
  ];
  for (const [name, value] of optional)
    if (value !== undefined)
      wanted.push({ name, historyField: name, old: textOf(f[ids[name]]), next: value, shown: value });
  const changes = wanted.filter((w) => w.old !== w.shown);
  const lineEnteredAt = entersLine ? now.toISOString() : String(f[ids.lineEnteredAt]);
  const enteredAt = new Date(lineEnteredAt);
  const createdAt = instantOf(f['created']);
  return {
    issueId: issue.id,
    issueKey,
    entersLine,
    lineEnteredAt,
    currentOwner,
    newOwner: owner !== null && owner !== currentOwner ? owner : null,
    changes,
    updates: changes.map((w) => ({ fieldId: ids[w.name], issueIds: [issue.id], value: w.next })),
    response:
      createdAt === null
        ? null
        : {
            grade: checked.graded.grade,
            classification: c.classification,
            projectKey: nameOf(f['project'], 'key'),
            createdAt,
            previousAlert: responseAlertOf(f[ids.responseAlert]),
          },
    lineClockFrom:
      !entersLine && textOf(f[ids.grade]) !== checked.graded.grade && !Number.isNaN(enteredAt.getTime())
        ? enteredAt
        : null,
    result: {
      issueKey,
      kind: checked.kind,
      classification: c.classification,
      classificationReason: c.reason,
      grade: checked.graded.grade,
      tableVersion: checked.graded.tableVersion,
      line: checked.line,
    },
  };
}

/**
 * The owner change the line's assignment made on entering it, when triage chose nobody: a history row
 * like any other field's, with no reason (the line's rule is the reason). Null when nothing changed.
 */
export function ownerFromLine(plan: TriagePlan, owner: string | null, holder: string | null): FieldChange | null {
  if (!plan.entersLine || owner !== null || holder === plan.currentOwner) return null;
  return {
    name: 'owner',
    historyField: 'owner',
    old: plan.currentOwner,
    next: holder === null ? null : { accountId: holder },
    shown: holder,
    reason: null,
  };
}

/** The history rows of the changes (the table version is not one: the grade's row names it). */
export function historyRows(plan: TriagePlan, changes: readonly FieldChange[], actor: string, at: Date): HistoryRow[] {
  return changes
    .filter((w) => w.historyField !== '')
    .map((w) => ({
      issueId: plan.issueId,
      issueKey: plan.issueKey,
      field: w.historyField,
      oldValue: w.old,
      newValue: w.shown,
      reason: w.reason ?? null,
      actorAccountId: actor,
      at,
    }));
}
