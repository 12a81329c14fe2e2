/** A host page: its body inside the top bar (acting user, language, theme, sandbox time, the app's pages). */
import type { IncomingMessage } from 'node:http';
import { DEMO_USERS } from '../demoSite';
import type { SandboxSite } from '../site';
import { moduleTitle, pageModules } from './appFrames';
import { moduleUrl } from './fullPages';
import { layout, type Prefs } from './layout';

export function hostPage(site: SandboxSite, req: IncomingMessage, prefs: Prefs, title: string, body: string): string {
  const acting = site.userOf(prefs.accountId);
  const isAdmin = acting.groups.includes('jira-administrators');
  return layout({
    prefs,
    title,
    users: DEMO_USERS,
    actingUser: acting,
    appLinks: pageModules(site.manifest)
      .filter((m) => m.type !== 'jira:adminPage' || isAdmin)
      .map((m) => ({ href: moduleUrl(site, m), label: moduleTitle(site.manifest, m, prefs.lang) })),
    nowMs: site.clock.now(),
    speed: site.clock.speed,
    back: req.url ?? '/',
    body,
  });
}
