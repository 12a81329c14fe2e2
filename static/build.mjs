// Builds every Custom UI app: each folder static/<app>/ holding an index.html is an app,
// built into static/<app>/build/ (what `forge deploy` uploads). static/shared/ is code, not an app.
//   npm run build:ui                 # all apps
//   npm run build:ui -- issue-panel  # only the named ones
//   npm run build:ui -- --out DIR    # write DIR/<app>/ instead (tests build without touching static/)
// Always a production build, also when started from a test runner that set NODE_ENV=test.
process.env.NODE_ENV = 'production';

import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { appConfig, staticDir } from './vite.config.mjs';

export function listApps() {
  return readdirSync(staticDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'shared' && existsSync(path.join(staticDir, d.name, 'index.html')))
    .map((d) => d.name)
    .sort();
}

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const outRoot = outIndex === -1 ? undefined : args[outIndex + 1];
if (outIndex !== -1 && (outRoot === undefined || outRoot.startsWith('--'))) {
  console.error('--out needs a directory');
  process.exit(2);
}
const wanted = outIndex === -1 ? args : args.filter((_, i) => i !== outIndex && i !== outIndex + 1);
const all = listApps();
const unknown = wanted.filter((a) => !all.includes(a));
if (unknown.length > 0) {
  console.error(`Unknown Custom UI app(s): ${unknown.join(', ')}. Apps: ${all.join(', ')}`);
  process.exit(2);
}
const apps = wanted.length > 0 ? wanted : all;
if (apps.length === 0) {
  console.error('No Custom UI app found under static/ (a folder with an index.html).');
  process.exit(2);
}
for (const app of apps) {
  const started = Date.now();
  const outDir = outRoot === undefined ? undefined : path.resolve(outRoot, app);
  await build(appConfig(app, outDir));
  console.log(
    `built ${path.relative(process.cwd(), outDir ?? path.join(staticDir, app, 'build'))} in ${Date.now() - started} ms`,
  );
}
