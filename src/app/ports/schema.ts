/** The app's storage schema: its migrations, applied under a lock. SQL: src/adapters/sql/migrations.ts. */
export interface MigrationRun {
  ran: string[];
  pending: string[];
  /** True when Forge SQL refused a DDL for the installation's rate (25 per minute); the rest waits for the next run. */
  rateLimited: boolean;
}

export interface SchemaRepository {
  /** The names of every migration the app ships, in order. */
  readonly expected: readonly string[];
  /** Applies what is pending (stops early at the DDL rate, leaving the rest pending). */
  apply: () => Promise<MigrationRun>;
  /** The names this installation has applied, by a read only. */
  applied: () => Promise<string[]>;
}
