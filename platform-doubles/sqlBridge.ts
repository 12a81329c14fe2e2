/**
 * Forge SQL's HTTP surface, forwarded to a real MariaDB (see `mariadb.ts`).
 *
 * `@forge/sql` POSTs `{query, params, method}` to `/api/v1/execute` (statements) or
 * `/api/v1/execute/ddl` (`executeDDL`, used by `migrationRunner`) and expects
 *   200 {rows, metadata}   rows = array of row objects for a SELECT, or the update header
 *                          {affectedRows, insertId, fieldCount, info, serverStatus, warningStatus,
 *                          changedRows} for DML; metadata = {dbExecutionTime, responseSize, fields}
 *   4xx {code, message, context?}   code one of @forge/sql's errorCodes (SQL_EXECUTION_ERROR,
 *                          INVALID_SQL_QUERY, QUERY_TIMED_OUT, …), surfaced as ForgeSQLAPIError.
 *
 * Each test file gets a fresh database `itr_<random>` on first use, dropped after the file.
 *
 * Platform rules mirrored here (so a test fails where Forge would):
 *  - the query policy and TiDB's MySQL dialect (`sqlPolicy.ts`): one statement per call, listed
 *    optimizer hints only, SET / SHOW / USE / PREPARE rules, no MariaDB-only syntax or functions;
 *  - SELECT times out at 5 s, other statements at 10 s, DDL at 20 s (QUERY_TIMED_OUT);
 *  - requests over 1 MiB and responses over 4 MiB fail;
 *  - DDL: at most 25 requests per minute per installation (this double's clock: `setNow`);
 *  - schema changes (CREATE/ALTER/DROP/TRUNCATE/RENAME) only through the DDL endpoint;
 *  - foreign keys, FULLTEXT / SPATIAL indexes and system versioning are refused.
 * Not verified against the real service: how dates come back (here: `YYYY-MM-DD HH:MM:SS` strings,
 * UTC), the HTTP status of errors (400 here) and the exact `context` of an error.
 */
import { randomBytes } from 'node:crypto';
import type { FieldPacket, ResultSetHeader } from 'mysql2';
import type { Pool } from 'mysql2/promise';
import { isRecord, jsonResponse, parseJsonBody } from './http';
import type { RoutedRequest } from './forgeRuntime';
import { refusal } from './sqlPolicy';

export const SQL_SELECT_TIMEOUT_S = 5;
export const SQL_WRITE_TIMEOUT_S = 10;
export const SQL_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
/** forge-docs: storage-reference/sql ("Query and response limits": DDL per-connection timeout 20 s). */
export const SQL_DDL_TIMEOUT_S = 20;
/** forge-docs: storage-reference/sql ("Query and response limits": request size 1 MiB). */
export const SQL_MAX_REQUEST_BYTES = 1024 * 1024;
/** forge-docs: storage-reference/sql ("Per-install limits": DDL requests per minute 25). */
export const SQL_DDL_PER_MINUTE = 25;

/**
 * `DDL_RATE_LIMITED` and `REQUEST_TOO_LARGE` (HTTP 429 / 413) are this double's choice: the docs give
 * the limits but name no code or status for going past them.
 */
interface SqlError {
  status: number;
  code:
    | 'SQL_EXECUTION_ERROR'
    | 'INVALID_SQL_QUERY'
    | 'QUERY_TIMED_OUT'
    | 'UNKNOWN_ERROR'
    | 'SQL_POLICY_VIOLATION'
    | 'DDL_RATE_LIMITED'
    | 'REQUEST_TOO_LARGE';
  message: string;
  suggestion?: string;
  context?: Record<string, unknown>;
}

const DDL_START = /^\s*(CREATE|ALTER|DROP|TRUNCATE|RENAME)\b/i;
const SELECT_START = /^\s*(SELECT|WITH)\b/i;

function columnMetadata(fields: FieldPacket[] | undefined): Array<Record<string, unknown>> {
  return (fields ?? []).map((f) => ({
    catalog: f.catalog,
    name: f.name,
    schema: f.schema,
    table: f.table,
    orgTable: f.orgTable,
    orgName: f.orgName,
    characterSet: f.characterSet,
    columnLength: f.columnLength,
    columnType: f.columnType ?? f.type,
    flags: f.flags,
    decimals: f.decimals,
  }));
}

function fromMysqlError(e: unknown): SqlError | undefined {
  // mysql2 leaves `code` undefined for MariaDB-only errnos (e.g. 1969), so key on errno.
  if (!isRecord(e) || typeof e['errno'] !== 'number') return undefined;
  const debug = { code: e['code'], errno: e['errno'], sqlState: e['sqlState'], sqlMessage: e['sqlMessage'] };
  const message = typeof e['sqlMessage'] === 'string' ? e['sqlMessage'] : String(e['message']);
  // 1969 = ER_STATEMENT_TIMEOUT (MariaDB max_statement_time), 3024 = MySQL's equivalent.
  if (e['errno'] === 1969 || e['errno'] === 3024)
    return { status: 400, code: 'QUERY_TIMED_OUT', message, context: { debug } };
  return { status: 400, code: 'SQL_EXECUTION_ERROR', message, context: { debug } };
}

/** An injected SQL failure (see `SqlBridge.failNext`). */
export interface SqlFault {
  match?: RegExp;
  status?: number;
  code?: SqlError['code'];
  message?: string;
}

export class SqlBridge {
  readonly databaseName = `itr_${randomBytes(6).toString('hex')}`;
  readonly statements: Array<{ endpoint: string; query: string; params: unknown[]; ok: boolean }> = [];
  /** Forge SQL's SELECT timeout (s); a test may lower it to exercise timeouts quickly. */
  selectTimeoutSeconds = SQL_SELECT_TIMEOUT_S;
  /** Forge SQL's timeout for other statements (s). */
  writeTimeoutSeconds = SQL_WRITE_TIMEOUT_S;
  /**
   * Whether the file's database starts as an installation that has run every migration (applied
   * directly, outside the DDL rate: an installation older than its first minutes). Set to false
   * before the first SQL call to start from an empty database, as a fresh installation does.
   */
  provisionSchema = true;
  /** Forge SQL's DDL timeout (s). */
  ddlTimeoutSeconds = SQL_DDL_TIMEOUT_S;
  /** DDL requests allowed per rolling minute (forge-docs: storage-reference/sql, "Per-install limits"). */
  ddlPerMinute = SQL_DDL_PER_MINUTE;
  private pool: Promise<Pool> | undefined;
  private faults: Array<{ remaining: number; fault: SqlFault }> = [];
  /** When each DDL request of the last minute arrived, on `now()`. */
  private ddlTimes: number[] = [];
  private pinnedNow: number | undefined;

  /** The double's clock (ms), used only for the DDL rate: the system clock unless `setNow` pinned it. */
  now(): number {
    return this.pinnedNow ?? Date.now();
  }

  /** Pins the clock (`undefined`: back to the system clock); e.g. `setNow(now() + 60_000)` waits out the DDL rate. */
  setNow(ms: number | undefined): void {
    this.pinnedNow = ms;
  }

  /** Forgets the DDL requests counted so far (a test that starts from a fresh installation's budget). */
  clearDdlRate(): void {
    this.ddlTimes = [];
  }

  /**
   * Fault injection: the next `count` statements (those whose text matches `fault.match`, when given)
   * fail without running, answered as Forge SQL answers an execution error. Defaults imitate a
   * deadlock (MySQL errno 1213); `{code: 'UNKNOWN_ERROR', status: 503}` imitates a dropped
   * connection. `clearFaults()` drops what is left (the bridge outlives `harness().reset()`).
   */
  failNext(count: number, fault: SqlFault = {}): void {
    this.faults.push({ remaining: count, fault });
  }

  clearFaults(): void {
    this.faults = [];
  }

  private async open(): Promise<Pool> {
    // Loaded on first use so that test files without SQL do not pay for mysql2.
    const { createConnection, createPool } = await import('mysql2/promise');
    const { connectionOptionsFromEnv, waitForServer } = await import('./mariadb');
    await waitForServer();
    const base = connectionOptionsFromEnv();
    const admin = await createConnection(base);
    try {
      await admin.query(`CREATE DATABASE \`${this.databaseName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    } finally {
      await admin.end();
    }
    const pool = createPool({
      ...base,
      database: this.databaseName,
      connectionLimit: 4,
      multipleStatements: false,
      supportBigNumbers: false,
    });
    if (this.provisionSchema) await this.provision(pool);
    return pool;
  }

  /** Applies the app's migrations and records them, as `runMigrations` would have over past runs. */
  private async provision(pool: Pool): Promise<void> {
    const { LOCK_TABLE, MIGRATIONS, MIGRATIONS_TABLE } = await import('../src/adapters/sql/migrations');
    await pool.query(MIGRATIONS_TABLE);
    await pool.query(LOCK_TABLE);
    for (const m of MIGRATIONS) {
      await pool.query(m.statement);
      await pool.query('INSERT INTO __migrations (name) VALUES (?)', [m.name]);
    }
  }

  /** The per-file database, created on first use. */
  private db(): Promise<Pool> {
    this.pool ??= this.open();
    return this.pool;
  }

  /** Direct access for test setup and assertions (bypasses the Forge rules above). */
  async raw<T = unknown>(query: string, params: unknown[] = []): Promise<T> {
    const pool = await this.db();
    const [rows] = await pool.query(query, params);
    return rows as T;
  }

  /** Drops every table in the file's database (between tests that need a clean schema). */
  async dropAllTables(): Promise<void> {
    if (!this.pool) {
      // Not opened yet: open it empty (provisioning only to drop it again would waste a second).
      const provision = this.provisionSchema;
      this.provisionSchema = false;
      try {
        await this.db();
      } finally {
        this.provisionSchema = provision;
      }
      return;
    }
    const pool = await this.pool;
    const [rows] = await pool.query('SELECT table_name AS t FROM information_schema.tables WHERE table_schema = ?', [
      this.databaseName,
    ]);
    for (const r of Array.isArray(rows) ? rows : []) {
      if (isRecord(r) && typeof r['t'] === 'string') await pool.query(`DROP TABLE \`${r['t']}\``);
    }
  }

  /** Drops the database and closes connections (after the test file); keeps it if ITR_TEST_KEEP_DB. */
  async dispose(): Promise<void> {
    if (!this.pool) return;
    const pool = await this.pool.catch(() => undefined);
    this.pool = undefined;
    if (!pool) return;
    if (process.env['ITR_TEST_KEEP_DB'] === undefined)
      await pool.query(`DROP DATABASE IF EXISTS \`${this.databaseName}\``);
    await pool.end();
  }

  async handle(req: RoutedRequest): Promise<Response> {
    const endpoint = req.pathname;
    if (req.method !== 'POST' || (endpoint !== '/api/v1/execute' && endpoint !== '/api/v1/execute/ddl')) {
      throw new Error(`[sql bridge] unexpected ${req.method} ${endpoint}: extend platform-doubles/sqlBridge.ts`);
    }
    let body: unknown;
    try {
      body = parseJsonBody(req);
    } catch {
      return this.error({ status: 400, code: 'INVALID_SQL_QUERY', message: 'request body is not JSON' });
    }
    const query = isRecord(body) && typeof body['query'] === 'string' ? body['query'] : '';
    const params = isRecord(body) && Array.isArray(body['params']) ? body['params'] : [];
    const injected = this.faults.find(
      (f) => f.remaining > 0 && (f.fault.match === undefined || f.fault.match.test(query)),
    );
    if (injected) {
      injected.remaining--;
      this.statements.push({ endpoint, query, params, ok: false });
      return this.error({
        status: injected.fault.status ?? 400,
        code: injected.fault.code ?? 'SQL_EXECUTION_ERROR',
        message: injected.fault.message ?? 'Deadlock found when trying to get lock; try restarting transaction',
        context: { debug: { errno: 1213, injected: true } },
      });
    }
    const checked = this.check(endpoint, query, params, req.bodyText ?? '');
    if (checked) {
      this.statements.push({ endpoint, query, params, ok: false });
      return this.error(checked);
    }
    const pool = await this.db();
    const isSelect = SELECT_START.test(query);
    const timeout =
      endpoint === '/api/v1/execute/ddl'
        ? this.ddlTimeoutSeconds
        : isSelect
          ? this.selectTimeoutSeconds
          : this.writeTimeoutSeconds;
    const started = process.hrtime.bigint();
    try {
      const conn = await pool.getConnection();
      let result: unknown;
      let fields: FieldPacket[] | undefined;
      try {
        await conn.query('SET SESSION max_statement_time = ?', [timeout]);
        [result, fields] = await conn.query(query, params);
      } finally {
        conn.release();
      }
      const dbExecutionTime = Number(process.hrtime.bigint() - started) / 1e6;
      const rows = Array.isArray(result) ? result : this.header(result);
      const payload = { rows, metadata: { dbExecutionTime, responseSize: 0, fields: columnMetadata(fields) } };
      const size = Buffer.byteLength(JSON.stringify(payload));
      if (size > SQL_MAX_RESPONSE_BYTES) {
        this.statements.push({ endpoint, query, params, ok: false });
        return this.error({
          status: 400,
          code: 'SQL_EXECUTION_ERROR',
          message: `response of ${size} bytes exceeds Forge SQL's 4 MiB limit`,
        });
      }
      payload.metadata.responseSize = size;
      this.statements.push({ endpoint, query, params, ok: true });
      return jsonResponse(200, payload);
    } catch (e) {
      const mapped = fromMysqlError(e);
      if (!mapped) throw e;
      this.statements.push({ endpoint, query, params, ok: false });
      return this.error(mapped);
    }
  }

  private header(result: unknown): Record<string, unknown> {
    const h = (isRecord(result) ? result : {}) as Partial<ResultSetHeader>;
    return {
      fieldCount: h.fieldCount ?? 0,
      affectedRows: h.affectedRows ?? 0,
      insertId: h.insertId ?? 0,
      info: h.info ?? '',
      serverStatus: h.serverStatus ?? 0,
      warningStatus: h.warningStatus ?? 0,
      changedRows: h.changedRows ?? 0,
    };
  }

  private check(endpoint: string, query: string, params: unknown[], bodyText: string): SqlError | undefined {
    const size = Buffer.byteLength(bodyText);
    // forge-docs: storage-reference/sql ("Query and response limits": request size 1 MiB).
    if (size > SQL_MAX_REQUEST_BYTES) {
      return {
        status: 413,
        code: 'REQUEST_TOO_LARGE',
        message: `request of ${size} bytes exceeds Forge SQL's 1 MiB limit`,
      };
    }
    const refused = refusal(query);
    if (refused) {
      return {
        status: 400,
        code: refused.code,
        message: refused.message,
        suggestion: refused.suggestion,
        ...(refused.debug ? { context: { debug: refused.debug } } : {}),
      };
    }
    if (endpoint === '/api/v1/execute' && DDL_START.test(query)) {
      return {
        status: 400,
        code: 'INVALID_SQL_QUERY',
        message: 'schema changes must go through migrationRunner / executeDDL',
      };
    }
    if (endpoint === '/api/v1/execute/ddl') {
      if (params.length > 0)
        return { status: 400, code: 'INVALID_SQL_QUERY', message: 'executeDDL takes no parameters' };
      // forge-docs: storage-reference/sql ("Per-install limits": 25 DDL requests per minute).
      const now = this.now();
      this.ddlTimes = this.ddlTimes.filter((t) => t > now - 60_000);
      if (this.ddlTimes.length >= this.ddlPerMinute) {
        const retryAfterSeconds = Math.ceil(((this.ddlTimes[0] ?? now) + 60_000 - now) / 1000);
        return {
          status: 429,
          code: 'DDL_RATE_LIMITED',
          message: `more than ${this.ddlPerMinute} DDL requests in a minute on this installation`,
          context: { retryAfterSeconds },
        };
      }
      this.ddlTimes.push(now);
    }
    return undefined;
  }

  private error(e: SqlError): Response {
    return jsonResponse(e.status, {
      code: e.code,
      message: e.message,
      ...(e.suggestion !== undefined ? { suggestion: e.suggestion } : {}),
      ...(e.context ? { context: e.context } : {}),
    });
  }
}
