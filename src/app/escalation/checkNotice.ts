/**
 * What a claimed escalation side effect says and to whom, as a value: the comment's message and the
 * people it mentions (Jira notifies them), the groups to `/notify` (ADF cannot mention a group), and for
 * an escalation the assignee and status move that carries the comment. processCheck.ts sends it.
 */
import type { LineHolder, SupportLine } from '../../domain';
import type { ItrConfig } from '../config/itrConfig';
import { planMove, type IssueInJira, type MovePlan } from './jiraMove';
import { issueTimeRule, lineClock, type EscalationIssue } from './lineClock';
import { actionMessage, type ActionMessage } from './messages';
import { linePauses, type LinePause } from './pauses';
import type { EscalationSettings } from './settings';
import type { OwnedAction } from '../ports/escalationActions';

export interface CheckNotice {
  message: ActionMessage;
  /** Mentioned in the comment. */
  users: string[];
  /** Told by `/notify`; empty = no request. */
  groups: string[];
  /** An escalation with a known holder: the comment rides on the move (src/app/escalation/jiraMove.ts). */
  move: { plan: MovePlan; unassignedGroup: string | null } | null;
}

export interface NoticeFacts {
  config: ItrConfig;
  settings: EscalationSettings;
  pauses: Map<string, LinePause[]>;
  /** The holders this run looked up for the issues it escalated, by issue id. */
  decidedHolders: ReadonlyMap<string, LineHolder>;
}

function recipients(
  settings: EscalationSettings,
  a: OwnedAction,
  holder: LineHolder | undefined,
): { users: string[]; groups: string[] } {
  if (a.action === 'breach') return { users: settings.managementAccountIds, groups: settings.managementGroups };
  const line: SupportLine = a.action === 'escalate' && a.toLine !== null ? a.toLine : a.line;
  const r = settings.lines[line];
  const users = [...new Set([...(holder?.holder == null ? [] : [holder.holder]), ...r.notifyAccountIds])];
  const groups = [...new Set([...r.notifyGroups, ...(holder?.notifyGroup == null ? [] : [holder.notifyGroup])])];
  return { users, groups };
}

/**
 * Who holds an escalated issue: decided in this run, or (a claim taken over from a run that died after
 * writing the fields) the owner field that run wrote, when the issue is still on that line.
 */
function holderOfEscalation(
  decided: ReadonlyMap<string, LineHolder>,
  issue: EscalationIssue,
  a: OwnedAction,
): LineHolder | undefined {
  const now = decided.get(issue.id);
  if (now !== undefined) return now;
  if (issue.line !== a.toLine) return undefined;
  return { holder: issue.ownerAccountId, notifyGroup: null };
}

/**
 * The notice for one claimed action; null when its issue was not read back (closed since) or lost its
 * grade: there is nothing true to say, and the claim is simply marked done.
 */
export function noticeOf(
  a: OwnedAction,
  issue: (EscalationIssue & { jira: IssueInJira }) | undefined,
  facts: NoticeFacts,
): CheckNotice | null {
  if (issue === undefined || issue.grade === null) return null;
  const { config, settings } = facts;
  const dueAt = lineClock(
    config,
    issue.grade,
    a.line,
    a.lineEnteredAt,
    linePauses(facts.pauses, issue.id, a.line),
    issueTimeRule(config, issue, issue.grade),
  ).dueAt;
  const message = actionMessage(
    issue.key,
    { action: a.action, line: a.line, toLine: a.toLine, dueAt },
    settings.locale,
  );
  const holder = a.action === 'escalate' ? holderOfEscalation(facts.decidedHolders, issue, a) : undefined;
  const { users, groups } = recipients(settings, a, holder);
  const move =
    holder === undefined || a.toLine === null
      ? null
      : {
          plan: planMove(issue.jira, { holder: holder.holder, statusName: settings.lines[a.toLine].statusName }),
          unassignedGroup: holder.holder === null ? holder.notifyGroup : null,
        };
  return { message, users, groups, move };
}
