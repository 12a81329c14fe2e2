/**
 * A small typed layer over `@forge/sql`: `sql.prepare(text).bindParams(...).execute()`, with rows
 * checked by a caller-supplied parser at the boundary and every failure turned into a `SqlError`.
 *
 * Forge SQL rules the callers must keep (the test harness enforces them on MariaDB too): one
 * statement per call, `?` placeholders only, no foreign keys, schema changes only through
 * `runMigrations` (src/adapters/sql/migrations.ts).
 */
import { errorCodes, ForgeSQLAPIError, sql } from '@forge/sql';
import { SqlError, SqlErrorCode } from '../../app/ports/storageErrors';
import { isRecord } from '../../domain/input';

/** A value `bindParams` accepts. Dates are passed as UTC `YYYY-MM-DD HH:MM:SS.mmm` strings. */
export type SqlParam = string | number | boolean | null | Date;

export interface WriteResult {
  affectedRows: number;
  insertId: number;
}

/** Formats a Date for a DATETIME(3) column in UTC. */
export function toSqlDateTime(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

/** Reads a DATETIME column value (string `YYYY-MM-DD HH:MM:SS[.fff]` in UTC, or a Date) as a Date. */
export function fromSqlDateTime(v: unknown): Date {
  if (v instanceof Date) return v;
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?Z?$/.test(v)) {
    return new Date(`${v.replace(' ', 'T').replace(/Z$/, '')}Z`);
  }
  throw new TypeError(`not a DATETIME value: ${JSON.stringify(v)}`);
}

function bind(params: SqlParam[]): Array<string | number | boolean | null> {
  return params.map((p) => (p instanceof Date ? toSqlDateTime(p) : p));
}

/** Forge SQL's error codes (`errorCodes` of @forge/sql, plus the documented `SQL_POLICY_VIOLATION`). */
const FORGE_CODES: Record<string, SqlErrorCode> = {
  [errorCodes.SQL_EXECUTION_ERROR]: SqlErrorCode.Execution,
  [errorCodes.INVALID_SQL_QUERY]: SqlErrorCode.InvalidQuery,
  [errorCodes.QUERY_TIMED_OUT]: SqlErrorCode.TimedOut,
  SQL_POLICY_VIOLATION: SqlErrorCode.PolicyViolation,
};

/**
 * Turns what `@forge/sql` throws into a `SqlError`. The docs give the DDL rate (25 per minute) and the
 * request size (1 MiB) but no code for going past them: HTTP 429 and 413 are read as those.
 */
export function translate(e: unknown, statement: string): SqlError {
  if (e instanceof SqlError) return e;
  if (e instanceof ForgeSQLAPIError) {
    const status = e.responseDetails.status;
    const code =
      status === 429
        ? SqlErrorCode.RateLimited
        : status === 413
          ? SqlErrorCode.RequestTooLarge
          : (FORGE_CODES[e.code] ?? SqlErrorCode.Unknown);
    // The parse error's own text is in debug.sqlMessage; the suggestion says what to do.
    const debug = isRecord(e.context) && isRecord(e.context['debug']) ? e.context['debug'] : undefined;
    const detail = [
      e.message,
      typeof debug?.['sqlMessage'] === 'string' ? debug['sqlMessage'] : undefined,
      e.suggestion,
    ].filter((x) => typeof x === 'string' && x !== '');
    return new SqlError(code, [...new Set(detail)].join(' — '), statement, e);
  }
  return new SqlError(SqlErrorCode.Unknown, e instanceof Error ? e.message : String(e), statement, e);
}

/** Runs a SELECT and parses every row; a row the parser rejects is SQL_BAD_ROW. */
export async function query<Row>(
  statement: string,
  params: SqlParam[],
  parse: (row: Record<string, unknown>) => Row,
): Promise<Row[]> {
  let rows: unknown;
  try {
    const result = await sql
      .prepare<Record<string, unknown>>(statement)
      .bindParams(...bind(params))
      .execute();
    rows = result.rows;
  } catch (e) {
    throw translate(e, statement);
  }
  if (!Array.isArray(rows)) throw new SqlError(SqlErrorCode.BadRow, 'a SELECT answered no row list', statement);
  return rows.map((r, i) => {
    if (!isRecord(r)) throw new SqlError(SqlErrorCode.BadRow, `row ${i} is not an object`, statement);
    try {
      return parse(r);
    } catch (cause) {
      throw new SqlError(
        SqlErrorCode.BadRow,
        `row ${i}: ${cause instanceof Error ? cause.message : String(cause)}`,
        statement,
        cause,
      );
    }
  });
}

/** Runs a SELECT expected to yield at most one row. */
export async function queryOne<Row>(
  statement: string,
  params: SqlParam[],
  parse: (row: Record<string, unknown>) => Row,
): Promise<Row | undefined> {
  const rows = await query(statement, params, parse);
  if (rows.length > 1)
    throw new SqlError(SqlErrorCode.BadRow, `expected at most one row, got ${rows.length}`, statement);
  return rows[0];
}

/** Runs an INSERT / UPDATE / DELETE. */
export async function execute(statement: string, params: SqlParam[] = []): Promise<WriteResult> {
  let rows: unknown;
  try {
    const result = await sql
      .prepare<unknown>(statement)
      .bindParams(...bind(params))
      .execute();
    rows = result.rows;
  } catch (e) {
    throw translate(e, statement);
  }
  if (!isRecord(rows) || typeof rows['affectedRows'] !== 'number') {
    throw new SqlError(SqlErrorCode.BadRow, 'a write answered no update header', statement);
  }
  return { affectedRows: rows['affectedRows'], insertId: typeof rows['insertId'] === 'number' ? rows['insertId'] : 0 };
}
