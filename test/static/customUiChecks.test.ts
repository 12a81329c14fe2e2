/**
 * Static checks of the Custom UI sources (static/), part of `npm test`:
 * - strict type check of the browser code (`npm run typecheck:ui`);
 * - design tokens only: no hand-written colour or pixel value in components, so dark mode and
 *   Jira's theme changes reach every pixel (the module icon, an <img>, is the one exception);
 * - no runtime import of backend code: static/ may only `import type` from src/.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..');
const staticDir = path.join(repoRoot, 'static');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'build' || entry.name === 'public' ? [] : sources(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

const files = sources(staticDir).map((file) => path.relative(repoRoot, file));

it('type-checks static/ with its strict tsconfig', () => {
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'static', '--noEmit'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  expect(tsc.stdout + tsc.stderr).toBe('');
  expect(tsc.status).toBe(0);
}, 120_000);

const HAND_WRITTEN_STYLE = [
  { name: 'hex colour', pattern: /['"`]#[0-9a-fA-F]{3,8}\b/ },
  { name: 'rgb()/hsl() colour', pattern: /\b(rgba?|hsla?)\(/ },
  { name: 'pixel/rem length', pattern: /\b\d+(\.\d+)?(px|rem)\b/ },
];

it.each(files)('%s uses design tokens only', (file) => {
  const lines = readFileSync(path.join(repoRoot, file), 'utf8').split('\n');
  const found = lines.flatMap((line, i) =>
    HAND_WRITTEN_STYLE.filter(({ pattern }) => pattern.test(line)).map(
      ({ name }) => `${file}:${i + 1}: ${name}: ${line.trim()}`,
    ),
  );
  expect(found).toEqual([]);
});

// Pages share the server's rules only through the pure domain (no Forge, no I/O: test/architecture),
// so the same rule runs on both sides; anything else from src/ is types only.
it.each(files)('%s imports only types from src/, besides the pure domain', (file) => {
  const source = readFileSync(path.join(repoRoot, file), 'utf8');
  const runtimeImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*from\s+['"]((?:\.\.\/)+src\/[^'"]+)['"]/gm)]
    .map((m) => m[1] ?? '')
    .filter((specifier) => !/^(?:\.\.\/)+src\/domain\//.test(specifier));
  expect(runtimeImports).toEqual([]);
});
