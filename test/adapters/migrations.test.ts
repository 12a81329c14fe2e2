/**
 * The SQL migrations are forward-only: run from an empty database and from a populated one (the
 * first migrations applied, rows written, then the rest), and the shipped list is pinned in
 * test/fixtures/migrations.lock.json (name + SHA-256 of the statement) so editing, removing or
 * reordering a shipped migration fails here. Adding a migration at the end is fine: append its
 * line to the lock file in the same change.
 */
import { createHash } from 'node:crypto';
import { execute, MIGRATIONS, query, runMigrations, SqlError } from '../../src/adapters/sql';
import { harness } from '../harness';
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

beforeEach(emptyDatabase);

describe('from an empty database', () => {
  it('applies every migration once, in order; a second run applies none', async () => {
    expect(await runMigrations()).toEqual(names(0));
    expect(await runMigrations()).toEqual([]);
    const tables = (await sql.raw<Array<Record<string, string>>>('SHOW TABLES')).map((t) => Object.values(t)[0]);
    for (const t of ['line_history', 'classification_history', 'escalation_action', 'itr_case', 'case_version', 'return_visit', 'line_pause']) {
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
    await execute('INSERT INTO line_history (issue_id, line, entered_at, left_at, holder_account_id, working_minutes_used, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      10001, 'L1', at, new Date('2026-03-02T05:30:00Z'), 'acc-1', 240, 'passed_on',
    ]);
    await execute('INSERT INTO line_history (issue_id, line, entered_at, holder_account_id) VALUES (?, ?, ?, ?)', [10001, 'L2', new Date('2026-03-02T05:30:00Z'), 'acc-2']);
    await execute('INSERT INTO classification_history (issue_id, issue_key, field, old_value, new_value, reason, actor_account_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      10001, 'ITR-1', 'grade', null, 'major', 'customer down', 'acc-3', at,
    ]);

    expect(await runMigrations()).toEqual(names(k));

    const rows = await query('SELECT line, working_minutes_used, outcome, entered_by FROM line_history WHERE issue_id = ? ORDER BY entered_at', [10001], (r) => ({ ...r }));
    expect(rows).toEqual([
      { line: 'L1', working_minutes_used: 240, outcome: 'passed_on', entered_by: null },
      { line: 'L2', working_minutes_used: 0, outcome: null, entered_by: null },
    ]);
    expect(await query('SELECT new_value FROM classification_history', [], (r) => r['new_value'])).toEqual(['major']);
    // v003's unique stay holds on the migrated table.
    await expect(execute('INSERT INTO line_history (issue_id, line, entered_at) VALUES (?, ?, ?)', [10001, 'L1', at])).rejects.toBeInstanceOf(SqlError);
    // Later tables are usable at once.
    await execute("INSERT INTO line_pause (issue_id, line, from_at) VALUES (10001, 'L2', '2026-03-02 06:00:00')");
    expect(await runMigrations()).toEqual([]);
  });

  it('keeps cases written before the later migrations (v006–v011 applied, then the rest)', async () => {
    const k = MIGRATIONS.findIndex((m) => m.name === 'v012_create_return_visit');
    await runMigrations(MIGRATIONS.slice(0, k));
    const now = new Date('2026-04-01T00:00:00Z');
    const res = await execute('INSERT INTO itr_case (title, symptom, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', ['VPN drops', 'every hour', 'published', now, now]);
    await execute('INSERT INTO case_issue_link (case_id, issue_key, relation, at) VALUES (?, ?, ?, ?)', [res.insertId, 'ITR-7', 'source', now]);
    expect(await runMigrations()).toEqual(names(k));
    expect(await query('SELECT title, status FROM itr_case', [], (r) => ({ ...r }))).toEqual([{ title: 'VPN drops', status: 'published' }]);
    expect(await query('SELECT issue_key FROM case_issue_link', [], (r) => r['issue_key'])).toEqual(['ITR-7']);
    // A constraint of a migration applied later holds.
    await expect(
      execute("INSERT INTO return_visit (issue_id, issue_key, reason, resolved_at, internal_view, status) VALUES (1, 'ITR-1', 'grade', '2026-01-01', 'ok', 'lost')"),
    ).rejects.toBeInstanceOf(SqlError);
  });
});

describe('the migration list is append-only', () => {
  it('every shipped migration keeps its name, position and statement (test/fixtures/migrations.lock.json)', () => {
    expect(MIGRATIONS.length).toBeGreaterThanOrEqual(LOCK.length);
    const shipped = MIGRATIONS.slice(0, LOCK.length).map((m) => ({ name: m.name, sha256: createHash('sha256').update(m.statement, 'utf8').digest('hex') }));
    expect(shipped).toEqual(LOCK);
  });

  it('names are unique', () => {
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
  });
});
