/**
 * Reads manifest.yml the way the Forge platform does for what the sandbox needs: which exported
 * handler each module runs, which resource a Custom UI module shows, which events a trigger
 * subscribes, which interval a scheduled trigger has. Modules added later work without sandbox changes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

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
  for (const [type, list] of Object.entries(modulesDoc)) {
    if (NON_MODULES.has(type) || !Array.isArray(list)) continue;
    for (const item of list) {
      const m = rec(item);
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
        raw: m,
      });
    }
  }
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
