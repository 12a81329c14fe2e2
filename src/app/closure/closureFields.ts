import type { JiraClient } from '../../adapters/jira';
import { ITR_FIELDS } from '../fields/itrFields';
import { lookUpAppFieldIds } from '../fields/fieldIds';

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

/** This site's ids of the closure fields (cached per installation: see lookUpAppFieldIds). */
export async function lookUpClosureFieldIds(jira: JiraClient): Promise<ClosureFieldIds> {
  const byModule = await lookUpAppFieldIds(jira, Object.values(CLOSURE_FIELD_KEYS));
  const ids: Partial<Record<ClosureFieldName, string>> = {};
  for (const [name, key] of Object.entries(CLOSURE_FIELD_KEYS) as Array<[ClosureFieldName, string]>) {
    const id = byModule.get(key);
    if (id !== undefined) ids[name] = id; // lookUpAppFieldIds threw if one were missing
  }
  return ids as ClosureFieldIds;
}
