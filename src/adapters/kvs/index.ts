export { ConfigStore } from './configStore';
export type { ConfigCodec, ConfigStoreOptions, StoredConfig } from './configStore';
export { ConfigStoreError, ConfigStoreErrorCode } from './kvs.errors';
export {
  APP_FIELD_IDS_KEY,
  APP_FIELD_IDS_TTL_HOURS,
  forgetAppFieldIds,
  readAppFieldIds,
  writeAppFieldIds,
} from './appFieldIdCache';
export { lastHeartbeat, recordHeartbeat } from './heartbeats';
export type { HeartbeatName } from './heartbeats';
