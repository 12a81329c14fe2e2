/**
 * Parser of the Jira expressions the doubles evaluate: the JavaScript-like subset Jira documents
 * (forge-docs: manifest-reference/modules/jira-workflow-validator → "Jira expressions"; Jira's
 * "Jira expressions" page: static and computed member access, optional chaining, `let`, arrow
 * functions, list literals, ==/!=, comparisons, arithmetic, &&/||/!, the conditional operator), and
 * object literals with quoted or bare keys (forge-docs: manifest-reference/modules/jira-custom-field,
 * the search-suggestion examples return `[{'value': 'USD', 'label': 'US Dollar'}]`).
 *
 * Anything else is a parse error, as in Jira, which refuses to save or evaluate an expression it
 * cannot parse: assignment, `===`, `++`, `function`, `new`, template literals, regular expressions,
 * statements other than `let`, blocks. A parse error makes a workflow rule `false` (workflowRules.ts).
 */

export type BinaryOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%' | '&&' | '||';

export type Expr =
  | { t: 'let'; name: string; value: Expr; body: Expr }
  | { t: 'id'; name: string }
  | { t: 'lit'; value: string | number | boolean | null }
  | { t: 'list'; items: Expr[] }
  | { t: 'map'; entries: Array<[string, Expr]> }
  | { t: 'member'; obj: Expr; name: string; optional: boolean }
  | { t: 'index'; obj: Expr; key: Expr; optional: boolean }
  | { t: 'call'; obj: Expr; method: string; optional: boolean; args: Expr[] }
  | { t: 'arrow'; param: string; body: Expr }
  | { t: 'bin'; op: BinaryOp; left: Expr; right: Expr }
  | { t: 'unary'; op: '!' | '-'; arg: Expr }
  | { t: 'cond'; test: Expr; then: Expr; otherwise: Expr };

/** A text Jira would refuse to parse. */
export class JiraExpressionSyntaxError extends Error {
  readonly code = 'JEXP_SYNTAX';
}

type Token =
  | { k: 'punct'; v: string; at: number }
  | { k: 'str'; v: string; at: number }
  | { k: 'num'; v: number; at: number }
  | { k: 'id'; v: string; at: number };

// Longest first. `===`, `!==`, `++`, `--`, `=` (outside `let`), `=>`-less lambdas are refused below.
const PUNCT = [
  '===',
  '!==',
  '?.',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '=>',
  '++',
  '--',
  '.',
  ';',
  '(',
  ')',
  '[',
  ']',
  ',',
  '!',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '?',
  ':',
  '=',
  '{',
  '}',
];
const REFUSED_PUNCT = new Set(['===', '!==', '++', '--']);
const RESERVED = new Set([
  'function',
  'new',
  'var',
  'const',
  'return',
  'if',
  'else',
  'for',
  'while',
  'class',
  'this',
  'typeof',
  'delete',
  'void',
  'in',
  'instanceof',
  'import',
  'export',
]);

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      let v = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\') {
          const e = src[j + 1];
          v += e === 'n' ? '\n' : e === 't' ? '\t' : (e ?? '');
          j += 2;
        } else v += src[j++];
      }
      if (j >= src.length) throw new JiraExpressionSyntaxError(`unterminated string at ${i}`);
      out.push({ k: 'str', v, at: i });
      i = j + 1;
      continue;
    }
    const num = /^\d+(?:\.\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ k: 'num', v: Number(num[0]), at: i });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(src.slice(i));
    if (id) {
      out.push({ k: 'id', v: id[0], at: i });
      i += id[0].length;
      continue;
    }
    const p = PUNCT.find((x) => src.startsWith(x, i));
    if (p === undefined) throw new JiraExpressionSyntaxError(`unexpected character '${c}' at ${i}`);
    if (REFUSED_PUNCT.has(p))
      throw new JiraExpressionSyntaxError(`'${p}' is not supported in Jira expressions (at ${i})`);
    out.push({ k: 'punct', v: p, at: i });
    i += p.length;
  }
  return out;
}

export function parseJiraExpression(src: string): Expr {
  const toks = tokenize(src);
  let i = 0;
  const peek = (o = 0): Token | undefined => toks[i + o];
  const isP = (v: string, o = 0): boolean => {
    const t = peek(o);
    return t?.k === 'punct' && t.v === v;
  };
  const fail = (what: string): never => {
    const t = peek();
    throw new JiraExpressionSyntaxError(
      `expected ${what}, got ${t === undefined ? 'end of expression' : `'${String(t.v)}' at ${t.at}`}`,
    );
  };
  const takeP = (v: string): void => {
    if (!isP(v)) fail(`'${v}'`);
    i++;
  };
  const takeId = (): string => {
    const t = peek();
    if (t?.k !== 'id') return fail('a name');
    i++;
    return t.v;
  };

  const program = (): Expr => {
    const t = peek();
    if (t?.k === 'id' && t.v === 'let') {
      i++;
      const name = takeId();
      if (RESERVED.has(name)) fail('a variable name');
      takeP('=');
      const value = expression();
      takeP(';');
      return { t: 'let', name, value, body: program() };
    }
    return expression();
  };
  const expression = (): Expr => {
    // `x => body` (one parameter, as Jira's list methods take).
    if (peek()?.k === 'id' && isP('=>', 1)) {
      const param = takeId();
      takeP('=>');
      return { t: 'arrow', param, body: expression() };
    }
    return conditional();
  };
  const conditional = (): Expr => {
    const test = binary(0);
    if (!isP('?')) return test;
    i++;
    const then = expression();
    takeP(':');
    return { t: 'cond', test, then, otherwise: expression() };
  };
  const LEVELS: BinaryOp[][] = [['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>='], ['+', '-'], ['*', '/', '%']];
  const binary = (level: number): Expr => {
    const ops = LEVELS[level];
    if (ops === undefined) return unary();
    let left = binary(level + 1);
    for (;;) {
      const t = peek();
      const op = t?.k === 'punct' ? ops.find((o) => o === t.v) : undefined;
      if (op === undefined) return left;
      i++;
      left = { t: 'bin', op, left, right: binary(level + 1) };
    }
  };
  const unary = (): Expr => {
    if (isP('!') || isP('-')) {
      const op = (peek() as Token).v as '!' | '-';
      i++;
      return { t: 'unary', op, arg: unary() };
    }
    return postfix();
  };
  const args = (): Expr[] => {
    takeP('(');
    const out: Expr[] = [];
    while (!isP(')')) {
      out.push(expression());
      if (!isP(')')) takeP(',');
    }
    takeP(')');
    return out;
  };
  const postfix = (): Expr => {
    let node = primary();
    for (;;) {
      if (isP('.') || isP('?.')) {
        const optional = isP('?.');
        i++;
        if (optional && isP('[')) {
          i++;
          const key = expression();
          takeP(']');
          node = { t: 'index', obj: node, key, optional: true };
          continue;
        }
        const name = takeId();
        node = isP('(')
          ? { t: 'call', obj: node, method: name, optional, args: args() }
          : { t: 'member', obj: node, name, optional };
      } else if (isP('[')) {
        i++;
        const key = expression();
        takeP(']');
        node = { t: 'index', obj: node, key, optional: false };
      } else if (isP('(')) {
        return fail('a method call on a value (calling a bare name is not supported)');
      } else return node;
    }
  };
  const primary = (): Expr => {
    const t = peek();
    if (t === undefined) return fail('a value');
    i++;
    if (t.k === 'str' || t.k === 'num') return { t: 'lit', value: t.v };
    if (t.k === 'id') {
      if (t.v === 'null') return { t: 'lit', value: null };
      if (t.v === 'true' || t.v === 'false') return { t: 'lit', value: t.v === 'true' };
      if (RESERVED.has(t.v) || t.v === 'let')
        throw new JiraExpressionSyntaxError(`'${t.v}' is not supported here (at ${t.at})`);
      return { t: 'id', name: t.v };
    }
    if (t.v === '(') {
      const inner = expression();
      takeP(')');
      return inner;
    }
    if (t.v === '[') {
      const items: Expr[] = [];
      while (!isP(']')) {
        items.push(expression());
        if (!isP(']')) takeP(',');
      }
      takeP(']');
      return { t: 'list', items };
    }
    if (t.v === '{') {
      // An object literal; a `{` anywhere else (a block, a function body) is not an expression.
      const entries: Array<[string, Expr]> = [];
      while (!isP('}')) {
        const k = peek();
        if (k?.k !== 'str' && k?.k !== 'id') return fail('an object key');
        i++;
        takeP(':');
        entries.push([String(k.v), expression()]);
        if (!isP('}')) takeP(',');
      }
      takeP('}');
      return { t: 'map', entries };
    }
    i--;
    return fail('a value');
  };

  if (toks.length === 0) throw new JiraExpressionSyntaxError('empty expression');
  const node = program();
  if (i !== toks.length) fail('end of expression');
  return node;
}
