/**
 * The Content-Security-Policy Forge serves every Custom UI resource with, derived from manifest.yml's
 * `permissions.content` and `permissions.external` as the docs describe. The sandbox and the static
 * browser tests send it, so a page that needs something the manifest does not declare breaks here
 * the way it would break in Jira.
 *
 * forge-docs: custom-ui (Security → Default limitations): scripts and assets come only from the app's
 *   own resource directory, and the app cannot fetch APIs from the page (it uses `invoke`).
 * forge-docs: add-content-security-and-egress-controls: Atlassian blocks every policy it deems unsafe
 *   (inline CSS included) unless `permissions.content` declares it; `unsafe-*` additions are a major
 *   version.
 * forge-docs: manifest-reference/permissions (Content permissions, External permissions): which list
 *   feeds which directive (`content.scripts` → script-src, `content.styles` → style-src,
 *   `external.fetch.client` → connect-src, `fonts` → font-src, `styles`, `frames`, `images`, `media`,
 *   `scripts`).
 * The docs do not print Forge's header itself: the exact directive set below (default-src 'self',
 * object-src 'none', base-uri 'self', no `data:` images) is the double's choice, as strict as the text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

const MANIFEST_PATH = path.resolve(__dirname, '..', 'manifest.yml');

/** Keywords the docs allow in `permissions.content.scripts` / `.styles`; CSP wants them quoted. */
const QUOTED_KEYWORDS = new Set(['unsafe-inline', 'unsafe-hashes', 'unsafe-eval']);
const HASH_SOURCE = /^sha(256|384|512)-[A-Za-z0-9+/=]+$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `permissions.content.<list>` as CSP sources: keywords and hashes quoted, `blob:` as is; anything else is dropped (Forge's lint refuses it). */
function contentSources(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const v of list) {
    if (typeof v !== 'string') continue;
    if (QUOTED_KEYWORDS.has(v) || HASH_SOURCE.test(v)) out.push(`'${v}'`);
    else if (v === 'blob:') out.push(v);
  }
  return out;
}

/** `permissions.external.<list>`: plain strings or `{ address }` entries (a `remote` is backend-only). */
function externalSources(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const v of list) {
    if (typeof v === 'string') out.push(v);
    else if (isRecord(v) && typeof v['address'] === 'string') out.push(v['address']);
  }
  return out;
}

/** The CSP header value for a parsed manifest. */
export function customUiCsp(manifest: unknown): string {
  const permissions = isRecord(manifest) && isRecord(manifest['permissions']) ? manifest['permissions'] : {};
  const content = isRecord(permissions['content']) ? permissions['content'] : {};
  const external = isRecord(permissions['external']) ? permissions['external'] : {};
  const fetch = isRecord(external['fetch']) ? external['fetch'] : {};
  const directive = (name: string, ...sources: string[]): string => [name, "'self'", ...sources].join(' ');
  return [
    directive('default-src'),
    directive('script-src', ...contentSources(content['scripts']), ...externalSources(external['scripts'])),
    directive('style-src', ...contentSources(content['styles']), ...externalSources(external['styles'])),
    directive('img-src', ...externalSources(external['images'])),
    directive('font-src', ...externalSources(external['fonts'])),
    directive('connect-src', ...externalSources(fetch['client'])),
    directive('frame-src', ...externalSources(external['frames'])),
    directive('media-src', ...externalSources(external['media'])),
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

let cached: string | undefined;

/** The CSP for the real manifest.yml (read once per process; `fresh` re-reads it). */
export function manifestCustomUiCsp(options: { fresh?: boolean } = {}): string {
  if (cached === undefined || options.fresh === true)
    cached = customUiCsp(parse(fs.readFileSync(MANIFEST_PATH, 'utf8')));
  return cached;
}
