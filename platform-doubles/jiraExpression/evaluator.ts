/**
 * Evaluator of parsed Jira expressions (parser.ts), with the semantics Jira documents that the app's
 * rules depend on (Jira's "Jira expressions" and "Jira expressions types" pages):
 *  - only the context variables handed in exist: any other name (e.g. `app` in a workflow rule) is an
 *    evaluation error — forge-docs: manifest-reference/modules/jira-workflow-validator "Context variables";
 *  - typed objects (Issue, User, Project, Transition, Workflow, …) have a fixed set of properties: an
 *    unknown one is an error ("Unrecognized property of `issue`", the spec's example for
 *    POST /rest/api/3/expression/evaluate); a JSON map (`config`, custom json variables) answers null;
 *  - a member of null is an error, `?.` yields null; `&&`, `||`, `!` and `?:` need booleans;
 *  - lists: `length`, `includes`, `map`, `filter`, `some`, `every`; strings: `length`, `includes`,
 *    `startsWith`, `endsWith`, `toLowerCase`, `toUpperCase`, `trim`.
 */
import { parseJiraExpression, type Expr } from './parser';

/** A typed Jira object (Issue, User, …): reading a property it does not have is an error. */
export class JiraBean {
  constructor(
    readonly type: string,
    readonly props: Readonly<Record<string, JexValue>>,
  ) {}
}

interface Lambda {
  readonly lambda: { param: string; body: Expr; scope: Scope };
}

export type JexValue = string | number | boolean | null | JexValue[] | JiraBean | { [key: string]: JexValue };
type Value = JexValue | Lambda;
type Scope = ReadonlyMap<string, Value>;

/** Evaluation failed at run time (Jira: HTTP 400 "Evaluation failed", or a rule evaluating to false + event). */
export class JiraExpressionEvaluationError extends Error {
  readonly code = 'JEXP_EVALUATION';
}

const fail = (message: string): never => {
  throw new JiraExpressionEvaluationError(message);
};

const isLambda = (v: Value): v is Lambda =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  !(v instanceof JiraBean) &&
  'lambda' in v &&
  typeof (v as Lambda).lambda === 'object';
const isMap = (v: Value): v is { [key: string]: JexValue } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof JiraBean) && !isLambda(v);

function typeName(v: Value): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'List';
  if (v instanceof JiraBean) return v.type;
  if (isLambda(v)) return 'Lambda';
  if (typeof v === 'object') return 'Map';
  return typeof v === 'string' ? 'String' : typeof v === 'number' ? 'Number' : 'Boolean';
}

function property(obj: Value, key: Value, optional: boolean): Value {
  if (obj === null) return optional ? null : fail(`cannot read property ${JSON.stringify(key)} of null`);
  if (typeof key === 'number' && (Array.isArray(obj) || typeof obj === 'string')) return obj[key] ?? null;
  if (typeof key !== 'string') return fail(`a property name must be a String, got ${typeName(key)}`);
  if (key === 'length' && (Array.isArray(obj) || typeof obj === 'string')) return obj.length;
  if (obj instanceof JiraBean) {
    if (!Object.prototype.hasOwnProperty.call(obj.props, key))
      return fail(`Unrecognized property of \`${obj.type}\`: "${key}"`);
    return obj.props[key] ?? null;
  }
  if (isMap(obj)) return Object.prototype.hasOwnProperty.call(obj, key) ? (obj[key] ?? null) : null;
  return fail(`Unrecognized property of \`${typeName(obj)}\`: "${key}"`);
}

function normal(v: Value): unknown {
  if (v instanceof JiraBean)
    return v.type === 'User'
      ? { User: v.props['accountId'] ?? null }
      : { [v.type]: v.props['id'] ?? v.props['key'] ?? v.props['name'] ?? null };
  if (Array.isArray(v)) return v.map(normal);
  if (isMap(v))
    return Object.fromEntries(
      Object.entries(v)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, x]) => [k, normal(x)]),
    );
  return v;
}
const same = (a: Value, b: Value): boolean => JSON.stringify(normal(a)) === JSON.stringify(normal(b));

function bool(v: Value, where: string): boolean {
  if (typeof v !== 'boolean') return fail(`${where} needs a Boolean, got ${typeName(v)}`);
  return v;
}
function num(v: Value, where: string): number {
  if (typeof v !== 'number') return fail(`${where} needs a Number, got ${typeName(v)}`);
  return v;
}

function apply(fn: Value, arg: Value): Value {
  if (!isLambda(fn)) return fail(`expected an arrow function, got ${typeName(fn)}`);
  const scope = new Map(fn.lambda.scope);
  scope.set(fn.lambda.param, arg);
  return evaluate(fn.lambda.body, scope);
}

function call(obj: Value, method: string, args: Value[]): Value {
  const a0 = args[0] ?? null;
  if (Array.isArray(obj)) {
    switch (method) {
      case 'includes':
        return obj.some((x) => same(x, a0));
      case 'map':
        return obj.map((x) => apply(a0, x) as JexValue);
      case 'filter':
        return obj.filter((x) => bool(apply(a0, x), 'filter'));
      case 'some':
        return obj.some((x) => bool(apply(a0, x), 'some'));
      case 'every':
        return obj.every((x) => bool(apply(a0, x), 'every'));
    }
  }
  if (typeof obj === 'string') {
    const s = (): string => (typeof a0 === 'string' ? a0 : fail(`${method} needs a String argument`));
    switch (method) {
      case 'includes':
        return obj.includes(s());
      case 'startsWith':
        return obj.startsWith(s());
      case 'endsWith':
        return obj.endsWith(s());
      case 'toLowerCase':
        return obj.toLowerCase();
      case 'toUpperCase':
        return obj.toUpperCase();
      case 'trim':
        return obj.trim();
    }
  }
  if (obj === null) return fail(`cannot call ${method} on null`);
  return fail(`Unrecognized method of \`${typeName(obj)}\`: "${method}"`);
}

function evaluate(node: Expr, scope: Scope): Value {
  switch (node.t) {
    case 'let': {
      const inner = new Map(scope);
      inner.set(node.name, evaluate(node.value, scope));
      return evaluate(node.body, inner);
    }
    case 'id':
      if (!scope.has(node.name)) return fail(`Unrecognized variable: "${node.name}"`);
      return scope.get(node.name) as Value;
    case 'lit':
      return node.value;
    case 'list':
      return node.items.map((x) => evaluate(x, scope) as JexValue);
    case 'map': {
      const out: { [key: string]: JexValue } = {};
      for (const [k, v] of node.entries) {
        const x = evaluate(v, scope);
        if (isLambda(x)) return fail('an object literal cannot hold a function');
        out[k] = x;
      }
      return out;
    }
    case 'member':
      return property(evaluate(node.obj, scope), node.name, node.optional);
    case 'index': {
      const obj = evaluate(node.obj, scope);
      if (obj === null && node.optional) return null;
      return property(obj, evaluate(node.key, scope), false);
    }
    case 'call': {
      const obj = evaluate(node.obj, scope);
      if (obj === null && node.optional) return null;
      return call(
        obj,
        node.method,
        node.args.map((a) => evaluate(a, scope)),
      );
    }
    case 'arrow':
      return { lambda: { param: node.param, body: node.body, scope } };
    case 'unary':
      return node.op === '!' ? !bool(evaluate(node.arg, scope), '!') : -num(evaluate(node.arg, scope), 'unary -');
    case 'cond':
      return bool(evaluate(node.test, scope), '?:') ? evaluate(node.then, scope) : evaluate(node.otherwise, scope);
    case 'bin': {
      if (node.op === '&&')
        return bool(evaluate(node.left, scope), '&&') ? bool(evaluate(node.right, scope), '&&') : false;
      if (node.op === '||')
        return bool(evaluate(node.left, scope), '||') ? true : bool(evaluate(node.right, scope), '||');
      const l = evaluate(node.left, scope);
      const r = evaluate(node.right, scope);
      switch (node.op) {
        case '==':
          return same(l, r);
        case '!=':
          return !same(l, r);
        case '+':
          if (typeof l === 'string' || typeof r === 'string') return `${String(normalText(l))}${String(normalText(r))}`;
          return num(l, '+') + num(r, '+');
        case '-':
          return num(l, '-') - num(r, '-');
        case '*':
          return num(l, '*') * num(r, '*');
        case '/':
          return num(l, '/') / num(r, '/');
        case '%':
          return num(l, '%') % num(r, '%');
        default: {
          if (!((typeof l === 'number' && typeof r === 'number') || (typeof l === 'string' && typeof r === 'string')))
            return fail(`${node.op} needs two Numbers or two Strings`);
          const [a, b] = [l, r] as [number | string, number | string];
          return node.op === '<' ? a < b : node.op === '<=' ? a <= b : node.op === '>' ? a > b : a >= b;
        }
      }
    }
  }
}

function normalText(v: Value): string {
  if (v === null || typeof v !== 'object') return String(v);
  return fail(`cannot concatenate ${typeName(v)}`);
}

/** The result as JSON (what `POST /expression/evaluate` answers): beans become their properties. */
export function toJson(v: JexValue): unknown {
  if (v instanceof JiraBean) return Object.fromEntries(Object.entries(v.props).map(([k, x]) => [k, toJson(x)]));
  if (Array.isArray(v)) return v.map(toJson);
  if (isMap(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJson(x)]));
  return v;
}

/**
 * Parses and evaluates `expression` with exactly `variables` in scope. Throws
 * `JiraExpressionSyntaxError` or `JiraExpressionEvaluationError`.
 */
export function evaluateJiraExpression(expression: string, variables: Readonly<Record<string, JexValue>>): JexValue {
  const ast = parseJiraExpression(expression);
  const result = evaluate(ast, new Map(Object.entries(variables)));
  if (isLambda(result)) return fail('an expression cannot return a function');
  return result;
}
