#!/usr/bin/env node
// Bundle-size bench of the Custom UI apps: reads every static/<app>/build/ (run `npm run build:ui`
// first) and prints JSON
//   {"apps":[{"app","jsBytes","jsGzipBytes","cssGzipBytes"}],"limitGzipBytes":256000}
// Sizes add up every file of the build (lazy chunks too), each gzipped on its own as a CDN sends
// it, so the number is an upper bound of what one panel load transfers.
// Exit code 1 if an app's gzipped JavaScript reaches the limit, 2 if no build was found.
//   npm run bench:bundle
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';

/** Budget per app for gzipped JavaScript: 250 KiB. */
export const LIMIT_GZIP_BYTES = 250 * 1024;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** @param {string} dir @returns {string[]} every file below dir */
function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** gzip at zlib's default level (6), what web servers and CDNs typically use. */
function gzipBytes(buffer) {
  return gzipSync(buffer, { level: constants.Z_DEFAULT_COMPRESSION }).length;
}

/**
 * @param {string} staticDir
 * @returns {{app: string, jsBytes: number, jsGzipBytes: number, cssGzipBytes: number}[]}
 */
export function measureApps(staticDir = path.join(repoRoot, 'static')) {
  return readdirSync(staticDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(staticDir, d.name, 'build')))
    .map((d) => d.name)
    .sort()
    .map((app) => {
      const sizes = { app, jsBytes: 0, jsGzipBytes: 0, cssGzipBytes: 0 };
      for (const file of filesUnder(path.join(staticDir, app, 'build'))) {
        if (!statSync(file).isFile()) continue;
        if (/\.m?js$/.test(file)) {
          const content = readFileSync(file);
          sizes.jsBytes += content.length;
          sizes.jsGzipBytes += gzipBytes(content);
        } else if (file.endsWith('.css')) {
          sizes.cssGzipBytes += gzipBytes(readFileSync(file));
        }
      }
      return sizes;
    });
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const apps = measureApps();
  console.log(JSON.stringify({ apps, limitGzipBytes: LIMIT_GZIP_BYTES }, null, 2));
  if (apps.length === 0) {
    console.error('No Custom UI build found under static/*/build: run `npm run build:ui` first.');
    process.exitCode = 2;
  }
  for (const a of apps.filter((a) => a.jsGzipBytes >= LIMIT_GZIP_BYTES)) {
    console.error(`${a.app}: ${a.jsGzipBytes} bytes of gzipped JavaScript, over the ${LIMIT_GZIP_BYTES} budget`);
    process.exitCode = 1;
  }
}
