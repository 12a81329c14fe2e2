export { appFieldAri, currentAppIdentity } from './appIdentity';
export type { AppIdentity } from './appIdentity';
