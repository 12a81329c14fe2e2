/**
 * `/rest/api/3/…` as the acting user, like a browser console on a real site: the request goes through
 * the real `@forge/api` `asUser()` to the Jira double, which answers with that user's permissions and
 * records contract violations as for the app. Writes Jira would announce (create, edit, transition, comment)
 * reach the app's triggers; a transition passes the workflow's rules first, as in Jira.
 */
import type { IncomingMessage } from 'node:http';
import type { StoredIssue } from '../../platform-doubles/jiraModel';
import { transitionVerdict } from '../expressions';
import { HttpError, readBody } from '../http';
import type { Prefs } from '../pages/layout';
import { changelogItem, deliverEvent } from '../productEvents';
import type { SandboxSite } from '../site';
import type { Route, SandboxRequest } from './route';

/** The issue a request is about (`/issue/<key>` or `…/transitions`), read before the request changes it. */
interface IssueRequest {
  before: StoredIssue | undefined;
  isTransition: boolean;
}

function parsedJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The body of the request, refused unless JSON: Jira's XSRF check (a cross-site form cannot send JSON). */
async function jsonBodyText(req: IncomingMessage, method: string): Promise<string> {
  const text = method === 'GET' ? '' : await readBody(req);
  if (text !== '' && !(req.headers['content-type'] ?? '').startsWith('application/json'))
    throw new HttpError(415, 'Jira REST takes application/json');
  return text;
}

/** A transition the workflow's rules refuse for this user: Jira's 400 with the rule's message; null = allowed. */
function refusedTransition(prefs: Prefs, issue: IssueRequest, method: string, body: unknown): string | null {
  const transitionId = (body as { transition?: { id?: unknown } } | undefined)?.transition?.id;
  if (method !== 'POST' || !issue.isTransition || issue.before === undefined || typeof transitionId !== 'string')
    return null;
  const verdict = transitionVerdict('perform', {
    accountId: prefs.accountId,
    issueKey: issue.before.key,
    transitionId,
    lang: prefs.lang,
  });
  return verdict === true ? null : verdict;
}

/** How a changelog shows a value: an object by its name, else as JSON; a scalar as text. */
function shown(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'object'
    ? (((v as { name?: unknown }).name as string | undefined) ?? JSON.stringify(v))
    : String(v);
}

/** The product events a successful REST write causes: issue created, issue updated (with its changelog), commented. */
async function announce(
  site: SandboxSite,
  method: string,
  url: URL,
  prefs: Prefs,
  out: string,
  issue: IssueRequest,
  snapshot: Record<string, unknown> | undefined,
): Promise<void> {
  const { jira } = site;
  const { before } = issue;
  const commented = /^\/rest\/api\/3\/issue\/([^/]+)\/comment$/.exec(url.pathname);
  if (method === 'POST' && commented?.[1] !== undefined) {
    // A comment added (issue 17: the submitter's comment answers a clarification question).
    const onIssue = jira.model.findIssue(decodeURIComponent(commented[1]));
    if (onIssue !== undefined)
      await deliverEvent(site, 'avi:jira:commented:issue', prefs.accountId, onIssue, { comment: JSON.parse(out) });
  } else if (method === 'POST' && url.pathname === '/rest/api/3/issue') {
    const key = (JSON.parse(out) as { key?: unknown }).key;
    const created = typeof key === 'string' ? jira.model.findIssue(key) : undefined;
    if (created !== undefined) await deliverEvent(site, 'avi:jira:created:issue', prefs.accountId, created);
  } else if (before !== undefined && snapshot !== undefined && (method === 'PUT' || issue.isTransition)) {
    const after = jira.issue(before.key);
    const items = Object.keys({ ...snapshot, ...after.fields })
      .filter((id) => id !== 'updated' && JSON.stringify(snapshot[id]) !== JSON.stringify(after.fields[id]))
      .map((id) => changelogItem(id, shown(snapshot[id]), shown(after.fields[id])));
    if (items.length > 0)
      await deliverEvent(site, 'avi:jira:updated:issue', prefs.accountId, after, {
        changelog: { id: 'sandbox-rest', items },
      });
  }
}

async function restAsUser(site: SandboxSite, { req, res, prefs, url }: SandboxRequest): Promise<void> {
  const { jira, forgeApi } = site;
  const method = req.method ?? 'GET';
  if (!['GET', 'POST', 'PUT', 'DELETE'].includes(method)) throw new HttpError(405, `${method} is not answered here`);
  const text = await jsonBodyText(req, method);
  const issuePath = /^\/rest\/api\/3\/issue\/([^/]+)(\/transitions)?$/.exec(url.pathname);
  const issue: IssueRequest = {
    before: issuePath?.[1] === undefined ? undefined : jira.model.findIssue(decodeURIComponent(issuePath[1])),
    isTransition: issuePath?.[2] !== undefined,
  };
  const visible = issue.before !== undefined && site.mayBrowse(prefs.accountId, issue.before.projectKey);
  const refusal = visible ? refusedTransition(prefs, issue, method, parsedJson(text)) : null;
  if (refusal !== null)
    return void res
      .writeHead(400, { 'content-type': 'application/json' })
      .end(JSON.stringify({ errorMessages: [refusal], errors: {} }));
  const snapshot = issue.before === undefined ? undefined : structuredClone(issue.before.fields);
  const answer = await site.harness.runtime.runAs(prefs.accountId, () =>
    forgeApi.asUser().requestJira(forgeApi.assumeTrustedRoute(url.pathname + url.search), {
      method,
      headers: { accept: 'application/json', ...(text === '' ? {} : { 'content-type': 'application/json' }) },
      ...(text === '' ? {} : { body: text }),
    }),
  );
  const out = await answer.text();
  // Events are delivered before the answer (Jira sends them later): a client sees their effects at once.
  if (answer.status < 300) await announce(site, method, url, prefs, out, issue, snapshot);
  res
    .writeHead(answer.status, {
      'content-type': answer.headers.get('content-type') ?? 'application/json',
      'cache-control': 'no-store',
    })
    .end(out);
}

export function restRoutes(site: SandboxSite): Route[] {
  return [{ method: null, path: /^\/rest\/api\/3\//, handle: (r) => restAsUser(site, r) }];
}
