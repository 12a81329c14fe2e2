/**
 * The SQL migrations are forward-only: run from an empty database and from a populated one (the
 * first migrations applied, rows written, then the rest), and the shipped list is pinned in
 * test/fixtures/migrations.lock.json (name + SHA-256 of the statement) so editing, removing or
 * reordering a shipped migration fails here. Adding a migration at the end is fine: append its
 * line to the lock file in the same change.
 */
import { createHash } from 'node:crypto';
import {
  applyMigrations,
  appliedMigrations,
  execute,
  MIGRATIONS,
  query,
  runMigrations,
  SqlError,
} from '../../src/adapters/sql';
import { MIGRATION_LOCK_LEASE_SECONDS } from '../../src/adapters/sql/migrations';
import { harness } from '../../platform-doubles';
import LOCK from '../fixtures/migrations.lock.json';

const { sql } = harness();

/** Drops every table of this file's private database (the migration runner's own table included). */
async function emptyDatabase(): Promise<void> {
  const tables = await sql.raw<Array<Record<string, string>>>('SHOW TABLES');
  for (const t of tables) await sql.raw(`DROP TABLE \`${Object.values(t)[0]}\``);
}

function names(from: number, to = MIGRATIONS.length): string[] {
  return MIGRATIONS.slice(from, to).map((m) => m.name);
}

/**
 * Runs the migrations as the hourly check would over a fresh installation's first minutes: Forge SQL
 * takes 25 DDL per minute (this double's clock, moved on a minute after each refusal).
 */
async function migrateAcrossMinutes(): Promise<string[]> {
  const ran: string[] = [];
  for (let minute = 0; minute < 5; minute++) {
    const run = await applyMigrations();
    ran.push(...run.ran);
    if (!run.rateLimited) return ran;
    sql.setNow(sql.now() + 60_000);
  }
  throw new Error('migrations still pending after 5 minutes');
}

beforeEach(async () => {
  await emptyDatabase();
  // Each test is a fresh installation, with a fresh DDL budget on a clock of its own.
  sql.clearDdlRate();
  sql.setNow(Date.UTC(2026, 11, 7, 3, 0, 0));
});

afterAll(() => sql.setNow(undefined));

describe('from an empty database', () => {
  it('applies every migration once, in order, across as many minutes as the DDL rate needs; a second run applies none', async () => {
    expect(await appliedMigrations()).toEqual([]);
    expect(await migrateAcrossMinutes()).toEqual(names(0));
    expect(await runMigrations()).toEqual([]);
    expect(await appliedMigrations()).toEqual(expect.arrayContaining(names(0)));
    const tables = (await sql.raw<Array<Record<string, string>>>('SHOW TABLES')).map((t) => Object.values(t)[0]);
    for (const t of [
      'line_history',
      'classification_history',
      'escalation_action',
      'itr_case',
      'case_version',
      'return_visit',
      'line_pause',
    ]) {
      expect(tables).toContain(t);
    }
  });
});

describe('from a populated database', () => {
  it('keeps line history written before v003 and enforces its unique stay afterwards', async () => {
    const k = MIGRATIONS.findIndex((m) => m.name === 'v003_line_history_unique_stay');
    expect(k).toBe(2);
    expect(await runMigrations(MIGRATIONS.slice(0, k))).toEqual(names(0, k));
    const at = new Date('2026-03-02T01:30:00.250Z');
    await execute(
      'INSERT INTO line_history (issue_id, line, entered_at, left_at, holder_account_id, working_minutes_used, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [10001, 'L1', at, new Date('2026-03-02T05:30:00Z'), 'acc-1', 240, 'passed_on'],
    );
    await execute('INSERT INTO line_history (issue_id, line, entered_at, holder_account_id) VALUES (?, ?, ?, ?)', [
      10001,
      'L2',
      new Date('2026-03-02T05:30:00Z'),
      'acc-2',
    ]);
    await execute(
      'INSERT INTO classification_history (issue_id, issue_key, field, old_value, new_value, reason, actor_account_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [10001, 'ITR-1', 'grade', null, 'major', 'customer down', 'acc-3', at],
    );

    expect(await migrateAcrossMinutes()).toEqual(names(k));

    const rows = await query(
      'SELECT line, working_minutes_used, outcome, entered_by FROM line_history WHERE issue_id = ? ORDER BY entered_at',
      [10001],
      (r) => ({ ...r }),
    );
    expect(rows).toEqual([
      { line: 'L1', working_minutes_used: 240, outcome: 'passed_on', entered_by: null },
      { line: 'L2', working_minutes_used: 0, outcome: null, entered_by: null },
    ]);
    expect(await query('SELECT new_value FROM classification_history', [], (r) => r['new_value'])).toEqual(['major']);
    // v003's unique stay holds on the migrated table.
    await expect(
      execute('INSERT INTO line_history (issue_id, line, entered_at) VALUES (?, ?, ?)', [10001, 'L1', at]),
    ).rejects.toBeInstanceOf(SqlError);
    // Later tables are usable at once.
    await execute("INSERT INTO line_pause (issue_id, line, from_at) VALUES (10001, 'L2', '2026-03-02 06:00:00')");
    expect(await runMigrations()).toEqual([]);
  });

  it('keeps cases written before the later migrations (v006–v011 applied, then the rest)', async () => {
    const k = MIGRATIONS.findIndex((m) => m.name === 'v012_create_return_visit');
    await runMigrations(MIGRATIONS.slice(0, k));
    const now = new Date('2026-04-01T00:00:00Z');
    const res = await execute(
      'INSERT INTO itr_case (title, symptom, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      ['VPN drops', 'every hour', 'published', now, now],
    );
    await execute('INSERT INTO case_issue_link (case_id, issue_key, relation, at) VALUES (?, ?, ?, ?)', [
      res.insertId,
      'ITR-7',
      'source',
      now,
    ]);
    expect(await migrateAcrossMinutes()).toEqual(names(k));
    expect(await query('SELECT title, status FROM itr_case', [], (r) => ({ ...r }))).toEqual([
      { title: 'VPN drops', status: 'published' },
    ]);
    expect(await query('SELECT issue_key FROM case_issue_link', [], (r) => r['issue_key'])).toEqual(['ITR-7']);
    // A constraint of a migration applied later holds.
    await expect(
      execute(
        "INSERT INTO return_visit (issue_id, issue_key, reason, resolved_at, internal_view, status) VALUES (1, 'ITR-1', 'grade', '2026-01-01', 'ok', 'lost')",
      ),
    ).rejects.toBeInstanceOf(SqlError);
  });
});

/** Each migration name recorded, with how many times. */
async function recorded(): Promise<Record<string, number>> {
  const rows = await sql.raw<Array<{ name: string; n: number }>>(
    'SELECT name, COUNT(*) AS n FROM __migrations GROUP BY name',
  );
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}
const once = (list: string[]): Record<string, number> => Object.fromEntries(list.map((n) => [n, 1]));

describe('concurrent runners (two cold starts, or the install trigger and a lazy store)', () => {
  it('three runners at once on an empty database: each step applied and recorded once, none fails', async () => {
    // Each runner stops at the DDL rate rather than fail; the next minute's run finishes.
    const results = await Promise.all([applyMigrations(), applyMigrations(), applyMigrations()]);
    sql.setNow(sql.now() + 60_000);
    const ran = [...results.flatMap((r) => r.ran), ...(await migrateAcrossMinutes())];
    expect([...ran].sort()).toEqual([...names(0)].sort());
    expect(await recorded()).toEqual(once(names(0)));
    // The lock is released.
    expect(await sql.raw('SELECT * FROM __migrations_lock')).toEqual([]);
  });

  it('two runners at once on a database half-way (the non-idempotent ALTER of v003 pending): both succeed', async () => {
    await runMigrations(MIGRATIONS.slice(0, 2));
    const [a, b] = await Promise.all([applyMigrations(), applyMigrations()]);
    sql.setNow(sql.now() + 60_000);
    expect([...a.ran, ...b.ran, ...(await migrateAcrossMinutes())].sort()).toEqual([...names(2)].sort());
    expect(await recorded()).toEqual(once(names(0)));
    const columns = await sql.raw<Array<{ Field: string }>>('SHOW COLUMNS FROM line_history');
    expect(columns.filter((c) => c.Field === 'entered_by')).toHaveLength(1);
  });

  it('a step applied but not recorded (the process died in between) is recognised and recorded', async () => {
    await runMigrations(MIGRATIONS.slice(0, 3));
    await sql.raw("DELETE FROM __migrations WHERE name = 'v003_line_history_unique_stay'");
    expect(await migrateAcrossMinutes()).toEqual(names(2));
    expect(await recorded()).toEqual(once(names(0)));
  });

  it('a lock left by a runner that died is taken over once its lease has passed', async () => {
    await runMigrations(MIGRATIONS.slice(0, 1));
    await sql.raw(
      `INSERT INTO __migrations_lock (id, holder, acquired_at) VALUES (1, 'dead', UTC_TIMESTAMP(3) - INTERVAL ${MIGRATION_LOCK_LEASE_SECONDS + 1} SECOND)`,
    );
    expect(await migrateAcrossMinutes()).toEqual(names(1));
    expect(await sql.raw('SELECT * FROM __migrations_lock')).toEqual([]);
  });

  it('a live lock held elsewhere: the runner waits, then fails retryably without applying anything', async () => {
    await runMigrations(MIGRATIONS.slice(0, 1));
    await sql.raw("INSERT INTO __migrations_lock (id, holder, acquired_at) VALUES (1, 'alive', UTC_TIMESTAMP(3))");
    await expect(runMigrations(MIGRATIONS, { waitMs: 200, pollMs: 50 })).rejects.toMatchObject({
      code: 'SQL_UNKNOWN_ERROR',
    });
    expect(await recorded()).toEqual(once(names(0, 1)));
    // Released by its holder: the next run applies the rest.
    await sql.raw('DELETE FROM __migrations_lock');
    expect(await migrateAcrossMinutes()).toEqual(names(1));
  });

  it('with everything applied, a run takes no lock and sends no DDL (one SELECT per cold start)', async () => {
    await migrateAcrossMinutes();
    const before = sql.statements.length;
    expect(await runMigrations()).toEqual([]);
    expect(
      sql.statements.slice(before).map((x) => [x.endpoint, x.query.trim().split(/\s+/).slice(0, 2).join(' ')]),
    ).toEqual([['/api/v1/execute', 'SELECT name']]);
  });
});

describe("Forge SQL's DDL rate (25 per minute per installation)", () => {
  it('a fresh installation needs more DDL than one minute allows: the run stops, keeps its lock free, and the next minute finishes', async () => {
    const before = sql.statements.length;
    const first = await applyMigrations();
    expect(first.rateLimited).toBe(true);
    // 25 DDL: Forge's bookkeeping table, the lock table, then as many steps as fit; the 26th refused.
    const ddl = sql.statements.slice(before).filter((x) => x.endpoint === '/api/v1/execute/ddl');
    expect(ddl.map((x) => x.ok)).toEqual([...Array<boolean>(25).fill(true), false]);
    expect(first.ran).toEqual(names(0, 23));
    expect(first.pending).toEqual(names(23));
    expect(await sql.raw('SELECT * FROM __migrations_lock')).toEqual([]);
    // Stores that need the whole schema get a passing error meanwhile.
    await expect(runMigrations()).rejects.toMatchObject({ code: 'SQL_RATE_LIMITED' });
    sql.setNow(sql.now() + 60_000);
    expect(await runMigrations()).toEqual(names(23));
    expect(await recorded()).toEqual(once(names(0)));
  });
});

describe('the migration list is append-only', () => {
  it('every shipped migration keeps its name, position and statement (test/fixtures/migrations.lock.json)', () => {
    expect(MIGRATIONS.length).toBeGreaterThanOrEqual(LOCK.length);
    const shipped = MIGRATIONS.slice(0, LOCK.length).map((m) => ({
      name: m.name,
      sha256: createHash('sha256').update(m.statement, 'utf8').digest('hex'),
    }));
    expect(shipped).toEqual(LOCK);
  });

  it('names are unique', () => {
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
  });
});
