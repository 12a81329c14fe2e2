/**
 * The host's pages (sandbox/pages/): home, issue search, issue view, app pages (full pages at Jira's
 * URLs, the rest at `/apps/<moduleKey>`) and workflow rule pages.
 */
import { HttpError, redirect, sendHtml } from '../http';
import { appPage, pageModule } from '../pages/appPage';
import { fullPageAt, fullPageKind, moduleUrl, type FullPageKind } from '../pages/fullPages';
import { homePage } from '../pages/home';
import { issuePage } from '../pages/issue';
import { searchPage } from '../pages/search';
import { workflowRulePage } from '../pages/workflowRulePage';
import type { SandboxSite } from '../site';
import type { Route } from './route';

export function pageRoutes(site: SandboxSite): Route[] {
  const fullPage = (kind: FullPageKind, appId: string, envId: string) => {
    const m = fullPageAt(site, kind, appId, envId);
    if (m === undefined) throw new HttpError(404, `this app has no ${kind} page at ${appId}/${envId}`);
    return m;
  };
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
      path: /^\/apps\/([^/]+)((?:\/[^/]*)*)$/,
      handle: ({ req, res, prefs, url }, [moduleKey = '', rest = '']) => {
        const m = pageModule(site, decodeURIComponent(moduleKey));
        // A full page lives at Jira's URL: `/apps/<moduleKey>[/<route>]` sends there (a short address to type).
        if (fullPageKind(m) !== undefined) return redirect(res, `${moduleUrl(site, m)}${rest}${url.search}`);
        sendHtml(res, appPage(site, req, prefs, m, decodeURIComponent(rest), url.searchParams.get('project')));
      },
    },
    // Get started and Configure pages first: their URLs would also match the admin page's pattern below.
    {
      method: 'GET',
      path: /^\/jira\/settings\/apps\/(get-started|configure)\/([^/]+)\/([^/]+)\/?$/,
      handle: ({ req, res, prefs }, [kind = '', appId = '', envId = '']) =>
        sendHtml(res, appPage(site, req, prefs, fullPage(kind as FullPageKind, appId, envId), '', null)),
    },
    {
      method: 'GET',
      path: /^\/jira\/settings\/apps\/([^/]+)\/([^/]+)((?:\/[^/]*)*)$/,
      handle: ({ req, res, prefs }, [appId = '', envId = '', rest = '']) =>
        sendHtml(res, appPage(site, req, prefs, fullPage('admin', appId, envId), decodeURIComponent(rest), null)),
    },
    {
      method: 'GET',
      path: /^\/jira\/apps\/([^/]+)\/([^/]+)((?:\/[^/]*)*)$/,
      handle: ({ req, res, prefs }, [appId = '', envId = '', rest = '']) =>
        sendHtml(res, appPage(site, req, prefs, fullPage('global', appId, envId), decodeURIComponent(rest), null)),
    },
    {
      method: 'GET',
      path: /^\/workflow-rules\/([^/]+)\/([a-z]+)$/,
      handle: ({ req, res, prefs }, [moduleKey = '', entry]) =>
        sendHtml(res, workflowRulePage(site, req, prefs, decodeURIComponent(moduleKey), entry)),
    },
  ];
}
