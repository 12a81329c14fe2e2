/** Stable codes for configuration storage failures; never rename, only add. */
export const ConfigStoreErrorCode = {
  /** The name is not a valid KVS key once prefixed (characters, length). */
  BadName: 'CONFIG_BAD_NAME',
  /** The stored value is not an envelope this code understands, or its payload fails `parse`. */
  Invalid: 'CONFIG_INVALID',
  /** Stored with a newer schema version than this code knows (an older deploy reading newer data). */
  TooNew: 'CONFIG_TOO_NEW',
  /** `set` was given `expectedRevision` and someone else wrote first. */
  RevisionConflict: 'CONFIG_REVISION_CONFLICT',
  /** The serialised config exceeds what one KVS value holds (240 KiB). */
  TooLarge: 'CONFIG_TOO_LARGE',
  /** The KVS call itself failed (rate limit, outage, …); `cause` holds the SDK error. */
  Storage: 'CONFIG_STORAGE_ERROR',
} as const;

export type ConfigStoreErrorCode = (typeof ConfigStoreErrorCode)[keyof typeof ConfigStoreErrorCode];

export class ConfigStoreError extends Error {
  constructor(
    readonly code: ConfigStoreErrorCode,
    message: string,
    readonly configName: string,
    cause?: unknown,
  ) {
    super(`${code}: ${message}`, cause === undefined ? undefined : { cause });
    this.name = 'ConfigStoreError';
  }
}
