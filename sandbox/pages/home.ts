/**
 * `/`: the projects the user may browse, the create form, and their issues with the ITR kind, grade,
 * line and submitter; the year of demo history hidden behind a link (`?history=1`), `?project=KEY` for one.
 */
import type { IncomingMessage } from 'node:http';
import type { StoredIssue } from '../../platform-doubles/jiraModel';
import { ITR_ISSUE_TYPE_NAMES } from '../../src/app/setup/plan';
import { DEMO_HISTORY_LABEL } from '../demoHistory';
import { DEMO_FIELD_IDS, DEMO_PROJECTS } from '../demoSite';
import type { SandboxSite } from '../site';
import { appFieldName, appFieldValue, fieldValue } from './fieldValues';
import { hostPage } from './hostPage';
import { esc, hostText, statusLozenge, type HostTextKey, type Prefs } from './layout';

function visibleIssues(site: SandboxSite, prefs: Prefs): StoredIssue[] {
  return [...site.jira.model.issues.values()].filter((i) => site.mayBrowse(prefs.accountId, i.projectKey));
}

const isHistory = (i: StoredIssue): boolean =>
  Array.isArray(i.fields['labels']) && (i.fields['labels'] as unknown[]).includes(DEMO_HISTORY_LABEL);

function projectRows(site: SandboxSite, prefs: Prefs): string {
  return DEMO_PROJECTS.filter((p) => site.mayBrowse(prefs.accountId, p.key))
    .map((p) => {
      const count = visibleIssues(site, prefs).filter((i) => i.projectKey === p.key).length;
      return `<tr><td><a href="/?project=${p.key}">${esc(p.key)}</a></td><td>${esc(p.name)}</td><td>${count}</td></tr>`;
    })
    .join('');
}

function issueRow(site: SandboxSite, prefs: Prefs, i: StoredIssue): string {
  const ids = DEMO_FIELD_IDS;
  const f = i.fields;
  const status = f['status'] as { name: string };
  const category = site.jira.model.statuses.find((s) => s.name === status.name)?.category ?? 'new';
  return `<tr data-testid="issue-row"><td><a href="/browse/${esc(i.key)}">${esc(i.key)}</a></td><td>${esc(f['summary'])}</td>
<td>${statusLozenge({ name: status.name, category })}</td><td>${appFieldValue(site, prefs, i, 'itr-kind', 'string', f[ids.kind])}</td>
<td>${appFieldValue(site, prefs, i, 'itr-grade', 'string', f[ids.grade])}</td><td>${appFieldValue(site, prefs, i, 'itr-line', 'string', f[ids.line])}</td>
<td>${fieldValue(site, prefs, 'user', f[ids.submitter])}</td></tr>`;
}

function createForm(site: SandboxSite, prefs: Prefs, only: string | null): string {
  const t = (k: HostTextKey): string => hostText(prefs.lang, k);
  // ITR types first, so the form's default creates ITR work (triage lists only ITR types).
  const itrTypes = new Set<string>(Object.values(ITR_ISSUE_TYPE_NAMES));
  const typeOptions = [...site.jira.model.issueTypes]
    .sort((a, b) => Number(itrTypes.has(b.name)) - Number(itrTypes.has(a.name)))
    .map((it) => `<option>${esc(it.name)}</option>`)
    .join('');
  return `<form class="create" method="post" action="/__create" data-testid="create-form">
  <label for="c-project">${esc(t('project'))}</label>
  <select id="c-project" name="project">${DEMO_PROJECTS.filter((p) => site.mayBrowse(prefs.accountId, p.key))
    .map((p) => `<option value="${p.key}"${p.key === only ? ' selected' : ''}>${esc(p.name)} (${p.key})</option>`)
    .join('')}</select>
  <label for="c-type">${esc(t('issueType'))}</label><select id="c-type" name="issuetype">${typeOptions}</select>
  <label for="c-summary">${esc(t('summary'))}</label><input id="c-summary" type="text" name="summary" required>
  <label for="c-description">${esc(t('description'))}</label><textarea id="c-description" name="description"></textarea>
  <div class="actions"><button class="primary" type="submit">${esc(t('create'))}</button></div>
</form>`;
}

export function homePage(site: SandboxSite, req: IncomingMessage, prefs: Prefs, url: URL, error?: string): string {
  const t = (k: HostTextKey): string => hostText(prefs.lang, k);
  const fieldName = (moduleKey: string): string => esc(appFieldName(site.manifest, prefs.lang, moduleKey));
  const only = url.searchParams.get('project');
  const showHistory = url.searchParams.get('history') === '1';
  const inProject = visibleIssues(site, prefs).filter((i) => only === null || i.projectKey === only);
  const hidden = showHistory ? 0 : inProject.filter(isHistory).length;
  const issues = inProject.filter((i) => showHistory || !isHistory(i)).sort((a, b) => Number(b.id) - Number(a.id));
  const issueRows = issues.map((i) => issueRow(site, prefs, i)).join('');
  const body = `
<h1>${esc(t('projects'))}</h1>
<table><thead><tr><th>${esc(t('key'))}</th><th>${esc(t('name'))}</th><th>${esc(t('count'))}</th></tr></thead><tbody>${projectRows(site, prefs)}</tbody></table>
<h2>${esc(t('createIssue'))}</h2>
${error === undefined ? '' : `<p class="error" role="alert">${esc(error)}</p>`}
${createForm(site, prefs, only)}
<h2>${esc(t('issues'))}${only === null ? '' : ` · ${esc(only)} <a href="/" class="subtle">(${esc(t('allProjects'))})</a>`}</h2>
<table><thead><tr><th>${esc(t('key'))}</th><th>${esc(t('summary'))}</th><th>${esc(t('status'))}</th>
<th>${fieldName('itr-kind')}</th><th>${fieldName('itr-grade')}</th>
<th>${fieldName('itr-line')}</th><th>${fieldName('itr-submitter')}</th></tr></thead>
<tbody>${issueRows}</tbody></table>
${hidden === 0 ? '' : `<p class="subtle"><a href="/?${new URLSearchParams({ ...(only === null ? {} : { project: only }), history: '1' }).toString()}" data-testid="show-history">${esc(t('showHistory').replace('{n}', String(hidden)))}</a></p>`}`;
  return hostPage(site, req, prefs, t('issues'), body);
}
