/**
 * The app's modules as the host shows them: which are pages of their own, their titles in the user's
 * language, and the iframe a module's Custom UI runs in (its URL tells the bridge script which frame it is).
 */
import { ISSUE_VIEW_MODULE_TYPES, translate, type ManifestModule, type SandboxManifest } from '../manifest';
import { esc, type Lang } from './layout';

/** `jira:customField` value types: a field's resource is its view, not a page. */
const FIELD_TYPES = new Set(['string', 'number', 'user', 'group', 'date', 'datetime', 'object']);

/** Modules that are pages of their own (anything with a resource that is not on the issue view). */
export function pageModules(manifest: SandboxManifest): ManifestModule[] {
  return manifest.modules.filter(
    (m) =>
      m.resource !== undefined && !ISSUE_VIEW_MODULE_TYPES.includes(m.type) && !FIELD_TYPES.has(String(m.raw['type'])),
  );
}

export function moduleTitle(manifest: SandboxManifest, m: ManifestModule, lang: Lang): string {
  return m.title === undefined ? m.key : translate(manifest, lang === 'zh-CN' ? 'zh-CN' : 'en-US', m.title);
}

export function appFrame(
  manifest: SandboxManifest,
  m: ManifestModule,
  lang: Lang,
  frame: { issueKey?: string; projectKey?: string },
  /** The panel's own header (icon and title); a page of its own has its title as the page's heading instead. */
  options: { header?: boolean } = {},
): string {
  const q = new URLSearchParams({
    moduleKey: m.key,
    ...(frame.issueKey === undefined ? {} : { issueKey: frame.issueKey }),
    ...(frame.projectKey === undefined ? {} : { projectKey: frame.projectKey }),
  });
  const title = moduleTitle(manifest, m, lang);
  const icon =
    typeof m.raw['icon'] === 'string' && m.raw['icon'].startsWith('resource:')
      ? m.raw['icon'].slice('resource:'.length).split(';')
      : undefined;
  const iconHtml =
    icon !== undefined && icon.length === 2 ? `<img alt="" src="/static/${esc(icon[0])}/${esc(icon[1])}">` : '';
  const header = options.header === false ? '' : `<header>${iconHtml}<span>${esc(title)}</span></header>`;
  return `<section class="app-panel" data-module-key="${esc(m.key)}">
${header}
<iframe class="forge-app" title="${esc(title)}" data-testid="forge-frame-${esc(m.key)}" src="/static/${esc(m.resource)}/index.html?${esc(q.toString())}"></iframe>
</section>`;
}
