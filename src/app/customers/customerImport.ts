/**
 * The admin's import of customers and installed products from a CSV (src/contract/customers.ts), as
 * the chunked backup restore does it (src/app/backup/backup.ts): the file is uploaded in chunks each
 * under the resolver payload cap into a staging table, checked whole (size, SHA-256, every row:
 * src/domain/customer/customerCsv.ts) before anything is written, and applied by the
 * `customer-import` queue consumer in slices of at most `sliceMs` (a queue consumer may run 900 s;
 * each slice saves its cursor and queues the next, so a cut-off slice is redone from the cursor, the
 * upsert being idempotent). A file with any problem is refused whole and changes nothing.
 */
import { createHash } from 'node:crypto';
import type { CustomerCsvProblem, CustomerImportPreview, CustomerImportStatus } from '../../contract/customers';
import { checkCustomerCsv, type CustomerRow } from '../../domain/customer';
import { pushInBatches, type QueueEvent } from '../../adapters/queue';
import { recordAudit } from '../audit/auditLog';
import { requireConfirmation } from '../audit/confirmation';
import { requireJiraAdmin } from '../auth/authorization';
import { ItrError } from '../itrError';
import { repositories } from '../ports';

export const CUSTOMER_IMPORT_QUEUE = 'customer-import';

/** Characters per upload chunk: at most 3 bytes of UTF-8 each, so a chunk stays under the guard's 256 KiB. */
export const CUSTOMER_CHUNK_MAX_CHARS = 64 * 1024;
/** Largest file, bytes. Range 1–64 MiB; default 32 MiB (100,000 rows of ~300 bytes, with room). */
export const CUSTOMER_IMPORT_MAX_BYTES = 32 * 1024 * 1024;
/** Most chunks of one import: the largest file in 64 KiB chunks. */
export const CUSTOMER_IMPORT_MAX_CHUNKS = 512;
/** Rows written between two cursor saves. Range 100–10,000; default 2,000: a redone slice repeats at most this many upserts. */
export const ROWS_PER_SAVE = 2_000;
/** Time one consumer event applies before queueing the next (ms). Range 5–600 s; default 60 s. */
export const IMPORT_SLICE_MS = 60_000;

export const CustomerImportErrorCode = {
  Invalid: 'CUSTOMER_IMPORT_INVALID',
  State: 'CUSTOMER_IMPORT_STATE',
  ChunkInvalid: 'CUSTOMER_IMPORT_CHUNK_INVALID',
  TooLarge: 'CUSTOMER_IMPORT_TOO_LARGE',
  Incomplete: 'CUSTOMER_IMPORT_INCOMPLETE',
  Corrupt: 'CUSTOMER_IMPORT_CORRUPT',
} as const;

export interface CustomerImportDeps {
  requireAdmin(accountId: string | undefined): Promise<void>;
  now(): Date;
  push(queueKey: string, events: readonly QueueEvent[]): Promise<string[]>;
  /** Milliseconds the current invocation may still run (the consumer stops its slice before). */
  remainingMs(): number;
  sliceMs: number;
}

export function platformCustomerImportDeps(remainingMs: () => number = () => IMPORT_SLICE_MS): CustomerImportDeps {
  return {
    requireAdmin: (id) => requireJiraAdmin(id),
    now: () => new Date(),
    push: pushInBatches,
    remainingMs,
    sliceMs: IMPORT_SLICE_MS,
  };
}

const WELL_FORMED = /^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;
const SHA256 = /^[0-9a-f]{64}$/;
const IMPORT_ID = /^import-[0-9a-f-]{36}$/;

export function isImportId(x: unknown): x is string {
  return typeof x === 'string' && IMPORT_ID.test(x);
}

function wholeNumber(x: unknown, min: number, max: number): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
}

/** What the consumer reads from an event: the import and the row to go on from. */
export interface ImportEvent {
  importId: string;
}

export function parseImportEvent(body: unknown): ImportEvent | null {
  if (typeof body !== 'object' || body === null) return null;
  const id = (body as Record<string, unknown>)['importId'];
  return isImportId(id) ? { importId: id } : null;
}

type Checked =
  | { ok: true; rows: CustomerRow[]; customers: number }
  | { ok: false; problems: CustomerCsvProblem[]; problemCount: number; rowCount: number };

export class CustomerImport {
  constructor(private readonly deps: CustomerImportDeps = platformCustomerImportDeps()) {}

  private get repo() {
    return repositories().customers;
  }

  async start(
    accountId: string | undefined,
    p: { chunkCount: unknown; byteCount: unknown; sha256: unknown },
  ): Promise<CustomerImportStatus> {
    await this.deps.requireAdmin(accountId);
    if (!wholeNumber(p.chunkCount, 1, CUSTOMER_IMPORT_MAX_CHUNKS))
      throw new ItrError('INVALID_PAYLOAD', `chunkCount must be a whole number 1–${CUSTOMER_IMPORT_MAX_CHUNKS}`, {
        path: 'chunkCount',
      });
    if (!wholeNumber(p.byteCount, 1, CUSTOMER_IMPORT_MAX_BYTES))
      throw new ItrError(CustomerImportErrorCode.TooLarge, `byteCount must be 1–${CUSTOMER_IMPORT_MAX_BYTES} bytes`, {
        path: 'byteCount',
        params: { max: CUSTOMER_IMPORT_MAX_BYTES },
      });
    if (typeof p.sha256 !== 'string' || !SHA256.test(p.sha256))
      throw new ItrError('INVALID_PAYLOAD', 'sha256 must be 64 lowercase hex digits', { path: 'sha256' });
    const id = await this.repo.createImport(accountId ?? '', p.chunkCount, p.byteCount, p.sha256, this.deps.now());
    return (await this.repo.getImport(id))!;
  }

  async uploadChunk(
    accountId: string | undefined,
    p: { importId: unknown; index: unknown; text: unknown },
  ): Promise<{ importId: string; chunksReceived: number; chunkCount: number }> {
    await this.deps.requireAdmin(accountId);
    const rec = await this.record(p.importId);
    if (rec === undefined || rec.state !== 'staging') throw badState(p.importId, 'staging');
    if (!wholeNumber(p.index, 0, rec.chunkCount - 1))
      throw new ItrError('INVALID_PAYLOAD', `index must be 0–${rec.chunkCount - 1}`, { path: 'index' });
    if (
      typeof p.text !== 'string' ||
      p.text.length === 0 ||
      p.text.length > CUSTOMER_CHUNK_MAX_CHARS ||
      !WELL_FORMED.test(p.text)
    )
      throw new ItrError(
        CustomerImportErrorCode.ChunkInvalid,
        `a chunk is 1–${CUSTOMER_CHUNK_MAX_CHARS} characters of well-formed text`,
        { path: 'text', params: { max: CUSTOMER_CHUNK_MAX_CHARS } },
      );
    await this.repo.putChunk(rec.importId, p.index, p.text);
    return {
      importId: rec.importId,
      chunksReceived: await this.repo.chunksReceived(rec.importId),
      chunkCount: rec.chunkCount,
    };
  }

  /** Every row checked; counts against what is stored, or every problem. Writes nothing. */
  async preview(accountId: string | undefined, p: { importId: unknown }): Promise<CustomerImportPreview> {
    await this.deps.requireAdmin(accountId);
    const rec = await this.record(p.importId);
    if (rec === undefined || rec.state !== 'staging') throw badState(p.importId, 'staging');
    const checked = await this.checked(rec);
    if (!checked.ok)
      return {
        importId: rec.importId,
        ok: false,
        rowCount: checked.rowCount,
        customers: 0,
        customersAdded: 0,
        productsAdded: 0,
        productsChanged: 0,
        problems: checked.problems,
        problemCount: checked.problemCount,
      };
    const ids = [...new Set(checked.rows.map((r) => r.customerId))];
    const known = new Set((await this.repo.customersByIds(ids)).map((c) => c.customerId));
    const stored = new Map(
      (await this.repo.productsOf(ids)).map((s) => [`${s.customerId}\u0000${s.serial}`, s] as const),
    );
    let productsAdded = 0;
    let productsChanged = 0;
    for (const r of checked.rows) {
      const s = stored.get(`${r.customerId}\u0000${r.serial}`);
      if (s === undefined) productsAdded++;
      else if (s.product !== r.product || s.warrantyEnd !== r.warrantyEnd || s.compliant !== r.compliant)
        productsChanged++;
    }
    return {
      importId: rec.importId,
      ok: true,
      rowCount: checked.rows.length,
      customers: checked.customers,
      customersAdded: ids.filter((id) => !known.has(id)).length,
      productsAdded,
      productsChanged,
      problems: [],
      problemCount: 0,
    };
  }

  /**
   * Checks the whole staged file again and queues it for the consumer. A file with problems is
   * refused (CUSTOMER_IMPORT_INVALID, then its problems), marked `refused`, its chunks dropped:
   * nothing else changes. A `failed` import is queued again from its cursor (resume).
   */
  async commit(
    accountId: string | undefined,
    p: { importId: unknown; confirm: unknown },
  ): Promise<CustomerImportStatus> {
    await this.deps.requireAdmin(accountId);
    requireConfirmation(p, 'Importing overwrites the customers and products it names');
    const rec = await this.record(p.importId);
    if (rec !== undefined && (rec.state === 'queued' || rec.state === 'applying' || rec.state === 'done')) return rec;
    if (rec === undefined || (rec.state !== 'staging' && rec.state !== 'failed')) throw badState(p.importId, 'staging');
    const checked = await this.checked(rec);
    const now = this.deps.now();
    if (!checked.ok) {
      await this.repo.setImportState(rec.importId, 'refused', now, {
        from: ['staging'],
        rowCount: checked.rowCount,
        errorCode: CustomerImportErrorCode.Invalid,
      });
      await this.repo.dropChunks(rec.importId);
      throw ItrError.of([
        {
          code: CustomerImportErrorCode.Invalid,
          message: `The file has ${checked.problemCount} problem(s); nothing was imported`,
          params: { count: checked.problemCount },
        },
        ...checked.problems.map((x) => ({
          code: CustomerImportErrorCode.Invalid,
          message: x.code,
          path: `row ${x.row}${x.column === null ? '' : `.${x.column}`}`,
          params: { row: x.row, column: x.column ?? '', problem: x.code, ...(x.params ?? {}) },
        })),
      ]);
    }
    await this.repo.setImportState(rec.importId, 'queued', now, {
      from: ['staging', 'failed'],
      rowCount: checked.rows.length,
      customers: checked.customers,
      errorCode: null,
    });
    await this.deps.push(CUSTOMER_IMPORT_QUEUE, [{ body: { importId: rec.importId } }]);
    return (await this.repo.getImport(rec.importId))!;
  }

  async status(accountId: string | undefined, p: { importId: unknown }): Promise<CustomerImportStatus | null> {
    await this.deps.requireAdmin(accountId);
    if (p.importId === undefined) return (await this.repo.latestImport()) ?? null;
    return (await this.record(p.importId)) ?? null;
  }

  /**
   * One consumer event: applies rows from the cursor until the slice or the invocation runs short,
   * then queues the next event, or finishes (audit entry, staged file dropped, `done`).
   */
  async applySlice(event: ImportEvent): Promise<void> {
    const started = this.deps.now().getTime();
    const rec = await this.repo.getImport(event.importId);
    if (rec === undefined || (rec.state !== 'queued' && rec.state !== 'applying')) return;
    const { text, missing } = await this.repo.chunks(rec.importId, rec.chunkCount);
    if (missing.length > 0) throw new ItrError(CustomerImportErrorCode.Incomplete, 'staged file lost its chunks');
    const checked = checkCustomerCsv(text);
    if (!checked.ok) throw new ItrError(CustomerImportErrorCode.Invalid, 'staged file no longer checks');
    await this.repo.setImportState(rec.importId, 'applying', this.deps.now(), { from: ['queued', 'applying'] });
    let cursor = rec.rowsApplied;
    const rows = checked.rows;
    // Stop with room for one more save and the push: RESERVE of the invocation's remaining time.
    const RESERVE_MS = 15_000;
    while (cursor < rows.length) {
      if (this.deps.now().getTime() - started >= this.deps.sliceMs || this.deps.remainingMs() < RESERVE_MS) {
        await this.repo.advanceImport(rec.importId, cursor, this.deps.now());
        await this.deps.push(CUSTOMER_IMPORT_QUEUE, [{ body: { importId: rec.importId } }]);
        return;
      }
      const next = Math.min(rows.length, cursor + ROWS_PER_SAVE);
      await this.repo.upsertRows(rows.slice(cursor, next), this.deps.now());
      cursor = next;
      await this.repo.advanceImport(rec.importId, cursor, this.deps.now());
    }
    const account = await this.accountOf(rec.importId);
    await this.repo.dropChunks(rec.importId);
    if (await this.repo.setImportState(rec.importId, 'done', this.deps.now(), { from: ['applying'] }))
      await recordAudit(
        {
          actorAccountId: account,
          action: 'customer.import',
          target: rec.importId,
          summary: `Customer import applied: ${rows.length} rows, ${checked.customers} customers`,
          params: { rows: rows.length, customers: checked.customers },
        },
        this.deps.now(),
      );
  }

  /** The consumer met a failure no retry fixes: the import is `failed` with its code (commit again to resume). */
  async markFailed(importId: string, errorCode: string): Promise<void> {
    await this.repo.setImportState(importId, 'failed', this.deps.now(), {
      from: ['queued', 'applying'],
      errorCode,
    });
  }

  private async accountOf(importId: string): Promise<string | null> {
    const owner = await this.repo.importOwner(importId);
    return owner === undefined || owner === '' ? null : owner;
  }

  private async record(importId: unknown): Promise<CustomerImportStatus | undefined> {
    return isImportId(importId) ? this.repo.getImport(importId) : undefined;
  }

  /** The staged chunks joined, checked against the declared size and hash, and every row checked. */
  private async checked(rec: CustomerImportStatus): Promise<Checked> {
    const { text, missing } = await this.repo.chunks(rec.importId, rec.chunkCount);
    if (missing.length > 0)
      throw new ItrError(
        CustomerImportErrorCode.Incomplete,
        `${missing.length} of ${rec.chunkCount} chunks have not arrived (first: ${missing[0]}); nothing was imported`,
        { params: { missing: missing.length, first: missing[0] as number } },
      );
    const sha = createHash('sha256').update(text).digest('hex');
    if (Buffer.byteLength(text) !== rec.byteCount || sha !== (await this.repo.declaredSha256(rec.importId)))
      throw new ItrError(
        CustomerImportErrorCode.Corrupt,
        'The uploaded chunks are not the file that was chosen (size or SHA-256 differ); nothing was imported',
      );
    const c = checkCustomerCsv(text);
    return c.ok ? c : { ok: false, problems: c.errors, problemCount: c.errorCount, rowCount: c.rowCount };
  }
}

function badState(importId: unknown, wanted: string): ItrError {
  return new ItrError(
    CustomerImportErrorCode.State,
    `no import ${typeof importId === 'string' ? importId.slice(0, 64) : ''} in state ${wanted}`,
    { path: 'importId' },
  );
}
