import { runMigrations } from '../../adapters/sql';
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
 */
export interface LifecycleReport {
  event: string;
  appVersion: string | null;
  migrationsRan: string[];
  closeProperty: 'published' | 'failed';
}

const field = (o: unknown, name: string): unknown => (typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[name] : undefined);

export async function handler(event: unknown): Promise<LifecycleReport> {
  const eventType = field(event, 'eventType');
  const version = field(field(event, 'app'), 'version');
  const report: LifecycleReport = {
    event: typeof eventType === 'string' ? eventType : 'avi:forge:installed:app',
    appVersion: typeof version === 'string' ? version : null,
    migrationsRan: [],
    closeProperty: 'failed',
  };
  report.migrationsRan = await runMigrations();
  try {
    await publishCloseProperty();
    report.closeProperty = 'published';
  } catch (e) {
    console.warn(JSON.stringify({ event: 'app-lifecycle', closeProperty: 'not published', reason: e instanceof Error ? e.message : String(e) }));
  }
  console.log(JSON.stringify({ trigger: 'app-lifecycle', ...report }));
  return report;
}
