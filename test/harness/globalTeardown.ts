/** jest `globalTeardown`: stops the private MariaDB started by `globalSetup.ts` and removes its files. */
import * as fs from 'node:fs';
import { ENV_DIR, type MariaDbServer } from '../../platform-doubles/mariadb';
import { SERVER_SLOT } from './globalSetup';

export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as { [SERVER_SLOT]?: Promise<MariaDbServer | undefined> })[SERVER_SLOT];
  if (!started) return;
  const server = await started;
  await server?.stop();
  // A failed start leaves its directory (and startup-error.txt) behind; the run is over now.
  const dir = process.env[ENV_DIR];
  if (dir !== undefined && dir !== '') fs.rmSync(dir, { recursive: true, force: true });
}
