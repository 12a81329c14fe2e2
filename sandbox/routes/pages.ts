/** The host's pages (sandbox/pages/): home, issue search, issue view, app pages and workflow rule pages. */
import { sendHtml } from '../http';
import { appPage } from '../pages/appPage';
import { homePage } from '../pages/home';
import { issuePage } from '../pages/issue';
import { searchPage } from '../pages/search';
import { workflowRulePage } from '../pages/workflowRulePage';
import type { SandboxSite } from '../site';
import type { Route } from './route';

export function pageRoutes(site: SandboxSite): Route[] {
  return [
    {
      method: 'GET',
      path: /^\/$/,
      handle: ({ req, res, prefs, url }) => sendHtml(res, homePage(site, req, prefs, url)),
    },
    {
      method: 'GET',
      path: /^\/issues\/?$/,
      handle: async ({ req, res, prefs, url }) =>
        sendHtml(res, await searchPage(site, req, prefs, url.searchParams.get('jql') ?? '')),
    },
    {
      method: 'GET',
      path: /^\/browse\/([A-Z][A-Z0-9_]*-\d+)$/,
      handle: ({ req, res, prefs }, [key = '']) => sendHtml(res, issuePage(site, req, prefs, key)),
    },
    {
      method: 'GET',
      path: /^\/apps\/([^/]+)$/,
      handle: ({ req, res, prefs, url }, [moduleKey = '']) =>
        sendHtml(res, appPage(site, req, prefs, decodeURIComponent(moduleKey), url.searchParams.get('project'))),
    },
    {
      method: 'GET',
      path: /^\/workflow-rules\/([^/]+)\/([a-z]+)$/,
      handle: ({ req, res, prefs }, [moduleKey = '', entry]) =>
        sendHtml(res, workflowRulePage(site, req, prefs, decodeURIComponent(moduleKey), entry)),
    },
  ];
}
