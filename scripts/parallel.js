#!/usr/bin/env node
/**
 * Runs npm scripts at once and fails if any fails: `node scripts/parallel.js lint typecheck …`.
 * `npm test` uses it for the checks that do not depend on each other (ESLint, both type checks and the
 * UI build), so a second CPU is not idle while ESLint runs alone. Each script's output is printed whole
 * when it ends, so lines of two scripts never interleave.
 */
const { spawn } = require('node:child_process');

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  process.stderr.write('usage: node scripts/parallel.js <npm script> [<npm script> …]\n');
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const runs = scripts.map(
  (name) =>
    new Promise((resolve) => {
      const started = Date.now();
      const child = spawn(npm, ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] });
      const out = [];
      child.stdout.on('data', (d) => out.push(d));
      child.stderr.on('data', (d) => out.push(d));
      child.on('close', (code, signal) => {
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        const text = Buffer.concat(out).toString();
        process.stdout.write(`── ${name}: ${code === 0 ? 'ok' : `failed (${signal ?? code})`} in ${seconds} s\n`);
        if (text.trim() !== '') process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
        resolve(code === 0);
      });
    }),
);

Promise.all(runs).then((oks) => process.exit(oks.every(Boolean) ? 0 : 1));
