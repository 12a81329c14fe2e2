/**
 * A Forge custom field's formatter and search-suggestion expressions run in the double with exactly the
 * context Jira documents for them (forge-docs: manifest-reference/modules/jira-custom-field, "Formatter"
 * and "Search suggestions"), and the double refuses every other name and any output Jira would not take.
 */
import {
  evaluateFieldFormatter,
  evaluateSearchSuggestions,
  issueBean,
  JiraExpressionEvaluationError,
  JiraExpressionSyntaxError,
  projectBean,
  userBean,
  evaluateJiraExpression,
} from '../../platform-doubles/jiraExpression';

const user = userBean({ accountId: 'acc-li', displayName: 'Li Lei', locale: 'zh_CN' });
const project = projectBean({ id: '10000', key: 'ITR', name: 'ITR' });
const issue = issueBean({
  issue: { id: '10001', key: 'ITR-1', fields: { summary: 'Pump stops', customfield_10101: 'critical' } },
  customFields: [{ id: 'customfield_10101', type: 'string' }],
  lookUpUser: () => undefined,
});
const formatterInput = { value: 'critical', fieldId: 'customfield_10101', user, issue, project };
const suggestionsInput = {
  fieldId: 'customfield_10101',
  fieldType: 'ari:cloud:ecosystem::extension/app/env/static/itr-grade',
  fieldName: 'ITR grade',
  user,
  query: '',
};

describe('formatter context', () => {
  it('has user, issue, project, fieldId and value', () => {
    expect(
      evaluateFieldFormatter(
        "fieldId + ' ' + value + ' ' + issue.key + ' ' + project.key + ' ' + user.displayName",
        formatterInput,
      ),
    ).toBe('customfield_10101 critical ITR-1 ITR Li Lei');
  });

  it.each(['app.properties', 'config.x', 'query', 'fieldName', 'originalIssue.key', 'searchAlias'])(
    'refuses %s, a name the formatter does not have',
    (text) => {
      expect(() => evaluateFieldFormatter(text, formatterInput)).toThrow(/Unrecognized variable/);
    },
  );

  it('in bulk edit has only value and fieldId', () => {
    expect(evaluateFieldFormatter("fieldId + ':' + value", { ...formatterInput, bulkEdit: true })).toBe(
      'customfield_10101:critical',
    );
    expect(() => evaluateFieldFormatter('user.displayName', { ...formatterInput, bulkEdit: true })).toThrow(
      /Unrecognized variable: "user"/,
    );
    expect(() => evaluateFieldFormatter('issue.key', { ...formatterInput, bulkEdit: true })).toThrow(
      /Unrecognized variable: "issue"/,
    );
  });

  it.each([
    ['a number', '1'],
    ['null', 'null'],
    ['a list', "['a']"],
    ['a map', "{'a': 'b'}"],
  ])('refuses %s: a formatter returns a String', (_what, text) => {
    expect(() => evaluateFieldFormatter(text, formatterInput)).toThrow(JiraExpressionEvaluationError);
  });
});

describe('search-suggestions context', () => {
  it('has fieldId, fieldType, fieldName, user and query', () => {
    expect(
      evaluateSearchSuggestions(
        "[fieldId, fieldType.endsWith('itr-grade') ? 'type' : 'x', fieldName, user.accountId, query]",
        { ...suggestionsInput, query: 'cr' },
      ),
    ).toEqual(['customfield_10101', 'type', 'ITR grade', 'acc-li', 'cr'].map((v) => ({ value: v, label: v })));
  });

  it.each(['value', 'issue.key', 'project.key', 'app.properties', 'config'])(
    'refuses %s, a name suggestions do not have',
    (text) => {
      expect(() => evaluateSearchSuggestions(`[${text}]`, suggestionsInput)).toThrow(/Unrecognized variable/);
    },
  );

  it('has searchAlias only when Jira asks for an alias', () => {
    expect(() => evaluateSearchSuggestions('[searchAlias]', suggestionsInput)).toThrow(
      /Unrecognized variable: "searchAlias"/,
    );
    expect(evaluateSearchSuggestions('[searchAlias]', { ...suggestionsInput, searchAlias: 'Currency' })).toEqual([
      { value: 'Currency', label: 'Currency' },
    ]);
  });

  it('takes strings and {value, label}; refuses anything else', () => {
    expect(
      evaluateSearchSuggestions("[{'value': 'critical', 'label': 'Critical / 紧急'}, 'major']", suggestionsInput),
    ).toEqual([
      { value: 'critical', label: 'Critical / 紧急' },
      { value: 'major', label: 'major' },
    ]);
    expect(() => evaluateSearchSuggestions("'critical'", suggestionsInput)).toThrow(/must be a List/);
    expect(() => evaluateSearchSuggestions("[{'value': 'critical'}]", suggestionsInput)).toThrow(/value, label/);
    expect(() => evaluateSearchSuggestions('[1]', suggestionsInput)).toThrow(/value, label/);
  });
});

describe('object literals', () => {
  it('parse with quoted and bare keys, and a missing key reads null', () => {
    expect(evaluateJiraExpression("let m = {'a b': 1, c: 'd'}; [m['a b'], m.c, m['x']]", {})).toEqual([1, 'd', null]);
  });

  it.each(['{ return 1 }', '{a}', "{'a' 1}", '{1: 2}'])('refuse a block or a malformed literal %j', (text) => {
    expect(() => evaluateJiraExpression(text, {})).toThrow(JiraExpressionSyntaxError);
  });
});
