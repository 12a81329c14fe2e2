import type { JiraClient } from '../../adapters/jira';
import { ITR_FIELDS } from '../fields/itrFields';
import { FieldsNotInstalledError } from '../fields/fieldIds';

/**
 * The fields the closing rules read, by module key (manifest.yml). `itr-visit-open` and
 * `itr-root-cause` are mirrors the app writes so the workflow rules' expressions can read them.
 */
export const CLOSURE_FIELD_KEYS = {
  submitter: ITR_FIELDS.submitter.moduleKey,
  visitOpen: ITR_FIELDS.visitOpen.moduleKey,
  rootCause: ITR_FIELDS.rootCauseComplete.moduleKey,
  classification: ITR_FIELDS.classification.moduleKey,
  kind: ITR_FIELDS.kind.moduleKey,
  grade: ITR_FIELDS.grade.moduleKey,
} as const;

export type ClosureFieldName = keyof typeof CLOSURE_FIELD_KEYS;
export type ClosureFieldIds = Readonly<Record<ClosureFieldName, string>>;

/** This site's ids of the closure fields (one Jira request). */
export async function lookUpClosureFieldIds(jira: JiraClient): Promise<ClosureFieldIds> {
  const byModule = new Map<string, string>();
  for (const f of await jira.listFields()) {
    const custom = f.schemaCustom;
    const at = custom?.lastIndexOf('/static/') ?? -1;
    if (custom !== undefined && custom.startsWith('ari:cloud:ecosystem::extension/') && at >= 0) byModule.set(custom.slice(at + 8), f.id);
  }
  const ids: Partial<Record<ClosureFieldName, string>> = {};
  const missing: string[] = [];
  for (const [name, key] of Object.entries(CLOSURE_FIELD_KEYS) as Array<[ClosureFieldName, string]>) {
    const id = byModule.get(key);
    if (id === undefined) missing.push(key);
    else ids[name] = id;
  }
  if (missing.length > 0) throw new FieldsNotInstalledError(missing);
  return ids as ClosureFieldIds;
}
