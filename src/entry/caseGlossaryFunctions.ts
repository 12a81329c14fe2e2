import { CaseGlossaryAdmin } from '../app/cases/caseGlossary';
import type { CaseGlossaryFunctions } from '../contract/caseGlossary';
import type { Implementing } from './envelope';
import { callerOf, fieldsOf, text, wholeNumber } from './payload';

/**
 * The admin page's case library subpage: the product glossary of cross-language search
 * (src/app/cases/caseGlossary.ts, Jira admins only). Row checks are the use case's (it refuses whole).
 */
export function caseGlossaryFunctions(
  admin: CaseGlossaryAdmin = new CaseGlossaryAdmin(),
): Implementing<CaseGlossaryFunctions> {
  const revision = (payload: unknown): number => wholeNumber(payload, 'expectedRevision', { min: 0 });
  return {
    getCaseGlossary: (_payload, context) => admin.get(callerOf(context)),
    saveCaseGlossary: (payload, context) =>
      admin.save(callerOf(context), { entries: fieldsOf(payload)['entries'], expectedRevision: revision(payload) }),
    importCaseGlossary: (payload, context) =>
      admin.importCsv(callerOf(context), { csv: text(payload, 'csv'), expectedRevision: revision(payload) }),
    exportCaseGlossary: (_payload, context) => admin.exportCsv(callerOf(context)),
  };
}
