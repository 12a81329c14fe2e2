/** `/apps/<moduleKey>`: any page module (admin, global, project, gadget) in its iframe; admin pages only for administrators. */
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../http';
import type { SandboxSite } from '../site';
import { appFrame, moduleTitle, pageModules } from './appFrames';
import { hostPage } from './hostPage';
import { esc, type Prefs } from './layout';

export function appPage(
  site: SandboxSite,
  req: IncomingMessage,
  prefs: Prefs,
  moduleKey: string,
  projectKey: string | null,
): string {
  const m = pageModules(site.manifest).find((x) => x.key === moduleKey);
  if (m === undefined) throw new HttpError(404, `no page module ${moduleKey}`);
  if (m.type === 'jira:adminPage' && !site.isAdmin(prefs.accountId)) {
    throw new HttpError(403, 'Only Jira administrators may open this page');
  }
  const title = moduleTitle(site.manifest, m, prefs.lang);
  const frame = appFrame(site.manifest, m, prefs.lang, projectKey === null ? {} : { projectKey });
  return hostPage(site, req, prefs, title, `<h1>${esc(title)}</h1>${frame}`);
}
