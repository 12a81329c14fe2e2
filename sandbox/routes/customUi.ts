/**
 * `/static/<resource>/…`: the Custom UI builds, every file with the app's Content-Security-Policy
 * (forge-docs: custom-ui, Security), and each HTML page with the token CSS and the bridge script
 * injected before the app's own scripts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ServerResponse } from 'node:http';
import { CONTENT_TYPES, HttpError } from '../http';
import type { SandboxSite } from '../site';
import type { Route } from './route';

async function serveResource(
  site: SandboxSite,
  csp: string,
  res: ServerResponse,
  resourceKey: string,
  rest: string,
): Promise<void> {
  const base = site.manifest.resources.get(resourceKey);
  if (base === undefined) throw new HttpError(404, `no resource ${resourceKey}`);
  const file = path.resolve(base, rest === '' ? 'index.html' : rest);
  if (file !== base && !file.startsWith(base + path.sep)) throw new HttpError(403, 'forbidden');
  let body: Buffer;
  try {
    body = await fs.promises.readFile(file);
  } catch {
    throw new HttpError(404, `not found: ${rest} (is static/${resourceKey} built? npm run build:ui)`);
  }
  if (path.extname(file) === '.html') {
    const injected = `<link rel="stylesheet" href="/__tokens.css"><script src="/__bridge.js"></script>`;
    const html = body.toString('utf8').replace(/<head([^>]*)>/i, (m) => `${m}${injected}`);
    res
      .writeHead(200, {
        'content-type': CONTENT_TYPES['.html'] ?? 'text/html',
        'cache-control': 'no-store',
        'content-security-policy': csp,
      })
      .end(html);
    return;
  }
  res
    .writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': csp,
    })
    .end(body);
}

export function customUiRoutes(site: SandboxSite, csp: string): Route[] {
  return [
    {
      method: 'GET',
      path: /^\/static\/([^/]+)\/(.*)$/,
      handle: ({ res }, [resourceKey = '', rest = '']) =>
        serveResource(site, csp, res, resourceKey, decodeURIComponent(rest)),
    },
  ];
}
