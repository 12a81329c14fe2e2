/**
 * Reads manifest.yml the way the Forge platform does for what the sandbox needs: which exported
 * handler each module runs, which resource a Custom UI module shows, which events a trigger
 * subscribes, which interval a scheduled trigger has, which subpages a full page lists. Modules added
 * later work without sandbox changes. What Forge refuses about subpages, the sandbox refuses too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

/** One subpage of a full-page module (manifest `pages`, or a `sections` entry's `pages`). */
export interface Subpage {
  /** Appended to the module's URL: `/jira/apps/<appId>/<envId>/<route>`. */
  route: string;
  /** An i18n key or plain text, as `title`. */
  title: string;
  /** The section's header (an i18n key or plain text), when the module groups its pages in `sections`. */
  section: string | undefined;
}

export interface ManifestModule {
  /** e.g. `jira:issuePanel`, `trigger`, `scheduledTrigger`. */
  type: string;
  key: string;
  /** Export of src/index.ts that runs it (`function` or `resolver.function` → `handler: index.<export>`). */
  handlerExport: string | undefined;
  /** Custom UI resource key, when the module shows one. */
  resource: string | undefined;
  /** Manifest title (an i18n key or plain text). */
  title: string | undefined;
  events: string[];
  interval: string | undefined;
  /** The sidebar's subpages of a `jira:globalPage` / `jira:adminPage`, in manifest order; empty without any. */
  subpages: Subpage[];
  raw: Record<string, unknown>;
}

export interface SandboxManifest {
  modules: ManifestModule[];
  /** Resource key → absolute folder. */
  resources: Map<string, string>;
  /** Translation resource key (`en-US`, `zh-CN`) → messages. */
  translations: Map<string, unknown>;
}

const NON_MODULES = new Set(['function', 'sql']);

/** A manifest Forge would refuse to deploy; the sandbox refuses to start with it too. */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}

const i18nOrText = (v: unknown): string | undefined => str(v) ?? str(rec(v)['i18n']);

/**
 * What Forge refuses about a module's subpages (forge-docs: manifest-reference/modules/jira-admin-page,
 * "Subpages" and "Validation rules"; @forge/manifest's validate-full-admin-page and
 * validate-subpages-in-module): `pages` and `sections` together, subpages on a Configure
 * (`useAsConfig`) or Get started (`useAsGetStarted`) page, and subpages with UI Kit (`function`).
 */
export function subpageProblems(type: string, m: Record<string, unknown>): string[] {
  const key = str(m['key']) ?? '?';
  const hasSubpages = m['pages'] !== undefined || m['sections'] !== undefined;
  if (!hasSubpages) return [];
  const problems: string[] = [];
  if (m['pages'] !== undefined && m['sections'] !== undefined)
    problems.push(`${type} ${key}: use either pages or sections, not both`);
  if (type === 'jira:adminPage' && (m['useAsConfig'] === true || m['useAsGetStarted'] === true))
    problems.push(`${type} ${key}: a Configure or Get started page cannot have pages or sections`);
  if (m['function'] !== undefined) problems.push(`${type} ${key}: subpages need Custom UI (a resource), not UI Kit`);
  return problems;
}

function subpagesOf(m: Record<string, unknown>): Subpage[] {
  const pagesOf = (list: unknown, section: string | undefined): Subpage[] =>
    (Array.isArray(list) ? list : []).flatMap((p) => {
      const route = str(rec(p)['route']);
      const title = i18nOrText(rec(p)['title']);
      return route === undefined || title === undefined ? [] : [{ route, title, section }];
    });
  if (Array.isArray(m['sections']))
    return (m['sections'] as unknown[]).flatMap((s) => pagesOf(rec(s)['pages'], i18nOrText(rec(s)['header'])));
  return pagesOf(m['pages'], undefined);
}

function rec(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function loadManifest(repoRoot: string): SandboxManifest {
  const doc = rec(parse(fs.readFileSync(path.join(repoRoot, 'manifest.yml'), 'utf8')));
  const modulesDoc = rec(doc['modules']);
  const functions = new Map<string, string>();
  for (const f of (modulesDoc['function'] as unknown[] | undefined) ?? []) {
    const handler = str(rec(f)['handler']);
    const key = str(rec(f)['key']);
    // `index.issuePanelResolver` → export `issuePanelResolver` of src/index.ts
    if (key !== undefined && handler !== undefined && handler.startsWith('index.'))
      functions.set(key, handler.slice('index.'.length));
  }
  const modules: ManifestModule[] = [];
  const problems: string[] = [];
  for (const [type, list] of Object.entries(modulesDoc)) {
    if (NON_MODULES.has(type) || !Array.isArray(list)) continue;
    for (const item of list) {
      const m = rec(item);
      problems.push(...subpageProblems(type, m));
      const fnKey = str(m['function']) ?? str(rec(m['resolver'])['function']);
      const title = m['title'];
      modules.push({
        type,
        key: str(m['key']) ?? '',
        handlerExport: fnKey === undefined ? undefined : functions.get(fnKey),
        resource: str(m['resource']),
        title: str(title) ?? str(rec(title)['i18n']),
        events: Array.isArray(m['events'])
          ? (m['events'] as unknown[]).filter((e): e is string => typeof e === 'string')
          : [],
        interval: str(m['interval']),
        subpages: subpagesOf(m),
        raw: m,
      });
    }
  }
  if (problems.length > 0) throw new ManifestError(`manifest.yml: ${problems.join('; ')}`);
  const resources = new Map<string, string>();
  for (const r of (doc['resources'] as unknown[] | undefined) ?? []) {
    const key = str(rec(r)['key']);
    const p = str(rec(r)['path']);
    if (key !== undefined && p !== undefined) resources.set(key, path.resolve(repoRoot, p));
  }
  const translations = new Map<string, unknown>();
  for (const t of (rec(doc['translations'])['resources'] as unknown[] | undefined) ?? []) {
    const key = str(rec(t)['key']);
    const p = str(rec(t)['path']);
    if (key !== undefined && p !== undefined)
      translations.set(key, JSON.parse(fs.readFileSync(path.join(repoRoot, p), 'utf8')));
  }
  return { modules, resources, translations };
}

/** Looks up a dotted i18n key (`modules.fields.kind.name`) in a translation file; the key itself if absent. */
export function translate(manifest: SandboxManifest, locale: 'en-US' | 'zh-CN', key: string): string {
  for (const loc of [locale, 'en-US']) {
    let node: unknown = manifest.translations.get(loc);
    for (const part of key.split('.')) node = rec(node)[part];
    if (typeof node === 'string') return node;
  }
  return key;
}

/** Modules shown on the issue view, in the order Jira places them. */
export const ISSUE_VIEW_MODULE_TYPES = [
  'jira:issueGlance',
  'jira:issueContext',
  'jira:issuePanel',
  'jira:issueActivity',
];
