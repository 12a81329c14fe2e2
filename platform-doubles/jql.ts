/**
 * The subset of JQL the Jira double understands, parsed and evaluated against in-memory issues.
 *
 * Supported: `AND` / `OR` / `NOT` and parentheses; `=`, `!=`, `<`, `<=`, `>`, `>=`, `~`, `!~`, `IN`,
 * `NOT IN`, `IS [NOT] EMPTY|NULL`; fields by name (`project`, `status`, `issuetype`, `key`, `created`,
 * …), custom fields as `cf[10001]` or by their display name; date literals in Jira's accepted formats
 * (`yyyy-MM-dd`, `yyyy/MM/dd`, optionally with ` HH:mm`, or a period like `-5d`, `"4w 2d"`), read in
 * the searcher's time zone as Jira does; functions `now()`, `startOfDay()`, `endOfDay()`,
 * `currentUser()`; `ORDER BY` a list of fields with `ASC`/`DESC`.
 *
 * Semantics kept from Jira because code depends on them: `!=` and `NOT IN` never match an empty
 * field (use `IS EMPTY` for that); a date literal in any other format (e.g. ISO-8601 with `T`) is an
 * error, as it is in Jira.
 *
 * Anything outside the subset raises `JqlUnsupportedError` (the double answers 400 and records a
 * violation), so the harness never silently answers a query it does not understand.
 */

export class JqlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JqlSyntaxError';
  }
}

/** JQL Jira itself refuses with its own message (answered 400 as Jira words it, no prefix). */
export class JqlRefusedError extends JqlSyntaxError {
  constructor(message: string) {
    super(message);
    this.name = 'JqlRefusedError';
  }
}

/** Valid JQL the double does not implement: a harness gap, not an app bug. */
export class JqlUnsupportedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JqlUnsupportedError';
  }
}

// ---------------------------------------------------------------------------------------------
// Tokens and AST

type Token =
  | { kind: 'word'; text: string }
  | { kind: 'string'; text: string }
  | { kind: 'op'; text: string }
  | { kind: 'lparen' }
  | { kind: 'rparen' }
  | { kind: 'comma' };

export type Literal = { kind: 'string'; text: string } | { kind: 'function'; name: string; args: string[] };

export type Operand = { kind: 'value'; value: Literal } | { kind: 'list'; values: Literal[] } | { kind: 'empty' };

export type ClauseOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | '~' | '!~' | 'in' | 'not in' | 'is' | 'is not';

export type Expr =
  | { kind: 'and'; items: Expr[] }
  | { kind: 'or'; items: Expr[] }
  | { kind: 'not'; expr: Expr }
  | { kind: 'clause'; field: string; op: ClauseOp; operand: Operand };

export interface SortKey {
  field: string;
  direction: 'asc' | 'desc';
}

export interface JqlQuery {
  where: Expr | undefined;
  orderBy: SortKey[];
}

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'empty', 'null', 'order', 'by', 'asc', 'desc']);
const UNSUPPORTED_OPERATORS = new Set(['was', 'changed']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    if (c === '(') {
      tokens.push({ kind: 'lparen' });
      i += 1;
      continue;
    }
    if (c === ')') {
      tokens.push({ kind: 'rparen' });
      i += 1;
      continue;
    }
    if (c === ',') {
      tokens.push({ kind: 'comma' });
      i += 1;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let out = '';
      while (j < text.length && text.charAt(j) !== c) {
        if (text.charAt(j) === '\\' && j + 1 < text.length) {
          out += text.charAt(j + 1);
          j += 2;
        } else {
          out += text.charAt(j);
          j += 1;
        }
      }
      if (j >= text.length) throw new JqlSyntaxError(`unterminated string starting at ${i}`);
      tokens.push({ kind: 'string', text: out });
      i = j + 1;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '!=' || two === '<=' || two === '>=' || two === '!~') {
      tokens.push({ kind: 'op', text: two });
      i += 2;
      continue;
    }
    if (c === '=' || c === '<' || c === '>' || c === '~') {
      tokens.push({ kind: 'op', text: c });
      i += 1;
      continue;
    }
    const cf = /^cf\[\d+\]/i.exec(text.slice(i));
    if (cf) {
      tokens.push({ kind: 'word', text: cf[0] });
      i += cf[0].length;
      continue;
    }
    const word = /^[^\s()=,<>!~"']+/.exec(text.slice(i));
    if (word) {
      tokens.push({ kind: 'word', text: word[0] });
      i += word[0].length;
      continue;
    }
    throw new JqlSyntaxError(`unexpected character "${c}" at ${i}`);
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  private next(): Token {
    const t = this.tokens[this.pos];
    if (!t) throw new JqlSyntaxError('unexpected end of query');
    this.pos += 1;
    return t;
  }

  private isKeyword(t: Token | undefined, kw: string): boolean {
    return t !== undefined && t.kind === 'word' && t.text.toLowerCase() === kw;
  }

  parseQuery(): JqlQuery {
    let where: Expr | undefined;
    if (this.peek() && !this.isKeyword(this.peek(), 'order')) where = this.parseOr();
    const orderBy: SortKey[] = [];
    if (this.isKeyword(this.peek(), 'order')) {
      this.next();
      if (!this.isKeyword(this.peek(), 'by')) throw new JqlSyntaxError('expected BY after ORDER');
      this.next();
      for (;;) {
        const t = this.next();
        if (t.kind !== 'word' && t.kind !== 'string') throw new JqlSyntaxError('expected a field after ORDER BY');
        let direction: 'asc' | 'desc' = 'asc';
        if (this.isKeyword(this.peek(), 'asc') || this.isKeyword(this.peek(), 'desc')) {
          const d = this.next();
          direction = d.kind === 'word' && d.text.toLowerCase() === 'desc' ? 'desc' : 'asc';
        }
        orderBy.push({ field: t.text, direction });
        if (this.peek()?.kind !== 'comma') break;
        this.next();
      }
    }
    if (this.peek()) throw new JqlSyntaxError(`unexpected token after query: ${JSON.stringify(this.peek())}`);
    return { where, orderBy };
  }

  private parseOr(): Expr {
    const items = [this.parseAnd()];
    while (this.isKeyword(this.peek(), 'or')) {
      this.next();
      items.push(this.parseAnd());
    }
    return items.length === 1 && items[0] ? items[0] : { kind: 'or', items };
  }

  private parseAnd(): Expr {
    const items = [this.parseNot()];
    while (this.isKeyword(this.peek(), 'and')) {
      this.next();
      items.push(this.parseNot());
    }
    return items.length === 1 && items[0] ? items[0] : { kind: 'and', items };
  }

  private parseNot(): Expr {
    const t = this.peek();
    if (this.isKeyword(t, 'not') || (t?.kind === 'word' && t.text === '!')) {
      this.next();
      return { kind: 'not', expr: this.parseNot() };
    }
    if (t?.kind === 'lparen') {
      this.next();
      const inner = this.parseOr();
      if (this.next().kind !== 'rparen') throw new JqlSyntaxError('expected )');
      return inner;
    }
    return this.parseClause();
  }

  private parseClause(): Expr {
    const fieldTok = this.next();
    if (fieldTok.kind !== 'word' && fieldTok.kind !== 'string') throw new JqlSyntaxError('expected a field name');
    if (fieldTok.kind === 'word' && KEYWORDS.has(fieldTok.text.toLowerCase())) {
      throw new JqlSyntaxError(`expected a field name, got keyword ${fieldTok.text}`);
    }
    const field = fieldTok.text;
    const opTok = this.next();
    let op: ClauseOp;
    if (opTok.kind === 'op') {
      op = opTok.text as ClauseOp;
    } else if (opTok.kind === 'word') {
      const w = opTok.text.toLowerCase();
      if (UNSUPPORTED_OPERATORS.has(w))
        throw new JqlUnsupportedError(`operator ${opTok.text.toUpperCase()} is not supported by the Jira double`);
      if (w === 'in') op = 'in';
      else if (w === 'not' && this.isKeyword(this.peek(), 'in')) {
        this.next();
        op = 'not in';
      } else if (w === 'is' && this.isKeyword(this.peek(), 'not')) {
        this.next();
        op = 'is not';
      } else if (w === 'is') op = 'is';
      else throw new JqlSyntaxError(`unknown operator ${opTok.text}`);
    } else {
      throw new JqlSyntaxError('expected an operator');
    }
    if (op === 'is' || op === 'is not') {
      const v = this.next();
      if (!(v.kind === 'word' && (v.text.toLowerCase() === 'empty' || v.text.toLowerCase() === 'null'))) {
        throw new JqlSyntaxError('IS must be followed by EMPTY or NULL');
      }
      return { kind: 'clause', field, op, operand: { kind: 'empty' } };
    }
    if (op === 'in' || op === 'not in') {
      if (this.next().kind !== 'lparen') throw new JqlSyntaxError('IN needs a parenthesised list');
      const values: Literal[] = [];
      for (;;) {
        values.push(this.parseLiteral());
        const sep = this.next();
        if (sep.kind === 'rparen') break;
        if (sep.kind !== 'comma') throw new JqlSyntaxError('expected , or ) in list');
      }
      return { kind: 'clause', field, op, operand: { kind: 'list', values } };
    }
    const t = this.peek();
    if (t?.kind === 'word' && (t.text.toLowerCase() === 'empty' || t.text.toLowerCase() === 'null')) {
      this.next();
      if (op === '=') return { kind: 'clause', field, op: 'is', operand: { kind: 'empty' } };
      if (op === '!=') return { kind: 'clause', field, op: 'is not', operand: { kind: 'empty' } };
      throw new JqlSyntaxError(`EMPTY cannot be used with ${op}`);
    }
    return { kind: 'clause', field, op, operand: { kind: 'value', value: this.parseLiteral() } };
  }

  private parseLiteral(): Literal {
    const t = this.next();
    if (t.kind === 'string') return { kind: 'string', text: t.text };
    if (t.kind !== 'word') throw new JqlSyntaxError('expected a value');
    if (this.peek()?.kind === 'lparen') {
      this.next();
      const args: string[] = [];
      while (this.peek()?.kind !== 'rparen') {
        const a = this.next();
        if (a.kind === 'word' || a.kind === 'string') args.push(a.text);
        else if (a.kind !== 'comma') throw new JqlSyntaxError('bad function argument');
      }
      this.next();
      return { kind: 'function', name: t.text, args };
    }
    return { kind: 'string', text: t.text };
  }
}

export function parseJql(text: string): JqlQuery {
  return new Parser(tokenize(text)).parseQuery();
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/** How the double's field values are compared. */
export type JqlFieldType =
  | 'key' // issue key (also matches the id)
  | 'project' // {id, key, name}
  | 'named' // {id, name}: status, issuetype, priority, resolution
  | 'user' // {accountId} or null
  | 'datetime' // ISO-8601 string
  | 'date' // yyyy-MM-dd
  | 'number'
  | 'string' // single-line text or option value: =, ~
  | 'labels' // string[]
  | 'option'; // {value}

export interface JqlField {
  /** The issue field id holding the value, e.g. `status`, `customfield_10001`. */
  id: string;
  type: JqlFieldType;
  /**
   * Exact comparison only (`=`, `!=`, `IN`, …; `~` refused): a Forge app field of type `string`.
   * forge-docs: manifest-reference/modules/jira-custom-field ("Data types": string offers exact comparison)
   */
  exactOnly?: true;
}

/** Jira's answer to `~` on a field that has no text search (the name as the query wrote it). */
function refuseContains(op: string, name: string): JqlRefusedError {
  return new JqlRefusedError(`The operator '${op}' is not supported by the '${name}' field.`);
}

export interface JqlIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
}

export interface JqlContext {
  now: Date;
  /** IANA zone used to read date literals (the searcher's zone in Jira). */
  timeZone: string;
  currentAccountId: string | undefined;
  resolveField(name: string): JqlField | undefined;
}

const MINUTE = 60_000;
const UNIT_MS: Record<string, number> = { w: 7 * 24 * 60 * MINUTE, d: 24 * 60 * MINUTE, h: 60 * MINUTE, m: MINUTE };

/** Offset (ms) of `timeZone` from UTC at `utcMs`. */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? '0');
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** UTC instant of a wall-clock time in `timeZone` (two passes settle DST edges). */
export function wallTimeToUtc(y: number, mo: number, d: number, h: number, mi: number, timeZone: string): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const first = guess - zoneOffsetMs(guess, timeZone);
  return guess - zoneOffsetMs(first, timeZone);
}

function startOfDayUtc(now: Date, timeZone: string, endOfDay: boolean): number {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  const [y, m, d] = parts.split('-').map(Number);
  const start = wallTimeToUtc(y ?? 1970, m ?? 1, d ?? 1, 0, 0, timeZone);
  return endOfDay ? start + UNIT_MS['d']! - 1 : start;
}

function evalTimeLiteral(lit: Literal, ctx: JqlContext, fieldName: string): number {
  if (lit.kind === 'function') {
    const name = lit.name.toLowerCase();
    if (lit.args.length > 0)
      throw new JqlUnsupportedError(`${lit.name}() with arguments is not supported by the Jira double`);
    if (name === 'now') return ctx.now.getTime();
    if (name === 'startofday') return startOfDayUtc(ctx.now, ctx.timeZone, false);
    if (name === 'endofday') return startOfDayUtc(ctx.now, ctx.timeZone, true);
    throw new JqlUnsupportedError(`function ${lit.name}() is not supported by the Jira double`);
  }
  const text = lit.text.trim();
  const abs = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?: (\d{1,2}):(\d{2}))?$/.exec(text);
  if (abs) {
    const [, y, mo, d, h, mi] = abs;
    return wallTimeToUtc(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), ctx.timeZone);
  }
  const rel = /^([-+]?)((?:\s*\d+\s*[wdhm])+)$/i.exec(text);
  if (rel) {
    const sign = rel[1] === '-' ? -1 : 1;
    let ms = 0;
    for (const part of (rel[2] ?? '').matchAll(/(\d+)\s*([wdhm])/gi)) {
      ms += Number(part[1]) * (UNIT_MS[(part[2] ?? 'm').toLowerCase()] ?? 0);
    }
    return ctx.now.getTime() + sign * ms;
  }
  throw new JqlSyntaxError(
    `Date value '${text}' for field '${fieldName}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', ` +
      "'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.",
  );
}

function literalText(lit: Literal, ctx: JqlContext): string {
  if (lit.kind === 'string') return lit.text;
  if (lit.name.toLowerCase() === 'currentuser' && lit.args.length === 0) {
    if (ctx.currentAccountId === undefined) throw new JqlSyntaxError('currentUser() needs a user; the app has none');
    return ctx.currentAccountId;
  }
  throw new JqlUnsupportedError(`function ${lit.name}() is not supported by the Jira double for this field`);
}

function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

function prop(v: unknown, name: string): string | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const x = (v as Record<string, unknown>)[name];
  return typeof x === 'string' || typeof x === 'number' ? String(x) : undefined;
}

function keyOrder(key: string): [string, number] {
  const m = /^([A-Z][A-Z0-9_]*)-(\d+)$/i.exec(key);
  return m ? [(m[1] ?? '').toUpperCase(), Number(m[2])] : [key.toUpperCase(), 0];
}

/** A comparable scalar for ordering and range comparisons, or undefined when the field is empty. */
function comparable(field: JqlField, issue: JqlIssue): number | string | undefined {
  if (field.type === 'key') {
    const [p, n] = keyOrder(issue.key);
    return `${p}\u0000${String(n).padStart(12, '0')}`;
  }
  const raw = issue.fields[field.id];
  if (isEmptyValue(raw)) return undefined;
  switch (field.type) {
    case 'datetime':
    case 'date': {
      const ms = typeof raw === 'string' ? Date.parse(raw) : NaN;
      return Number.isNaN(ms) ? undefined : ms;
    }
    case 'number':
      return typeof raw === 'number' ? raw : undefined;
    case 'project':
      return prop(raw, 'key');
    case 'named':
      return prop(raw, 'name')?.toLowerCase();
    case 'user':
      return prop(raw, 'displayName') ?? prop(raw, 'accountId');
    case 'option':
      return prop(raw, 'value');
    case 'string':
      return typeof raw === 'string' ? raw.toLowerCase() : undefined;
    case 'labels':
      return Array.isArray(raw) ? raw.map(String).join(',') : undefined;
  }
}

function equalsLiteral(field: JqlField, issue: JqlIssue, lit: Literal, ctx: JqlContext): boolean {
  if (field.type === 'datetime' || field.type === 'date') {
    const v = comparable(field, issue);
    return typeof v === 'number' && v === evalTimeLiteral(lit, ctx, field.id);
  }
  const text = literalText(lit, ctx);
  const raw = field.type === 'key' ? issue.key : issue.fields[field.id];
  switch (field.type) {
    case 'key':
      return issue.key.toUpperCase() === text.toUpperCase() || issue.id === text;
    case 'project':
      return [prop(raw, 'key')?.toUpperCase(), prop(raw, 'id'), prop(raw, 'name')?.toLowerCase()].some(
        (x) => x !== undefined && (x === text.toUpperCase() || x === text || x === text.toLowerCase()),
      );
    case 'named':
      return prop(raw, 'name')?.toLowerCase() === text.toLowerCase() || prop(raw, 'id') === text;
    case 'user':
      return prop(raw, 'accountId') === text;
    case 'number':
      return typeof raw === 'number' && raw === Number(text);
    case 'string':
      return typeof raw === 'string' && raw.toLowerCase() === text.toLowerCase();
    case 'option':
      return prop(raw, 'value')?.toLowerCase() === text.toLowerCase() || prop(raw, 'id') === text;
    case 'labels':
      return Array.isArray(raw) && raw.some((x) => String(x) === text);
  }
}

function compareRange(
  field: JqlField,
  issue: JqlIssue,
  op: '<' | '<=' | '>' | '>=',
  lit: Literal,
  ctx: JqlContext,
): boolean {
  let left: number | undefined;
  let right: number;
  const numeric = (v: number | string | undefined): number | undefined => (typeof v === 'number' ? v : undefined);
  if (field.type === 'datetime' || field.type === 'date') {
    left = numeric(comparable(field, issue));
    right = evalTimeLiteral(lit, ctx, field.id);
  } else if (field.type === 'number') {
    left = numeric(comparable(field, issue));
    right = Number(literalText(lit, ctx));
  } else if (field.type === 'key') {
    const [lp, ln] = keyOrder(issue.key);
    const [rp, rn] = keyOrder(literalText(lit, ctx));
    if (lp !== rp) return false;
    left = ln;
    right = rn;
  } else {
    throw new JqlUnsupportedError(`operator ${op} on ${field.id} (${field.type}) is not supported by the Jira double`);
  }
  if (left === undefined) return false;
  switch (op) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
  }
}

function containsText(field: JqlField, issue: JqlIssue, lit: Literal, ctx: JqlContext): boolean {
  if (field.type !== 'string')
    throw new JqlUnsupportedError(`~ on ${field.id} (${field.type}) is not supported by the Jira double`);
  const raw = issue.fields[field.id];
  const needle = literalText(lit, ctx).replace(/\*/g, '').toLowerCase();
  return typeof raw === 'string' && raw.toLowerCase().includes(needle);
}

function requireField(name: string, ctx: JqlContext): JqlField {
  const field = ctx.resolveField(name);
  if (!field) throw new JqlSyntaxError(`Field '${name}' does not exist or you do not have permission to view it.`);
  return field;
}

export function evaluate(expr: Expr, issue: JqlIssue, ctx: JqlContext): boolean {
  switch (expr.kind) {
    case 'and':
      return expr.items.every((e) => evaluate(e, issue, ctx));
    case 'or':
      return expr.items.some((e) => evaluate(e, issue, ctx));
    case 'not':
      return !evaluate(expr.expr, issue, ctx);
    case 'clause': {
      const field = requireField(expr.field, ctx);
      if ((expr.op === '~' || expr.op === '!~') && field.exactOnly) throw refuseContains(expr.op, expr.field);
      const empty = field.type === 'key' ? false : isEmptyValue(issue.fields[field.id]);
      const { op, operand } = expr;
      if (op === 'is') return empty;
      if (op === 'is not') return !empty;
      if (empty) return false; // Jira: no comparison (not even != / NOT IN) matches an empty field
      if (operand.kind === 'list') {
        const any = operand.values.some((v) => equalsLiteral(field, issue, v, ctx));
        return op === 'in' ? any : op === 'not in' ? !any : false;
      }
      if (operand.kind !== 'value') throw new JqlSyntaxError(`operator ${op} needs a value`);
      switch (op) {
        case '=':
          return equalsLiteral(field, issue, operand.value, ctx);
        case '!=':
          return !equalsLiteral(field, issue, operand.value, ctx);
        case '~':
          return containsText(field, issue, operand.value, ctx);
        case '!~':
          return !containsText(field, issue, operand.value, ctx);
        case '<':
        case '<=':
        case '>':
        case '>=':
          return compareRange(field, issue, op, operand.value, ctx);
        default:
          throw new JqlSyntaxError(`operator ${op} needs a list`);
      }
    }
  }
}

/**
 * Checks a parsed query without any issue, as Jira does before searching: every field must exist,
 * every date literal must parse, operators must suit the field. Throws JqlSyntaxError /
 * JqlUnsupportedError; an empty result set never hides a bad query.
 */
export function validateQuery(query: JqlQuery, ctx: JqlContext): void {
  const walk = (e: Expr): void => {
    if (e.kind === 'and' || e.kind === 'or') return e.items.forEach(walk);
    if (e.kind === 'not') return walk(e.expr);
    const field = requireField(e.field, ctx);
    const literals = e.operand.kind === 'value' ? [e.operand.value] : e.operand.kind === 'list' ? e.operand.values : [];
    for (const lit of literals) {
      if (field.type === 'datetime' || field.type === 'date') evalTimeLiteral(lit, ctx, e.field);
      else literalText(lit, ctx);
    }
    if (
      (e.op === '<' || e.op === '<=' || e.op === '>' || e.op === '>=') &&
      !['datetime', 'date', 'number', 'key'].includes(field.type)
    ) {
      throw new JqlUnsupportedError(
        `operator ${e.op} on ${field.id} (${field.type}) is not supported by the Jira double`,
      );
    }
    if ((e.op === '~' || e.op === '!~') && field.exactOnly) throw refuseContains(e.op, e.field);
    if ((e.op === '~' || e.op === '!~') && field.type !== 'string') {
      throw new JqlUnsupportedError(`~ on ${field.id} (${field.type}) is not supported by the Jira double`);
    }
  };
  if (query.where) walk(query.where);
  for (const k of query.orderBy) requireField(k.field, ctx);
}

/**
 * Sorts issues by the ORDER BY keys. Empty values sort after all others in either direction;
 * ties fall back to ascending numeric id, so paging is stable.
 */
export function sortIssues<T extends JqlIssue>(issues: T[], orderBy: SortKey[], ctx: JqlContext): T[] {
  const keys = orderBy.map((k) => ({ field: requireField(k.field, ctx), sign: k.direction === 'desc' ? -1 : 1 }));
  return [...issues].sort((a, b) => {
    for (const { field, sign } of keys) {
      const va = comparable(field, a);
      const vb = comparable(field, b);
      if (va === vb) continue;
      if (va === undefined) return 1;
      if (vb === undefined) return -1;
      return (va < vb ? -1 : 1) * sign;
    }
    return Number(a.id) - Number(b.id);
  });
}
