/**
 * The host pages' forms, as Jira's own UI would send them: the top bar's choices, create an issue, edit
 * its summary, transition it. Each write goes to the Jira double as the acting user (a refusal shows on
 * the page), then the product event reaches the app's triggers before the redirect.
 */
import { transitionVerdict } from '../expressions';
import { adfParagraph } from '../demoSite';
import { readBody, redirect, safeBack, sendHtml } from '../http';
import { asUser, jiraErrorText } from '../jiraAsUser';
import { homePage } from '../pages/home';
import { issuePage } from '../pages/issue';
import { prefsCookie } from '../prefs';
import { changelogItem, deliverEvent } from '../productEvents';
import type { SandboxSite } from '../site';
import type { Route, SandboxRequest } from './route';

const formOf = async (r: SandboxRequest): Promise<URLSearchParams> => new URLSearchParams(await readBody(r.req));

async function createIssue(site: SandboxSite, r: SandboxRequest): Promise<void> {
  const { req, res, prefs, url } = r;
  const form = await formOf(r);
  const fields = {
    project: { key: form.get('project') ?? '' },
    issuetype: { name: form.get('issuetype') ?? 'Task' },
    summary: form.get('summary') ?? '',
    description: adfParagraph(form.get('description') ?? ''),
  };
  const created = await asUser(site, prefs.accountId, 'POST', site.forgeApi.route`/rest/api/3/issue`, { fields });
  if (created.status !== 201)
    return sendHtml(res, homePage(site, req, prefs, url, jiraErrorText(created.json)), created.status);
  const key = (created.json as { key: string }).key;
  site.log(`[jira] ${site.userOf(prefs.accountId).displayName} created ${key}`);
  await deliverEvent(site, 'avi:jira:created:issue', prefs.accountId, site.jira.issue(key));
  redirect(res, `/browse/${key}`);
}

async function editSummary(site: SandboxSite, r: SandboxRequest, key: string): Promise<void> {
  const { req, res, prefs } = r;
  const form = await formOf(r);
  const oldSummary = String(site.jira.issue(key).fields['summary']);
  const summary = form.get('summary') ?? '';
  const answer = await asUser(site, prefs.accountId, 'PUT', site.forgeApi.route`/rest/api/3/issue/${key}`, {
    fields: { summary },
  });
  if (answer.status !== 204)
    return sendHtml(res, issuePage(site, req, prefs, key, jiraErrorText(answer.json)), answer.status);
  await deliverEvent(site, 'avi:jira:updated:issue', prefs.accountId, site.jira.issue(key), {
    changelog: { id: 'sandbox', items: [changelogItem('summary', oldSummary, summary)] },
  });
  redirect(res, `/browse/${key}`);
}

async function transition(site: SandboxSite, r: SandboxRequest, key: string): Promise<void> {
  const { req, res, prefs } = r;
  const form = await formOf(r);
  const before = site.jira.issue(key);
  const transitionId = form.get('transition') ?? '';
  const target = site.jira.model.availableTransitions(before).find((tr) => tr.id === transitionId);
  const fromStatus = (before.fields['status'] as { name: string }).name;
  // Jira evaluates the transition's conditions and expression validators here (see expressions.ts);
  // a refusal shows the rule's message in the user's language.
  const verdict = transitionVerdict('perform', {
    accountId: prefs.accountId,
    issueKey: key,
    transitionId,
    lang: prefs.lang,
  });
  if (verdict !== true) return sendHtml(res, issuePage(site, req, prefs, key, verdict), 400);
  const answer = await asUser(
    site,
    prefs.accountId,
    'POST',
    site.forgeApi.route`/rest/api/3/issue/${key}/transitions`,
    { transition: { id: transitionId } },
  );
  if (answer.status !== 204)
    return sendHtml(res, issuePage(site, req, prefs, key, jiraErrorText(answer.json)), answer.status);
  await deliverEvent(site, 'avi:jira:updated:issue', prefs.accountId, site.jira.issue(key), {
    changelog: { id: 'sandbox', items: [changelogItem('status', fromStatus, target?.to ?? '')] },
  });
  redirect(res, `/browse/${key}`);
}

export function formRoutes(site: SandboxSite): Route[] {
  return [
    {
      method: 'POST',
      path: /^\/__prefs$/,
      handle: async (r) => {
        const form = await formOf(r);
        redirect(r.res, safeBack(form.get('back')), { 'set-cookie': prefsCookie(form, r.prefs) });
      },
    },
    { method: 'POST', path: /^\/__create$/, handle: (r) => createIssue(site, r) },
    {
      method: 'POST',
      path: /^\/browse\/([A-Z][A-Z0-9_]*-\d+)\/edit$/,
      handle: (r, [key = '']) => editSummary(site, r, key),
    },
    {
      method: 'POST',
      path: /^\/browse\/([A-Z][A-Z0-9_]*-\d+)\/transition$/,
      handle: (r, [key = '']) => transition(site, r, key),
    },
  ];
}
