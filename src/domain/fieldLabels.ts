import type { LocalizedText } from './labels';

/**
 * What the app's Jira fields read as in Jira's own views (issue navigator, list view, boards,
 * notifications, CSV): a label for each stored value, built into the fields' `formatter` and
 * `searchSuggestions` Jira expressions (manifest.yml; a test keeps the text in step).
 *
 * One bilingual label ("Critical / 紧急"), not one per viewer's language: the formatter's context
 * holds `value` and `fieldId` only in some views (bulk edit), and Jira documents no locale for it,
 * so a label that needs nothing but `value` reads the same everywhere (docs/decisions/field-labels.md).
 * JQL still compares the one stored value (`"ITR grade" = critical`): the suggestions insert it.
 */
export type ValueLabels = Readonly<Record<string, LocalizedText>>;

/** `awaiting`, `accepted`, `deemedAccepted` (timeout means consent, 超时默认为同意受理). */
export const ACCEPTANCE_LABELS: ValueLabels = {
  awaiting: { en: 'Awaiting acceptance', 'zh-CN': '待受理' },
  accepted: { en: 'Accepted', 'zh-CN': '已受理' },
  deemedAccepted: { en: 'Deemed accepted (no answer in time)', 'zh-CN': '超时默认受理' },
};

/** `in` or `out` of warranty. */
export const WARRANTY_LABELS: ValueLabels = {
  in: { en: 'In warranty', 'zh-CN': '保修期内' },
  out: { en: 'Out of warranty', 'zh-CN': '保修期外' },
};

/** The last response-time alert sent (src/app/escalation/responseClock.ts): `warn` or `due`. */
export const RESPONSE_ALERT_LABELS: ValueLabels = {
  warn: { en: 'Response time warning sent', 'zh-CN': '已发出响应预警' },
  due: { en: 'Response time ran out', 'zh-CN': '响应时间已到' },
};

/** The time rule an issue's clocks run on (`itr-time-rule`, src/domain/sla/timeRule.ts). */
export const TIME_RULE_LABELS: ValueLabels = {
  problem: { en: 'Problem times', 'zh-CN': '问题时限' },
  requirement: { en: 'Requirement times', 'zh-CN': '需求时限' },
};

/** The `yes` / `no` flags the workflow rules read (return visit open, root cause complete). */
export const YES_NO_LABELS: ValueLabels = {
  yes: { en: 'Yes', 'zh-CN': '是' },
  no: { en: 'No', 'zh-CN': '否' },
};

/**
 * "English / 中文", or one text when both read the same.
 *
 * @example bilingualLabel({ en: 'Critical', 'zh-CN': '紧急' }) // 'Critical / 紧急'
 */
export function bilingualLabel(text: LocalizedText): string {
  return text.en === text['zh-CN'] ? text.en : `${text.en} / ${text['zh-CN']}`;
}

/**
 * The short name of an option whose label explains itself after a colon ("Strategic: one of the top
 * 20 accounts…" → "Strategic"), so a column shows the name, not the whole guidance.
 *
 * @example shortLabel({ en: 'Key: revenue above USD 1,000,000', 'zh-CN': '重要客户：年收入超过…' }) // { en: 'Key', 'zh-CN': '重要客户' }
 */
export function shortLabel(text: LocalizedText): LocalizedText {
  const head = (s: string): string => (s.split(/[:：]/)[0] ?? s).trim() || s;
  return { en: head(text.en), 'zh-CN': head(text['zh-CN']) };
}

/** A Jira-expression string literal (single quotes, as the Forge docs' examples write them). */
function literal(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * The formatter: the stored value's label, or the value itself when it has none (a grade or option
 * the admin added later), and '' for an empty field. Reads `value` only.
 *
 * @example formatterExpression({ in: { en: 'In warranty', 'zh-CN': '保修期内' } })
 * // "let labels = {'in': 'In warranty / 保修期内'}; value == null ? '' : labels[value] != null ? labels[value] : value"
 */
export function formatterExpression(labels: ValueLabels): string {
  const entries = Object.entries(labels).map(([value, text]) => `${literal(value)}: ${literal(bilingualLabel(text))}`);
  return `let labels = {${entries.join(', ')}}; value == null ? '' : labels[value] != null ? labels[value] : value`;
}

/**
 * The search suggestions: every stored value with its label, narrowed to those whose value or label
 * contains what the person typed (`query`, any case). Selecting one puts the stored value into JQL.
 */
export function searchSuggestionsExpression(labels: ValueLabels): string {
  const entries = Object.entries(labels).map(
    ([value, text]) => `{'value': ${literal(value)}, 'label': ${literal(bilingualLabel(text))}}`,
  );
  return (
    `let typed = query == null ? '' : query.trim().toLowerCase(); ` +
    `[${entries.join(', ')}].filter(s => s.value.toLowerCase().includes(typed) || s.label.toLowerCase().includes(typed))`
  );
}
