/**
 * How long a stored value may be: one source for the validation at the edge and for the SQL columns
 * (src/adapters/sql/migrations.ts names the constant each column is sized from). A value over its
 * limit is refused with `VALUE_TOO_LONG`, never cut.
 *
 * Units follow what storage counts: MySQL / TiDB `VARCHAR(n)` counts characters (code points, not
 * UTF-16 units), `TEXT` / `MEDIUMTEXT` count bytes (utf8mb4: 1–4 bytes a character).
 */

/** Jira's limit for a text field (summary aside): 32,767 characters. */
export const JIRA_TEXT_FIELD_MAX_CHARS = 32_767;
/** utf8mb4 stores a character in at most 4 bytes. */
export const UTF8MB4_MAX_BYTES_PER_CHAR = 4;
/** What a Jira text field can need in storage: 131,068 bytes (more than TEXT's 65,535). */
export const JIRA_TEXT_MAX_BYTES = JIRA_TEXT_FIELD_MAX_CHARS * UTF8MB4_MAX_BYTES_PER_CHAR;

/** `TEXT` holds at most 65,535 bytes; `MEDIUMTEXT` 16,777,215. */
export const SQL_TEXT_BYTES = 65_535;
export const SQL_MEDIUMTEXT_BYTES = 16_777_215;
/**
 * Forge SQL's request size (1 MiB) and row size (6 MiB) (forge-docs: storage-reference/sql). Every
 * value of one statement travels in one request, JSON-encoded (a character may take 6 bytes there,
 * `\u0001`), so a statement's values together stay well under it.
 */
export const FORGE_SQL_REQUEST_BYTES = 1024 * 1024;
export const FORGE_SQL_ROW_BYTES = 6 * 1024 * 1024;

/**
 * What the values of one statement may take in its request, JSON-encoded: Forge SQL's 1 MiB less
 * 16 KiB for the statement's text and its small values.
 */
export const STATEMENT_VALUES_MAX_BYTES = FORGE_SQL_REQUEST_BYTES - 16 * 1024;

/** Bytes the values take in a Forge SQL request (`{query, params}` as JSON: strings escaped, UTF-8). */
export function statementValueBytes(values: readonly string[]): number {
  return new TextEncoder().encode(JSON.stringify(values)).length;
}

/** Tags of a case (each a word or short phrase; itr_case.tags holds them joined). */
export const CASE_TAGS_MAX = 30;

/** classification_history.reason VARCHAR(2000): a triage reason is stored with a prefix (below). */
export const HISTORY_REASON_CHARS = 2000;
/** A reassignment's reason is stored as `<mode>: <reason>`; the longest prefix is 'escalate: '. */
const REASSIGN_PREFIX_CHARS = 'escalate: '.length;
/** A justification against the rule is stored as `CLASSIFICATION_CHOSEN_AGAINST_RULE: <text>`. */
const DEVIATION_PREFIX_CHARS = 'CLASSIFICATION_CHOSEN_AGAINST_RULE: '.length;

/**
 * What the root-cause check (src/domain/closure/rootCause.ts) accepts as complete, in characters: each
 * why and text ≤ 2,000, ≤ 20 whys (a longer chain is a sign of drift), an override reason ≤ 500. A
 * longer draft is still saved (nothing typed is lost) while it fits its storage (`rootCauseDraft`,
 * `rootCauseOverrideReason`); the check reports it as too long.
 */
export const ROOT_CAUSE_CHECK = { text: 2000, whys: 20, overrideReason: 500 } as const;

export type StoredLimit = { readonly unit: 'chars' | 'bytes'; readonly max: number };

const chars = (max: number): StoredLimit => ({ unit: 'chars', max });
const bytes = (max: number): StoredLimit => ({ unit: 'bytes', max });

/** Each stored value and its limit; the column comment beside each says where it lands. */
export const STORED_LIMITS = {
  /** itr_case.title VARCHAR(500) (an issue's summary is ≤ 255). */
  caseTitle: chars(500),
  /** itr_case.symptom / environment / root_cause / short_term_measure / long_term_measure MEDIUMTEXT (v026): a Jira text field each. */
  caseText: bytes(JIRA_TEXT_MAX_BYTES),
  /** itr_case.product VARCHAR(255). */
  caseProduct: chars(255),
  /** itr_case.product_version VARCHAR(64). */
  caseProductVersion: chars(64),
  /** itr_case.language VARCHAR(16). */
  caseLanguage: chars(16),
  /** itr_case.tags VARCHAR(1000): the tags joined by commas. */
  caseTags: chars(1000),
  /** itr_issue_fact.product / region VARCHAR(255), classification_history.new_value VARCHAR(255). */
  triageText: chars(255),
  /** itr_issue_fact.customer_tier VARCHAR(64). */
  customerTier: chars(64),
  /** itr_issue_fact.issue_key / project_key / kind / grade VARCHAR(64). */
  factKey: chars(64),
  /** itr_issue_fact.classification / current_line VARCHAR(32). */
  factShort: chars(32),
  /** itr_issue_fact.owner_account_id / department VARCHAR(128) (an account id is ≤ 128). */
  factAccount: chars(128),
  /** A reassignment's reason (typed): classification_history.reason less the mode prefix. */
  triageReason: chars(HISTORY_REASON_CHARS - REASSIGN_PREFIX_CHARS),
  /** A justification for classifying against the rule (typed): classification_history.reason less its prefix. */
  classificationJustification: chars(HISTORY_REASON_CHARS - DEVIATION_PREFIX_CHARS),
  /** classification_history.reason VARCHAR(2000). */
  historyReason: chars(HISTORY_REASON_CHARS),
  /** classification_history.old_value / new_value VARCHAR(255) (an app field's string value is ≤ 255). */
  historyValue: chars(255),
  /** root_cause_version.draft MEDIUMTEXT (v027): the draft as JSON, sent in one Forge SQL request. */
  rootCauseDraft: bytes(STATEMENT_VALUES_MAX_BYTES),
  /** root_cause_version.override_reason VARCHAR(1000). */
  rootCauseOverrideReason: chars(1000),
  /** return_visit.customer_words TEXT: 4,000 characters are ≤ 16,000 bytes in utf8mb4, within TEXT's 65,535. */
  visitCustomerWords: chars(4000),
  /** requirement_assessment.expected_value / cost / reason VARCHAR(1000) (src/domain/requirement). */
  assessmentText: chars(1000),
  /** audit_log.target VARCHAR(255) (an issue key, a case id, a setting's name). */
  auditTarget: chars(255),
  /** audit_log.summary VARCHAR(1000): written by the app, may quote what a user named (a case title). */
  auditSummary: chars(1000),
  /** itr_handoff.summary VARCHAR(255): the created issue's summary, Jira's summary limit. */
  jiraSummary: chars(255),
} as const satisfies Record<string, StoredLimit>;

export type StoredValue = keyof typeof STORED_LIMITS;

/** A value's size in the limit's unit. */
export function sizeOf(value: string, limit: StoredLimit): number {
  if (limit.unit === 'bytes') return new TextEncoder().encode(value).length;
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/** Why a value is refused: which value, how big, the limit and its unit (the UI's message params). */
export interface TooLong {
  code: 'VALUE_TOO_LONG';
  path: string;
  message: string;
  params: { field: string; size: number; max: number; unit: 'chars' | 'bytes' | 'items' };
}

/** undefined when `value` fits `STORED_LIMITS[kind]`; otherwise the refusal, naming `path`. */
export function tooLong(value: string, kind: StoredValue, path: string): TooLong | undefined {
  const limit = STORED_LIMITS[kind];
  const size = sizeOf(value, limit);
  if (size <= limit.max) return undefined;
  return {
    code: 'VALUE_TOO_LONG',
    path,
    message: `${path} is ${size} ${limit.unit}; at most ${limit.max} are stored`,
    params: { field: path, size, max: limit.max, unit: limit.unit },
  };
}

/** What marks a value the app had to shorten for display (never a value a user typed: that is refused). */
export const CUT_MARK = '…';

/**
 * `value` as it fits `STORED_LIMITS[kind]`: whole when it fits, otherwise cut at a code point and
 * ending with `CUT_MARK`, so a reader sees it was shortened. Only for text the app composes for display
 * (an audit summary, a hand-off's summary) where the source can exceed the column; typed input is
 * refused with `tooLong` instead.
 */
export function fitForDisplay(value: string, kind: StoredValue): string {
  const limit = STORED_LIMITS[kind];
  if (sizeOf(value, limit) <= limit.max) return value;
  const room = limit.max - sizeOf(CUT_MARK, limit);
  let kept = '';
  let size = 0;
  for (const ch of value) {
    const n = sizeOf(ch, limit);
    if (size + n > room) break;
    kept += ch;
    size += n;
  }
  return kept + CUT_MARK;
}
