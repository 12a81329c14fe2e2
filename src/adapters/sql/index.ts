export { execute, fromSqlDateTime, query, queryOne, toSqlDateTime } from './sqlClient';
export { sqlLimit } from './sqlLimit';
export type { SqlParam, WriteResult } from './sqlClient';
export {
  appliedMigrations,
  applyMigrations,
  ensureSchema,
  LINE_OUTCOMES,
  MIGRATIONS,
  runMigrations,
} from './migrations';
export type { LineOutcome, Migration, MigrationRun } from './migrations';
export { SqlError, SqlErrorCode } from '../../app/ports/storageErrors';
