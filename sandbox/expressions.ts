/**
 * Where Jira would evaluate a Jira expression.
 *
 * Workflow validators and conditions (`jira:workflowValidator` / `jira:workflowCondition` with an
 * `expression`) and custom field formatters are evaluated by Jira itself, never by the app's code,
 * so the sandbox cannot run them. When the manifest declares such a module, register here a domain
 * rule that stands in for its expression (the expression's text is pinned by a test elsewhere):
 * the sandbox's transition handler will call `evaluateExpression(moduleKey, input)` before moving an
 * issue, and show the returned message like Jira shows a validator's error.
 *
 * Registered: the closing rules (src/domain/closure). Each stands in for its pinned expression by
 * reading what the expression reads: the `itr-close` Forge app property the app published into the
 * Jira double, and the issue's app fields by the ids that property names. In Jira an admin attaches
 * each rule to a transition; here the close rules apply to transitions into "Closed" and the
 * resolve rule to transitions into "Resolved" (the ITR workflow, src/app/setup/plan.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CLOSE_PROPERTY_KEY, mayClose, mayResolve, type CloseProperty } from '../src/domain/closure';
import { harness } from '../test/harness';
export interface ExpressionInput {
  /** The acting user (Jira's `user`). */
  accountId: string;
  /** The issue as Jira's REST API returns it (`issue`). */
  issue: { key: string; fields: Record<string, unknown> };
  /** Target status name (`transition.to.name`). */
  transitionTo: string;
  /** The acting user's language: Jira shows a validator's `errorMessage` translated. Default English. */
  lang?: 'en' | 'zh-CN';
}

/** `true` = allowed; a string = the error message Jira would show. */
export type ExpressionRule = (input: ExpressionInput) => true | string;

/** The validators' error messages as the manifest's i18n names them, in the user's language (as Jira shows them). */
function message(key: 'closeValidator' | 'resolveValidator' | 'closeCondition', lang: ExpressionInput['lang'] = 'en'): string {
  const file = lang === 'zh-CN' ? 'zh-CN' : 'en-US';
  const locales = JSON.parse(readFileSync(path.resolve(__dirname, `../locales/${file}.json`), 'utf8')) as { modules: Record<string, { error?: string; name: string }> };
  const m = locales.modules[key];
  if (m?.error !== undefined) return m.error;
  return lang === 'zh-CN' ? `${m?.name ?? key}：你不能执行此转换。` : `${m?.name ?? key}: the transition is not available to you.`;
}

function closeProperty(): CloseProperty | undefined {
  return harness().jira.appProperties.get(CLOSE_PROPERTY_KEY) as CloseProperty | undefined;
}

const accountIdOf = (v: unknown): string | undefined =>
  typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)['accountId'] === 'string' ? ((v as Record<string, unknown>)['accountId'] as string) : undefined;

/** The close rules' domain input from the issue, as the expressions see it (a missing property fails closed). */
function closeInput(input: ExpressionInput, withVisit: boolean) {
  const c = closeProperty();
  return {
    submitterAccountId: c === undefined ? undefined : accountIdOf(input.issue.fields[c.submitter]),
    actingAccountId: input.accountId,
    fallbackAccountIds: c?.fallback ?? [],
    requiredVisitOpen: withVisit && c !== undefined && input.issue.fields[c.visitOpen] === 'yes',
  };
}

const CLOSED = 'Closed';
const RESOLVED = 'Resolved';

/** Module key → the domain rule standing in for its Jira expression. */
export const EXPRESSION_RULES: ReadonlyMap<string, ExpressionRule> = new Map<string, ExpressionRule>([
  ['itr-close-condition', (i) => (i.transitionTo !== CLOSED || mayClose(closeInput(i, false)).allowed ? true : message('closeCondition', i.lang))],
  ['itr-close-validator', (i) => (i.transitionTo !== CLOSED || mayClose(closeInput(i, true)).allowed ? true : message('closeValidator', i.lang))],
  [
    'itr-resolve-validator',
    (i) => {
      if (i.transitionTo !== RESOLVED) return true;
      const c = closeProperty();
      if (c === undefined) return message('resolveValidator', i.lang);
      const classification = i.issue.fields[c.classification];
      const decision = mayResolve({ classification: typeof classification === 'string' ? classification : undefined, rootCauseComplete: i.issue.fields[c.rootCause] === 'yes' });
      return decision.allowed ? true : message('resolveValidator', i.lang);
    },
  ],
]);

export function evaluateExpression(moduleKey: string, input: ExpressionInput): true | string {
  const rule = EXPRESSION_RULES.get(moduleKey);
  return rule === undefined ? true : rule(input);
}
