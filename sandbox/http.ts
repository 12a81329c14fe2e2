/**
 * The sandbox host's HTTP plumbing: its error with a status, reading a request body, and the answers
 * every route shares (HTML, JSON, a redirect, the error answer in the caller's format).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An answer other than 200 a route decides on; anything else thrown is a 500. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function redirect(res: ServerResponse, to: string, headers: Record<string, string> = {}): void {
  res.writeHead(303, { location: to, ...headers }).end();
}

/** A host page; never cached, since it shows the acting user's view of the moment. */
export function sendHtml(res: ServerResponse, html: string, status = 200): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
}

export function sendJson(res: ServerResponse, value: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

/** Only a path on this site: a `back` pointing elsewhere (`//evil`, `https://…`) goes home. */
export function safeBack(back: string | null): string {
  return back !== null && back.startsWith('/') && !back.startsWith('//') ? back : '/';
}

/**
 * The answer to a failed request, in the shape its caller reads: the bridge script expects
 * `{ message }`, a REST client Jira's `{ errorMessages, errors }`, a browser plain text. 5xx are logged.
 */
export function answerError(req: IncomingMessage, res: ServerResponse, e: unknown, log: (line: string) => void): void {
  const status = e instanceof HttpError ? e.status : 500;
  if (status >= 500)
    log(`[sandbox] ${req.method ?? ''} ${req.url ?? ''}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  if (res.headersSent) return void res.end();
  const message = e instanceof Error ? e.message : String(e);
  if ((req.url ?? '').startsWith('/__bridge'))
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ message }));
  else if ((req.url ?? '').startsWith('/rest/'))
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(JSON.stringify({ errorMessages: [message], errors: {} }));
  else res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(message);
}
