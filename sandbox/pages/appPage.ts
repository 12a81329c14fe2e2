/**
 * An app page module in its iframe: a full page at Jira's URL (sandbox/pages/fullPages.ts) with the
 * sidebar of its subpages, any other page module (project page, gadget) at `/apps/<moduleKey>`; admin
 * pages only for administrators.
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../http';
import type { ManifestModule } from '../manifest';
import type { SandboxSite } from '../site';
import { appFrame, moduleTitle, pageModules } from './appFrames';
import { currentSubpage, moduleUrl, subpageSidebar } from './fullPages';
import { hostPage } from './hostPage';
import { esc, type Prefs } from './layout';

/** The page module `moduleKey`, or 404. */
export function pageModule(site: SandboxSite, moduleKey: string): ManifestModule {
  const m = pageModules(site.manifest).find((x) => x.key === moduleKey);
  if (m === undefined) throw new HttpError(404, `no page module ${moduleKey}`);
  return m;
}

/** `m` with the path below its URL (`/return-visits` of a global page's subpage; empty for its own URL). */
export function appPage(
  site: SandboxSite,
  req: IncomingMessage,
  prefs: Prefs,
  m: ManifestModule,
  rest: string,
  projectKey: string | null,
): string {
  if (m.type === 'jira:adminPage' && !site.isAdmin(prefs.accountId)) {
    throw new HttpError(403, 'Only Jira administrators may open this page');
  }
  const title = moduleTitle(site.manifest, m, prefs.lang);
  const frame = appFrame(site.manifest, m, prefs.lang, projectKey === null ? {} : { projectKey }, { header: false });
  if (m.subpages.length === 0) {
    // Only a module with subpages has routes below its URL (Jira would not send the path to anything else).
    if (rest.split('/').some((part) => part !== '')) throw new HttpError(404, `${m.key} has no subpages`);
    return hostPage(site, req, prefs, title, `<h1>${esc(title)}</h1>${frame}`);
  }
  const sidebar = subpageSidebar(site.manifest, m, prefs.lang, moduleUrl(site, m), currentSubpage(m, rest));
  return hostPage(
    site,
    req,
    prefs,
    title,
    `<div class="with-sidebar">${sidebar}<div class="page-body"><h1>${esc(title)}</h1>${frame}</div></div>`,
  );
}
