/**
 * Typed JSON configuration in Forge's Key-Value Store (`@forge/kvs`).
 *
 * Each config lives under one key, `<prefix><name>`, wrapped in an envelope:
 *   { schemaVersion, revision, updatedAt, updatedBy?, value }
 * - `schemaVersion` is the shape of `value`; a codec upgrades older shapes step by step on read
 *   (`upgrades[n]` turns version n into n+1), so a deploy can change the format without a migration
 *   job. Data written by a newer deploy (higher version) is refused, not misread.
 * - `revision` counts writes; `set(..., {expectedRevision})` refuses to overwrite someone else's
 *   newer write (optimistic concurrency for admin pages). KVS has no compare-and-set on plain keys,
 *   so a write racing in between the check and the set can still win: the window is one round trip.
 * The clock is injected, so tests and callers decide what "now" is.
 */
import { ForgeKvsAPIError, kvs, WhereConditions } from '@forge/kvs';
import { ConfigStoreError, ConfigStoreErrorCode } from './kvs.errors';

/** KVS limits (documented): keys 1–500 characters of this alphabet; values ≤ 240 KiB. */
const KVS_KEY = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;
const KVS_MAX_KEY = 500;
const KVS_MAX_VALUE_BYTES = 240 * 1024;

export interface ConfigCodec<T> {
  /** Current schema version of `T` (≥ 1). */
  schemaVersion: number;
  /** Validates and types a value of the current version; throw (any error) to reject. */
  parse(raw: unknown): T;
  /** `upgrades[n]` converts a version-n value to version n+1. */
  upgrades?: Record<number, (old: unknown) => unknown>;
}

export interface StoredConfig<T> {
  value: T;
  schemaVersion: number;
  revision: number;
  updatedAt: string;
  updatedBy: string | undefined;
}

interface Envelope {
  schemaVersion: number;
  revision: number;
  updatedAt: string;
  updatedBy?: string;
  value: unknown;
}

function isEnvelope(x: unknown): x is Envelope {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Record<string, unknown>;
  return (
    Number.isInteger(e['schemaVersion']) &&
    Number.isInteger(e['revision']) &&
    typeof e['updatedAt'] === 'string' &&
    'value' in e
  );
}

export interface ConfigStoreOptions {
  /** Key prefix for every config; default `config:`. */
  prefix?: string;
  /** Current time; default the system clock. */
  now?: () => Date;
}

export class ConfigStore {
  private readonly prefix: string;
  private readonly now: () => Date;

  constructor(options: ConfigStoreOptions = {}) {
    this.prefix = options.prefix ?? 'config:';
    this.now = options.now ?? ((): Date => new Date());
  }

  /** The KVS key of a config name (throws CONFIG_BAD_NAME when KVS would refuse it). */
  keyOf(name: string): string {
    const key = `${this.prefix}${name}`;
    if (name === '' || key.length > KVS_MAX_KEY || !KVS_KEY.test(key)) {
      throw new ConfigStoreError(ConfigStoreErrorCode.BadName, `"${key}" is not a valid KVS key`, name);
    }
    return key;
  }

  /** Reads, upgrades and parses a config; undefined when it was never written. */
  async get<T>(name: string, codec: ConfigCodec<T>): Promise<StoredConfig<T> | undefined> {
    const raw = await this.call(name, () => kvs.get<unknown>(this.keyOf(name)));
    if (raw === undefined) return undefined;
    if (!isEnvelope(raw))
      throw new ConfigStoreError(ConfigStoreErrorCode.Invalid, 'stored value is not a config envelope', name);
    if (raw.schemaVersion > codec.schemaVersion) {
      throw new ConfigStoreError(
        ConfigStoreErrorCode.TooNew,
        `stored schema v${raw.schemaVersion}, this code knows v${codec.schemaVersion}`,
        name,
      );
    }
    let value = raw.value;
    for (let v = raw.schemaVersion; v < codec.schemaVersion; v++) {
      const step = codec.upgrades?.[v];
      if (!step) throw new ConfigStoreError(ConfigStoreErrorCode.Invalid, `no upgrade from schema v${v}`, name);
      value = step(value);
    }
    let parsed: T;
    try {
      parsed = codec.parse(value);
    } catch (cause) {
      throw new ConfigStoreError(
        ConfigStoreErrorCode.Invalid,
        `stored value fails validation: ${cause instanceof Error ? cause.message : String(cause)}`,
        name,
        cause,
      );
    }
    return {
      value: parsed,
      schemaVersion: codec.schemaVersion,
      revision: raw.revision,
      updatedAt: raw.updatedAt,
      updatedBy: raw.updatedBy,
    };
  }

  /**
   * Validates and writes a config at the codec's current version, bumping the revision. With
   * `expectedRevision` (0 = "must not exist yet"), refuses when the stored revision differs.
   */
  async set<T>(
    name: string,
    value: T,
    codec: ConfigCodec<T>,
    options: { expectedRevision?: number; updatedBy?: string } = {},
  ): Promise<StoredConfig<T>> {
    const key = this.keyOf(name);
    let parsed: T;
    try {
      parsed = codec.parse(value);
    } catch (cause) {
      throw new ConfigStoreError(
        ConfigStoreErrorCode.Invalid,
        `value fails validation: ${cause instanceof Error ? cause.message : String(cause)}`,
        name,
        cause,
      );
    }
    const current = await this.call(name, () => kvs.get<unknown>(key));
    const currentRevision = isEnvelope(current) ? current.revision : 0;
    if (options.expectedRevision !== undefined && options.expectedRevision !== currentRevision) {
      throw new ConfigStoreError(
        ConfigStoreErrorCode.RevisionConflict,
        `expected revision ${options.expectedRevision}, stored revision is ${currentRevision}`,
        name,
      );
    }
    const envelope: Envelope = {
      schemaVersion: codec.schemaVersion,
      revision: currentRevision + 1,
      updatedAt: this.now().toISOString(),
      ...(options.updatedBy !== undefined ? { updatedBy: options.updatedBy } : {}),
      value: parsed,
    };
    const bytes = Buffer.byteLength(JSON.stringify(envelope));
    if (bytes > KVS_MAX_VALUE_BYTES) {
      throw new ConfigStoreError(
        ConfigStoreErrorCode.TooLarge,
        `${bytes} bytes exceed the KVS value limit of ${KVS_MAX_VALUE_BYTES}`,
        name,
      );
    }
    await this.call(name, () => kvs.set(key, envelope));
    return {
      value: parsed,
      schemaVersion: envelope.schemaVersion,
      revision: envelope.revision,
      updatedAt: envelope.updatedAt,
      updatedBy: options.updatedBy,
    };
  }

  /** The stored envelope of a config as is (no upgrade, no parse): what a backup copies verbatim. */
  async getStored(name: string): Promise<unknown> {
    return this.call(name, () => kvs.get<unknown>(this.keyOf(name)));
  }

  /** Writes a record outside the config prefix (e.g. `audit:…`), with KVS's key and size checks. */
  async putRecord(key: string, value: unknown): Promise<void> {
    if (key === '' || key.length > KVS_MAX_KEY || !KVS_KEY.test(key)) {
      throw new ConfigStoreError(ConfigStoreErrorCode.BadName, `"${key}" is not a valid KVS key`, key);
    }
    await this.call(key, () => kvs.set(key, value));
  }

  async delete(name: string): Promise<void> {
    await this.call(name, () => kvs.delete(this.keyOf(name)));
  }

  /** Names of all stored configs under the prefix (follows KVS cursors). */
  async list(): Promise<string[]> {
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(this.prefix)).limit(100);
      if (cursor !== undefined) query = query.cursor(cursor);
      const page = await this.call('*', () => query.getMany());
      names.push(...page.results.map((r) => r.key.slice(this.prefix.length)));
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return names;
  }

  private async call<R>(name: string, fn: () => Promise<R>): Promise<R> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ConfigStoreError) throw e;
      const detail =
        e instanceof ForgeKvsAPIError ? `${e.code}: ${e.message}` : e instanceof Error ? e.message : String(e);
      throw new ConfigStoreError(ConfigStoreErrorCode.Storage, detail, name, e);
    }
  }
}
