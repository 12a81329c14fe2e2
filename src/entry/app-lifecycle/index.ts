import '../composition';
import type { InvocationError } from '@forge/events';
import { retryLater } from '../../adapters/queue';
import { applyMigrations } from '../../adapters/sql';
import { publishCloseProperty } from '../../app/closure/closeProperty';

/**
 * Forge `trigger` on the app's own life-cycle events (manifest function `app-lifecycle`):
 *   avi:forge:installed:app   {id, installerAccountId?, app: {id, version, name?, ownerAccountId?}, environment?: {id}}
 *   avi:forge:upgraded:app    the same with `upgraderAccountId?`; sent for major upgrades only
 * (Forge's "Life cycle events" reference). Runs the SQL migrations once, under their lock, and
 * publishes the `itr-close` app property the workflow rules read.
 *
 * Each step stands alone and each has a fallback, because the install event may come before the
 * app's account holds its Jira permissions: the stores still run `ensureSchema` lazily, and the
 * issue-created trigger and the admin page publish the property if it is missing. A failed
 * migration is rethrown (logged by Forge, and the lazy path retries); a failed publication is logged.
 * A fresh installation needs more DDL than Forge SQL's 25 a minute: what the rate leaves is reported
 * as `migrationsPending` and applied by the hourly `schema-check` trigger or the stores' lazy path.
 */
export interface LifecycleReport {
  event: string;
  appVersion: string;
  migrationsRan: string[];
  /** Left for a later run by Forge SQL's DDL rate (empty once the schema is complete). */
  migrationsPending: string[];
  closeProperty: 'published' | 'failed';
}

const field = (o: unknown, name: string): unknown =>
  typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[name] : undefined;

const LIFECYCLE_EVENTS = ['avi:forge:installed:app', 'avi:forge:upgraded:app'];

/**
 * The documented required fields: the installation `id` and `app: {id, version}` (strings);
 * `eventType`, when present, one of the two events. Anything else is not a life-cycle event.
 */
function parseLifecycleEvent(event: unknown): { eventType: string; version: string } | null {
  const app = field(event, 'app');
  const [id, appId, version, eventType] = [
    field(event, 'id'),
    field(app, 'id'),
    field(app, 'version'),
    field(event, 'eventType'),
  ];
  if (typeof id !== 'string' || typeof appId !== 'string' || typeof version !== 'string' || version.length > 64)
    return null;
  if (eventType !== undefined && (typeof eventType !== 'string' || !LIFECYCLE_EVENTS.includes(eventType))) return null;
  return { eventType: typeof eventType === 'string' ? eventType : 'avi:forge:installed:app', version };
}

export async function handler(event: unknown): Promise<LifecycleReport | InvocationError | undefined> {
  const parsed = parseLifecycleEvent(event);
  if (parsed === null) {
    console.warn('app-lifecycle: not an installed/upgraded event (no installation id or app id/version); ignored');
    return undefined;
  }
  const report: LifecycleReport = {
    event: parsed.eventType,
    appVersion: parsed.version,
    migrationsRan: [],
    migrationsPending: [],
    closeProperty: 'failed',
  };
  let run: Awaited<ReturnType<typeof applyMigrations>>;
  try {
    run = await applyMigrations();
  } catch (e) {
    // A dropped SQL connection or an outage: returned, so Forge retries the event (up to 4 times;
    // a thrown error is never retried, forge-docs: events-reference/product_events). Migrations are
    // idempotent under their lock.
    const retry = retryLater(e);
    if (retry === undefined) throw e;
    console.warn(JSON.stringify({ trigger: 'app-lifecycle', retry: e instanceof Error ? e.message : String(e) }));
    return retry;
  }
  report.migrationsRan = run.ran;
  report.migrationsPending = run.pending;
  try {
    await publishCloseProperty();
    report.closeProperty = 'published';
  } catch (e) {
    console.warn(
      JSON.stringify({
        event: 'app-lifecycle',
        closeProperty: 'not published',
        reason: e instanceof Error ? e.message : String(e),
      }),
    );
  }
  console.log(JSON.stringify({ trigger: 'app-lifecycle', ...report }));
  return report;
}
