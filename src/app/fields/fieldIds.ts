import type { JiraClient } from '../../adapters/jira';
import { readAppFieldIds, writeAppFieldIds } from '../../adapters/kvs';
import { appFieldAri, currentAppIdentity, type AppIdentity } from '../../adapters/runtime';
import { ITR_FIELD_NAMES, ITR_FIELDS, type ItrFieldIds, type ItrFieldName } from './itrFields';
import { ItrError } from '../itrError';

/** Raised when Jira lists none of the app's fields: the app is not (fully) installed on this site. */
export class FieldsNotInstalledError extends ItrError {
  constructor(readonly missing: string[]) {
    super(
      'FIELDS_NOT_INSTALLED',
      `Jira has no field for module(s) ${missing.join(', ')}: is the app installed on this site?`,
    );
    this.name = 'FieldsNotInstalledError';
  }
}

/** Where the app's identity and the per-installation cache come from (the platform; tests may swap). */
export interface AppFieldIdSource {
  identity(): AppIdentity;
  read(identity: AppIdentity): Promise<ReadonlyMap<string, string> | undefined>;
  write(identity: AppIdentity, ids: ReadonlyMap<string, string>): Promise<void>;
}

const PLATFORM_SOURCE: AppFieldIdSource = {
  identity: currentAppIdentity,
  read: readAppFieldIds,
  write: writeAppFieldIds,
};

/** The cache only saves a field listing: when KVS fails, the app lists the fields rather than stopping. */
async function quietly<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch {
    return undefined;
  }
}

/**
 * This installation's field ids of the given `jira:customField` module keys. A field is the app's only
 * when its `schema.custom` is this app's and environment's full extension ARI (another app, or another
 * environment of this one, may declare the same module key). Read from the installation's cache; on a
 * miss, one `GET /rest/api/3/field` (Jira does not page it, nor filter it by ARI) fills the cache.
 */
export async function lookUpAppFieldIds(
  jira: JiraClient,
  moduleKeys: readonly string[],
  source: AppFieldIdSource = PLATFORM_SOURCE,
): Promise<ReadonlyMap<string, string>> {
  const identity = source.identity();
  const cached = await quietly(() => source.read(identity));
  if (cached !== undefined && moduleKeys.every((k) => cached.has(k))) return cached;
  const byAri = new Map<string, string>();
  for (const f of await jira.listFields()) if (f.schemaCustom !== undefined) byAri.set(f.schemaCustom, f.id);
  const found = new Map<string, string>();
  for (const name of ITR_FIELD_NAMES) {
    const key = ITR_FIELDS[name].moduleKey;
    const id = byAri.get(appFieldAri(identity, key));
    if (id !== undefined) found.set(key, id);
  }
  for (const key of moduleKeys) {
    const id = byAri.get(appFieldAri(identity, key));
    if (id !== undefined) found.set(key, id);
  }
  const missing = moduleKeys.filter((k) => !found.has(k));
  if (missing.length > 0) throw new FieldsNotInstalledError(missing);
  await quietly(() => source.write(identity, found));
  return found;
}

/** Maps the app's field module keys to this site's `customfield_NNNNN` ids (cached per installation). */
export async function lookUpFieldIds(
  jira: JiraClient,
  source: AppFieldIdSource = PLATFORM_SOURCE,
): Promise<ItrFieldIds> {
  const byModule = await lookUpAppFieldIds(
    jira,
    ITR_FIELD_NAMES.map((name) => ITR_FIELDS[name].moduleKey),
    source,
  );
  const ids: Partial<Record<ItrFieldName, string>> = {};
  for (const name of ITR_FIELD_NAMES) {
    const id = byModule.get(ITR_FIELDS[name].moduleKey);
    if (id !== undefined) ids[name] = id; // lookUpAppFieldIds threw if one were missing
  }
  return ids as ItrFieldIds;
}
