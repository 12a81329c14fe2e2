/**
 * The hourly schema check (scheduled trigger `schema-check`, as Forge's SQL docs advise: "Forge SQL
 * will check each app installation hourly if there are any failed or pending DDL functions"): applies
 * the migrations still pending (a fresh installation needs more DDL than Forge SQL's 25 a minute, and
 * a failed run is retried here), then records what it found and its heartbeat, which the admin site
 * check reads (`migrationStatus`).
 */
import { ConfigStore, recordHeartbeat, type ConfigCodec } from '../../adapters/kvs';
import { SqlError } from '../ports/storageErrors';
import { repositories } from '../ports';
import type { MigrationRun } from '../ports/schema';

/** `upToDate`: nothing to do; `applied`: applied the rest; `pending`: stopped at the DDL rate; `failed`: a step failed. */
export type MigrationCheckOutcome = 'upToDate' | 'applied' | 'pending' | 'failed';

export interface MigrationCheckResult {
  /** ISO instant of the run. */
  at: string;
  outcome: MigrationCheckOutcome;
  ran: string[];
  pending: string[];
  /** The SqlError code when `failed`. */
  errorCode: string | null;
}

export interface MigrationStatus {
  expected: string[];
  applied: string[];
  /** Expected and not applied, in order. */
  pending: string[];
  /** The last scheduled check, or null before its first run. */
  lastCheck: MigrationCheckResult | null;
}

const RESULT_KEY = 'migration-check';
const OUTCOMES: readonly MigrationCheckOutcome[] = ['upToDate', 'applied', 'pending', 'failed'];

const strings = (v: unknown): string[] => {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new Error('not a list of names');
  return v;
};

export const migrationCheckCodec: ConfigCodec<MigrationCheckResult> = {
  schemaVersion: 1,
  parse(raw) {
    const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const outcome = OUTCOMES.find((o) => o === r['outcome']);
    if (typeof r['at'] !== 'string' || outcome === undefined) throw new Error('not a migration check result');
    return {
      at: r['at'],
      outcome,
      ran: strings(r['ran']),
      pending: strings(r['pending']),
      errorCode: typeof r['errorCode'] === 'string' ? r['errorCode'] : null,
    };
  },
};

export interface MigrationCheckDeps {
  apply(): Promise<MigrationRun>;
  applied(): Promise<string[]>;
  /** Kept under `schema:`, not `config:`: a backup never carries it. */
  store: ConfigStore;
  heartbeat(at: Date): Promise<void>;
}

export const platformMigrationCheckDeps = (): MigrationCheckDeps => ({
  apply: () => repositories().schema.apply(),
  applied: () => repositories().schema.applied(),
  store: new ConfigStore({ prefix: 'schema:' }),
  heartbeat: (at) => recordHeartbeat('migration-check', at),
});

function outcomeOf(run: MigrationRun): MigrationCheckOutcome {
  if (run.rateLimited) return 'pending';
  return run.ran.length > 0 ? 'applied' : 'upToDate';
}

/**
 * Applies what is pending and records the result and the heartbeat. Never throws for a failed step:
 * scheduled triggers are not retried, the next hour's run tries again, and the site check shows it.
 */
export async function runMigrationCheck(
  now: Date,
  deps: MigrationCheckDeps = platformMigrationCheckDeps(),
): Promise<MigrationCheckResult> {
  let result: MigrationCheckResult;
  try {
    const run = await deps.apply();
    result = { at: now.toISOString(), outcome: outcomeOf(run), ran: run.ran, pending: run.pending, errorCode: null };
  } catch (e) {
    const code = e instanceof SqlError ? e.code : 'UNKNOWN';
    const applied = new Set(await deps.applied().catch(() => [] as string[]));
    result = {
      at: now.toISOString(),
      outcome: 'failed',
      ran: [],
      pending: repositories().schema.expected.filter((n) => !applied.has(n)),
      errorCode: code,
    };
    console.error(
      JSON.stringify({
        event: 'schema-check',
        outcome: 'failed',
        code,
        reason: e instanceof Error ? e.message : String(e),
      }),
    );
  }
  await deps.store.set(RESULT_KEY, result, migrationCheckCodec).catch(() => undefined);
  await deps.heartbeat(now);
  return result;
}

/** What the site check shows: the migrations this code expects, those applied (a read, no DDL), and the last check. */
export async function migrationStatus(
  deps: MigrationCheckDeps = platformMigrationCheckDeps(),
): Promise<MigrationStatus> {
  const expected = [...repositories().schema.expected];
  const applied = await deps.applied();
  const done = new Set(applied);
  const last = await deps.store.get(RESULT_KEY, migrationCheckCodec).catch(() => undefined);
  return { expected, applied, pending: expected.filter((n) => !done.has(n)), lastCheck: last?.value ?? null };
}
