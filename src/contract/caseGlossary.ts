/**
 * The admin's product glossary for cross-language case search (admin page, case library subpage):
 * English words and their Chinese equivalents, joined to the built-in list of common IT-support words
 * (src/domain/caseSearch/bilingual.ts). Jira administrators only.
 */

/** One row: an English word or phrase and its Chinese equivalent. */
export interface GlossaryRow {
  en: string;
  zh: string;
}

export interface CaseGlossaryState {
  entries: GlossaryRow[];
  /** 0 when never saved; a save must name the revision it started from. */
  revision: number;
  /** How many groups the built-in list holds (shown beside the admin's own words). */
  builtInGroups: number;
  /** Most rows the glossary may hold; longest word in characters. */
  maxEntries: number;
  maxTermChars: number;
}

export interface CaseGlossaryFunctions {
  getCaseGlossary: { payload: Record<string, never>; result: CaseGlossaryState };
  /** Replaces the glossary; refused whole (GLOSSARY_INVALID then each row's problem) when a row is wrong. */
  saveCaseGlossary: { payload: { entries: GlossaryRow[]; expectedRevision: number }; result: CaseGlossaryState };
  /** Replaces the glossary with a CSV file's rows (`en,zh`); refused whole, nothing saved, when a row is wrong. */
  importCaseGlossary: { payload: { csv: string; expectedRevision: number }; result: CaseGlossaryState };
  /** The glossary as a CSV file `importCaseGlossary` reads back. */
  exportCaseGlossary: { payload: Record<string, never>; result: { csv: string; fileName: string } };
}
