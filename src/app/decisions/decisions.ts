/**
 * Decisions that are not one person's, on one issue (issue 17): the iron triangle's collective
 * decision (铁三角), actions that cost money and their approval, clarification with the submitter.
 * Load → decide (src/domain/decisions) → save (src/app/ports/decisions.ts, Forge SQL, app-only writes).
 *
 * Trust: the issue is read as the caller (a person who cannot see it gets ISSUE_NOT_FOUND); who may
 * sign for a role or approve a cost is the admin's groups (KVS `config:decisions`) against the
 * caller's groups as Jira reports them to the caller (`GET /myself?expand=groups`), never a payload.
 * The submitter is the app's own read-only field, never the editable reporter.
 *
 * Escalation waits on no one: nothing here touches the line's clock except the clarification's pause,
 * which is the same pause as waiting for the customer (src/app/escalation/pauses.ts). A pending
 * decision or cost approval changes no due time.
 */
import { jiraAsApp, jiraAsUser, type AdfDocument, type JiraClient } from '../../adapters/jira';
import type { PersonName } from '../../contract/people';
import type {
  ClarificationView,
  CostActionView,
  CostMoveId,
  CostSummaryView,
  DecisionsView,
  OpenDecisionPayload,
  SignDecisionPayload,
} from '../../contract/decisions';
import {
  CLARIFICATION_TEXT_MAX,
  clarificationText,
  costTotals,
  isDecisionLevel,
  decisionReasons,
  decisionState,
  isDecisionRole,
  mayAnswer,
  moveNeedsApprover,
  nextCostStatus,
  openQuestion,
  signOffRefusal,
  validateCostRequest,
  type CostRequestInput,
  type CostStatus,
} from '../../domain/decisions';
import { browsableProjectKeys } from '../analytics/callerScope';
import { loadAnalyticsSettings } from '../analytics/settings';
import { NotAuthorizedError } from '../auth/authorization';
import { platformDeps as escalationDeps } from '../escalation/deps';
import { pauseClocks, resumeUnlessHeld } from '../escalation/pauses';
import { lookUpFieldIds } from '../fields/fieldIds';
import { accountIdOf, textOf } from '../fields/issueState';
import { ItrError, issueNotFound, type Problem } from '../itrError';
import { namesOf, personName } from '../people/displayNames';
import { repositories } from '../ports';
import type { ClarificationRecord, CostActionRecord, DecisionRecord, SignOffRecord } from '../ports/decisions';
import { isCostApprover, loadDecisionSettings, rolesOf, type DecisionSettings } from './settings';

/** Characters of a proposal (itr_decision.proposal) and of a note (sign-off, cost decision). */
export const PROPOSAL_MAX = 2000;
export const NOTE_MAX = 1000;

export interface DecisionDeps {
  asCaller: () => JiraClient;
  asApp: () => JiraClient;
  now: () => Date;
  settings: () => Promise<DecisionSettings>;
  /** Stops and restarts the issue's clocks (the waiting-for-customer pause). */
  pause: (issueId: string, at: Date) => Promise<unknown>;
  /** The answer ended the question's hold: restarts the clocks unless something else still holds them. */
  resume: (issueId: string, at: Date, status: string | null) => Promise<unknown>;
}

export const platformDecisionDeps: DecisionDeps = {
  asCaller: () => jiraAsUser(),
  asApp: () => jiraAsApp(),
  now: () => new Date(),
  settings: async () => (await loadDecisionSettings()).settings,
  pause: (issueId, at) => pauseClocks(issueId, at, escalationDeps()),
  resume: (issueId, at, status) => resumeUnlessHeld(issueId, 'clarification', status, at, escalationDeps()),
};

interface LoadedIssue {
  id: string;
  key: string;
  grade: string | null;
  submitter: string | null;
  assignee: string | null;
  status: string | null;
}

async function readIssue(issueKey: string, deps: DecisionDeps): Promise<LoadedIssue> {
  const ids = await lookUpFieldIds(deps.asApp());
  const raw = await deps
    .asCaller()
    .getIssue(issueKey, { fields: [ids.grade, ids.submitter, 'assignee', 'status'] })
    .catch(issueNotFound(issueKey));
  const status = raw.fields['status'];
  return {
    id: raw.id,
    key: raw.key ?? issueKey,
    grade: textOf(raw.fields[ids.grade]),
    submitter: accountIdOf(raw.fields[ids.submitter]),
    assignee: accountIdOf(raw.fields['assignee']),
    status:
      typeof status === 'object' && status !== null && typeof (status as Record<string, unknown>)['name'] === 'string'
        ? ((status as Record<string, unknown>)['name'] as string)
        : null,
  };
}

async function requireEditor(issueKey: string, accountId: string | undefined, deps: DecisionDeps): Promise<string> {
  if (accountId === undefined) throw new NotAuthorizedError('EDIT_ISSUES');
  const granted = await deps.asCaller().myPermissions(['EDIT_ISSUES'], { issueKey });
  if (granted['EDIT_ISSUES'] !== true) throw new NotAuthorizedError('EDIT_ISSUES');
  return accountId;
}

async function callerGroups(accountId: string | undefined, deps: DecisionDeps): Promise<string[]> {
  return accountId === undefined ? [] : (await deps.asCaller().getMyself({ groups: true })).groups;
}

/** A text the person typed: trimmed, required, at most `max` characters; refused (never cut) otherwise. */
function typedText(value: string, path: string, max: number, required = true): string {
  const text = value.trim();
  if (required && text === '') throw new ItrError('DECISION_TEXT_REQUIRED', `${path} is required`, { path });
  const size = [...text].length;
  if (size > max)
    throw new ItrError('DECISION_TEXT_TOO_LONG', `${path} is over ${max} characters`, { path, params: { size, max } });
  return text;
}

/** Departments of the people involved: the submitter, the assignee and every line holder so far. */
async function involvedDepartments(issue: LoadedIssue): Promise<string[]> {
  const { departments } = (await loadAnalyticsSettings()).value;
  const stays = await repositories().lineHistory.staysOf(issue.id);
  const people = [issue.submitter, issue.assignee, ...stays.map((s) => s.holderAccountId)];
  return people.flatMap((p) => (p !== null && departments[p] !== undefined ? [departments[p]] : []));
}

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

/** The panel's view of the issue's decisions, people by name (read as the caller). */
export async function getDecisions(
  issueKey: string,
  accountId: string | undefined,
  deps: DecisionDeps = platformDecisionDeps,
): Promise<DecisionsView> {
  if (accountId === undefined) throw new NotAuthorizedError('BROWSE_PROJECTS');
  const issue = await readIssue(issueKey, deps);
  return viewOf(issue, accountId, deps);
}

async function viewOf(issue: LoadedIssue, accountId: string | undefined, deps: DecisionDeps): Promise<DecisionsView> {
  const settings = await deps.settings();
  const repo = repositories().decisions;
  const [decision, costs, questions, groups, departments] = await Promise.all([
    repo.decisionOf(issue.id),
    repo.costActionsOf(issue.id),
    repo.clarificationsOf(issue.id),
    callerGroups(accountId, deps),
    involvedDepartments(issue),
  ]);
  const people = [
    ...(decision === undefined ? [] : [decision.decision.openedBy, ...decision.signOffs.map((s) => s.by)]),
    ...costs.flatMap((c) => [c.requestedBy, c.decidedBy, c.doneBy]),
    ...questions.flatMap((q) => [q.askedBy, q.submitter, q.answeredBy]),
    issue.submitter,
  ].filter((p): p is string => p !== null);
  const names = await namesOf(deps.asCaller(), people);
  const who = (id: string): PersonName => personName(names, id);
  const whoOrNull = (id: string | null): PersonName | null => (id === null ? null : who(id));
  return {
    issueKey: issue.key,
    ironTriangle: {
      reasons: decisionReasons(settings, { grade: issue.grade, departments }),
      decision: decision === undefined ? null : decisionView(decision.decision, decision.signOffs, who),
      viewerRoles: rolesOf(groups, settings),
    },
    costs: {
      items: costs.map((c) => costView(c, who, whoOrNull)),
      viewerMayApprove: isCostApprover(groups, settings),
    },
    clarification: {
      items: questions.map((q) => clarificationView(q, who, whoOrNull)),
      submitter: whoOrNull(issue.submitter),
      viewerIsSubmitter: mayAnswer(issue.submitter, accountId),
    },
  };
}

function decisionView(
  d: DecisionRecord,
  signOffs: SignOffRecord[],
  who: (id: string) => PersonName,
): NonNullable<DecisionsView['ironTriangle']['decision']> {
  const state = decisionState(signOffs, d.money);
  return {
    proposal: d.proposal,
    money: d.money,
    openedBy: who(d.openedBy),
    openedAt: d.openedAt.toISOString(),
    status: state.status,
    agreedRoles: state.agreedRoles,
    rolesMissing: state.rolesMissing,
    moneyRoleMissing: state.moneyRoleMissing,
    highestLevel: state.highestLevel,
    agreedAt: iso(d.agreedAt),
    qualityInformedAt: iso(d.qualityInformedAt),
    signOffs: signOffs.map((s) => ({
      role: s.role,
      level: s.level,
      verdict: s.verdict,
      note: s.note,
      by: who(s.by),
      at: s.at.toISOString(),
    })),
  };
}

function costView(
  c: CostActionRecord,
  who: (id: string) => PersonName,
  whoOrNull: (id: string | null) => PersonName | null,
): CostActionView {
  return {
    id: c.id,
    kind: c.kind,
    amountMinor: c.amountMinor,
    currency: c.currency,
    description: c.description,
    status: c.status,
    requestedBy: who(c.requestedBy),
    requestedAt: c.requestedAt.toISOString(),
    decidedBy: whoOrNull(c.decidedBy),
    decidedAt: iso(c.decidedAt),
    decisionNote: c.decisionNote,
    doneBy: whoOrNull(c.doneBy),
    doneAt: iso(c.doneAt),
  };
}

function clarificationView(
  q: ClarificationRecord,
  who: (id: string) => PersonName,
  whoOrNull: (id: string | null) => PersonName | null,
): ClarificationView {
  return {
    id: q.id,
    question: q.question,
    askedBy: who(q.askedBy),
    askedAt: q.askedAt.toISOString(),
    submitter: who(q.submitter),
    answer: q.answer,
    answeredBy: whoOrNull(q.answeredBy),
    answeredAt: iso(q.answeredAt),
    answeredVia: q.answeredVia,
  };
}

// ----- iron triangle --------------------------------------------------------------------------------

/** Opens the issue's collective decision (an editor of the issue, when the admin's rule asks for one). */
export async function openDecision(
  payload: Omit<OpenDecisionPayload, 'issueKey'> & { issueKey: string },
  accountId: string | undefined,
  deps: DecisionDeps = platformDecisionDeps,
): Promise<DecisionsView> {
  const issue = await readIssue(payload.issueKey, deps);
  const by = await requireEditor(issue.key, accountId, deps);
  const proposal = typedText(payload.proposal, 'proposal', PROPOSAL_MAX);
  const settings = await deps.settings();
  if (decisionReasons(settings, { grade: issue.grade, departments: await involvedDepartments(issue) }).length === 0)
    throw new ItrError('DECISION_NOT_NEEDED', `${issue.key} needs no collective decision under the admin's rule`, {
      params: { issueKey: issue.key },
    });
  const opened = await repositories().decisions.openDecision({
    issueId: issue.id,
    issueKey: issue.key,
    proposal,
    money: payload.money,
    openedBy: by,
    openedAt: deps.now(),
    agreedAt: null,
    qualityInformedAt: null,
  });
  if (!opened)
    throw new ItrError('DECISION_ALREADY_OPEN', `${issue.key} already has a collective decision`, {
      params: { issueKey: issue.key },
    });
  return viewOf(issue, accountId, deps);
}

/**
 * One role's sign-off, by a member of that role's groups. When the decision comes to hold, it is
 * recorded as agreed once and the quality group is told (a comment on the issue and a notification).
 */
export async function signDecision(
  payload: Omit<SignDecisionPayload, 'level'> & { level: number },
  accountId: string | undefined,
  deps: DecisionDeps = platformDecisionDeps,
): Promise<DecisionsView> {
  const issue = await readIssue(payload.issueKey, deps);
  if (accountId === undefined) throw new NotAuthorizedError('ITR_DECISION_ROLE');
  if (!isDecisionRole(payload.role)) throw new ItrError('INVALID_PAYLOAD', 'unknown role', { path: 'role' });
  const settings = await deps.settings();
  if (!rolesOf(await callerGroups(accountId, deps), settings).includes(payload.role))
    throw new ItrError('DECISION_NOT_ROLE_MEMBER', `the caller may not sign for ${payload.role}`, {
      params: { role: payload.role },
    });
  const note = typedText(payload.note, 'note', NOTE_MAX, payload.verdict === 'object');
  const repo = repositories().decisions;
  const current = await repo.decisionOf(issue.id);
  if (current === undefined)
    throw new ItrError('DECISION_NOT_OPEN', `${issue.key} has no collective decision`, {
      params: { issueKey: issue.key },
    });
  const level = payload.level;
  if (!isDecisionLevel(level))
    throw new ItrError('DECISION_LEVEL_OUT_OF_RANGE', `level ${level} is not 1 to 3`, {
      path: 'level',
      params: { max: 3 },
    });
  const refusal = signOffRefusal(current.signOffs, current.decision.money, { level });
  if (refusal !== null)
    throw new ItrError(refusal, `sign-off refused: ${refusal}`, { path: 'level', params: { max: 3 } });
  const at = deps.now();
  const signOff: SignOffRecord = { role: payload.role, level, verdict: payload.verdict, note, by: accountId, at };
  await repo.addSignOff(issue.id, signOff);
  const state = decisionState([...current.signOffs, signOff], current.decision.money);
  if (state.status === 'agreed' && (await repo.markAgreed(issue.id, at))) {
    await informQuality(issue, current.decision, [...current.signOffs, signOff], settings, deps);
    await repo.markQualityInformed(issue.id, deps.now());
  }
  return viewOf(issue, accountId, deps);
}

/** Quality is told of every collective decision (itr-process §4): a comment on the issue, a notification. */
async function informQuality(
  issue: LoadedIssue,
  decision: DecisionRecord,
  signOffs: readonly SignOffRecord[],
  settings: DecisionSettings,
  deps: DecisionDeps,
): Promise<void> {
  const app = deps.asApp();
  const names = await namesOf(
    app,
    signOffs.map((s) => s.by),
  );
  const lines = signOffs
    .filter((s) => s.verdict === 'agree')
    .map(
      (s) =>
        `${s.role} (level ${s.level}): ${names.get(s.by) ?? 'unknown person'}, ${s.at.toISOString().slice(0, 16)}Z`,
    );
  const text = `Collective decision (iron triangle / 铁三角) agreed: ${decision.proposal}\nSigned: ${lines.join('; ')}`;
  await app.addComment(issue.key, paragraphs(text));
  if (settings.qualityGroup !== null)
    await app.notifyIssue(issue.key, {
      subject: `${issue.key}: collective decision agreed / 铁三角决策已通过`,
      textBody: text,
      to: { groups: [settings.qualityGroup] },
    });
}

function paragraphs(text: string, mention?: { accountId: string; name: string }): AdfDocument {
  const content: Array<Record<string, unknown>> = text.split('\n').map((line, i) => ({
    type: 'paragraph',
    content: [
      ...(i === 0 && mention !== undefined
        ? [
            { type: 'mention', attrs: { id: mention.accountId, text: `@${mention.name}` } },
            { type: 'text', text: ' ' },
          ]
        : []),
      { type: 'text', text: line },
    ],
  }));
  return { type: 'doc', version: 1, content };
}

// ----- cost approval --------------------------------------------------------------------------------

/** Marks an action that costs money; it waits for an approver before it may be carried out. */
export async function requestCost(
  payload: CostRequestInput & { issueKey: string },
  accountId: string | undefined,
  deps: DecisionDeps = platformDecisionDeps,
): Promise<DecisionsView> {
  const issue = await readIssue(payload.issueKey, deps);
  const by = await requireEditor(issue.key, accountId, deps);
  const checked = validateCostRequest(payload);
  if (!checked.ok) {
    const problems: Problem[] = checked.issues.map((i) => ({
      code: i.code,
      message: `${i.path}: ${i.code}`,
      path: i.path,
      ...(i.params === undefined ? {} : { params: i.params }),
    }));
    throw ItrError.of([
      { code: 'COST_INVALID', message: 'the cost request is refused', params: { count: problems.length } },
      ...problems,
    ]);
  }
  await repositories().decisions.requestCost({
    issueId: issue.id,
    issueKey: issue.key,
    ...checked.value,
    status: 'pending',
    requestedBy: by,
    requestedAt: deps.now(),
  });
  return viewOf(issue, accountId, deps);
}

/**
 * Approves or refuses a pending action (members of the approver groups only), or marks an approved one
 * carried out (an editor of the issue). Two approvers at once: the first wins, the second is refused.
 */
export async function moveCost(
  payload: { issueKey: string; costId: string; move: CostMoveId; note: string },
  accountId: string | undefined,
  deps: DecisionDeps = platformDecisionDeps,
): Promise<DecisionsView> {
  const issue = await readIssue(payload.issueKey, deps);
  if (accountId === undefined) throw new NotAuthorizedError('ITR_COST_APPROVER');
  if (moveNeedsApprover(payload.move)) {
    if (!isCostApprover(await callerGroups(accountId, deps), await deps.settings()))
      throw new ItrError('COST_NOT_APPROVER', 'only members of the cost approver groups may approve or refuse', {
        params: { required: 'ITR_COST_APPROVER' },
      });
  } else await requireEditor(issue.key, accountId, deps);
  const note = typedText(payload.note, 'note', NOTE_MAX, payload.move === 'refuse');
  const repo = repositories().decisions;
  const action = (await repo.costActionsOf(issue.id)).find((c) => c.id === payload.costId);
  if (action === undefined)
    throw new ItrError('COST_NOT_FOUND', `no cost action ${payload.costId} on ${issue.key}`, { path: 'costId' });
  const to: CostStatus | null = nextCostStatus(action.status, payload.move);
  const moved =
    to !== null &&
    (await repo.moveCost(issue.id, action.id, action.status, to, accountId, deps.now(), note === '' ? null : note));
  if (!moved)
    throw new ItrError('COST_MOVE_NOT_ALLOWED', `cost action ${action.id} is ${action.status}`, {
      params: { status: action.status },
    });
  return viewOf(issue, accountId, deps);
}

/**
 * Supervision's cost figures: count and amount per status (amounts apart by currency), over the issues
 * of the projects the caller may browse (asked of Jira as the caller).
 */
export async function costSummary(
  accountId: string | undefined,
  deps: DecisionDeps = platformDecisionDeps,
): Promise<CostSummaryView> {
  const projects = await browsableProjectKeys(accountId, deps.asCaller());
  return costTotals(await repositories().decisions.costSummary(projects));
}

// ----- clarification with the submitter -------------------------------------------------------------

/**
 * "Needs information": asks the submitter a question (a comment naming them, as the caller, and a
 * notification to them) and stops the issue's clocks until they answer (the waiting-for-customer pause).
 */
export async function askSubmitter(
  payload: { issueKey: string; question: string },
  accountId: string | undefined,
  deps: DecisionDeps = platformDecisionDeps,
): Promise<DecisionsView> {
  const issue = await readIssue(payload.issueKey, deps);
  const by = await requireEditor(issue.key, accountId, deps);
  const question = checkedText(payload.question, 'question');
  if (issue.submitter === null)
    throw new ItrError('CLARIFICATION_NO_SUBMITTER', `${issue.key} has no recorded submitter`, {
      params: { issueKey: issue.key },
    });
  const repo = repositories().decisions;
  if (openQuestion(await repo.clarificationsOf(issue.id)) !== undefined)
    throw new ItrError('CLARIFICATION_ALREADY_OPEN', `${issue.key} already waits for the submitter`, {
      params: { issueKey: issue.key },
    });
  const at = deps.now();
  await repo.askClarification({ issueId: issue.id, question, askedBy: by, askedAt: at, submitter: issue.submitter });
  const name = (await namesOf(deps.asApp(), [issue.submitter])).get(issue.submitter) ?? '';
  await deps
    .asCaller()
    .addComment(
      issue.key,
      paragraphs(`Information needed / 需要补充信息: ${question}`, { accountId: issue.submitter, name }),
    );
  await deps.asApp().notifyIssue(issue.key, {
    subject: `${issue.key}: information needed / 需要补充信息`,
    textBody: `${name}, please answer on the issue: ${question}`,
    to: { users: [issue.submitter] },
  });
  await deps.pause(issue.id, at);
  return viewOf(issue, accountId, deps);
}

/** A question or an answer: required, at most CLARIFICATION_TEXT_MAX characters (the domain's rule). */
function checkedText(v: string, path: string): string {
  const t = clarificationText(v);
  return t.ok ? t.value : typedText(v, path, CLARIFICATION_TEXT_MAX);
}

/** The submitter answers in the panel: recorded, posted as their comment, the clocks restart. */
export async function answerSubmitter(
  payload: { issueKey: string; answer: string },
  accountId: string | undefined,
  deps: DecisionDeps = platformDecisionDeps,
): Promise<DecisionsView> {
  const issue = await readIssue(payload.issueKey, deps);
  // Who may answer first: only the submitter is asked, whatever else holds.
  if (!mayAnswer(issue.submitter, accountId))
    throw new ItrError('CLARIFICATION_NOT_SUBMITTER', 'only the submitter answers', {
      params: { issueKey: issue.key },
    });
  const answer = checkedText(payload.answer, 'answer');
  const open = openQuestion(await repositories().decisions.clarificationsOf(issue.id));
  if (open === undefined)
    throw new ItrError('CLARIFICATION_NOT_OPEN', `${issue.key} waits for no answer`, {
      params: { issueKey: issue.key },
    });
  if (!mayAnswer(open.submitter, accountId) || accountId === undefined)
    throw new ItrError('CLARIFICATION_NOT_SUBMITTER', 'only the submitter answers', {
      params: { issueKey: issue.key },
    });
  await recordAnswer(issue, open, { text: answer, by: accountId, via: 'panel' }, deps);
  await deps.asCaller().addComment(issue.key, paragraphs(`Answer / 答复: ${answer}`));
  return viewOf(issue, accountId, deps);
}

async function recordAnswer(
  issue: LoadedIssue,
  open: ClarificationRecord,
  answer: { text: string; by: string; via: 'panel' | 'comment' },
  deps: DecisionDeps,
): Promise<boolean> {
  const at = deps.now();
  const recorded = await repositories().decisions.answerClarification(issue.id, open.id, { ...answer, at });
  // Not while the issue still waits for the customer or a value assessment is pending (the shared pause).
  if (recorded) await deps.resume(issue.id, at, issue.status);
  return recorded;
}

/**
 * The submitter answered with a Jira comment (`avi:jira:commented:issue`): a comment by the submitter
 * the open question names, after it was asked, is the answer. Anyone else's comment changes nothing.
 * The author is the comment's as Jira holds it, read again as the app by the `issue-commented` trigger
 * (src/app/decisions/commentAnswer.ts), never the event's payload or something the comment says.
 */
export async function answerFromComment(
  issueId: string,
  comment: { authorAccountId: string; text: string; createdAt: Date },
  deps: DecisionDeps = platformDecisionDeps,
): Promise<'answered' | 'ignored'> {
  const open = openQuestion(await repositories().decisions.clarificationsOf(issueId));
  if (open === undefined || open.submitter !== comment.authorAccountId) return 'ignored';
  if (comment.createdAt.getTime() < open.askedAt.getTime()) return 'ignored';
  const text = comment.text.trim().slice(0, 2000);
  const ids = await lookUpFieldIds(deps.asApp());
  const raw = await deps.asApp().getIssue(issueId, { fields: [ids.submitter, 'status'] });
  const status = raw.fields['status'];
  const issue: LoadedIssue = {
    id: raw.id,
    key: raw.key ?? issueId,
    grade: null,
    submitter: open.submitter,
    assignee: null,
    status:
      typeof status === 'object' && status !== null && typeof (status as Record<string, unknown>)['name'] === 'string'
        ? ((status as Record<string, unknown>)['name'] as string)
        : null,
  };
  const done = await recordAnswer(
    issue,
    open,
    { text: text === '' ? '—' : text, by: comment.authorAccountId, via: 'comment' },
    deps,
  );
  return done ? 'answered' : 'ignored';
}
