/**
 * What escalation says on the issue (one comment, mentioning the people to tell) and, for groups only,
 * in an email (`/notify`), in the site's language. Internal wording only: sales speaks to the customer
 * (itr-process.md §4).
 */
import type { AdfDocument } from '../../adapters/jira';
import { SUPPORT_LINE_LABELS, type SupportLine } from '../../domain';
import type { ActionKind } from '../ports/escalationActions';

export type SiteLocale = 'en' | 'zh-CN';

export interface ActionMessage {
  subject: string;
  text: string;
}

function label(line: SupportLine, locale: SiteLocale): string {
  return SUPPORT_LINE_LABELS[line][locale];
}

function stamp(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function actionMessage(
  issueKey: string,
  a: { action: ActionKind; line: SupportLine; toLine: SupportLine | null; dueAt: Date | null },
  locale: SiteLocale,
): ActionMessage {
  const from = label(a.line, locale);
  const due = a.dueAt === null ? '' : stamp(a.dueAt);
  if (locale === 'zh-CN') {
    switch (a.action) {
      case 'warn':
        return {
          subject: `[ITR] ${issueKey} 即将超时（${from}）`,
          text: `${from}的处理时限即将用完${due ? `，将于 ${due} 到期` : ''}。到期未解决将自动升级。`,
        };
      case 'escalate':
        return {
          subject: `[ITR] ${issueKey} 已升级到${label(a.toLine ?? a.line, locale)}`,
          text: `${from}的处理时限已于 ${due} 用完，问题已按时间规则自动升级到${label(a.toLine ?? a.line, locale)}。`,
        };
      case 'breach':
        return {
          subject: `[ITR] ${issueKey} 已超出对客户承诺的时限`,
          text: `三线的处理时限已于 ${due} 用完：对客户承诺的解决时限已违约，请管理层介入。`,
        };
    }
  }
  switch (a.action) {
    case 'warn':
      return {
        subject: `[ITR] ${issueKey} is about to time out on ${from}`,
        text: `${from} has used most of its time${due ? `; it runs out at ${due}` : ''}. If the issue is not solved by then it escalates automatically.`,
      };
    case 'escalate':
      return {
        subject: `[ITR] ${issueKey} escalated to ${label(a.toLine ?? a.line, 'en')}`,
        text: `${from}'s time ran out at ${due}; by the time rule the issue moved to ${label(a.toLine ?? a.line, 'en')}.`,
      };
    case 'breach':
      return {
        subject: `[ITR] ${issueKey} breached the promise to the customer`,
        text: `Line 3's time ran out at ${due}: the resolution time promised to the customer is broken. Management is notified.`,
      };
  }
}

/** The email to a line's group when an issue enters the line and nobody could be assigned. */
export function unassignedEntryMessage(line: SupportLine, locale: SiteLocale): ActionMessage {
  const l = label(line, locale);
  return locale === 'zh-CN'
    ? { subject: `[ITR] 问题进入${l}，暂无处理人`, text: `问题已进入${l}，但没有可指派的处理人。请组内成员认领。` }
    : {
        subject: `[ITR] An issue entered ${l} with nobody assigned`,
        text: `The issue entered ${l} and nobody could be assigned. Someone in the group, please take it.`,
      };
}

/** What entering the line did in Jira besides the line itself, for the escalation comment to say. */
export interface LineMoveNote {
  /** The status the line maps to, which the workflow did not let the issue move to; null = none missed. */
  statusNotMoved: string | null;
  /** Nobody took the issue and this group is told instead; null = someone took it, or no group. */
  unassignedGroup: string | null;
}

/** Adds to an escalation's text what the line could not do in Jira, in the site's language. */
export function withMoveNote(m: ActionMessage, note: LineMoveNote, locale: SiteLocale): ActionMessage {
  const parts: string[] = [m.text];
  if (note.unassignedGroup !== null) {
    parts.push(
      locale === 'zh-CN'
        ? `该问题暂无处理人，已通知组“${note.unassignedGroup}”。`
        : `Nobody is assigned yet; the group "${note.unassignedGroup}" is told.`,
    );
  }
  if (note.statusNotMoved !== null) {
    parts.push(
      locale === 'zh-CN'
        ? `未能将问题转到状态“${note.statusNotMoved}”：工作流在当前状态下不允许此转换，请手动处理。`
        : `The issue could not be moved to the status "${note.statusNotMoved}": the workflow does not allow that transition from its current status. Please move it by hand.`,
    );
  }
  return { subject: m.subject, text: parts.join(locale === 'zh-CN' ? '' : ' ') };
}

/**
 * The comment, with an ADF `mention` of every account in `mention`: Jira itself notifies mentioned
 * users (in-app and by email, if they may browse the issue), so telling people costs no request beyond
 * the comment. Jira renders each mention with the user's current name (`text` is only a fallback).
 */
export function commentDocument(m: ActionMessage, mention: readonly string[] = []): AdfDocument {
  const content: unknown[] = [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: m.subject, marks: [{ type: 'strong' }] },
        { type: 'text', text: ` ${m.text}` },
      ],
    },
  ];
  if (mention.length > 0) {
    content.push({
      type: 'paragraph',
      content: mention.flatMap((accountId, i) => [
        ...(i > 0 ? [{ type: 'text', text: ' ' }] : []),
        { type: 'mention', attrs: { id: accountId } },
      ]),
    });
  }
  return { type: 'doc', version: 1, content };
}
