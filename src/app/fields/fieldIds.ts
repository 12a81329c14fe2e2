import type { JiraClient, JiraFieldListing } from '../../adapters/jira';
import { ITR_FIELD_NAMES, ITR_FIELDS, type ItrFieldIds, type ItrFieldName } from './itrFields';

/** Raised when Jira lists none of the app's fields: the app is not (fully) installed on this site. */
export class FieldsNotInstalledError extends Error {
  readonly code = 'FIELDS_NOT_INSTALLED';
  constructor(readonly missing: string[]) {
    super(`Jira has no field for module(s) ${missing.join(', ')}: is the app installed on this site?`);
    this.name = 'FieldsNotInstalledError';
  }
}

/** Forge names an app field `ari:cloud:ecosystem::extension/<app>/<env>/static/<module key>`. */
function moduleKeyOf(field: JiraFieldListing): string | undefined {
  const custom = field.schemaCustom;
  if (custom === undefined || !custom.startsWith('ari:cloud:ecosystem::extension/')) return undefined;
  const at = custom.lastIndexOf('/static/');
  return at < 0 ? undefined : custom.slice(at + '/static/'.length);
}

/** Maps the app's field module keys to this site's `customfield_NNNNN` ids (one Jira request). */
export async function lookUpFieldIds(jira: JiraClient): Promise<ItrFieldIds> {
  const byModule = new Map<string, string>();
  for (const f of await jira.listFields()) {
    const key = moduleKeyOf(f);
    if (key !== undefined) byModule.set(key, f.id);
  }
  const ids: Partial<Record<ItrFieldName, string>> = {};
  const missing: string[] = [];
  for (const name of ITR_FIELD_NAMES) {
    const id = byModule.get(ITR_FIELDS[name].moduleKey);
    if (id === undefined) missing.push(ITR_FIELDS[name].moduleKey);
    else ids[name] = id;
  }
  if (missing.length > 0) throw new FieldsNotInstalledError(missing);
  return ids as ItrFieldIds;
}
