/**
 * Bundle-size bench of the Custom UI apps (`npm run bench:bundle`, after `npm run build:ui`).
 * Reads every static/<app>/build/ and prints one JSON object:
 *   {"apps":[{"app","jsBytes","jsGzipBytes","cssGzipBytes"}],"limitGzipBytes":256000}
 * Sizes add up every file of a build (lazy chunks too), each gzipped on its own as a CDN sends it, except
 * the message catalogues: a page loads only its reader's (static/shared/i18n/load.ts), so the larger of the
 * two counts. The number is an upper bound of what one panel load transfers.
 * Exit code 1 if an app's gzipped JavaScript reaches the limit, 2 if no build was found.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';
import { constants, gzipSync } from 'zlib';

/** Budget per app for gzipped JavaScript: 250 KiB (Forge loads it into an iframe on every issue view). */
export const LIMIT_GZIP_BYTES = 250 * 1024;

export interface AppBundleSize {
  app: string;
  jsBytes: number;
  jsGzipBytes: number;
  cssGzipBytes: number;
}

export interface BundleReport {
  apps: AppBundleSize[];
  limitGzipBytes: number;
}

const repoRoot = path.resolve(__dirname, '..', '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.isFile() ? [full] : [];
  });
}

/** gzip at zlib's default level (6), what web servers and CDNs typically use. */
function gzipBytes(content: Buffer): number {
  return gzipSync(content, { level: constants.Z_DEFAULT_COMPRESSION }).length;
}

/** Sizes of every static/<app>/build/ that exists, by app name. */
export function measureApps(staticDir: string = path.join(repoRoot, 'static')): AppBundleSize[] {
  return readdirSync(staticDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(staticDir, d.name, 'build')))
    .map((d) => d.name)
    .sort()
    .map((app) => {
      const sizes: AppBundleSize = { app, jsBytes: 0, jsGzipBytes: 0, cssGzipBytes: 0 };
      const catalogues = { bytes: 0, gzipBytes: 0 };
      for (const file of filesUnder(path.join(staticDir, app, 'build'))) {
        if (CATALOGUE_CHUNK.test(file)) {
          const content = readFileSync(file);
          catalogues.bytes = Math.max(catalogues.bytes, content.length);
          catalogues.gzipBytes = Math.max(catalogues.gzipBytes, gzipBytes(content));
        } else if (/\.m?js$/.test(file)) {
          const content = readFileSync(file);
          sizes.jsBytes += content.length;
          sizes.jsGzipBytes += gzipBytes(content);
        } else if (file.endsWith('.css')) {
          sizes.cssGzipBytes += gzipBytes(readFileSync(file));
        }
      }
      sizes.jsBytes += catalogues.bytes;
      sizes.jsGzipBytes += catalogues.gzipBytes;
      return sizes;
    });
}

/** A message catalogue's lazy chunk (Vite names it after static/shared/i18n/en.ts or zh-CN.ts). */
export const CATALOGUE_CHUNK = /[\\/](en|zh-CN)-[\w-]{8}\.js$/;

function main(): void {
  const report: BundleReport = { apps: measureApps(), limitGzipBytes: LIMIT_GZIP_BYTES };
  console.log(JSON.stringify(report, null, 2));
  if (report.apps.length === 0) {
    console.error('No Custom UI build found under static/*/build: run `npm run build:ui` first.');
    process.exitCode = 2;
  }
  for (const a of report.apps.filter((x) => x.jsGzipBytes >= LIMIT_GZIP_BYTES)) {
    console.error(`${a.app}: ${a.jsGzipBytes} bytes of gzipped JavaScript, over the ${LIMIT_GZIP_BYTES} budget`);
    process.exitCode = 1;
  }
}

// Run as a script (`node scripts/run-ts.js scripts/bench/bundle.ts`), not when imported.
if (process.argv[2] !== undefined && path.resolve(process.argv[2]) === __filename) main();
