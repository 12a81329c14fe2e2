/**
 * `npm start`: the sandbox from the command line.
 *
 *   npm start [-- --port 3000] [--speed 60]        (PORT also sets the port)
 *
 * Runs with `node scripts/run-ts.js sandbox/main.ts` (TypeScript transpiled on require, no build).
 * Steps, in this order because each depends on the one before:
 *  1. MariaDB for Forge SQL: a private server in a temp dir (platform-doubles/mariadb.ts), unless
 *     ITR_TEST_MYSQL_URL names one; installs Debian's mariadb-server when run as root and missing.
 *  2. The Custom UI builds the manifest's resources point at (`npm run build:ui` if one is missing).
 *  3. The sandbox clock; with --speed ≠ 1, the process's `Date` follows it (after MariaDB is up).
 *  4. The platform harness, installed before any app code loads; then the server (server.ts).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENV_DIR, ENV_SOCKET, ENV_URL, startPrivateMariaDb, type MariaDbServer } from '../platform-doubles/mariadb';
import { installHarness } from '../platform-doubles';
import { createClock, installFakeDate } from './clock';
import { loadManifest } from './manifest';

const REPO_ROOT = path.resolve(__dirname, '..');

function argValue(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = args[i] as string;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[i + 1];
}

function hasMariaDb(): boolean {
  const dirs = [...(process.env['PATH'] ?? '').split(':'), '/usr/sbin', '/usr/local/sbin'];
  return dirs.some((d) => d !== '' && fs.existsSync(path.join(d, 'mariadbd')));
}

function ensureMariaDbInstalled(): void {
  if (hasMariaDb()) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root) {
    process.stderr.write(
      'The sandbox needs MariaDB (it stands in for Forge SQL), and `mariadbd` is not installed.\n' +
        'Install it with:  sudo apt-get install -y mariadb-server\n' +
        `or point ${ENV_URL} at a MySQL-compatible server (mysql://user:pass@host:port).\n`,
    );
    process.exit(1);
  }
  process.stdout.write('mariadbd not found; installing mariadb-server (apt-get)…\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const r = spawnSync('apt-get', ['install', '-y', 'mariadb-server'], { stdio: 'inherit', env });
  if (r.status !== 0 || !hasMariaDb()) {
    process.stderr.write('Installing mariadb-server failed; install it by hand (apt-get install -y mariadb-server).\n');
    process.exit(1);
  }
}

function ensureUiBuilt(): void {
  const missing = [...loadManifest(REPO_ROOT).resources.values()].filter(
    (dir) => !fs.existsSync(path.join(dir, 'index.html')),
  );
  if (missing.length === 0) return;
  process.stdout.write(
    `Building the Custom UI (missing: ${missing.map((d) => path.relative(REPO_ROOT, d)).join(', ')})…\n`,
  );
  const r = spawnSync('npm', ['run', 'build:ui'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('npm run build:ui failed.\n');
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const port = Number(argValue('port') ?? process.env['PORT'] ?? 3000);
  const speed = Number(argValue('speed') ?? 1);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, got ${String(argValue('port') ?? process.env['PORT'])}`);

  let db: MariaDbServer | undefined;
  const url = process.env[ENV_URL];
  if (url === undefined || url === '') {
    ensureMariaDbInstalled();
    db = await startPrivateMariaDb();
    process.env[ENV_DIR] = db.dir;
    process.env[ENV_SOCKET] = db.socketPath;
  }
  ensureUiBuilt();

  const clock = createClock(speed);
  installFakeDate(clock);
  installHarness();
  // Loaded only now: server.ts loads the app and @forge/api, which need the harness globals.
  const { startSandbox } = require('./server') as typeof import('./server');
  const sandbox = await startSandbox({ port, clock });

  const address = `http://localhost:${sandbox.port}`;
  process.stdout.write(
    `\nITR sandbox running at ${address}\n` +
      `  clock: ${speed === 1 ? 'real time' : `${speed}× (1 real second = ${speed} sandbox seconds)`}\n` +
      `  MariaDB: ${db === undefined ? String(process.env[ENV_URL]) : db.socketPath}\n` +
      '  Ctrl-C to stop.\n',
  );

  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      await sandbox.stop();
      await sandbox.harness.sql.dispose().catch(() => undefined);
      await db?.stop();
      process.exit(0);
    })();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
