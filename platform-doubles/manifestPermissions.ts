/**
 * The part of manifest.yml's `permissions.scopes` the platform doubles enforce: which scopes allow
 * offline user impersonation (`asUser(accountId)`).
 *
 * forge-docs: manifest-reference/permissions — scopes are either a list (no impersonation at all) or a
 * map whose entries may say `allowImpersonation: true`; `@forge/manifest`'s schema
 * (out/schema/manifest-schema.json, `permissions.scopes.oneOf`) has the same two shapes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

export interface ManifestScopes {
  /** Every declared scope. */
  scopes: string[];
  /** The scopes declared with `allowImpersonation: true`. */
  impersonationScopes: string[];
}

export const MANIFEST_PATH = path.resolve(__dirname, '..', 'manifest.yml');

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads `permissions.scopes` from a parsed manifest; anything else than the two documented shapes reads as none. */
export function scopesOf(manifest: unknown): ManifestScopes {
  const permissions = isRecord(manifest) ? manifest['permissions'] : undefined;
  const raw = isRecord(permissions) ? permissions['scopes'] : undefined;
  if (Array.isArray(raw))
    return { scopes: raw.filter((s): s is string => typeof s === 'string'), impersonationScopes: [] };
  if (!isRecord(raw)) return { scopes: [], impersonationScopes: [] };
  const entries = Object.entries(raw);
  return {
    scopes: entries.map(([scope]) => scope),
    impersonationScopes: entries
      .filter(([, v]) => isRecord(v) && v['allowImpersonation'] === true)
      .map(([scope]) => scope),
  };
}

let cached: ManifestScopes | undefined;

/** The real manifest's scopes (read once per test file). */
export function manifestScopes(file: string = MANIFEST_PATH): ManifestScopes {
  if (file !== MANIFEST_PATH) return scopesOf(parse(fs.readFileSync(file, 'utf8')));
  cached ??= scopesOf(parse(fs.readFileSync(file, 'utf8')));
  return { scopes: [...cached.scopes], impersonationScopes: [...cached.impersonationScopes] };
}
