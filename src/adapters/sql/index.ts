export { execute, fromSqlDateTime, query, queryOne, toSqlDateTime } from './sqlClient';
export type { SqlParam, WriteResult } from './sqlClient';
export { ensureSchema, LINE_OUTCOMES, MIGRATIONS, runMigrations } from './migrations';
export type { LineOutcome, Migration } from './migrations';
export { SqlError, SqlErrorCode } from './sql.errors';
