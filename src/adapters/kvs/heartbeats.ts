/**
 * Heartbeats of the scheduled triggers: each run writes when it ran, so the admin site check can tell
 * a trigger that stopped running (an app disabled on the site, a trigger failing at every run) from
 * one that runs. Kept under `heartbeat:`, not `config:`, so a backup never carries them.
 */
import { kvs } from '@forge/kvs';

/** The scheduled work the site check expects to run (one per `scheduledTrigger` module's function). */
export type HeartbeatName = 'escalation-sweep' | 'analytics-weekly-report' | 'migration-check';

const keyOf = (name: HeartbeatName): string => `heartbeat:${name}`;

/**
 * Records a run at `at`. Never fails the run it reports on: a heartbeat that cannot be written shows up
 * in the site check as a missed run, which is the truth the admin needs anyway.
 */
export async function recordHeartbeat(name: HeartbeatName, at: Date): Promise<void> {
  try {
    await kvs.set(keyOf(name), { at: at.toISOString() });
  } catch {
    // see above: the missing heartbeat is the report
  }
}

/** When `name` last ran; undefined when it never did (or the record is unreadable). */
export async function lastHeartbeat(name: HeartbeatName): Promise<Date | undefined> {
  const raw = await kvs.get<unknown>(keyOf(name));
  const at = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['at'] : undefined;
  const date = typeof at === 'string' ? new Date(at) : undefined;
  return date !== undefined && !Number.isNaN(date.getTime()) ? date : undefined;
}
