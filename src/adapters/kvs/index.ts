export { ConfigStore } from './configStore';
export type { ConfigCodec, ConfigStoreOptions, StoredConfig } from './configStore';
export { ConfigStoreError, ConfigStoreErrorCode } from './kvs.errors';
