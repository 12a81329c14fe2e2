/**
 * Small HTTP helpers shared by the platform doubles. The Forge SDKs hand `__forge_fetch__` a
 * `RequestInit`-like object and expect a WHATWG `Response` back; these helpers read the one and build
 * the other, so each double deals only in parsed JSON.
 */

/** What the SDKs pass as the third argument of `__forge_fetch__` (a subset of `RequestInit`). */
export interface ForgeFetchInit {
  method?: string;
  headers?: unknown;
  body?: unknown;
  redirect?: string;
  signal?: unknown;
}

/** A request as the doubles see it: method upper-cased, path split from its query, body as text. */
export interface DoubleRequest {
  method: string;
  /** Path without the query string, still percent-encoded as sent. */
  pathname: string;
  query: URLSearchParams;
  headers: Headers;
  /** `undefined` when the request had no body. */
  bodyText: string | undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function toForgeFetchInit(value: unknown): ForgeFetchInit {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) throw new Error(`[forge harness] fetch init must be an object, got ${typeof value}`);
  return value;
}

function toHeaders(raw: unknown): Headers {
  const headers = new Headers();
  if (raw === undefined || raw === null) return headers;
  if (raw instanceof Headers) return new Headers(raw);
  if (Array.isArray(raw)) {
    for (const pair of raw) {
      if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string') {
        headers.append(pair[0], pair[1]);
      }
    }
    return headers;
  }
  if (isRecord(raw)) {
    for (const [name, value] of Object.entries(raw)) {
      if (value === undefined || value === null) continue;
      headers.set(name, String(value));
    }
  }
  return headers;
}

function bodyToText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  throw new Error(`[forge harness] unsupported request body type: ${Object.prototype.toString.call(body)}`);
}

export function toDoubleRequest(path: string, init: ForgeFetchInit): DoubleRequest {
  if (!path.startsWith('/')) throw new Error(`[forge harness] expected an absolute path, got "${path}"`);
  const url = new URL(path, 'https://forge-harness.invalid');
  return {
    method: (init.method ?? 'GET').toUpperCase(),
    pathname: url.pathname,
    query: url.searchParams,
    headers: toHeaders(init.headers),
    bodyText: bodyToText(init.body),
  };
}

/** Parses a JSON request body; `undefined` for no body, throws a `SyntaxError` for bad JSON. */
export function parseJsonBody(req: DoubleRequest): unknown {
  if (req.bodyText === undefined || req.bodyText === '') return undefined;
  return JSON.parse(req.bodyText) as unknown;
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  if (NULL_BODY_STATUSES.has(status)) return emptyResponse(status, headers);
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function emptyResponse(status: number, headers: Record<string, string> = {}): Response {
  return new Response(NULL_BODY_STATUSES.has(status) ? null : '', { status, headers });
}

export function sleepMs(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
