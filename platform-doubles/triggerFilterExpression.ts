/**
 * Trigger filter expressions evaluated by the doubles' Jira-expression interpreter, with exactly
 * the context Forge documents for them: one variable, `event`, a Map of the event payload
 * (forge-docs: events-reference/product_events, "Filtering out events with expressions"). No
 * `issue`, `project`, `user` or `app`: an expression naming them fails, like any other evaluation
 * error, and the trigger's `onError` decides.
 */
import { evaluateJiraExpression, toJson, type JexValue } from './jiraExpression';

/** The payload as an expression value: objects become Maps, `undefined` members are absent. */
function jexOf(v: unknown): JexValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(jexOf);
  if (typeof v === 'object') {
    const out: { [key: string]: JexValue } = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (x !== undefined) out[k] = jexOf(x);
    return out;
  }
  return String(v);
}

// forge-docs: events-reference/product_events (the event payload "is accessible under the `event` variable")
export function evaluateTriggerFilter(expression: string, event: Record<string, unknown>): unknown {
  return toJson(evaluateJiraExpression(expression, { event: jexOf(event) }));
}
