/**
 * `/browse/<KEY>`: Jira's issue view as the acting user: summary, description, status with the
 * transitions the workflow's conditions let them see, the summary edit, the details with the app's
 * fields by their manifest names, and every issue-view module in an iframe.
 */
import type { IncomingMessage } from 'node:http';
import type { StoredIssue } from '../../platform-doubles/jiraModel';
import { ITR_OFF_SCREEN_FIELDS } from '../../src/app/fields/fieldLabels';
import { ITR_FIELDS } from '../../src/app/fields/itrFields';
import { transitionVerdict } from '../expressions';
import { ISSUE_VIEW_MODULE_TYPES } from '../manifest';
import type { SandboxSite } from '../site';
import { appFrame } from './appFrames';
import { appFieldName, appFieldValue, fieldValue, fmtDate } from './fieldValues';
import { hostPage } from './hostPage';
import { esc, hostText, statusLozenge, type HostTextKey, type Prefs } from './layout';

/** The description's ADF as plain text (the host shows no formatting). */
function descriptionText(adf: unknown): string {
  const texts: string[] = [];
  const walk = (n: unknown): void => {
    if (typeof n !== 'object' || n === null) return;
    const node = n as { text?: unknown; content?: unknown };
    if (typeof node.text === 'string') texts.push(node.text);
    if (Array.isArray(node.content)) node.content.forEach(walk);
  };
  walk(adf);
  return texts.join(' ');
}

/** The app's fields in the details, by their manifest names. */
function appFieldRows(site: SandboxSite, prefs: Prefs, issue: StoredIssue): string {
  const f = issue.fields;
  // Setup leaves these off the projects' screens, so Jira's issue view does not show them.
  const offScreen = new Set<string>(ITR_OFF_SCREEN_FIELDS.map((name) => ITR_FIELDS[name].moduleKey));
  return site.manifest.modules
    .filter((m) => m.type === 'jira:customField' && !offScreen.has(m.key))
    .map((m) => {
      const def = [...site.jira.model.fields.values()].find((d) => d.forgeModuleKey === m.key);
      // Jira's issue view hides empty custom fields.
      if (def === undefined || f[def.id] === null || f[def.id] === undefined || f[def.id] === '') return '';
      return `<dt>${esc(appFieldName(site.manifest, prefs.lang, m.key))}</dt><dd data-testid="field-${esc(m.key)}">${appFieldValue(site, prefs, issue, m.key, def.type, f[def.id])}</dd>`;
    })
    .join('');
}

/**
 * Jira hides a transition whose workflow conditions (Jira expressions) are false for the user.
 * The transitions the issue's own workflow offers from its status (the ITR workflow, for ITR types).
 */
function transitionButtons(site: SandboxSite, prefs: Prefs, issue: StoredIssue): string {
  return site.jira.model
    .availableTransitions(issue)
    .filter(
      (tr) =>
        transitionVerdict('show', {
          accountId: prefs.accountId,
          issueKey: issue.key,
          transitionId: tr.id,
          lang: prefs.lang,
        }) === true,
    )
    .map((tr) => `<button type="submit" name="transition" value="${esc(tr.id)}">${esc(tr.name)}</button>`)
    .join('');
}

export function issuePage(site: SandboxSite, req: IncomingMessage, prefs: Prefs, key: string, error?: string): string {
  const t = (k: HostTextKey): string => hostText(prefs.lang, k);
  const { jira, manifest } = site;
  const issue = jira.model.findIssue(key);
  const project = issue === undefined ? undefined : jira.model.projects.get(issue.projectKey);
  if (
    issue === undefined ||
    project === undefined ||
    (project.browsers !== undefined && !project.browsers.includes(prefs.accountId))
  ) {
    return hostPage(site, req, prefs, key, `<h1>${esc(key)}</h1><p>${esc(t('notFound'))}</p>`);
  }
  const f = issue.fields;
  const status = f['status'] as { name: string };
  const category = jira.model.statuses.find((s) => s.name === status.name)?.category ?? 'new';
  const description = descriptionText(f['description']);
  const issueModules = ISSUE_VIEW_MODULE_TYPES.flatMap((type) =>
    manifest.modules.filter((m) => m.type === type && m.resource !== undefined),
  );
  const body = `
<nav class="breadcrumbs"><a href="/">${esc(t('projects'))}</a><span>/</span><a href="/?project=${esc(project.key)}">${esc(project.name)}</a><span>/</span><a href="/browse/${esc(issue.key)}">${esc(issue.key)}</a></nav>
<h1 data-testid="issue-summary">${esc(f['summary'])}</h1>
${error === undefined ? '' : `<p class="error" role="alert">${esc(error)}</p>`}
<div class="actions-row">
  <form class="transitions" method="post" action="/browse/${esc(issue.key)}/transition">${statusLozenge({ name: status.name, category })} <span class="subtle">${esc(t('moveTo'))}:</span> ${transitionButtons(site, prefs, issue)}</form>
  <details class="edit"><summary>${esc(t('editSummary'))}</summary>
    <form method="post" action="/browse/${esc(issue.key)}/edit" data-testid="edit-form"><input type="text" name="summary" value="${esc(f['summary'])}" required> <button class="primary" type="submit">${esc(t('save'))}</button></form>
  </details>
</div>
<div class="issue">
  <div>
    <h2>${esc(t('description'))}</h2>
    <p data-testid="issue-description">${description === '' ? `<span class="subtle">${esc(t('none'))}</span>` : esc(description)}</p>
    ${issueModules.map((m) => appFrame(manifest, m, prefs.lang, { issueKey: issue.key })).join('')}
  </div>
  <aside>
    <div class="card"><header>${esc(t('details'))}</header><div class="body"><dl class="fields">
      <dt>${esc(t('assignee'))}</dt><dd>${f['assignee'] == null ? `<span class="subtle">${esc(t('unassigned'))}</span>` : fieldValue(site, prefs, 'user', f['assignee'])}</dd>
      <dt>${esc(t('reporter'))}</dt><dd data-testid="issue-reporter">${fieldValue(site, prefs, 'user', f['reporter'])}</dd>
      <dt>${esc(t('type'))}</dt><dd>${esc((f['issuetype'] as { name: string }).name)}</dd>
      ${appFieldRows(site, prefs, issue)}
      <dt>${esc(t('created'))}</dt><dd>${fmtDate(site, prefs, f['created'])}</dd>
      <dt>${esc(t('updated'))}</dt><dd>${fmtDate(site, prefs, f['updated'])}</dd>
    </dl></div></div>
  </aside>
</div>`;
  return hostPage(site, req, prefs, `${issue.key} ${String(f['summary'])}`, body);
}
