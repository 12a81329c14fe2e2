/**
 * What Forge SQL refuses before a statement reaches its database, for the SQL double (`sqlBridge.ts`):
 * the documented query policy and TiDB's MySQL-compatible dialect.
 *
 *  - query policy (forge-docs: storage-reference/sql-query-policy): one statement per call, only the
 *    listed optimizer hints, `SET` only for user variables, `SHOW` only TABLES / COLUMNS / INDEXES
 *    (KEYS), no `USE`, no SQL-level `PREPARE` / `EXECUTE` / `DEALLOCATE`, no other schema than the
 *    installation's own (INFORMATION_SCHEMA and MYSQL excepted) → `SQL_POLICY_VIOLATION` with a
 *    `suggestion` (forge-docs: storage-reference/sql-handling-errors, "Policy violations");
 *  - dialect: every statement must parse as MySQL (`node-sql-parser`, database 'MySQL'), as TiDB
 *    parses it; what does not parse (MariaDB's RETURNING, CREATE OR REPLACE TABLE, sequences, …) is
 *    a parse error → `SQL_EXECUTION_ERROR` with `debug` mirroring TiDB's `ER_PARSE_ERROR`
 *    (forge-docs: storage-reference/sql-query-policy, "Parse errors"). MariaDB-only functions parse
 *    as ordinary calls, so they are refused by name (TiDB answers an unknown function there).
 *
 * The "trigger statements" of the policy (SLEEP, SHA2, COMPRESS, LOCK TABLES, …) are audited and
 * only *may* be refused "based on specific patterns" the docs do not give: they pass here.
 */
import { Parser } from 'node-sql-parser';

export interface PolicyRefusal {
  code: 'SQL_POLICY_VIOLATION' | 'SQL_EXECUTION_ERROR' | 'INVALID_SQL_QUERY';
  message: string;
  suggestion: string;
  debug?: Record<string, unknown>;
}

/** forge-docs: storage-reference/sql-query-policy ("Optimizer hints": the only ones permitted). */
export const ALLOWED_OPTIMIZER_HINTS: readonly string[] = [
  'USE_INDEX',
  'IGNORE_INDEX',
  'FORCE_INDEX',
  'ORDER_INDEX',
  'NO_ORDER_INDEX',
  'HASH_JOIN',
  'MERGE_JOIN',
  'INL_JOIN',
  'INL_HASH_JOIN',
  'INL_MERGE_JOIN',
  'BKA',
  'NO_BKA',
  'BNL',
  'NO_BNL',
];

/** forge-docs: storage-reference/sql-query-policy ("SHOW statements": the only ones permitted). */
const ALLOWED_SHOW = /^SHOW\s+(TABLES|COLUMNS|INDEXES|INDEX|KEYS)\b/i;

/** Schemas a query may name besides its own (forge-docs: storage-reference/sql-query-policy). */
const SYSTEM_SCHEMAS = new Set(['information_schema', 'mysql']);

/**
 * Functions MariaDB has and MySQL / TiDB do not (MariaDB's knowledge base, "Function differences"):
 * they parse as plain calls, so the parser alone would let them through. None is used by the app
 * today; the list keeps it that way.
 */
const MARIADB_ONLY_FUNCTIONS = new Set([
  'NEXTVAL',
  'LASTVAL',
  'SETVAL', // sequences
  'JSON_DETAILED',
  'JSON_LOOSE',
  'JSON_COMPACT',
  'JSON_EXISTS',
  'JSON_QUERY',
  'JSON_EQUALS',
  'JSON_NORMALIZE',
  'COLUMN_CREATE',
  'COLUMN_ADD',
  'COLUMN_GET',
  'COLUMN_DELETE',
  'COLUMN_EXISTS',
  'COLUMN_LIST',
  'COLUMN_CHECK',
  'COLUMN_JSON', // dynamic columns
  'SFORMAT',
  'NATURAL_SORT_KEY',
  'SYS_GUID',
  'ADD_MONTHS',
  'TO_CHAR',
  'CHR',
  'DECODE_HISTOGRAM',
  'KDF',
  'MEDIAN',
]);

/**
 * Statements TiDB accepts (and the app or Forge's own runner sends) that `node-sql-parser` 5.4.0 cannot
 * parse: each is a gap of the parser, not of TiDB, and is let through only in exactly this form.
 */
const KNOWN_PARSER_GAPS: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  // Listed as permitted by the query policy; the parser knows SHOW INDEX(ES) but not its synonym.
  {
    pattern: /^SHOW\s+KEYS\s+(FROM|IN)\s+`?\w+`?\s*;?$/i,
    why: 'SHOW KEYS: permitted by the policy, unknown to the parser',
  },
];

/** Syntax MySQL's grammar accepts but Forge SQL (TiDB) refuses or ignores; each with why. */
const NOT_PORTABLE: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  // forge-docs: storage-reference/sql ("Limitations": foreign keys are not supported).
  { pattern: /\bFOREIGN\s+KEY\b|\bREFERENCES\b/i, why: 'Forge SQL does not support foreign keys' },
  { pattern: /\bFULLTEXT\b/i, why: 'Forge SQL has no full-text indexes (build an index table)' },
  { pattern: /\bSPATIAL\b/i, why: 'TiDB has no spatial indexes' },
  { pattern: /\bSYSTEM\s+VERSIONING\b/i, why: 'system-versioned tables are MariaDB-only' },
];

const parser = new Parser();
const MYSQL = { database: 'MySQL' } as const;

/** The statement without its leading comments and whitespace (hints `/*+ … *\/` stay where they are). */
function lead(query: string): string {
  return query.replace(/^(\s+|--[^\n]*\n|#[^\n]*\n|\/\*(?!\+)[\s\S]*?\*\/)*/, '');
}

/** The text outside string literals and quoted identifiers, so a `;` or a word inside a value is not seen. */
function withoutLiterals(query: string): string {
  return query.replace(/'(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.|"")*"|`(?:[^`]|``)*`/g, "''");
}

function policy(message: string, suggestion: string): PolicyRefusal {
  return { code: 'SQL_POLICY_VIOLATION', message, suggestion };
}

function parseError(sqlMessage: string, suggestion: string): PolicyRefusal {
  return {
    code: 'SQL_EXECUTION_ERROR',
    message: 'Unknown SQL execution error',
    suggestion,
    debug: { code: 'ER_PARSE_ERROR', errno: 1064, sqlMessage, sqlState: '42000' },
  };
}

function hintsOf(query: string): string[] {
  const names: string[] = [];
  for (const m of withoutLiterals(query).matchAll(/\/\*\+([\s\S]*?)\*\//g)) {
    // A hint is NAME or NAME(args); args may hold parentheses of their own only at depth 1 in TiDB.
    const body = (m[1] ?? '').replace(/\([^()]*\)/g, ' ');
    for (const word of body.split(/[\s,]+/)) if (word !== '') names.push(word.toUpperCase());
  }
  return names;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Every function name called anywhere in the AST. */
function functionNames(ast: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(ast)) {
    for (const x of ast) functionNames(x, into);
  } else if (isRecord(ast)) {
    if (ast['type'] === 'function') {
      const name = ast['name'];
      const parts = isRecord(name) && Array.isArray(name['name']) ? name['name'] : [];
      for (const p of parts) if (isRecord(p) && typeof p['value'] === 'string') into.add(p['value'].toUpperCase());
    }
    for (const v of Object.values(ast)) functionNames(v, into);
  }
  return into;
}

/** Is a `SET` statement only user-variable assignments (`SET @a = …, @b := …`)? */
function setsOnlyUserVariables(ast: unknown): boolean {
  if (!isRecord(ast) || ast['keyword'] !== null || !Array.isArray(ast['expr'])) return false;
  return ast['expr'].every((a) => isRecord(a) && isRecord(a['left']) && a['left']['prefix'] === '@');
}

/**
 * MySQL's table index hints (`t f USE|IGNORE|FORCE INDEX|KEY [FOR JOIN|ORDER BY|GROUP BY] (i, …)`), which
 * TiDB parses too (docs.pingcap.com/tidb/stable/optimizer-hints, "index hints" as in MySQL) and the policy
 * does not restrict (it names only `/*+ … *\/` optimizer hints): a gap of `node-sql-parser` 5.4.0, which
 * knows none of them. Dropped for the parser only, so the rest of the statement is still checked.
 */
const INDEX_HINT =
  /\s+(?:USE|IGNORE|FORCE)\s+(?:INDEX|KEY)(?:\s+FOR\s+(?:JOIN|ORDER\s+BY|GROUP\s+BY))?\s*\(\s*(?:`?\w+`?(?:\s*,\s*`?\w+`?)*)?\s*\)/gi;

/**
 * Placeholder runs collapsed for the parser (its PEG grammar takes ~0.5 s on a 500-row VALUES list):
 * repeated `(?, …)` rows become one row and long `IN (?, ?, …)` lists `IN (?)`; the syntax is the same
 * (the parser checks a row's values against its columns, so a row itself is kept whole).
 */
function forParser(text: string): string {
  return text
    .replace(INDEX_HINT, '')
    .replace(/(\(\s*\?(?:\s*,\s*\?)*\s*\))(?:\s*,\s*\(\s*\?(?:\s*,\s*\?)*\s*\))+/g, '$1')
    .replace(/\bIN\s*\(\s*\?(?:\s*,\s*\?){8,}\s*\)/gi, 'IN (?)');
}

/** Answers per statement text: the app sends the same texts over and over with other values. */
const answers = new Map<string, PolicyRefusal | undefined>();
const ANSWERS_KEPT = 5_000;

/** Why Forge SQL would refuse `query` before running it, or undefined when it would run it (DDL included). */
export function refusal(query: string): PolicyRefusal | undefined {
  if (answers.has(query)) return answers.get(query);
  const answer = judge(query);
  if (answers.size >= ANSWERS_KEPT) answers.clear();
  answers.set(query, answer);
  return answer;
}

function judge(query: string): PolicyRefusal | undefined {
  const text = lead(query).trim();
  if (text === '') return parseError('empty query', 'send one SQL statement');
  const bare = withoutLiterals(text);

  // SQL-level prepared statements (forge-docs: storage-reference/sql-query-policy).
  if (/^(PREPARE|EXECUTE|DEALLOCATE)\b/i.test(bare)) {
    return policy(
      'SQL-level PREPARE / EXECUTE / DEALLOCATE statements are not permitted',
      'use sql.prepare(...).bindParams(...) instead',
    );
  }
  // USE (forge-docs: storage-reference/sql-query-policy).
  if (/^USE\b/i.test(bare))
    return policy(
      'USE statements are not permitted',
      "queries are already scoped to the installation's schema: drop the USE",
    );
  // SHOW (forge-docs: storage-reference/sql-query-policy).
  if (/^SHOW\b/i.test(bare) && !ALLOWED_SHOW.test(bare)) {
    return policy(
      'only SHOW TABLES, SHOW COLUMNS and SHOW INDEXES (KEYS) are permitted',
      'read INFORMATION_SCHEMA instead',
    );
  }
  // Optimizer hints (forge-docs: storage-reference/sql-query-policy).
  const badHint = hintsOf(text).find((h) => !ALLOWED_OPTIMIZER_HINTS.includes(h));
  if (badHint !== undefined)
    return policy(`optimizer hint ${badHint} is not permitted`, `use only ${ALLOWED_OPTIMIZER_HINTS.join(', ')}`);

  for (const { pattern, why } of NOT_PORTABLE) {
    if (pattern.test(bare))
      return {
        code: 'INVALID_SQL_QUERY',
        message: `not portable to Forge SQL (TiDB): ${why}`,
        suggestion: 'use standard SQL that TiDB runs',
      };
  }

  const gap = KNOWN_PARSER_GAPS.find((g) => g.pattern.test(text));
  if (gap) return undefined;

  let ast: unknown;
  let tables: string[];
  try {
    // One pass gives the tree and the tables it names.
    const parsed = parser.parse(forParser(text), MYSQL);
    ast = parsed.ast;
    tables = parsed.tableList;
  } catch (e) {
    const detail = e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e);
    const hint = /\bRETURNING\b/i.test(bare)
      ? 'RETURNING is MariaDB-only: select the row after writing it'
      : /^CREATE\s+OR\s+REPLACE\s+TABLE\b/i.test(bare)
        ? 'CREATE OR REPLACE TABLE is MariaDB-only: use CREATE TABLE IF NOT EXISTS'
        : /\bSEQUENCE\b/i.test(bare)
          ? 'sequences are not MySQL: use AUTO_INCREMENT or app-made ids'
          : 'write the statement in MySQL syntax as TiDB parses it';
    return parseError(`You have an error in your SQL syntax: ${detail.slice(0, 300)}`, hint);
  }

  // One statement per call (forge-docs: storage-reference/sql-query-policy, "Multiple statements").
  if (Array.isArray(ast)) {
    if (ast.length !== 1)
      return policy(`${ast.length} statements in one request; one is allowed`, 'send each statement in its own call');
    ast = ast[0];
  }
  // SET only for user variables (forge-docs: storage-reference/sql-query-policy).
  if (isRecord(ast) && ast['type'] === 'set' && !setsOnlyUserVariables(ast)) {
    return policy(
      'only user-variable assignments (SET @var = ...) are permitted',
      'session and global settings are fixed by Forge SQL',
    );
  }
  // Fully qualified names of another schema (forge-docs: storage-reference/sql-query-policy).
  for (const t of tables) {
    const schema = t.split('::')[1];
    if (schema !== undefined && schema !== 'null' && !SYSTEM_SCHEMAS.has(schema.toLowerCase())) {
      return policy(`references to another schema (${schema}) are not permitted`, 'name tables without a schema');
    }
  }
  const mariaOnly = [...functionNames(ast)].find((f) => MARIADB_ONLY_FUNCTIONS.has(f));
  if (mariaOnly !== undefined) {
    return {
      code: 'SQL_EXECUTION_ERROR',
      message: `FUNCTION ${mariaOnly} does not exist`,
      suggestion: `${mariaOnly} is MariaDB-only; TiDB has no such function`,
      debug: { code: 'ER_SP_DOES_NOT_EXIST', errno: 1305, sqlState: '42000' },
    };
  }
  return undefined;
}
