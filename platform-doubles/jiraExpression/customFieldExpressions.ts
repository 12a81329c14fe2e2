/**
 * The Jira expressions of a Forge custom field (`jira:customField`), evaluated with exactly the context
 * Jira documents for each (forge-docs: manifest-reference/modules/jira-custom-field):
 *  - the formatter ("Formatter"): `user`, `issue`, `project`, `fieldId`, `value`; in the issue-bulk-edit
 *    experience only `value` and `fieldId`. It "must return a `string`";
 *  - the search suggestions ("Search suggestions" → "Input"): `fieldId`, `fieldType`, `fieldName`,
 *    `user`, `query`, and `searchAlias` only when called for a search alias. "Output": a list whose
 *    items are strings or `{value, label}` objects.
 * Any other name (`app`, `config`, …) is an evaluation error, as for every expression the double runs.
 */
import { evaluateJiraExpression, JiraExpressionEvaluationError, type JexValue, type JiraBean } from './evaluator';

export interface FormatterInput {
  /** The stored value as the field's type reads in expressions (String for a `string` field). */
  value: JexValue;
  fieldId: string;
  /** The viewer; absent in the issue-bulk-edit experience. */
  user?: JiraBean | null;
  issue?: JiraBean | null;
  project?: JiraBean | null;
  /** The issue-bulk-edit experience: only `value` and `fieldId` exist. */
  bulkEdit?: boolean;
}

/** Runs a formatter expression; throws `JiraExpressionEvaluationError` when it fails or returns no String. */
export function evaluateFieldFormatter(expression: string, input: FormatterInput): string {
  // forge-docs: manifest-reference/modules/jira-custom-field "Formatter": these variables, and no others.
  const variables: Record<string, JexValue> = { value: input.value, fieldId: input.fieldId };
  if (input.bulkEdit !== true) {
    variables['user'] = input.user ?? null;
    variables['issue'] = input.issue ?? null;
    variables['project'] = input.project ?? null;
  }
  const out = evaluateJiraExpression(expression, variables);
  if (typeof out !== 'string')
    throw new JiraExpressionEvaluationError(
      `a formatter must return a String, got ${out === null ? 'null' : typeof out}`,
    );
  return out;
}

export interface SearchSuggestionsInput {
  fieldId: string;
  /** The field's type ARI (`ari:cloud:ecosystem::extension/…/static/<module-key>`). */
  fieldType: string;
  fieldName: string;
  user: JiraBean | null;
  /** What the person already typed as the value. */
  query: string;
  /** Only when Jira asks for a search alias of an object field. */
  searchAlias?: string;
}

export interface SearchSuggestion {
  /** What goes into JQL when the suggestion is picked. */
  value: string;
  /** What the person sees in the list. */
  label: string;
}

/** Runs a search-suggestions expression; a plain String item is its own label. */
export function evaluateSearchSuggestions(expression: string, input: SearchSuggestionsInput): SearchSuggestion[] {
  // forge-docs: manifest-reference/modules/jira-custom-field "Search suggestions" → Input: these variables only.
  const variables: Record<string, JexValue> = {
    fieldId: input.fieldId,
    fieldType: input.fieldType,
    fieldName: input.fieldName,
    user: input.user,
    query: input.query,
  };
  if (input.searchAlias !== undefined) variables['searchAlias'] = input.searchAlias;
  const out = evaluateJiraExpression(expression, variables);
  // forge-docs: same page, "Output": a list of strings or of {value, label}.
  if (!Array.isArray(out)) throw new JiraExpressionEvaluationError('search suggestions must be a List');
  return out.map((item) => {
    if (typeof item === 'string') return { value: item, label: item };
    const m =
      typeof item === 'object' && item !== null && !Array.isArray(item)
        ? (item as Record<string, JexValue>)
        : undefined;
    if (m !== undefined && typeof m['value'] === 'string' && typeof m['label'] === 'string')
      return { value: m['value'], label: m['label'] };
    throw new JiraExpressionEvaluationError('a search suggestion is a String or {value, label} of Strings');
  });
}
