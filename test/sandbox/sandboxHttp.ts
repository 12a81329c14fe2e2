/**
 * A user of the sandbox over plain HTTP (no browser), as the HTTP tests and the security probes use it:
 * Jira's REST API as the user chosen in the top bar, and `invoke` through the bridge from a module's frame.
 */
import { DEMO_USERS } from '../../sandbox/demoSite';

/** A demo user's account id by display name (a renamed demo user fails the test that needs them). */
export function demoAccountId(displayName: string): string {
  const u = DEMO_USERS.find((x) => x.displayName === displayName);
  if (u === undefined) throw new Error(`no demo user ${displayName}`);
  return u.accountId;
}

/** The top bar's preference cookie, as `/__prefs` sets it. */
export const cookieOf = (accountId: string): string =>
  `itr_sandbox=${encodeURIComponent(new URLSearchParams({ accountId, lang: 'en', theme: 'light' }).toString())}`;

/** `/rest/api/3/...` on the sandbox as `accountId`; the body as JSON (null when empty). */
export async function restAs(
  baseUrl: string,
  accountId: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      cookie: cookieOf(accountId),
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text === '' ? null : (JSON.parse(text) as unknown) };
}

/** `invoke(functionKey, payload)` from the frame of `frame.moduleKey`, as `accountId`: the answer's status and text. */
export async function invokeAs(
  baseUrl: string,
  accountId: string,
  frame: { moduleKey: string; issueKey?: string },
  functionKey: string,
  payload: unknown = {},
): Promise<{ status: number; text: string }> {
  const res = await fetch(`${baseUrl}/__bridge`, {
    method: 'POST',
    headers: { cookie: cookieOf(accountId), 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'invoke',
      payload: { functionKey, payload },
      frame: { issueKey: null, projectKey: null, ...frame },
    }),
  });
  return { status: res.status, text: await res.text() };
}
