/**
 * Every Custom UI app's JavaScript stays under 250 KiB gzipped (Forge loads it into an iframe on
 * every issue view). Builds all apps with `npm run build:ui` (the test fails if that fails), then
 * reads the numbers from the bench itself (`npm run bench:bundle`, scripts/bench/bundle.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CATALOGUE_CHUNK, LIMIT_GZIP_BYTES, type BundleReport } from '../../scripts/bench/bundle';
import { en } from '../../static/shared/i18n/en';
import { zhCN } from '../../static/shared/i18n/zh-CN';

const repoRoot = path.resolve(__dirname, '..', '..');

/** Folders of static/ holding an index.html: the apps build.mjs builds. */
function appFolders(): string[] {
  const staticDir = path.join(repoRoot, 'static');
  return readdirSync(staticDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'shared' && existsSync(path.join(staticDir, d.name, 'index.html')))
    .map((d) => d.name)
    .sort();
}

describe('Custom UI bundle size', () => {
  let report: BundleReport;

  beforeAll(() => {
    const build = spawnSync('npm', ['run', 'build:ui'], { cwd: repoRoot, encoding: 'utf8' });
    if (build.status !== 0) {
      throw new Error(`npm run build:ui failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`);
    }
    const bench = spawnSync('npm', ['run', '--silent', 'bench:bundle'], { cwd: repoRoot, encoding: 'utf8' });
    if (bench.status !== 0) throw new Error(`npm run bench:bundle failed:\n${bench.stdout}\n${bench.stderr}`);
    report = JSON.parse(bench.stdout) as BundleReport;
  }, 300_000);

  it('builds every app and measures it', () => {
    expect(report.limitGzipBytes).toBe(256_000);
    expect(report.apps.map((a) => a.app)).toEqual(appFolders());
    for (const app of report.apps) {
      expect(existsSync(path.join(repoRoot, 'static', app.app, 'build', 'index.html'))).toBe(true);
      expect(app.jsGzipBytes).toBeGreaterThan(0);
    }
  });

  it.each(appFolders())('%s: gzipped JavaScript under 250 KiB', (app) => {
    const sizes = report.apps.find((a) => a.app === app);
    expect(sizes).toBeDefined();
    expect(sizes?.jsGzipBytes).toBeLessThan(LIMIT_GZIP_BYTES);
  });

  // The bench counts one catalogue per app because a page loads only its reader's: true only while each
  // catalogue is its own lazy chunk and no other chunk carries one (a static import would put both in).
  it.each(appFolders())('%s: each catalogue in its own chunk, and in no other', (app) => {
    const assets = path.join(repoRoot, 'static', app, 'build', 'assets');
    const chunks = readdirSync(assets).filter((f) => f.endsWith('.js'));
    const catalogues = chunks.filter((f) => CATALOGUE_CHUNK.test(`/${f}`));
    expect(catalogues.map((f) => f.replace(/-[\w-]{8}\.js$/, '')).sort()).toEqual(['en', 'zh-CN']);
    const probe = { en: en['siteCheck.refusal.permission'], zh: zhCN['siteCheck.refusal.permission'] };
    for (const chunk of chunks) {
      const text = readFileSync(path.join(assets, chunk), 'utf8');
      const holds = [text.includes(probe.en) ? 'en' : null, text.includes(probe.zh) ? 'zh-CN' : null].filter(Boolean);
      expect([chunk, holds]).toEqual([
        chunk,
        catalogues.includes(chunk) ? [chunk.split('-')[0] === 'en' ? 'en' : 'zh-CN'] : [],
      ]);
    }
  });
});
