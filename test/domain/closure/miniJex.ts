/**
 * A tiny interpreter for exactly the subset of Jira expressions the closure rules use, so a test can
 * evaluate the pinned text offline: `let x = e; body`, identifiers, `'strings'`, `null`, member access
 * `a.b`, optional `a?.b`, computed `a[e]`, calls of `.includes(e)` on a list, `==`, `!=`, `&&`, `||`,
 * `!` and parentheses. Anything else is a parse error, so a change to the expressions that leaves the
 * subset fails the test instead of being half-understood.
 *
 * Semantics modelled on Jira's documentation: a member of `null` is an evaluation error (Jira then
 * treats a workflow rule as failed, i.e. `false`), `?.` yields null instead; `==` compares values;
 * `&&`/`||` short-circuit; a rule passes only when the result is the boolean `true`.
 * What this cannot tell: how the real Jira types fields (a user field read by computed access is
 * assumed to be an object with `accountId`, a string field a string) — the README's first-deploy list.
 */
type Value = unknown;
type Node =
  | { t: 'let'; name: string; value: Node; body: Node }
  | { t: 'id'; name: string }
  | { t: 'str'; value: string }
  | { t: 'null' }
  | { t: 'member'; obj: Node; name: string; optional: boolean }
  | { t: 'index'; obj: Node; key: Node }
  | { t: 'call'; obj: Node; method: string; optional: boolean; args: Node[] }
  | { t: 'bin'; op: '==' | '!=' | '&&' | '||'; left: Node; right: Node }
  | { t: 'not'; arg: Node };

const TOKEN = /\s*(?:(\?\.|==|!=|&&|\|\||[.;()[\]!=,])|'((?:[^'\\]|\\.)*)'|([A-Za-z_$][A-Za-z0-9_$]*))/y;

function tokenize(src: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (m === null) throw new SyntaxError(`miniJex: unexpected input at ${at}: ${src.slice(at, at + 20)}`);
    out.push(m[1] ?? (m[2] !== undefined ? `'${m[2]}` : `#${m[3]}`));
  }
  return out;
}

export function parse(src: string): Node {
  const toks = tokenize(src);
  let i = 0;
  const peek = (): string | undefined => toks[i];
  const take = (want?: string): string => {
    const tok = toks[i++];
    if (tok === undefined || (want !== undefined && tok !== want)) throw new SyntaxError(`miniJex: expected ${want ?? 'token'}, got ${tok ?? 'end'}`);
    return tok;
  };
  const program = (): Node => {
    if (peek() === '#let') {
      take();
      const name = take().slice(1);
      take('=');
      const value = or();
      take(';');
      return { t: 'let', name, value, body: program() };
    }
    return or();
  };
  const or = (): Node => {
    let left = and();
    while (peek() === '||') left = (take(), { t: 'bin', op: '||', left, right: and() });
    return left;
  };
  const and = (): Node => {
    let left = eq();
    while (peek() === '&&') left = (take(), { t: 'bin', op: '&&', left, right: eq() });
    return left;
  };
  const eq = (): Node => {
    let left = unary();
    while (peek() === '==' || peek() === '!=') {
      const op = take() as '==' | '!=';
      left = { t: 'bin', op, left, right: unary() };
    }
    return left;
  };
  const unary = (): Node => (peek() === '!' ? (take(), { t: 'not', arg: unary() }) : postfix());
  const postfix = (): Node => {
    let node = primary();
    for (;;) {
      const tok = peek();
      if (tok === '.' || tok === '?.') {
        take();
        const name = take();
        if (!name.startsWith('#')) throw new SyntaxError('miniJex: member name expected');
        if (peek() === '(') {
          take('(');
          const args: Node[] = [];
          if (peek() !== ')') args.push(or());
          take(')');
          node = { t: 'call', obj: node, method: name.slice(1), optional: tok === '?.', args };
        } else node = { t: 'member', obj: node, name: name.slice(1), optional: tok === '?.' };
      } else if (tok === '[') {
        take();
        const key = or();
        take(']');
        node = { t: 'index', obj: node, key };
      } else return node;
    }
  };
  const primary = (): Node => {
    const tok = take();
    if (tok === '(') {
      const inner = or();
      take(')');
      return inner;
    }
    if (tok === '#null') return { t: 'null' };
    if (tok.startsWith("'")) return { t: 'str', value: tok.slice(1).replace(/\\(.)/g, '$1') };
    if (tok.startsWith('#')) return { t: 'id', name: tok.slice(1) };
    throw new SyntaxError(`miniJex: unexpected ${tok}`);
  };
  const node = program();
  if (i !== toks.length) throw new SyntaxError(`miniJex: trailing ${toks[i]}`);
  return node;
}

class EvalError extends Error {}

function member(obj: Value, key: Value, optional: boolean): Value {
  if (obj === null || obj === undefined) {
    if (optional) return null;
    throw new EvalError(`member ${String(key)} of null`);
  }
  if (typeof key !== 'string') throw new EvalError('computed key is not a string');
  const v = (obj as Record<string, unknown>)[key];
  return v === undefined ? null : v;
}

function evaluate(node: Node, scope: Record<string, Value>): Value {
  switch (node.t) {
    case 'let':
      return evaluate(node.body, { ...scope, [node.name]: evaluate(node.value, scope) });
    case 'id':
      if (!(node.name in scope)) throw new EvalError(`unknown variable ${node.name}`);
      return scope[node.name];
    case 'str':
      return node.value;
    case 'null':
      return null;
    case 'member':
      return member(evaluate(node.obj, scope), node.name, node.optional);
    case 'index':
      return member(evaluate(node.obj, scope), evaluate(node.key, scope), false);
    case 'call': {
      const obj = evaluate(node.obj, scope);
      if (obj === null && node.optional) return null;
      if (node.method !== 'includes' || !Array.isArray(obj)) throw new EvalError(`cannot call ${node.method}`);
      return obj.includes(evaluate(node.args[0] as Node, scope));
    }
    case 'not':
      return !truthy(evaluate(node.arg, scope));
    case 'bin': {
      if (node.op === '&&') return truthy(evaluate(node.left, scope)) ? evaluate(node.right, scope) : false;
      if (node.op === '||') return truthy(evaluate(node.left, scope)) ? true : evaluate(node.right, scope);
      const l = evaluate(node.left, scope);
      const r = evaluate(node.right, scope);
      const same = JSON.stringify(l ?? null) === JSON.stringify(r ?? null);
      return node.op === '==' ? same : !same;
    }
  }
}

function truthy(v: Value): boolean {
  if (typeof v !== 'boolean') throw new EvalError('logical operand is not a boolean');
  return v;
}

/** How Jira reads a workflow rule's result: only the boolean `true` passes; errors and anything else fail. */
export function evaluateRule(expression: string, context: Record<string, Value>): boolean {
  const ast = parse(expression);
  try {
    return evaluate(ast, context) === true;
  } catch (e) {
    if (e instanceof EvalError) return false;
    throw e;
  }
}
