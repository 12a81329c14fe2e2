/**
 * The admin's product glossary (案例库 cross-language search): English words and their Chinese
 * equivalents that the case search joins to its built-in list of IT-support words, so "Falcon POS"
 * finds the 猎鹰收银 case. Stored as KVS `config:caseSearch.glossary` (versioned, validated on read and
 * write), edited, imported and exported as CSV on the admin page by Jira administrators; read by every
 * search (src/app/cases/caseLibrary.ts), cached for GLOSSARY_CACHE_MS within one function instance.
 */
import { ConfigStore, type ConfigCodec } from '../../adapters/kvs';
import type { CaseGlossaryState, GlossaryRow } from '../../contract/caseGlossary';
import { DomainError } from '../../domain';
import {
  builtInTermList,
  checkGlossary,
  compiledBuiltInTermList,
  compileTermList,
  GLOSSARY_MAX_ENTRIES,
  GLOSSARY_MAX_TERM_CHARS,
  type CompiledTermList,
  type GlossaryEntry,
  type GlossaryProblem,
  mergeTermLists,
  parseGlossaryCsv,
  writeGlossaryCsv,
  GLOSSARY_CSV_MAX_CHARS,
  type GlossaryCsvProblem,
} from '../../domain/caseSearch';
import { recordAudit } from '../audit/auditLog';
import { requireJiraAdmin } from '../auth/authorization';
import { ItrError, onRevisionConflict, type Problem } from '../itrError';
import type { ServerErrorCode } from '../../contract/errorCodes';

export const GLOSSARY_KEY = 'caseSearch.glossary';
/**
 * How long a function instance reuses the glossary it read (ms). Range 0–300,000; default 60,000: a
 * search then costs no KVS read most of the time, and an admin's change reaches every search within a
 * minute (at once in the instance that saved it).
 */
export const GLOSSARY_CACHE_MS = 60_000;

export const glossaryCodec: ConfigCodec<GlossaryEntry[]> = {
  schemaVersion: 1,
  parse(raw) {
    const c = checkGlossary(raw);
    if (!c.ok) throw new DomainError('CONFIG_INVALID', 'Stored glossary has invalid rows');
    return c.entries;
  },
};

const ROW_CODES: Record<GlossaryProblem['code'] | GlossaryCsvProblem['code'], ServerErrorCode> = {
  EN_EMPTY: 'GLOSSARY_EN_EMPTY',
  ZH_EMPTY: 'GLOSSARY_ZH_EMPTY',
  EN_HAS_CHINESE: 'GLOSSARY_EN_HAS_CHINESE',
  ZH_NOT_CHINESE: 'GLOSSARY_ZH_NOT_CHINESE',
  TOO_LONG: 'GLOSSARY_TOO_LONG',
  NO_WORD: 'GLOSSARY_NO_WORD',
  DUPLICATE: 'GLOSSARY_DUPLICATE',
  NOT_A_ROW: 'GLOSSARY_NOT_A_ROW',
  CSV_HEADER: 'GLOSSARY_CSV_HEADER',
  CSV_COLUMNS: 'GLOSSARY_CSV_COLUMNS',
  CSV_QUOTE: 'GLOSSARY_CSV_QUOTE',
};

/** The refusal of a glossary or a file: GLOSSARY_INVALID with the count, then each row's problem. */
function refused(check: { tooMany: boolean; tooLarge?: boolean; problems: readonly GlossaryCsvProblem[] }): ItrError {
  if (check.tooLarge === true)
    return new ItrError('GLOSSARY_FILE_TOO_LARGE', 'The file is too large', {
      params: { max: GLOSSARY_CSV_MAX_CHARS },
    });
  if (check.tooMany)
    return new ItrError('GLOSSARY_TOO_MANY', `More than ${GLOSSARY_MAX_ENTRIES} rows`, {
      params: { max: GLOSSARY_MAX_ENTRIES },
    });
  const problems: Problem[] = check.problems.map((p) => ({
    code: ROW_CODES[p.code],
    message: `row ${p.row}: ${p.code}`,
    path: `rows.${p.row}`,
    params: { row: p.row, max: GLOSSARY_MAX_TERM_CHARS },
  }));
  return ItrError.of([
    { code: 'GLOSSARY_INVALID', message: `${problems.length} row(s) refused`, params: { count: problems.length } },
    ...problems,
  ]);
}

let cache: { at: number; list: CompiledTermList } | undefined;

/** Forgets the cached glossary (after a save, and between tests). */
export function forgetGlossaryCache(): void {
  cache = undefined;
}

/**
 * The term list searches expand with: the built-in list plus the admin's glossary. A glossary that
 * cannot be read (KVS down, a stored value this code refuses) leaves the built-in list alone: search
 * must not fail because of its glossary.
 */
export async function loadSearchTermList(
  store: ConfigStore = new ConfigStore(),
  now: number = Date.now(),
): Promise<CompiledTermList> {
  if (cache !== undefined && now - cache.at < GLOSSARY_CACHE_MS && now >= cache.at) return cache.list;
  let entries: GlossaryEntry[];
  try {
    entries = (await store.get(GLOSSARY_KEY, glossaryCodec))?.value ?? [];
  } catch {
    entries = [];
  }
  const list =
    entries.length === 0 ? compiledBuiltInTermList() : compileTermList(mergeTermLists(builtInTermList(), entries));
  cache = { at: now, list };
  return list;
}

export interface CaseGlossaryDeps {
  store: ConfigStore;
  /** Throws NotAuthorizedError unless `accountId` is a Jira administrator (asked of Jira as the caller). */
  requireAdmin(accountId: string | undefined): Promise<void>;
}

function state(entries: readonly GlossaryRow[], revision: number): CaseGlossaryState {
  return {
    entries: entries.map((e) => ({ en: e.en, zh: e.zh })),
    revision,
    builtInGroups: builtInTermList().length,
    maxEntries: GLOSSARY_MAX_ENTRIES,
    maxTermChars: GLOSSARY_MAX_TERM_CHARS,
  };
}

export class CaseGlossaryAdmin {
  private readonly deps: CaseGlossaryDeps;

  constructor(deps: Partial<CaseGlossaryDeps> = {}) {
    this.deps = { store: new ConfigStore(), requireAdmin: (id) => requireJiraAdmin(id), ...deps };
  }

  private async load(): Promise<CaseGlossaryState> {
    const saved = await this.deps.store.get(GLOSSARY_KEY, glossaryCodec);
    return state(saved?.value ?? [], saved?.revision ?? 0);
  }

  async get(accountId: string | undefined): Promise<CaseGlossaryState> {
    await this.deps.requireAdmin(accountId);
    return this.load();
  }

  async exportCsv(accountId: string | undefined): Promise<{ csv: string; fileName: string }> {
    await this.deps.requireAdmin(accountId);
    const { entries } = await this.load();
    return { csv: writeGlossaryCsv(entries), fileName: 'itr-glossary.csv' };
  }

  /** Replaces the glossary with `entries` (rows of {en, zh}); refused whole when one is wrong. */
  async save(
    accountId: string | undefined,
    input: { entries: unknown; expectedRevision: number },
  ): Promise<CaseGlossaryState> {
    await this.deps.requireAdmin(accountId);
    const checked = checkGlossary(input.entries);
    if (!checked.ok) throw refused(checked);
    return this.write(accountId, checked.entries, input.expectedRevision, 'edited');
  }

  /** Replaces the glossary with a CSV file's rows; refused whole, nothing saved, when a row is wrong. */
  async importCsv(
    accountId: string | undefined,
    input: { csv: string; expectedRevision: number },
  ): Promise<CaseGlossaryState> {
    await this.deps.requireAdmin(accountId);
    const checked = parseGlossaryCsv(input.csv);
    if (!checked.ok) throw refused(checked);
    return this.write(accountId, checked.entries, input.expectedRevision, 'imported');
  }

  private async write(
    accountId: string | undefined,
    entries: GlossaryEntry[],
    expectedRevision: number,
    how: 'edited' | 'imported',
  ): Promise<CaseGlossaryState> {
    const saved = await onRevisionConflict('GLOSSARY_REVISION_CONFLICT', () =>
      this.deps.store.set(GLOSSARY_KEY, entries, glossaryCodec, {
        expectedRevision,
        ...(accountId !== undefined ? { updatedBy: accountId } : {}),
      }),
    );
    forgetGlossaryCache();
    await recordAudit({
      actorAccountId: accountId,
      action: 'settings.save',
      target: 'caseGlossary',
      summary: `Case search glossary ${how}: ${entries.length} row(s)`,
      params: { area: 'caseGlossary', rows: entries.length },
    });
    return state(saved.value, saved.revision);
  }
}
