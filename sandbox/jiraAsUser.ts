/**
 * Jira's REST API as the acting user, through the real `@forge/api` `asUser()` and the Jira double:
 * what the host's own forms and search do, so they meet the same permissions the user has in Jira.
 */
import type { SandboxSite } from './site';

export type JiraRoute = ReturnType<SandboxSite['forgeApi']['route']>;

export async function asUser(
  site: SandboxSite,
  accountId: string,
  method: string,
  pathAndQuery: JiraRoute,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const res = await site.harness.runtime.runAs(accountId, () =>
    site.forgeApi.asUser().requestJira(pathAndQuery, {
      method,
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  const text = await res.text();
  return { status: res.status, json: text === '' ? null : (JSON.parse(text) as unknown) };
}

/** Jira's refusal as one line for the page (its messages, then its field errors). */
export function jiraErrorText(json: unknown): string {
  const j = (json ?? {}) as { errorMessages?: string[]; errors?: Record<string, string> };
  return [...(j.errorMessages ?? []), ...Object.values(j.errors ?? {})].join(' ') || 'Jira refused the request';
}
