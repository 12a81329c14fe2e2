/**
 * Who this app is on this site, from the Forge runtime's app context: the app and environment that
 * name its custom fields, and the installation its hosted storage belongs to.
 */
import { getAppContext } from '@forge/api';

export interface AppIdentity {
  appId: string;
  environmentId: string;
  /** Changes on every install: an uninstall then reinstall is a new installation. */
  installationId: string;
}

/** The invocation's identity (`getAppContext()`, documented in runtime-reference/app-context). */
export function currentAppIdentity(): AppIdentity {
  const ctx = getAppContext();
  return {
    appId: ctx.appAri.appId,
    environmentId: ctx.environmentAri.environmentId,
    installationId: ctx.installationAri.installationId,
  };
}

/**
 * The id Jira gives an app field of this app and environment, as `schema.custom` in `GET /rest/api/3/field`
 * (forge-docs: manifest-reference/modules/jira-custom-field, "Field lifecycle").
 */
export function appFieldAri(identity: Pick<AppIdentity, 'appId' | 'environmentId'>, moduleKey: string): string {
  return `ari:cloud:ecosystem::extension/${identity.appId}/${identity.environmentId}/static/${moduleKey}`;
}
