/** Jira's issue search (`/issues/?jql=…`), as the acting user, through the Jira double's REST search. */
import type { IncomingMessage } from 'node:http';
import { asUser, jiraErrorText } from '../jiraAsUser';
import type { SandboxSite } from '../site';
import { hostPage } from './hostPage';
import { esc, hostText, type HostTextKey, type Prefs } from './layout';

interface FoundIssue {
  key: string;
  fields: Record<string, unknown>;
}

/** Every page of the search's answer; the error is Jira's refusal (a bad JQL, say). */
async function searchAll(
  site: SandboxSite,
  prefs: Prefs,
  jql: string,
): Promise<{ found: FoundIssue[]; error: string | undefined }> {
  const found: FoundIssue[] = [];
  let nextPageToken: string | undefined;
  do {
    const answer = await asUser(site, prefs.accountId, 'POST', site.forgeApi.route`/rest/api/3/search/jql`, {
      jql,
      fields: ['summary', 'status'],
      maxResults: 100,
      ...(nextPageToken === undefined ? {} : { nextPageToken }),
    });
    if (answer.status !== 200) return { found, error: jiraErrorText(answer.json) };
    const page = answer.json as { issues?: FoundIssue[]; nextPageToken?: string };
    found.push(...(page.issues ?? []));
    nextPageToken = page.nextPageToken;
  } while (nextPageToken !== undefined);
  return { found, error: undefined };
}

export async function searchPage(site: SandboxSite, req: IncomingMessage, prefs: Prefs, jql: string): Promise<string> {
  const t = (k: HostTextKey): string => hostText(prefs.lang, k);
  const { found, error } = await searchAll(site, prefs, jql);
  const rows = found
    .map(
      (i) =>
        `<tr data-testid="search-row"><td><a href="/browse/${esc(i.key)}">${esc(i.key)}</a></td><td>${esc(i.fields['summary'])}</td><td>${esc((i.fields['status'] as { name?: string } | undefined)?.name ?? '')}</td></tr>`,
    )
    .join('');
  const body = `
<h1>${esc(t('searchResults'))}</h1>
<p><code data-testid="search-jql">${esc(jql)}</code></p>
${error === undefined ? `<p>${esc(t('found'))}: <strong data-testid="search-count">${found.length}</strong></p>` : `<p class="error" role="alert">${esc(error)}</p>`}
<table><thead><tr><th>${esc(t('key'))}</th><th>${esc(t('summary'))}</th><th>${esc(t('status'))}</th></tr></thead><tbody>${rows}</tbody></table>`;
  return hostPage(site, req, prefs, t('searchResults'), body);
}
