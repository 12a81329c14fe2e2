/**
 * A private MariaDB server for the test run, standing in for Forge SQL's TiDB.
 *
 * `globalSetup.ts` starts one server per jest run in a temp dir, on a unix socket, no TCP; each test
 * file then gets its own database (see `sqlBridge.ts`). Set `ITR_TEST_MYSQL_URL`
 * (`mysql://user:pass@host:port`) to use an existing MySQL-compatible server (a real TiDB, say)
 * instead.
 *
 * Server settings chosen to behave like Forge SQL (TiDB) where MariaDB can:
 *  - `sql_mode` = TiDB's default (adds ONLY_FULL_GROUP_BY, NO_ZERO_DATE, NO_ZERO_IN_DATE to MariaDB's);
 *  - `utf8mb4` with `utf8mb4_bin`, TiDB's default collation: string comparison is case-sensitive;
 *  - time zone UTC; `explicit_defaults_for_timestamp` on (as TiDB and MySQL 8);
 *  - durability relaxed (no fsync per commit): tests do not need crash safety, they need speed.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { ConnectionOptions } from 'mysql2';
import { createConnection } from 'mysql2/promise';

const execFileP = promisify(execFile);

/** TiDB's default sql_mode (MySQL 5.7-style strict mode). */
export const TIDB_SQL_MODE =
  'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION';

export const ENV_URL = 'ITR_TEST_MYSQL_URL';
export const ENV_SOCKET = 'ITR_TEST_MYSQL_SOCKET';
/** Directory of the private server; holds `startup-error.txt` if the start failed. */
export const ENV_DIR = 'ITR_TEST_MYSQL_DIR';

export interface MariaDbServer {
  dir: string;
  socketPath: string;
  installMs: number;
  startMs: number;
  stop(): Promise<void>;
}

function findBinary(name: string, extra: string[]): string {
  const dirs = [...(process.env['PATH'] ?? '').split(':'), ...extra];
  for (const d of dirs) {
    const candidate = path.join(d, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  throw new Error(
    `[mariadb] ${name} not found. Install it (DEBIAN_FRONTEND=noninteractive apt-get install -y mariadb-server) ` +
      `or set ${ENV_URL} to an existing MySQL-compatible server.`,
  );
}

/** Connection options for the server this run uses (from env, set by globalSetup or by you). */
export function connectionOptionsFromEnv(): ConnectionOptions {
  const url = process.env[ENV_URL];
  if (url !== undefined && url !== '') return { uri: url, timezone: 'Z', dateStrings: true };
  const socketPath = process.env[ENV_SOCKET];
  if (socketPath !== undefined && socketPath !== '')
    return { socketPath, user: 'root', timezone: 'Z', dateStrings: true };
  throw new Error(
    `[mariadb] no database configured: neither ${ENV_URL} nor ${ENV_SOCKET} is set (is globalSetup in jest.config.js?)`,
  );
}

/** Waits until the configured server accepts connections, failing fast if its start failed. */
export async function waitForServer(timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const dir = process.env[ENV_DIR];
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (dir !== undefined) {
      const errFile = path.join(dir, 'startup-error.txt');
      if (fs.existsSync(errFile))
        throw new Error(`[mariadb] the private server failed to start:\n${fs.readFileSync(errFile, 'utf8')}`);
    }
    try {
      const conn = await createConnection(connectionOptionsFromEnv());
      await conn.end();
      return;
    } catch (e) {
      lastError = e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(
    `[mariadb] server not reachable after ${timeoutMs} ms: ${lastError instanceof Error ? lastError.message : String(lastError)}`,
  );
}

function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Initialises a data directory and starts `mariadbd` on a unix socket in `dir`. Resolves once the
 * server accepts connections.
 */
export async function startPrivateMariaDb(
  dir: string = fs.mkdtempSync(path.join(os.tmpdir(), 'itr-mdb-')),
): Promise<MariaDbServer> {
  const mariadbd = findBinary('mariadbd', ['/usr/sbin', '/usr/local/sbin']);
  const installDb = findBinary('mariadb-install-db', ['/usr/bin', '/usr/local/bin']);
  const dataDir = path.join(dir, 'data');
  const socketPath = path.join(dir, 'mysqld.sock');
  const logFile = path.join(dir, 'error.log');
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const userArgs = asRoot ? ['--user=root'] : [];

  const t0 = Date.now();
  await execFileP(installDb, [
    '--no-defaults',
    `--datadir=${dataDir}`,
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
    ...userArgs,
  ]);
  const installMs = Date.now() - t0;

  const t1 = Date.now();
  const child: ChildProcess = spawn(
    mariadbd,
    [
      '--no-defaults',
      `--datadir=${dataDir}`,
      `--socket=${socketPath}`,
      `--pid-file=${path.join(dir, 'mysqld.pid')}`,
      `--log-error=${logFile}`,
      '--skip-networking',
      '--skip-name-resolve',
      ...userArgs,
      `--sql-mode=${TIDB_SQL_MODE}`,
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_bin',
      '--default-time-zone=+00:00',
      '--explicit-defaults-for-timestamp=ON',
      '--innodb-buffer-pool-size=64M',
      '--innodb-log-file-size=16M',
      '--innodb-flush-log-at-trx-commit=0',
      '--innodb-doublewrite=0',
      '--sync-binlog=0',
      '--max-connections=500',
    ],
    { stdio: 'ignore' },
  );
  let exited: string | undefined;
  child.on('exit', (code, signal) => {
    exited = `mariadbd exited (code ${String(code)}, signal ${String(signal)})`;
  });
  // If jest dies without running globalTeardown, do not leave a server behind.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const options: ConnectionOptions = { socketPath, user: 'root' };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`[mariadb] ${exited}\n${tail(logFile)}`);
    try {
      const conn = await createConnection(options);
      await conn.end();
      break;
    } catch (e) {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(
          `[mariadb] not ready after 30 s: ${e instanceof Error ? e.message : String(e)}\n${tail(logFile)}`,
          { cause: e },
        );
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  const startMs = Date.now() - t1;

  return {
    dir,
    socketPath,
    installMs,
    startMs,
    stop: async (): Promise<void> => {
      process.removeListener('exit', killOnExit);
      if (exited === undefined) {
        const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await done;
        clearTimeout(timer);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
