/**
 * Shared by the security and fault tests: the demo site (sandbox/demoSite.ts) plus one user per role
 * the authorization table names, every resolver exported from src/index.ts with its function keys
 * (read from the `@forge/resolver` instances themselves, so a new function cannot escape the table),
 * and a snapshot of everything a call could write (Jira writes, KVS, queue pushes, SQL row counts).
 */
import * as path from 'node:path';
import Resolver from '@forge/resolver';
import { DEMO_USERS, seedDemoSite } from '../../sandbox/demoSite';
import { loadManifest } from '../../sandbox/manifest';
import { harness, type invokeResolver } from '../../platform-doubles';

type Definitions = Parameters<typeof invokeResolver>[0];

// Record each resolver's keys on the function getDefinitions() returns; installed before src/index loads.
const KEYS = Symbol.for('itr.security.resolverKeys');
const proto = Resolver.prototype as unknown as {
  getDefinitions: () => Definitions;
  functions: Record<string, unknown>;
};
const original = proto.getDefinitions;
if (!(original as unknown as Record<symbol, unknown>)[KEYS]) {
  const patched = function (this: { functions: Record<string, unknown> }): Definitions {
    const fn = original.call(this as never);
    (fn as unknown as Record<symbol, () => string[]>)[KEYS] = () => Object.keys(this.functions);
    return fn;
  };
  (patched as unknown as Record<symbol, boolean>)[KEYS] = true;
  proto.getDefinitions = patched;
}

// Handlers composed by routeByFunctionKey (a page using several areas' functions) carry the union of
// their routes' keys and their fallback's.
const routing = require('../../src/entry/routeByFunctionKey') as {
  routeByFunctionKey: (
    routes: ReadonlyArray<readonly [Readonly<Record<string, true>>, Definitions]>,
    fallback?: Definitions,
  ) => Definitions;
};
const route = routing.routeByFunctionKey;
routing.routeByFunctionKey = (routes, fallback) => {
  const fn = route(routes, fallback);
  const fallbackKeys =
    fallback === undefined ? undefined : (fallback as unknown as Record<symbol, (() => string[]) | undefined>)[KEYS];
  (fn as unknown as Record<symbol, () => string[]>)[KEYS] = () => [
    ...new Set([...routes.flatMap(([keys]) => Object.keys(keys)), ...(fallbackKeys ? fallbackKeys() : [])]),
  ];
  return fn;
};

const index = require('../../src/index') as Record<string, unknown>;

export interface ExportedResolver {
  name: string;
  handler: Definitions;
  keys: string[];
}

/** Every export of src/index.ts built with `@forge/resolver`, with its function keys. */
export const RESOLVERS: ExportedResolver[] = Object.entries(index).flatMap(([name, value]) => {
  const keys =
    typeof value === 'function' ? (value as unknown as Record<symbol, (() => string[]) | undefined>)[KEYS] : undefined;
  return keys === undefined ? [] : [{ name, handler: value as Definitions, keys: keys() }];
});

/** Every other export (triggers, scheduled triggers, consumers). */
export const FUNCTIONS: Array<{ name: string; handler: (event: unknown, context?: unknown) => Promise<unknown> }> =
  Object.entries(index)
    .filter(([name]) => !RESOLVERS.some((r) => r.name === name))
    .map(([name, value]) => ({ name, handler: value as (event: unknown, context?: unknown) => Promise<unknown> }));

const byRole = (role: string): string => {
  const u = DEMO_USERS.find((d) => d.role === role);
  if (!u) throw new Error(`no demo user ${role}`);
  return u.accountId;
};

export const ROLE_IDS = {
  admin: byRole('admin'),
  triage: byRole('triage'),
  supervisor: '557058:security-supervisor',
  agent: byRole('L1'),
  outsider: '557058:security-outsider',
  anonymous: undefined,
} as const;
export type RoleName = keyof typeof ROLE_IDS;
export const ROLES = Object.keys(ROLE_IDS) as RoleName[];

export const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);

/** Seeds the demo site, a supervisor (default group `itr-supervisors`) and a user who cannot browse ITR. */
export function seedSecuritySite(): void {
  const { jira } = harness();
  seedDemoSite(jira, loadManifest(path.resolve(__dirname, '../..')), NOW);
  jira.seedUser({
    accountId: ROLE_IDS.supervisor,
    displayName: 'Sue Visor',
    groups: ['jira-software-users', 'itr-supervisors'],
  });
  jira.seedUser({ accountId: ROLE_IDS.outsider, displayName: 'Otto Outsider', groups: ['jira-software-users'] });
  const everyone = [...DEMO_USERS.map((u) => u.accountId), ROLE_IDS.supervisor];
  for (const p of jira.model.projects.values()) p.browsers = everyone;
}

const READ_ROUTES = new Set([
  'POST /rest/api/3/search/jql',
  'POST /rest/api/3/permissions/check',
  'POST /rest/api/3/search/approximate-count',
  'POST /rest/api/3/workflows',
]);

/** Everything observable a call may have written. */
export interface StateSnapshot {
  jiraWrites: number;
  kvs: Record<string, unknown>;
  pushes: number;
  sqlRows: Record<string, number>;
}

/** Jira writes that took effect (a refused write, status ≥ 400, changed nothing). */
export function jiraWriteCount(): number {
  return harness().jira.calls.filter((c) => c.method !== 'GET' && !READ_ROUTES.has(c.route) && c.status < 400).length;
}

export async function sqlRowCounts(): Promise<Record<string, number>> {
  const { sql } = harness();
  const tables = await sql.raw<Array<Record<string, string>>>('SHOW TABLES');
  const out: Record<string, number> = {};
  for (const row of Array.isArray(tables) ? tables : []) {
    const t = Object.values(row)[0];
    if (typeof t !== 'string' || t.startsWith('__') || t === 'migrations') continue;
    const rows = await sql.raw<Array<{ n: number | string }>>(`SELECT COUNT(*) AS n FROM \`${t}\``);
    out[t] = Number(rows[0]?.n ?? 0);
  }
  return out;
}

export async function snapshot(): Promise<StateSnapshot> {
  const { kvs, queue } = harness();
  return {
    jiraWrites: jiraWriteCount(),
    // `cache:` keys hold what Jira already says (the app's field ids), filled by any call that reads them.
    kvs: Object.fromEntries(
      kvs
        .keys()
        .filter((k) => !k.startsWith('cache:'))
        .map((k) => [k, JSON.parse(JSON.stringify(kvs.peek(k) ?? null))]),
    ),
    pushes: queue.pushes.length,
    sqlRows: await sqlRowCounts(),
  };
}

export type Envelope =
  | { success: true; data: unknown }
  | { success: false; errors: Array<{ code: string; message: string }> };

export function isEnvelope(v: unknown): v is Envelope {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  if (o['success'] === true) return 'data' in o;
  return (
    o['success'] === false &&
    Array.isArray(o['errors']) &&
    (o['errors'] as unknown[]).length > 0 &&
    (o['errors'] as unknown[]).every(
      (e) => typeof e === 'object' && e !== null && typeof (e as Record<string, unknown>)['code'] === 'string',
    )
  );
}
