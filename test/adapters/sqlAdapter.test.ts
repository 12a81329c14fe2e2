/**
 * The SQL adapter and the first migration through the real `@forge/sql`, on MariaDB (the run's
 * private server; each test file has its own database).
 */
import {
  execute,
  fromSqlDateTime,
  MIGRATIONS,
  query,
  runMigrations,
  SqlError,
  SqlErrorCode,
} from '../../src/adapters/sql';
import { harness } from '../../platform-doubles';

const { sql } = harness();
// From an empty database, as a fresh installation (the harness otherwise starts with the schema applied).
sql.provisionSchema = false;

interface LineRow {
  issueId: number;
  line: string;
  enteredAt: Date;
  leftAt: Date | null;
  outcome: string | null;
  minutes: number;
}

function parseLineRow(r: Record<string, unknown>): LineRow {
  if (
    typeof r['issue_id'] !== 'number' ||
    typeof r['line'] !== 'string' ||
    typeof r['working_minutes_used'] !== 'number'
  )
    throw new Error('bad row');
  return {
    issueId: r['issue_id'],
    line: r['line'],
    enteredAt: fromSqlDateTime(r['entered_at']),
    leftAt: r['left_at'] === null ? null : fromSqlDateTime(r['left_at']),
    outcome: typeof r['outcome'] === 'string' ? r['outcome'] : null,
    minutes: r['working_minutes_used'],
  };
}

async function caught(p: Promise<unknown>): Promise<SqlError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SqlError) return e;
    throw e;
  }
  throw new Error('expected a SqlError');
}

beforeAll(async () => {
  // A fresh installation needs more than Forge SQL's 25 DDL a minute: the first run stops (a passing
  // error), the next minute's finishes.
  sql.setNow(Date.UTC(2026, 11, 7, 3, 0, 0));
  const first = await caught(runMigrations());
  expect(first.code).toBe(SqlErrorCode.RateLimited);
  sql.setNow(sql.now() + 60_000);
  const rest = await runMigrations();
  expect(rest.length).toBeGreaterThan(0);
  expect(await query('SELECT name FROM __migrations ORDER BY id', [], (r) => r['name'])).toEqual(
    MIGRATIONS.map((m) => m.name),
  );
  sql.setNow(undefined);
});

describe('line_history migration and the SQL adapter', () => {
  it('is idempotent: a second run applies nothing', async () => {
    expect(await runMigrations()).toEqual([]);
  });

  it('creates the table with an index on issue_id', async () => {
    const idx =
      await sql.raw<Array<{ Key_name: string; Column_name: string; Seq_in_index: number }>>(
        'SHOW INDEX FROM line_history',
      );
    expect(idx.filter((i) => i.Key_name === 'idx_line_history_issue').map((i) => i.Column_name)).toEqual([
      'issue_id',
      'entered_at',
    ]);
  });

  it('inserts and selects typed rows, dates round-tripping in UTC', async () => {
    const entered = new Date('2026-03-02T01:30:00.250Z');
    const res = await execute(
      'INSERT INTO line_history (issue_id, line, entered_at, holder_account_id, working_minutes_used) VALUES (?, ?, ?, ?, ?)',
      [10001, 'L1', entered, 'acc-1', 0],
    );
    expect(res.affectedRows).toBe(1);
    await execute('UPDATE line_history SET left_at = ?, outcome = ?, working_minutes_used = ? WHERE id = ?', [
      new Date('2026-03-02T09:00:00Z'),
      'passed_on',
      240,
      res.insertId,
    ]);
    const rows = await query(
      'SELECT * FROM line_history WHERE issue_id = ? ORDER BY entered_at',
      [10001],
      parseLineRow,
    );
    expect(rows).toEqual([
      {
        issueId: 10001,
        line: 'L1',
        enteredAt: entered,
        leftAt: new Date('2026-03-02T09:00:00Z'),
        outcome: 'passed_on',
        minutes: 240,
      },
    ]);
  });

  it('rejects an outcome outside the allowed values (CHECK; enforced on MariaDB)', async () => {
    const e = await caught(
      execute(
        "INSERT INTO line_history (issue_id, line, entered_at, outcome) VALUES (1, 'L1', '2026-01-01 00:00:00', 'lost')",
      ),
    );
    expect(e.code).toBe(SqlErrorCode.Execution);
    expect(e.message).toMatch(/chk_line_history_outcome/);
  });

  it('reports a row the parser rejects as SQL_BAD_ROW', async () => {
    await execute("INSERT INTO line_history (issue_id, line, entered_at) VALUES (2, 'L2', '2026-01-01 00:00:00')");
    const e = await caught(query('SELECT issue_id, line FROM line_history WHERE issue_id = 2', [], parseLineRow));
    expect(e.code).toBe(SqlErrorCode.BadRow);
  });
});
