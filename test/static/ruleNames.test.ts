/**
 * The pages name the app's workflow rules as Jira's workflow editor does: `rule.title.<module key>` in
 * both catalogues equals the module's translated name in locales/*.json, for every rule module in
 * manifest.yml (a page that named a rule otherwise would send the admin looking for one that does not exist).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { en } from '../../static/shared/i18n/en';
import { zhCN } from '../../static/shared/i18n/zh-CN';

const root = path.join(__dirname, '..', '..');
const manifest = readFileSync(path.join(root, 'manifest.yml'), 'utf8');

/** Each workflow rule module's key and the i18n key of its name, as manifest.yml declares them. */
function ruleModules(): Array<{ key: string; nameKey: string }> {
  const section = /^ {2}jira:workflow(?:Condition|Validator):\n((?: {4}.*\n|\s*\n)+)/gm;
  return [...manifest.matchAll(section)].flatMap((m) =>
    [...(m[1] ?? '').matchAll(/- key: (\S+)\n\s+name:\n\s+i18n: (\S+)/g)].map((r) => ({
      key: r[1] ?? '',
      nameKey: r[2] ?? '',
    })),
  );
}

function localeName(file: string, dotted: string): unknown {
  const json = JSON.parse(readFileSync(path.join(root, 'locales', file), 'utf8')) as unknown;
  return dotted
    .split('.')
    .reduce<unknown>(
      (v, k) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined),
      json,
    );
}

describe("workflow rule names on the app's pages", () => {
  const modules = ruleModules();

  it('reads the three rule modules from manifest.yml', () => {
    expect(modules.map((m) => m.key).sort()).toEqual([
      'itr-close-condition',
      'itr-close-validator',
      'itr-resolve-validator',
    ]);
  });

  it.each([
    ['en', 'en-US.json', en as Record<string, string>],
    ['zh-CN', 'zh-CN.json', zhCN as Record<string, string>],
  ])('%s: rule.title.<module> is the name Jira shows', (_lang, file, messages) => {
    for (const { key, nameKey } of modules)
      expect([key, messages[`rule.title.${key}`]]).toEqual([key, localeName(file, nameKey)]);
  });
});

/** Each custom field module's key and the i18n key of its name, as manifest.yml declares them. */
function fieldModules(): Array<{ key: string; nameKey: string }> {
  const section = /^ {2}jira:customField:\n((?: {4}.*\n|\s*\n)+)/m.exec(manifest)?.[1] ?? '';
  return [...section.matchAll(/- key: (\S+)\n\s+name:\n\s+i18n: (\S+)/g)].map((r) => ({
    key: r[1] ?? '',
    nameKey: r[2] ?? '',
  }));
}

describe("the app's field names on its pages (the site check names a missing field so)", () => {
  const modules = fieldModules();

  it('reads every custom field module from manifest.yml', () => {
    expect(modules.length).toBeGreaterThanOrEqual(20);
    expect(modules.map((m) => m.key)).toContain('itr-submitter');
  });

  it.each([
    ['en', 'en-US.json', en as Record<string, string>],
    ['zh-CN', 'zh-CN.json', zhCN as Record<string, string>],
  ])('%s: field.title.<module> is the name Jira shows', (_lang, file, messages) => {
    for (const { key, nameKey } of modules)
      expect([key, messages[`field.title.${key}`]]).toEqual([key, localeName(file, nameKey)]);
  });
});
