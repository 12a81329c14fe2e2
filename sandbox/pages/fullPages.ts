/**
 * Where Jira serves the app's full pages, and the sidebar of their subpages (forge-docs:
 * manifest-reference/modules/jira-global-page and jira-admin-page): the global page at
 * `/jira/apps/<appId>/<envId>`, the admin page at `/jira/settings/apps/<appId>/<envId>`, its Get started
 * page at `/jira/settings/apps/get-started/<appId>/<envId>` and a Configure page at
 * `/jira/settings/apps/configure/<appId>/<envId>`; a subpage's route is appended to its module's URL.
 * Other page modules (project pages, gadgets) keep the sandbox's own `/apps/<moduleKey>`.
 */
import type { ManifestModule, SandboxManifest } from '../manifest';
import type { SandboxSite } from '../site';
import { moduleTitle } from './appFrames';
import { esc, type Lang } from './layout';
import { translate } from '../manifest';

export type FullPageKind = 'global' | 'admin' | 'get-started' | 'configure';

/** Which of Jira's full-page URLs a module has, if any. */
export function fullPageKind(m: ManifestModule): FullPageKind | undefined {
  if (m.type === 'jira:globalPage') return 'global';
  if (m.type !== 'jira:adminPage') return undefined;
  if (m.raw['useAsGetStarted'] === true) return 'get-started';
  if (m.raw['useAsConfig'] === true) return 'configure';
  return 'admin';
}

function appIds(site: SandboxSite): { appId: string; envId: string } {
  const { appId, environmentId } = site.harness.runtime.appContext;
  return { appId: encodeURIComponent(appId), envId: encodeURIComponent(environmentId) };
}

/** The module's own URL, without a subpage: Jira's for a full page, else `/apps/<moduleKey>`. */
export function moduleUrl(site: SandboxSite, m: ManifestModule): string {
  const { appId, envId } = appIds(site);
  switch (fullPageKind(m)) {
    case 'global':
      return `/jira/apps/${appId}/${envId}`;
    case 'admin':
      return `/jira/settings/apps/${appId}/${envId}`;
    case 'get-started':
      return `/jira/settings/apps/get-started/${appId}/${envId}`;
    case 'configure':
      return `/jira/settings/apps/configure/${appId}/${envId}`;
    case undefined:
      return `/apps/${encodeURIComponent(m.key)}`;
  }
}

/** The full page of `kind` at this app and environment's URL; undefined for another app's or environment's. */
export function fullPageAt(
  site: SandboxSite,
  kind: FullPageKind,
  appId: string,
  envId: string,
): ManifestModule | undefined {
  const ids = appIds(site);
  if (appId !== ids.appId || envId !== ids.envId) return undefined;
  return site.manifest.modules.find((m) => fullPageKind(m) === kind);
}

/** The subpage a path below the module's URL names (its first segment), if the module lists it. */
export function currentSubpage(m: ManifestModule, rest: string): string | undefined {
  const first = rest.split('/').find((part) => part !== '');
  // The module's own URL shows its first subpage, as the app does (static/shared/subpages.tsx).
  if (first === undefined) return m.subpages[0]?.route;
  return m.subpages.find((p) => p.route === first)?.route;
}

/**
 * Jira's sidebar for a module with subpages: the module's title, then each page (under its section's
 * header) as a link to its URL, the current one marked `aria-current="page"`. The host script follows
 * clicks without reloading the app's frame (sandbox/pages/layout.ts), as Jira only changes the URL.
 */
export function subpageSidebar(
  manifest: SandboxManifest,
  m: ManifestModule,
  lang: Lang,
  base: string,
  current: string | undefined,
): string {
  const text = (keyOrText: string) => translate(manifest, lang === 'zh-CN' ? 'zh-CN' : 'en-US', keyOrText);
  const title = moduleTitle(manifest, m, lang);
  const groups: Array<{ header: string | undefined; pages: ManifestModule['subpages'] }> = [];
  for (const p of m.subpages) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last.header === p.section) last.pages.push(p);
    else groups.push({ header: p.section, pages: [p] });
  }
  const list = groups
    .map(
      (g) =>
        `${g.header === undefined ? '' : `<h3>${esc(text(g.header))}</h3>`}<ul>${g.pages
          .map(
            (p) =>
              `<li><a href="${esc(`${base}/${encodeURIComponent(p.route)}`)}" data-route="${esc(p.route)}"${
                p.route === current ? ' aria-current="page"' : ''
              }>${esc(text(p.title))}</a></li>`,
          )
          .join('')}</ul>`,
    )
    .join('');
  return `<nav class="subpages" aria-label="${esc(title)}" data-base="${esc(base)}" data-testid="subpages"><h2>${esc(title)}</h2>${list}</nav>`;
}
