/**
 * The app's fields read as labels in Jira's own views and JQL still finds the one stored value: the
 * manifest's formatter and search-suggestion expressions, run by the Jira-expression double with their
 * documented context, turn every stored value into its English / Chinese label; the Jira double's JQL
 * matches the stored value typed as the README says.
 */
import fs from 'fs';
import path from 'path';
import api, { route } from '@forge/api';
import { parse as parseYaml } from 'yaml';
import { ITR_FIELD_VALUE_LABELS, ITR_FREE_TEXT_FIELDS } from '../../src/app/fields/fieldLabels';
import { ITR_FIELD_NAMES, ITR_FIELDS, type ItrFieldName } from '../../src/app/fields/itrFields';
import { bilingualLabel, formatterExpression, searchSuggestionsExpression, type ValueLabels } from '../../src/domain';
import { harness } from '../../platform-doubles';
import { evaluateFieldFormatter, evaluateSearchSuggestions, userBean } from '../../platform-doubles/jiraExpression';
import { defineItrFields } from '../fixtures/itrFields';

interface FieldModule {
  key: string;
  type: string;
  view?: { formatter?: { expression: string; export?: boolean } };
  searchSuggestions?: { expression: string };
}
const manifest = parseYaml(fs.readFileSync(path.join(__dirname, '../../manifest.yml'), 'utf8')) as {
  modules: { 'jira:customField': FieldModule[] };
};
const moduleOf = (name: ItrFieldName): FieldModule | undefined =>
  manifest.modules['jira:customField'].find((m) => m.key === ITR_FIELDS[name].moduleKey);

const labelled = Object.entries(ITR_FIELD_VALUE_LABELS) as Array<[ItrFieldName, ValueLabels]>;
const storedValues = labelled.flatMap(([name, labels]) =>
  Object.entries(labels).map(([value, text]) => [name, value, text] as const),
);

const readers = [
  ['an English reader', userBean({ accountId: 'acc-en', displayName: 'Alice', locale: 'en_US' })],
  ['a Chinese reader', userBean({ accountId: 'acc-zh', displayName: '王芳', locale: 'zh_CN' })],
] as const;

describe('which app fields carry labels', () => {
  it('every string field either labels its stored codes or holds free text', () => {
    const strings = ITR_FIELD_NAMES.filter((n) => ITR_FIELDS[n].type === 'string');
    const coded = labelled.map(([n]) => n);
    expect([...coded, ...ITR_FREE_TEXT_FIELDS].sort()).toEqual([...strings].sort());
  });

  it.each(labelled)('%s: the manifest carries the formatter and suggestions built from its labels', (name, labels) => {
    const m = moduleOf(name);
    // On a mismatch the message shows the text to put in manifest.yml.
    expect({ formatter: m?.view?.formatter?.expression, suggestions: m?.searchSuggestions?.expression }).toEqual({
      formatter: formatterExpression(labels),
      suggestions: searchSuggestionsExpression(labels),
    });
    expect(m?.view?.formatter?.export).toBe(true);
  });
});

describe('formatter: the stored value reads as its label', () => {
  it.each(storedValues)(
    '%s %j reads as its English / Chinese label for every reader, and in bulk edit',
    (name, value, text) => {
      const expression = moduleOf(name)?.view?.formatter?.expression ?? '';
      const shown = readers.map(([, user]) =>
        evaluateFieldFormatter(expression, { value, fieldId: 'customfield_10100', user, issue: null, project: null }),
      );
      shown.push(evaluateFieldFormatter(expression, { value, fieldId: 'customfield_10100', bulkEdit: true }));
      for (const s of shown) {
        expect(s).toContain(text.en);
        expect(s).toContain(text['zh-CN']);
      }
    },
  );

  it('a value without a label (a grade the admin added later) reads as itself; an empty field as nothing', () => {
    const expression = moduleOf('grade')?.view?.formatter?.expression ?? '';
    expect(evaluateFieldFormatter(expression, { value: 'blocker', fieldId: 'customfield_10101', bulkEdit: true })).toBe(
      'blocker',
    );
    expect(evaluateFieldFormatter(expression, { value: null, fieldId: 'customfield_10101', bulkEdit: true })).toBe('');
  });

  it('a Chinese reader sees 紧急 for a critical grade, and 技术服务请求 for a technical service request', () => {
    const [, zh] = readers[1];
    const show = (name: ItrFieldName, value: string): string =>
      evaluateFieldFormatter(moduleOf(name)?.view?.formatter?.expression ?? '', {
        value,
        fieldId: 'customfield_1',
        user: zh,
        issue: null,
        project: null,
      });
    expect(show('grade', 'critical')).toBe('Critical / 紧急');
    expect(show('kind', 'technicalService')).toBe('Technical service request / 技术服务请求');
  });
});

describe('search suggestions: the stored value with its label', () => {
  const suggest = (name: ItrFieldName, query: string) =>
    evaluateSearchSuggestions(moduleOf(name)?.searchSuggestions?.expression ?? '', {
      fieldId: 'customfield_10100',
      fieldType: `ari:cloud:ecosystem::extension/app/env/static/${ITR_FIELDS[name].moduleKey}`,
      fieldName: name,
      user: readers[0][1],
      query,
    });

  it.each(labelled)('%s: an empty query lists every stored value', (name, labels) => {
    expect(suggest(name, '').map((s) => s.value)).toEqual(Object.keys(labels));
  });

  it('narrows by what was typed, in the stored value or either language of the label', () => {
    expect(suggest('grade', 'CRIT')).toEqual([{ value: 'critical', label: 'Critical / 紧急' }]);
    expect(suggest('grade', '紧急').map((s) => s.value)).toEqual(['critical']);
    expect(suggest('kind', '投诉').map((s) => s.value)).toEqual(['complaint']);
    expect(suggest('line', 'l2').map((s) => s.value)).toEqual(['L2']);
    expect(suggest('acceptance', 'deemed').map((s) => s.value)).toEqual(['deemedAccepted']);
    expect(suggest('grade', 'nothing like it')).toEqual([]);
  });
});

describe('JQL matches the one stored value', () => {
  const { jira } = harness();
  let ids: ReturnType<typeof defineItrFields>;
  beforeEach(() => {
    jira.seedProject({ key: 'ITR', name: 'ITR' });
    ids = defineItrFields(jira);
  });

  const search = async (jql: string): Promise<{ status: number; keys: string[] }> => {
    const res = await api.asApp().requestJira(route`/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jql, fields: ['summary'] }),
    });
    const body = (await res.json()) as { issues?: Array<{ key: string }> };
    return { status: res.status, keys: (body.issues ?? []).map((i) => i.key) };
  };

  it.each(labelled)(
    '%s: "<field name>" = "<stored value>" finds exactly the issue holding it',
    async (name, labels) => {
      const values = Object.keys(labels);
      values.forEach((value, i) => jira.seedIssue({ key: `ITR-${i + 1}`, fields: { [ids[name]]: value } }));
      const fieldName = jira.model.fields.get(ids[name])?.name ?? '';
      for (const [i, value] of values.entries()) {
        expect(await search(`"${fieldName}" = "${value}"`)).toEqual({ status: 200, keys: [`ITR-${i + 1}`] });
        expect((await search(`cf[${ids[name].replace('customfield_', '')}] = "${value}"`)).keys).toEqual([
          `ITR-${i + 1}`,
        ]);
      }
      // The label is what people read, not what JQL compares.
      const first = labels[values[0] ?? ''];
      expect((await search(`"${fieldName}" = "${first === undefined ? '' : bilingualLabel(first)}"`)).keys).toEqual([]);
    },
  );

  it("the README's example query finds what it says", async () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    const example = /`("ITR grade" = critical AND [^`]*)`/.exec(readme)?.[1] ?? '';
    expect(example).toContain('"ITR warranty" = "in"');
    jira.seedIssue({ key: 'ITR-1', fields: { [ids.grade]: 'critical', [ids.line]: 'L2', [ids.warranty]: 'in' } });
    jira.seedIssue({ key: 'ITR-2', fields: { [ids.grade]: 'critical', [ids.line]: 'L1', [ids.warranty]: 'in' } });
    jira.seedIssue({ key: 'ITR-3', fields: { [ids.grade]: 'critical', [ids.line]: 'L3', [ids.warranty]: 'out' } });
    expect(await search(example)).toEqual({ status: 200, keys: ['ITR-1'] });
  });

  it('a stored value that is a plain word needs no quotes: "ITR grade" = critical', async () => {
    jira.seedIssue({ key: 'ITR-1', fields: { [ids.grade]: 'critical' } });
    expect((await search('"ITR grade" = critical')).keys).toEqual(['ITR-1']);
  });
});
