/**
 * The host's routes as a table: a method and a path pattern per route, tried in order; the first match
 * answers, with the pattern's groups (still URL-encoded) as parameters. No match is a 404.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from '../http';
import type { Prefs } from '../pages/layout';
import { prefsOf } from '../prefs';

/** One request as a route sees it: the acting user's choices (top bar) come with it. */
export interface SandboxRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  prefs: Prefs;
}

export interface Route {
  /** null = any method. */
  method: 'GET' | 'POST' | null;
  /** Matched against the whole path (no query). */
  path: RegExp;
  handle(r: SandboxRequest, params: readonly string[]): Promise<void> | void;
}

export async function dispatch(routes: readonly Route[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  const r: SandboxRequest = { req, res, url, prefs: prefsOf(req) };
  for (const route of routes) {
    if (route.method !== null && route.method !== req.method) continue;
    const m = route.path.exec(url.pathname);
    if (m !== null)
      return route.handle(
        r,
        m.slice(1).map((g) => g ?? ''),
      );
  }
  throw new HttpError(404, 'not found');
}
