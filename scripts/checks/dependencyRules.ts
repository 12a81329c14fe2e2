/**
 * The dependency direction of the backend, as a check (see docs/architecture.md):
 * - `src/domain/` is pure: no `@forge/*`, no adapters, entry points or app layer, no `static/`, no
 *   I/O modules, and it never reads the clock or randomness itself (time and seeds are arguments);
 * - nothing under `src/` imports from `static/` (types shared with the UI live in `src/contract/`);
 * - only `src/adapters/` and `src/entry/` import `@forge/*`;
 * - use cases reach storage through their ports (`src/app/ports/`): nothing in `src/app/` imports
 *   `src/adapters/sql/`, and SQL statement text lives only in `src/adapters/sql/`;
 * - adapters know of the app layer only its ports (the interfaces they implement).
 * - only `src/entry/` builds the resolver envelope (`envelopeOnlyAtTheEdge`, below).
 *
 * Sources are parsed with the TypeScript compiler, so comments and strings never count, and
 * `import`, `export … from`, `import type`, `require()` and `import()` all do.
 */
import fs from 'fs';
import path from 'path';
import ts from 'typescript';

export interface Finding {
  file: string;
  line: number;
  rule: string;
  detail: string;
}

/** Node modules that do I/O: a domain rule that needs one is an adapter in disguise. */
const IO_MODULES = new Set([
  'fs',
  'fs/promises',
  'http',
  'https',
  'http2',
  'net',
  'dgram',
  'dns',
  'tls',
  'child_process',
  'worker_threads',
  'cluster',
]);

/** Calls that read the clock or randomness: `<object>.<method>(…)`. */
const AMBIENT_CALLS: ReadonlyArray<readonly [string, string]> = [
  ['Date', 'now'],
  ['Math', 'random'],
  ['performance', 'now'],
  ['crypto', 'randomUUID'],
  ['crypto', 'getRandomValues'],
];

interface ImportRef {
  specifier: string;
  line: number;
}

function lineOf(source: ts.SourceFile, pos: number): number {
  return source.getLineAndCharacterOfPosition(pos).line + 1;
}

function collectImports(source: ts.SourceFile): ImportRef[] {
  const refs: ImportRef[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      refs.push({ specifier: node.moduleSpecifier.text, line: lineOf(source, node.getStart(source)) });
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      refs.push({ specifier: node.moduleReference.expression.text, line: lineOf(source, node.getStart(source)) });
    } else if (ts.isCallExpression(node)) {
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const [first] = node.arguments;
      if ((isRequire || isDynamicImport) && first && ts.isStringLiteralLike(first)) {
        refs.push({ specifier: first.text, line: lineOf(source, node.getStart(source)) });
      }
    } else if (ts.isImportTypeNode(node)) {
      // `import('x').T` in a type position
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg) && ts.isStringLiteral(arg.literal)) {
        refs.push({ specifier: arg.literal.text, line: lineOf(source, node.getStart(source)) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return refs;
}

/**
 * A string or template literal that opens like a SQL statement (upper-case keywords, as the app writes
 * them; an English sentence such as "Update the table" does not match).
 */
const SQL_STATEMENT =
  /^\s*(?:SELECT\s[\s\S]*\bFROM\b|INSERT\s+(?:IGNORE\s+)?INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|REPLACE\s+INTO\s|(?:CREATE|ALTER|DROP|TRUNCATE)\s+TABLE\s)/;

function collectSqlText(source: ts.SourceFile): Array<{ line: number; text: string }> {
  const found: Array<{ line: number; text: string }> = [];
  const visit = (node: ts.Node): void => {
    const text = ts.isStringLiteralLike(node) ? node.text : ts.isTemplateExpression(node) ? node.head.text : undefined;
    if (text !== undefined && SQL_STATEMENT.test(text)) {
      found.push({ line: lineOf(source, node.getStart(source)), text: text.trim().slice(0, 40) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function collectAmbientReads(source: ts.SourceFile): Array<{ line: number; what: string }> {
  const found: Array<{ line: number; what: string }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date') {
      if (!node.arguments || node.arguments.length === 0) {
        found.push({ line: lineOf(source, node.getStart(source)), what: 'new Date()' });
      }
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const target = node.expression.expression;
      const method = node.expression.name.text;
      // `Date.now()` and also `globalThis.Date.now()`
      const objectName = ts.isIdentifier(target)
        ? target.text
        : ts.isPropertyAccessExpression(target)
          ? target.name.text
          : undefined;
      if (objectName && AMBIENT_CALLS.some(([o, m]) => o === objectName && m === method)) {
        found.push({ line: lineOf(source, node.getStart(source)), what: `${objectName}.${method}()` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Where a specifier points, relative to the repo root (`src/adapters/jira`), or undefined for packages. */
function resolveLocal(fileRel: string, specifier: string): string | undefined {
  if (specifier.startsWith('.')) {
    return path.posix.normalize(path.posix.join(path.posix.dirname(fileRel), specifier));
  }
  if (specifier === 'static' || specifier.startsWith('static/')) return specifier;
  if (specifier === 'src' || specifier.startsWith('src/')) return specifier;
  return undefined;
}

const under = (rel: string, dir: string) => rel === dir || rel.startsWith(`${dir}/`);

/**
 * Checks one source file. `fileRel` is its repo-relative path with `/` separators
 * (e.g. `src/domain/sla/dueAt.ts`); the rules that apply depend on it.
 */
export function checkSource(fileRel: string, text: string): Finding[] {
  const source = ts.createSourceFile(fileRel, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const add = (line: number, rule: string, detail: string) => findings.push({ file: fileRel, line, rule, detail });
  const inDomain = under(fileRel, 'src/domain');
  const mayUseForge = under(fileRel, 'src/adapters') || under(fileRel, 'src/entry');
  const inApp = under(fileRel, 'src/app');
  const inAdapters = under(fileRel, 'src/adapters');

  for (const { specifier, line } of collectImports(source)) {
    const local = resolveLocal(fileRel, specifier);
    const bare = specifier.replace(/^node:/, '');
    if (local !== undefined && under(local, 'static')) {
      add(line, 'no-src-to-static', `imports ${specifier}: share types through src/contract/ instead`);
    }
    if (specifier.startsWith('@forge/') && !mayUseForge) {
      add(line, 'forge-only-in-adapters-and-entry', `imports ${specifier}`);
    }
    if (inApp && local !== undefined && under(local, 'src/adapters/sql')) {
      add(line, 'use-cases-use-storage-ports', `imports ${specifier}: take the repository from src/app/ports`);
    }
    if (inAdapters && local !== undefined && under(local, 'src/app') && !under(local, 'src/app/ports')) {
      add(line, 'adapters-know-only-ports', `imports ${specifier}: adapters implement src/app/ports, nothing else`);
    }
    if (!inDomain) continue;
    if (local !== undefined) {
      for (const layer of ['src/adapters', 'src/entry', 'src/app'] as const) {
        if (under(local, layer)) add(line, 'domain-is-pure', `imports ${specifier} (${layer})`);
      }
      if (local === 'src' || local === 'src/index') add(line, 'domain-is-pure', `imports ${specifier} (entry file)`);
    } else if (IO_MODULES.has(bare) || IO_MODULES.has(bare.split('/')[0] ?? '')) {
      add(line, 'domain-is-pure', `imports ${specifier} (I/O)`);
    }
  }
  if (under(fileRel, 'src') && !under(fileRel, 'src/adapters/sql')) {
    for (const { line, text } of collectSqlText(source)) {
      add(line, 'sql-only-in-adapters', `"${text}…": SQL belongs in a repository under src/adapters/sql`);
    }
  }
  if (inDomain) {
    for (const { line, what } of collectAmbientReads(source)) {
      add(line, 'domain-no-ambient-time-or-randomness', `${what}: take the time or seed as an argument`);
    }
  }
  findings.push(...envelopeOnlyAtTheEdge(fileRel, source));
  return findings;
}

// ----- the envelope at the edge ----------------------------------------------------------------------

/**
 * Rule `envelope-only-at-the-edge`: the resolver envelope `{ success, data | errors }` is built in
 * `src/entry/` only (src/entry/envelope.ts); use cases and everything below them return plain values
 * or throw `ItrError` (src/app/itrError.ts). Outside `src/entry/` and `src/contract/` (where the type
 * is declared), a file may not:
 * - import `src/contract/envelope` at all (its types are what only an envelope builder needs);
 * - write an object, or declare an object type, with a `success` member that is `true` or `false`, or
 *   one that sits beside `data` or `errors` (shorthand `{ success, data }` included): that is the
 *   envelope, whatever it is called or typed as.
 * Its own function, so other rules of this file change without touching it.
 */
export function envelopeOnlyAtTheEdge(fileRel: string, source: ts.SourceFile): Finding[] {
  if (!under(fileRel, 'src') || under(fileRel, 'src/entry') || under(fileRel, 'src/contract')) return [];
  const findings: Finding[] = [];
  const add = (line: number, detail: string) =>
    findings.push({ file: fileRel, line, rule: 'envelope-only-at-the-edge', detail });
  for (const { specifier, line } of collectImports(source)) {
    if (resolveLocal(fileRel, specifier) === 'src/contract/envelope')
      add(line, `imports ${specifier}: return the value or throw ItrError; src/entry builds the envelope`);
  }
  const nameOf = (name: ts.PropertyName | undefined): string | undefined =>
    name !== undefined && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? name.text : undefined;
  const isBooleanLiteral = (node: ts.Node | undefined): boolean =>
    node !== undefined &&
    (node.kind === ts.SyntaxKind.TrueKeyword ||
      node.kind === ts.SyntaxKind.FalseKeyword ||
      (ts.isLiteralTypeNode(node) &&
        (node.literal.kind === ts.SyntaxKind.TrueKeyword || node.literal.kind === ts.SyntaxKind.FalseKeyword)));
  /** Whether members named like this, one of them `success`, make an envelope. */
  const envelopeLike = (members: ReadonlyArray<{ name: string | undefined; value: ts.Node | undefined }>): boolean => {
    const success = members.find((m) => m.name === 'success');
    return (
      success !== undefined &&
      (isBooleanLiteral(success.value) || members.some((m) => m.name === 'data' || m.name === 'errors'))
    );
  };
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const members = node.properties.map((p) => ({
        name: nameOf(p.name),
        value: ts.isPropertyAssignment(p) ? p.initializer : undefined,
      }));
      if (envelopeLike(members))
        add(lineOf(source, node.getStart(source)), 'builds the resolver envelope: return the value or throw ItrError');
    } else if (ts.isTypeLiteralNode(node) || ts.isInterfaceDeclaration(node)) {
      const members = node.members.map((m) => ({
        name: nameOf(m.name),
        value: ts.isPropertySignature(m) ? m.type : undefined,
      }));
      if (envelopeLike(members))
        add(lineOf(source, node.getStart(source)), 'declares the resolver envelope: src/contract/envelope has it');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

/** All `.ts`/`.tsx` files under `dir` (repo-relative), skipping `node_modules`. */
export function listSources(repoRoot: string, dir: string): string[] {
  const root = path.join(repoRoot, dir);
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true, withFileTypes: false }) as string[])
    .map((rel) => path.join(dir, rel).split(path.sep).join('/'))
    .filter((rel) => /\.tsx?$/.test(rel) && !rel.split('/').includes('node_modules'))
    .sort();
}

export function checkTree(repoRoot: string, dir = 'src'): Finding[] {
  return listSources(repoRoot, dir).flatMap((rel) =>
    checkSource(rel, fs.readFileSync(path.join(repoRoot, rel), 'utf8')),
  );
}

export function formatFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.file}:${f.line} ${f.rule}: ${f.detail}`).join('\n');
}
