/**
 * Export in pages, so no resolver answer carries the whole site: the first page has the header and
 * configuration entries, the next ones the cases by id (with their links and versions). Each page
 * stays under EXPORT_PAGE_MAX_BYTES of JSON, except that a page always carries at least one item (one
 * KVS value is at most 240 KiB). Pages are read one after the other, not from one snapshot: an edit
 * made while the admin downloads may land in the file or not, as with any live backup.
 */
import type { BackupCase, BackupConfigEntry, BackupExportPage } from '../../contract/backup';
import { repositories } from '../ports';
import type { BackupDeps } from './backup';
import { BACKUP_FORMAT, BACKUP_SCHEMA_VERSION, isEntry } from './backupValidation';

/**
 * Bytes of JSON per page. Range 16 KiB–4 MiB; default 192 KiB: under the 256 KiB the resolver guard
 * accepts inbound (src/entry/guard.ts), so pages and upload chunks are of one size, and far under the
 * 5 MB Forge allows a function's payload (docs/forge-offline notes, "Runtime").
 */
export const EXPORT_PAGE_MAX_BYTES = 192 * 1024;
/** Cases read per query while filling a page. Range 10–500; default 100. */
const CASES_PER_QUERY = 100;

const CURSOR = /^(config|cases):(\d{1,15})$/;

export function isExportCursor(x: unknown): x is string {
  return typeof x === 'string' && CURSOR.test(x);
}

const size = (x: unknown): number => Buffer.byteLength(JSON.stringify(x));

export async function exportPage(
  deps: BackupDeps,
  accountId: string | undefined,
  cursor: string | undefined,
): Promise<BackupExportPage> {
  const m = cursor === undefined ? null : CURSOR.exec(cursor);
  if (m === null || m[1] === 'config') return configPage(deps, accountId, m === null ? 0 : Number(m[2]), m === null);
  return casesPage(Number(m[2]));
}

async function configPage(
  deps: BackupDeps,
  accountId: string | undefined,
  from: number,
  first: boolean,
): Promise<BackupExportPage> {
  const names = (await deps.configStore.list()).sort();
  const config: Record<string, BackupConfigEntry> = {};
  let bytes = 0;
  let i = from;
  for (; i < names.length; i++) {
    const name = names[i] as string;
    const raw = await deps.configStore.getStored(name);
    if (!isEntry(raw)) continue;
    const b = size(raw) + name.length;
    if (bytes > 0 && bytes + b > EXPORT_PAGE_MAX_BYTES) break;
    config[name] = raw;
    bytes += b;
  }
  const page: BackupExportPage = { config, cases: [], next: i < names.length ? `config:${i}` : 'cases:0' };
  if (first) {
    const cases = await repositories().cases.countCases();
    page.header = {
      format: BACKUP_FORMAT,
      schemaVersion: BACKUP_SCHEMA_VERSION,
      exportedAt: deps.now().toISOString(),
      exportedBy: accountId ?? null,
      configKeys: names.length,
      cases,
    };
  }
  return page;
}

async function casesPage(afterId: number): Promise<BackupExportPage> {
  const cases: BackupCase[] = [];
  let bytes = 0;
  let after = afterId;
  for (;;) {
    const batch = await casesAfter(after);
    for (const c of batch) {
      const b = size(c);
      if (cases.length > 0 && bytes + b > EXPORT_PAGE_MAX_BYTES) return { config: {}, cases, next: `cases:${after}` };
      cases.push(c);
      bytes += b;
      after = c.id;
    }
    if (batch.length < CASES_PER_QUERY) return { config: {}, cases, next: null };
  }
}

/** Up to CASES_PER_QUERY cases with id > `after`, by id, each with its links and versions. */
export function casesAfter(after: number): Promise<BackupCase[]> {
  return repositories().cases.backupCasesAfter(after, CASES_PER_QUERY);
}
