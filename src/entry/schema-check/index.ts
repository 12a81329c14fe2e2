import '../composition';
import { runMigrationCheck, type MigrationCheckResult } from '../../app/schema/migrationCheck';

/**
 * Scheduled trigger `schema-check` (every hour, no user): applies pending SQL migrations (a fresh
 * installation needs more DDL than Forge SQL allows in a minute) and records the result and its
 * heartbeat for the admin site check. Cold starts of the other functions only read the schema state.
 */
export async function handler(): Promise<MigrationCheckResult> {
  const result = await runMigrationCheck(new Date());
  console.log(JSON.stringify({ event: 'schema-check', ...result }));
  return result;
}
