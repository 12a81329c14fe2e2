/** The SQL bridge through the real `@forge/sql`, on the run's private MariaDB. */
import { errorCodes, ForgeSQLAPIError, migrationRunner, sql } from '@forge/sql';
import { MigrationRunner } from '@forge/sql/out/migration';
import { harness } from '../../platform-doubles/index';

const { sql: bridge } = harness();
// This file checks the bridge itself: it starts from an empty database, not the app's schema.
bridge.provisionSchema = false;

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
    .enqueue(
      'v001_create_notes',
      'CREATE TABLE notes (id BIGINT PRIMARY KEY AUTO_INCREMENT, body VARCHAR(255) NOT NULL, created_at DATETIME(3) NOT NULL)',
    )
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
    await sql
      .prepare('INSERT INTO notes (body, created_at) VALUES (?, ?)')
      .bindParams('dated', '2026-03-02 10:00:00.123')
      .execute();
    const result = await sql
      .prepare<{ body: string; created_at: string }>('SELECT body, created_at FROM notes WHERE body = ?')
      .bindParams('dated')
      .execute();
    expect(result.rows).toEqual([{ body: 'dated', created_at: '2026-03-02 10:00:00.123' }]);
    expect((result.metadata?.['fields'] as Array<{ name: string }>).map((f) => f.name)).toEqual(['body', 'created_at']);
  });

  it('compares strings case-sensitively (utf8mb4_bin, as TiDB)', async () => {
    await sql.prepare('INSERT INTO notes (body, created_at) VALUES (?, NOW())').bindParams('CaseSensitive').execute();
    const hit = await sql
      .prepare('SELECT COUNT(*) AS n FROM notes WHERE body = ?')
      .bindParams('casesensitive')
      .execute();
    expect(hit.rows).toEqual([{ n: 0 }]);
  });

  it('turns MySQL errors into ForgeSQLAPIError with SQL_EXECUTION_ERROR', async () => {
    const e = await sqlError(sql.prepare('SELECT nope FROM notes').execute());
    expect(e.code).toBe(errorCodes.SQL_EXECUTION_ERROR);
    expect(e.message).toMatch(/Unknown column 'nope'/);
    expect(e.context).toMatchObject({ debug: { code: 'ER_BAD_FIELD_ERROR' } });
  });

  it('refuses schema changes outside executeDDL, and foreign keys', async () => {
    expect((await sqlError(sql.executeRaw('CREATE TABLE t2 (id INT)'))).code).toBe(errorCodes.INVALID_SQL_QUERY);
    const fk = await sqlError(
      sql.executeDDL('CREATE TABLE child (id INT, note_id BIGINT, FOREIGN KEY (note_id) REFERENCES notes(id))'),
    );
    expect(fk.message).toMatch(/foreign keys/);
    // A word inside a value is not syntax.
    await sql.prepare("SELECT COUNT(*) AS n FROM notes WHERE body = 'REFERENCES; FULLTEXT'").execute();
  });
});

/** forge-docs: storage-reference/sql-query-policy; refusals answer SQL_POLICY_VIOLATION with a suggestion. */
describe('the query policy', () => {
  const POLICY = 'SQL_POLICY_VIOLATION';

  it('refuses several statements in one call (a trailing semicolon is one statement)', async () => {
    const e = await sqlError(sql.executeRaw('SELECT 1; SELECT 2'));
    expect(e.code).toBe(POLICY);
    expect(e.suggestion).toMatch(/each statement/);
    await sql.executeRaw('SELECT 1 AS one;');
  });

  it('permits only the listed optimizer hints', async () => {
    const e = await sqlError(sql.executeRaw('SELECT /*+ MAX_EXECUTION_TIME(1000) */ body FROM notes'));
    expect(e.code).toBe(POLICY);
    expect(e.message).toMatch(/MAX_EXECUTION_TIME/);
    expect(
      (await sqlError(sql.executeRaw('SELECT /*+ HASH_JOIN(a) READ_FROM_STORAGE(TIKV[a]) */ 1 AS x'))).message,
    ).toMatch(/READ_FROM_STORAGE/);
    await sql.executeRaw('SELECT /*+ HASH_JOIN(a, b) */ a.id FROM notes a JOIN notes b ON a.id = b.id');
  });

  it('permits SET only for user variables', async () => {
    for (const q of [
      "SET sql_mode = ''",
      'SET autocommit = 0',
      'SET GLOBAL max_connections = 1',
      'SET @@session.max_statement_time = 1',
      'SET @a = 1, sql_mode = 1',
    ]) {
      expect([q, (await sqlError(sql.executeRaw(q))).code]).toEqual([q, POLICY]);
    }
    await sql.executeRaw('SET @a = 1, @b := 2');
  });

  it('permits only SHOW TABLES, SHOW COLUMNS and SHOW INDEXES / KEYS', async () => {
    for (const q of [
      'SHOW VARIABLES',
      'SHOW DATABASES',
      'SHOW CREATE TABLE notes',
      'SHOW FULL TABLES',
      'SHOW PROCESSLIST',
    ]) {
      expect([q, (await sqlError(sql.executeRaw(q))).code]).toEqual([q, POLICY]);
    }
    for (const q of [
      'SHOW TABLES',
      'SHOW COLUMNS FROM notes',
      'SHOW INDEXES FROM notes',
      'SHOW INDEX FROM notes',
      'SHOW KEYS FROM notes',
    ])
      await sql.executeRaw(q);
  });

  it('refuses USE and SQL-level PREPARE / EXECUTE / DEALLOCATE', async () => {
    for (const q of [
      'USE mysql',
      "PREPARE s FROM 'SELECT 1'",
      'EXECUTE s',
      'DEALLOCATE PREPARE s',
      "/* why */ PREPARE s FROM 'SELECT 1'",
    ]) {
      expect([q, (await sqlError(sql.executeRaw(q))).code]).toEqual([q, POLICY]);
    }
  });

  it("refuses another schema's tables; INFORMATION_SCHEMA and MYSQL are allowed", async () => {
    expect((await sqlError(sql.executeRaw('SELECT * FROM other_installation.users'))).code).toBe(POLICY);
    expect((await sqlError(sql.executeRaw(`SELECT body FROM \`${bridge.databaseName}x\`.notes`))).code).toBe(POLICY);
    await sql.executeRaw("SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_name = 'notes'");
  });
});

/** Forge SQL is TiDB: statements are parsed as MySQL; what does not parse is ER_PARSE_ERROR (SQL_EXECUTION_ERROR). */
describe("TiDB's MySQL dialect", () => {
  async function parseError(q: string, ddl = false): Promise<ForgeSQLAPIError> {
    const e = await sqlError(ddl ? sql.executeDDL(q) : sql.executeRaw(q));
    expect(e.code).toBe(errorCodes.SQL_EXECUTION_ERROR);
    expect(e.context).toMatchObject({ debug: { code: 'ER_PARSE_ERROR', errno: 1064, sqlState: '42000' } });
    return e;
  }

  it('refuses MariaDB-only syntax that MariaDB itself would run', async () => {
    expect((await parseError("DELETE FROM notes WHERE body = 'x' RETURNING id")).suggestion).toMatch(
      /RETURNING is MariaDB-only/,
    );
    expect(
      (await parseError("INSERT INTO notes (body, created_at) VALUES ('r', NOW()) RETURNING id")).suggestion,
    ).toMatch(/RETURNING/);
    expect((await parseError('CREATE OR REPLACE TABLE notes2 (id INT)', true)).suggestion).toMatch(
      /CREATE OR REPLACE TABLE/,
    );
    expect((await parseError('CREATE SEQUENCE note_seq', true)).suggestion).toMatch(/sequences/);
  });

  it('refuses MariaDB-only functions by name (they parse as ordinary calls)', async () => {
    for (const q of [
      'SELECT NEXTVAL(note_seq) AS n',
      "SELECT JSON_DETAILED('{}') AS j",
      'SELECT SYS_GUID() AS g',
      'SELECT COLUMN_JSON(body) AS c FROM notes',
    ]) {
      const e = await sqlError(sql.executeRaw(q));
      expect([q, e.code, e.suggestion]).toEqual([
        q,
        errorCodes.SQL_EXECUTION_ERROR,
        expect.stringMatching(/MariaDB-only/),
      ]);
    }
  });

  it('refuses an empty query as a parse error', async () => {
    await parseError('   ');
  });

  it('runs what the app writes: upserts, LIMIT placeholders, CTEs, intervals', async () => {
    await sql.prepare('SELECT body FROM notes ORDER BY created_at LIMIT ? OFFSET ?').bindParams(2, 0).execute();
    await sql.executeRaw('WITH x AS (SELECT id FROM notes) SELECT COUNT(*) AS n FROM x');
    await sql.executeRaw('SELECT COUNT(*) AS n FROM notes WHERE created_at < UTC_TIMESTAMP(3) - INTERVAL 300 SECOND');
  });

  it("runs MySQL's table index hints (the analytics facts read a long period with IGNORE INDEX); the rest of such a statement is still parsed", async () => {
    await sql.executeRaw('SELECT COUNT(*) AS n FROM notes n IGNORE INDEX (PRIMARY) WHERE n.id > 0');
    await sql.executeRaw(
      'SELECT n.body FROM notes AS n USE INDEX () JOIN notes m FORCE KEY FOR JOIN (PRIMARY) ON m.id = n.id',
    );
    expect((await parseError('SELECT body FROM notes n IGNORE INDEX (PRIMARY) RETURNING id')).suggestion).toMatch(
      /RETURNING is MariaDB-only/,
    );
  });
});

describe('size and rate limits (forge-docs: storage-reference/sql)', () => {
  it('refuses a request over 1 MiB', async () => {
    const e = await sqlError(
      sql
        .prepare('INSERT INTO notes (body, created_at) VALUES (?, NOW())')
        .bindParams('x'.repeat(1024 * 1024))
        .execute(),
    );
    expect(e.code).toBe('REQUEST_TOO_LARGE'); // the double's choice: the docs give the limit, not a code
    expect(e.responseDetails.status).toBe(413);
  });

  it('refuses the 26th DDL request within a minute with a passing error; a minute later DDL runs again', async () => {
    const t0 = Date.UTC(2026, 11, 7, 3, 0, 0);
    bridge.clearDdlRate();
    bridge.setNow(t0);
    try {
      for (let i = 0; i < 25; i++)
        await sql.executeDDL(`CREATE TABLE IF NOT EXISTS rate_${i % 3} (id INT PRIMARY KEY)`);
      bridge.setNow(t0 + 59_000);
      const e = await sqlError(sql.executeDDL('CREATE TABLE IF NOT EXISTS rate_x (id INT PRIMARY KEY)'));
      expect(e.code).toBe('DDL_RATE_LIMITED'); // the double's choice: the docs name no code for it
      expect(e.responseDetails.status).toBe(429);
      expect(e.context).toMatchObject({ retryAfterSeconds: 1 });
      // Statements other than DDL are not counted.
      await sql.executeRaw('SELECT 1 AS one');
      bridge.setNow(t0 + 60_001);
      await sql.executeDDL('CREATE TABLE IF NOT EXISTS rate_x (id INT PRIMARY KEY)');
    } finally {
      bridge.setNow(undefined);
      bridge.clearDdlRate();
    }
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
