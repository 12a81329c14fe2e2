/**
 * The manifest as `forge deploy` validates it (schema, references, resources, translations), plus
 * the promises this project makes about it: minimal scopes, Node 22, SQL from day one, every title
 * translated into English and Simplified Chinese.
 */
import fs from 'fs';
import path from 'path';
import { parse as parseYaml } from 'yaml';
import {
  REPO_ROOT,
  formatValidationErrors,
  iconFilesByResource,
  makeAppCopy,
  validateAppManifest,
  type AppCopy,
} from '../../scripts/checks/forgeOffline';
import { loadManifest } from '../../sandbox/manifest';
import { HOME_ROUTES } from '../../static/itr-home/src/routes';
import { ADMIN_ROUTES } from '../../static/grading-admin/src/routes';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const manifestYaml = parseYaml(fs.readFileSync(path.join(REPO_ROOT, 'manifest.yml'), 'utf8')) as {
  [key: string]: Json;
};

/** Every `i18n: key` (and `<prop>__i18n: key`) in the manifest's modules. */
function i18nKeys(node: Json): string[] {
  if (Array.isArray(node)) return node.flatMap(i18nKeys);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    (key === 'i18n' || key.endsWith('__i18n')) && typeof value === 'string' ? [value] : i18nKeys(value),
  );
}

function lookup(messages: Json, dottedKey: string): Json | undefined {
  let node: Json | undefined = messages;
  for (const part of dottedKey.split('.')) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = node[part];
  }
  return node;
}

function leafKeys(node: Json, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

describe('manifest.yml', () => {
  const copies: AppCopy[] = [];
  afterAll(() => copies.forEach((c) => c.remove()));

  // With placeholders for the Custom UI builds (as on a fresh clone), and with the real builds
  // when they exist (then the validator also reads their index.html, e.g. its CSP).
  it.each([
    ['placeholder Custom UI builds', false],
    ['the real Custom UI builds where present', true],
  ])('passes @forge/manifest full validation with %s', async (_label, realBuilds) => {
    const copy = makeAppCopy({ realBuilds });
    copies.push(copy);
    const result = await validateAppManifest(copy.dir);
    if (result.errors.length > 0) {
      // Printed so a failing run shows line and column without re-running anything.
      console.error(`manifest validation:\n${formatValidationErrors(result.errors)}`);
    }
    expect(formatValidationErrors(result.errors)).toBe('');
    expect(result.success).toBe(true);
  });

  it('is not vacuous: an i18n key missing from en-US fails validation', async () => {
    const copy = makeAppCopy({
      realBuilds: false,
      edit: (dir) => {
        const file = path.join(dir, 'manifest.yml');
        const text = fs.readFileSync(file, 'utf8');
        const broken = text.replace('i18n: modules.issuePanel.title', 'i18n: modules.issuePanel.noSuchKey');
        expect(broken).not.toBe(text);
        fs.writeFileSync(file, broken);
      },
    });
    copies.push(copy);
    const result = await validateAppManifest(copy.dir);
    expect(result.success).toBe(false);
    expect(formatValidationErrors(result.errors)).toContain('modules.issuePanel.noSuchKey');
  });

  it('refuses subpages on the Get started page, as Forge does, and so does the sandbox', async () => {
    // forge-docs: manifest-reference/modules/jira-admin-page, "Subpages are not supported by the Configure
    // and Get started pages"; the sandbox's manifest reader refuses the same (sandbox/manifest.ts).
    const copy = makeAppCopy({
      realBuilds: false,
      edit: (dir) => {
        const file = path.join(dir, 'manifest.yml');
        const text = fs.readFileSync(file, 'utf8');
        const broken = text.replace(
          '      useAsGetStarted: true\n',
          '      useAsGetStarted: true\n      pages:\n        - route: steps\n          title: Steps\n',
        );
        expect(broken).not.toBe(text);
        fs.writeFileSync(file, broken);
      },
    });
    copies.push(copy);
    const result = await validateAppManifest(copy.dir);
    expect(result.success).toBe(false);
    expect(formatValidationErrors(result.errors)).toContain('useAsGetStarted');
    expect(() => loadManifest(copy.dir)).toThrow(/itr-setup: a Configure or Get started page cannot have pages/);
    // The app's own manifest loads, with its subpages.
    expect(() => loadManifest(REPO_ROOT)).not.toThrow();
  });

  it('lists the subpages the Custom UI routes, in the same order (static/*/src/routes.ts)', () => {
    const modules = manifestYaml['modules'] as Record<string, Array<{ key: string; pages?: Array<{ route: string }> }>>;
    const routesOf = (type: string, key: string) =>
      (modules[type]?.find((m) => m.key === key)?.pages ?? []).map((p) => p.route);
    expect(routesOf('jira:globalPage', 'itr-home')).toEqual([...HOME_ROUTES]);
    expect(routesOf('jira:adminPage', 'itr-grading-admin')).toEqual([...ADMIN_ROUTES]);
  });

  it('asks for exactly the scopes the code needs (change this list consciously)', () => {
    const permissions = manifestYaml['permissions'] as { scopes: string[] };
    expect([...permissions.scopes].sort()).toEqual(
      [
        'manage:jira-configuration',
        'manage:jira-project',
        'read:jira-user',
        'read:jira-work',
        'storage:app',
        'write:app-data:jira',
        'write:jira-work',
      ].sort(),
    );
    // "Runs on Atlassian": no egress, no remotes, no external content.
    expect(manifestYaml['permissions']).not.toHaveProperty('external');
    expect(manifestYaml).not.toHaveProperty('remotes');
  });

  it('gives every dashboard gadget a thumbnail as documented: an absolute https URL, not a resource path', () => {
    // forge-docs: manifest-reference/modules/jira-dashboard-gadget ("thumbnail: the absolute URL of the icon")
    const gadgets = ((manifestYaml['modules'] as Record<string, unknown>)['jira:dashboardGadget'] ?? []) as Array<{
      key: string;
      thumbnail?: unknown;
    }>;
    expect(gadgets.length).toBeGreaterThan(0);
    for (const g of gadgets)
      expect({ key: g.key, thumbnail: g.thumbnail }).toEqual({
        key: g.key,
        thumbnail: expect.stringMatching(/^https:\/\/[^\s;]+$/),
      });
  });

  it('src/entry holds one folder per manifest function, named by its key', () => {
    const functions = ((manifestYaml['modules'] as Record<string, unknown>)['function'] ?? []) as Array<{
      key: string;
    }>;
    const folders = fs
      .readdirSync(path.join(REPO_ROOT, 'src/entry'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(folders.sort()).toEqual(functions.map((f) => f.key).sort());
  });

  it('src/index.ts exports exactly the handlers the manifest names (index.<name>), nothing else', async () => {
    const functions = ((manifestYaml['modules'] as Record<string, unknown>)['function'] ?? []) as Array<{
      handler: string;
    }>;
    const named = functions.map((f) => f.handler.replace(/^index\./, '')).sort();
    const index = (await import('../../src/index')) as Record<string, unknown>;
    expect(
      Object.keys(index)
        .filter((k) => k !== '__esModule')
        .sort(),
    ).toEqual([...new Set(named)]);
  });

  it('runs on nodejs22.x and declares Forge SQL from day one', () => {
    const app = manifestYaml['app'] as { runtime: { name: string } };
    expect(app.runtime.name).toBe('nodejs22.x');
    const modules = manifestYaml['modules'] as { sql?: Array<{ key: string; engine: string }> };
    expect(modules.sql).toEqual([{ key: 'main', engine: 'mysql' }]);
  });

  it('translates every manifest i18n key into en-US and zh-CN, with the same keys in both files', () => {
    const translations = manifestYaml['translations'] as {
      resources: Array<{ key: string; path: string }>;
      fallback: { default: string };
    };
    expect(translations.fallback.default).toBe('en-US');
    const byLocale = new Map(
      translations.resources.map((r) => [
        r.key,
        JSON.parse(fs.readFileSync(path.join(REPO_ROOT, r.path), 'utf8')) as Json,
      ]),
    );
    expect([...byLocale.keys()].sort()).toEqual(['en-US', 'zh-CN']);
    const keys = i18nKeys(manifestYaml['modules'] ?? null);
    expect(keys.length).toBeGreaterThan(0);
    const missing = [...byLocale].flatMap(([locale, messages]) =>
      keys
        .filter((key) => {
          const value = lookup(messages, key);
          return typeof value !== 'string' || value.trim() === '';
        })
        .map((key) => `${locale}: ${key}`),
    );
    expect(missing).toEqual([]);
    const [en, zh] = [byLocale.get('en-US') ?? null, byLocale.get('zh-CN') ?? null];
    expect(leafKeys(zh).sort()).toEqual(leafKeys(en).sort());
  });

  const resources = (manifestYaml['resources'] ?? []) as Array<{ key: string; path: string }>;
  const icons = iconFilesByResource(
    Object.values((manifestYaml['modules'] ?? {}) as Record<string, Array<{ icon?: string }>>)
      .flat()
      .flatMap((m) => (m.icon ? [m.icon] : [])),
  );
  describe.each(resources)('resource $key', ({ key, path: resourcePath }) => {
    // `npm test` builds the Custom UI before jest runs (`npm run build:ui`), so a missing build fails here.
    it(`its build (${resourcePath}) has index.html and the icons the manifest names`, () => {
      for (const file of ['index.html', ...(icons.get(key) ?? [])]) {
        expect(fs.existsSync(path.join(REPO_ROOT, resourcePath, file))).toBe(true);
      }
    });
  });
});
