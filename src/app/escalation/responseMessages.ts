/**
 * What the response clock's alerts say on the issue (one comment mentioning the owner) and, to the
 * triage groups, in an email (`/notify`), in the site's language. Internal wording only.
 */
import type { ActionMessage, SiteLocale } from './messages';
import type { ResponseAlertKind } from '../ports/responseAlerts';

function stamp(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `at`: the warning's due time (null while unknown), the deadline, or when the owner was deemed to accept. */
export function responseMessage(
  issueKey: string,
  alert: ResponseAlertKind,
  at: Date | null,
  locale: SiteLocale,
): ActionMessage {
  const when = at === null ? '' : stamp(at);
  if (locale === 'zh-CN') {
    switch (alert) {
      case 'warn':
        return {
          subject: `[ITR] ${issueKey} 响应时限即将用完`,
          text: `对客户承诺的响应（受理）时限即将用完${when ? `，将于 ${when} 到期` : ''}。请尽快分级派单或受理。`,
        };
      case 'overdue':
        return {
          subject: `[ITR] ${issueKey} 已超出响应时限，仍未分级`,
          text: `对客户承诺的响应时限已于 ${when} 用完，问题仍未分级派单：请分级人员立即处理。`,
        };
      case 'deemed':
        return {
          subject: `[ITR] ${issueKey} 超时视为同意受理`,
          text: `负责人未在响应时限内答复，按“超时默认为同意受理”规则，于 ${when} 视为已受理。`,
        };
    }
  }
  switch (alert) {
    case 'warn':
      return {
        subject: `[ITR] ${issueKey}: the response time is running out`,
        text: `The response (acceptance) time promised to the customer is almost used${when ? `; it runs out at ${when}` : ''}. Please triage or accept the issue.`,
      };
    case 'overdue':
      return {
        subject: `[ITR] ${issueKey} is past its response time and still untriaged`,
        text: `The response time promised to the customer ran out at ${when} and nobody has triaged the issue yet: triage, please act now.`,
      };
    case 'deemed':
      return {
        subject: `[ITR] ${issueKey} deemed accepted (timeout means consent)`,
        text: `The owner did not answer within the response time, so by the rule "timeout means consent" the issue counts as accepted at ${when}.`,
      };
  }
}
