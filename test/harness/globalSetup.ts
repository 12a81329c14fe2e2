/**
 * jest `globalSetup`: starts one private MariaDB for the whole run (unless `ITR_TEST_MYSQL_URL`
 * points at a server), and tells the workers where it is through the environment
 * (`ITR_TEST_MYSQL_SOCKET`, `ITR_TEST_MYSQL_DIR`), which workers inherit.
 *
 * The start is not awaited: it runs (≈1 s) while jest compiles and runs the test files, and the SQL
 * bridge waits for the socket on its first statement. Runs without SQL tests therefore pay nothing.
 * A failed start is written to `<dir>/startup-error.txt`, which the bridge reports at once.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ENV_DIR, ENV_SOCKET, ENV_URL, type MariaDbServer, startPrivateMariaDb } from '../../platform-doubles/mariadb';

export const SERVER_SLOT = Symbol.for('itr.mariadb-server');

export default function globalSetup(): void {
  const url = process.env[ENV_URL];
  if (url !== undefined && url !== '') return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itr-mdb-'));
  process.env[ENV_DIR] = dir;
  process.env[ENV_SOCKET] = path.join(dir, 'mysqld.sock');
  const started: Promise<MariaDbServer | undefined> = startPrivateMariaDb(dir).then(
    (server) => {
      fs.writeFileSync(
        path.join(dir, 'startup.json'),
        JSON.stringify({ installMs: server.installMs, startMs: server.startMs }),
      );
      if (process.env['ITR_TEST_VERBOSE'] !== undefined) {
        process.stderr.write(`[mariadb] install ${server.installMs} ms, start ${server.startMs} ms (${dir})\n`);
      }
      return server;
    },
    (e: unknown) => {
      fs.writeFileSync(path.join(dir, 'startup-error.txt'), e instanceof Error ? e.message : String(e));
      return undefined;
    },
  );
  (globalThis as { [SERVER_SLOT]?: Promise<MariaDbServer | undefined> })[SERVER_SLOT] = started;
}
