/** The SQL bridge through the real `@forge/sql`, on the run's private MariaDB. */
import { errorCodes, ForgeSQLAPIError, migrationRunner, sql } from '@forge/sql';
import { MigrationRunner } from '@forge/sql/out/migration';
import { harness } from './index';

const { sql: bridge } = harness();

async function sqlError(p: Promise<unknown>): Promise<ForgeSQLAPIError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ForgeSQLAPIError) return e;
    throw e;
  }
  throw new Error('expected a ForgeSQLAPIError');
}

beforeAll(async () => {
  await migrationRunner
    .enqueue('v001_create_notes', 'CREATE TABLE notes (id BIGINT PRIMARY KEY AUTO_INCREMENT, body VARCHAR(255) NOT NULL, created_at DATETIME(3) NOT NULL)')
    .run();
});

describe('SQL bridge', () => {
  it('runs migrations once through migrationRunner and lists them', async () => {
    const again = await new MigrationRunner(sql).enqueue('v001_create_notes', 'CREATE TABLE notes (id INT)').run();
    expect(again).toEqual([]);
    const listed = await migrationRunner.list();
    expect(listed.map((m) => m.name)).toEqual(['v001_create_notes']);
    expect(listed[0]?.migratedAt).toBeInstanceOf(Date);
  });

  it('inserts with bound parameters and answers the update header', async () => {
    const result = await sql
      .prepare<{ affectedRows: number; insertId: number }>('INSERT INTO notes (body, created_at) VALUES (?, ?)')
      .bindParams('hello', '2026-03-02 10:00:00.000')
      .execute();
    expect(result.rows).toMatchObject({ affectedRows: 1, insertId: expect.any(Number) });
  });

  it('selects rows as objects with column metadata; dates come back as UTC strings', async () => {
    await sql.prepare('INSERT INTO notes (body, created_at) VALUES (?, ?)').bindParams('dated', '2026-03-02 10:00:00.123').execute();
    const result = await sql.prepare<{ body: string; created_at: string }>('SELECT body, created_at FROM notes WHERE body = ?').bindParams('dated').execute();
    expect(result.rows).toEqual([{ body: 'dated', created_at: '2026-03-02 10:00:00.123' }]);
    expect((result.metadata?.['fields'] as Array<{ name: string }>).map((f) => f.name)).toEqual(['body', 'created_at']);
  });

  it('compares strings case-sensitively (utf8mb4_bin, as TiDB)', async () => {
    await sql.prepare('INSERT INTO notes (body, created_at) VALUES (?, NOW())').bindParams('CaseSensitive').execute();
    const hit = await sql.prepare('SELECT COUNT(*) AS n FROM notes WHERE body = ?').bindParams('casesensitive').execute();
    expect(hit.rows).toEqual([{ n: 0 }]);
  });

  it('turns MySQL errors into ForgeSQLAPIError with SQL_EXECUTION_ERROR', async () => {
    const e = await sqlError(sql.prepare('SELECT nope FROM notes').execute());
    expect(e.code).toBe(errorCodes.SQL_EXECUTION_ERROR);
    expect(e.message).toMatch(/Unknown column 'nope'/);
    expect(e.context).toMatchObject({ debug: { code: 'ER_BAD_FIELD_ERROR' } });
  });

  it('refuses several statements in one call', async () => {
    const e = await sqlError(sql.executeRaw('SELECT 1; SELECT 2'));
    expect(e.code).toBe(errorCodes.SQL_EXECUTION_ERROR);
  });

  it('refuses schema changes outside executeDDL, and syntax TiDB would not run', async () => {
    expect((await sqlError(sql.executeRaw('CREATE TABLE t2 (id INT)'))).code).toBe(errorCodes.INVALID_SQL_QUERY);
    const fk = await sqlError(sql.executeDDL('CREATE TABLE child (id INT, note_id BIGINT, FOREIGN KEY (note_id) REFERENCES notes(id))'));
    expect(fk.message).toMatch(/foreign keys/);
    expect((await sqlError(sql.executeRaw("DELETE FROM notes WHERE body = 'x' RETURNING id"))).message).toMatch(/RETURNING/);
  });

  it('times out SELECTs (5 s on Forge; lowered here to keep the suite fast) with QUERY_TIMED_OUT', async () => {
    bridge.selectTimeoutSeconds = 0.2;
    try {
      const e = await sqlError(sql.executeRaw('SELECT SLEEP(1) AS s FROM notes LIMIT 1'));
      expect(e.code).toBe(errorCodes.QUERY_TIMED_OUT);
    } finally {
      bridge.selectTimeoutSeconds = 5;
    }
  });

  it('gives each test file its own database', async () => {
    const rows = await bridge.raw<Array<{ db: string }>>('SELECT DATABASE() AS db');
    expect(rows[0]?.db).toBe(bridge.databaseName);
  });
});
