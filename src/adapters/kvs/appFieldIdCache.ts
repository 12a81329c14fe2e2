/**
 * This installation's app-field ids (`moduleKey → customfield_NNNNN`), kept in Forge KVS so an
 * invocation does not list every field of the site (2,000 on a large one) to find the app's own.
 *
 * Why it stays right: Jira keeps an app field's id for the life of the installation (the field is
 * locked, and comes back with its data when the app is reinstalled within 30 days; forge-docs:
 * manifest-reference/modules/jira-custom-field, "Field lifecycle"). A record answers only the
 * installation, app and environment that wrote it, so a reinstall (a new installation, possibly relinked
 * to the old storage on request: storage-reference/hosted-storage-data-lifecycle) looks the ids up again.
 * A deploy that adds a field module misses in the record and looks up again too. The TTL bounds
 * anything else (a field restored with a new id, say). Not under `config:`: a backup must not carry it.
 */
import { kvs } from '@forge/kvs';
import type { AppIdentity } from '../runtime';

export const APP_FIELD_IDS_KEY = 'cache:app-field-ids';
/** How long a record is trusted; range 1 hour – 30 days, default 1 day (one field listing a day). */
export const APP_FIELD_IDS_TTL_HOURS = 24;

interface Stored {
  appId: string;
  environmentId: string;
  installationId: string;
  /** module key → field id. */
  ids: Record<string, string>;
}

function isStored(x: unknown): x is Stored {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as Record<string, unknown>;
  const ids = s['ids'];
  return (
    typeof s['appId'] === 'string' &&
    typeof s['environmentId'] === 'string' &&
    typeof s['installationId'] === 'string' &&
    typeof ids === 'object' &&
    ids !== null &&
    Object.values(ids).every((v) => typeof v === 'string')
  );
}

/** The cached ids for this identity; `undefined` when absent, expired, unreadable or another installation's. */
export async function readAppFieldIds(identity: AppIdentity): Promise<ReadonlyMap<string, string> | undefined> {
  const raw = await kvs.get<unknown>(APP_FIELD_IDS_KEY);
  if (!isStored(raw)) return undefined;
  if (
    raw.appId !== identity.appId ||
    raw.environmentId !== identity.environmentId ||
    raw.installationId !== identity.installationId
  )
    return undefined;
  return new Map(Object.entries(raw.ids));
}

export async function writeAppFieldIds(identity: AppIdentity, ids: ReadonlyMap<string, string>): Promise<void> {
  const value: Stored = { ...identity, ids: Object.fromEntries(ids) };
  await kvs.set(APP_FIELD_IDS_KEY, value, { ttl: { value: APP_FIELD_IDS_TTL_HOURS, unit: 'HOURS' } });
}

/** Drops the record (a write to a cached id failed: the next look-up lists the fields again). */
export async function forgetAppFieldIds(): Promise<void> {
  await kvs.delete(APP_FIELD_IDS_KEY);
}
