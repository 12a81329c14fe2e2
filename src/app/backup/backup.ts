/**
 * Backup and restore of the site's configuration (every KVS key under `config:`) and case library
 * (cases with their versions and links), for Jira administrators (see src/contract/backup.ts).
 *
 * Export is paged (src/app/backup/backupExport.ts); the UI joins the pages into one file. Restore of
 * any size: the file is uploaded in chunks into a staging area (src/app/ports/restoreJournal.ts),
 * then `commit` joins them, checks size and SHA-256, validates the whole document
 * (src/app/backup/backupValidation.ts) before its first write, and applies it as a journaled list of
 * idempotent steps: history entries the site lacks (existing ones are never rewritten), other
 * configuration, calendars, the grading table as a NEW version above every history version, the cases
 * (upsert by id; versions and links only added), and last the audit entries. KVS and SQL share no
 * transaction: the journal's cursor says where to go on, and a step run twice changes nothing, so a
 * restore cut off anywhere is finished by committing again ("resume") and ends at the backup's content.
 */
import { createHash } from 'node:crypto';
import { ConfigStore, ConfigStoreError } from '../../adapters/kvs';
import { SqlError } from '../ports/storageErrors';
import type {
  BackupCase,
  BackupDocument,
  BackupExportPage,
  BackupRestoreCounts,
  BackupRestorePreview,
  BackupRestoreResult,
  BackupRestoreStatus,
} from '../../contract/backup';
import { DomainError, type GradingTable, type ValidationIssue } from '../../domain';
import { recordAudit } from '../audit/auditLog';
import { jiraAsApp } from '../../adapters/jira';
import { namesOf } from '../people/displayNames';
import { requireConfirmation } from '../audit/confirmation';
import { requireJiraAdmin } from '../auth/authorization';
import { ItrError } from '../itrError';
import { caseTexts } from '../cases/caseLibrary';
import { repositories } from '../ports';
import { CONFIG_KEYS } from '../config/itrConfig';
import { GradingTableStore, HISTORY_PREFIX } from '../grading/gradingTableStore';
import { casesAfter, exportPage, isExportCursor } from './backupExport';
import { asIs, BackupErrorCode, isEntry, s, validateBackup, type Plan } from './backupValidation';
import { isRecord } from '../../domain/input';
import { NO_COUNTS, type RestoreJournal } from '../ports/restoreJournal';

export { BACKUP_FORMAT, BACKUP_SCHEMA_VERSION, BackupErrorCode } from './backupValidation';
export const AUDIT_PREFIX = 'audit:backup:';

/** Characters per upload chunk. At most 3 bytes of UTF-8 each, so a chunk's payload stays under the guard's 256 KiB. */
export const UPLOAD_CHUNK_MAX_CHARS = 64 * 1024;
/** Largest backup file accepted, bytes. Range 1–64 MiB; default 32 MiB (a function has 512 MB of memory). */
export const BACKUP_MAX_BYTES = 32 * 1024 * 1024;
/** Most chunks of one restore: BACKUP_MAX_BYTES in chunks of at least 64 KiB. */
export const BACKUP_MAX_CHUNKS = 512;
/** How long a commit's claim outlives its slice (ms): the last step may still be writing when the slice ends. */
const LEASE_MARGIN_MS = 10_000;

/** Time one commit call spends applying before it answers `applying` (ms). Range 1–20 s; default 15 s (Forge stops a resolver at 25 s). */
export const RESTORE_SLICE_MS = 15_000;
/** Steps between two cursor saves. Range 1–100; default 20: a resumed restore redoes at most this many (idempotent) steps. */
const CURSOR_SAVE_EVERY = 20;

export interface BackupDeps {
  configStore: ConfigStore;
  gradingStore: GradingTableStore;
  requireAdmin(accountId: string | undefined): Promise<void>;
  now(): Date;
  /** Time budget of one commit call (ms); see RESTORE_SLICE_MS. */
  sliceMs: number;
  /** Display names (people/displayNames), so the preview names who made the backup; default: asked of Jira as the app. */
  namesOf?(accountIds: string[]): Promise<Map<string, string | null>>;
}

export function platformBackupDeps(): BackupDeps {
  const configStore = new ConfigStore();
  return {
    configStore,
    gradingStore: new GradingTableStore(configStore),
    requireAdmin: (id) => requireJiraAdmin(id),
    now: () => new Date(),
    sliceMs: RESTORE_SLICE_MS,
  };
}

/** The refusal of an invalid file, to throw: BACKUP_INVALID with the count, then every problem. Nothing was restored. */
function refused(issues: readonly ValidationIssue[]): ItrError {
  return ItrError.invalid(
    BackupErrorCode.Invalid,
    `The backup has ${issues.length} problem(s); nothing was restored`,
    issues,
  );
}

/** JSON with object keys sorted, so two equal values compare equal whatever order KVS kept. */
function canonical(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) =>
    isRecord(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
}

/** A plan step; `i` indexes the plan's list of that kind. */
type Step =
  | { k: 'history'; i: number }
  | { k: 'config'; i: number }
  | { k: 'calendars' }
  | { k: 'table' }
  | { k: 'case'; i: number }
  | { k: 'finish' };

function stepsOf(plan: Plan): Step[] {
  return [
    ...plan.history.map((_, i) => ({ k: 'history' as const, i })),
    ...plan.other.map((_, i) => ({ k: 'config' as const, i })),
    ...(plan.calendars === undefined ? [] : [{ k: 'calendars' as const }]),
    ...(plan.table === undefined ? [] : [{ k: 'table' as const }]),
    ...plan.cases.map((_, i) => ({ k: 'case' as const, i })),
    { k: 'finish' },
  ];
}

const WELL_FORMED = /^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;
const SHA256 = /^[0-9a-f]{64}$/;
const RESTORE_ID = /^restore-[0-9a-f-]{36}$/;
const RESTORE_OVERWRITES = 'Restoring overwrites configuration and cases';

function wholeNumber(x: unknown, min: number, max: number): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
}

export class Backup {
  private readonly journal: RestoreJournal;

  constructor(private readonly deps: BackupDeps = platformBackupDeps()) {
    this.journal = repositories().restoreJournal(() => this.deps.now());
  }

  /** Who made the backup, by name; null when nobody is recorded, Jira does not know the account, or cannot be asked. */
  private async nameOf(accountId: string | null): Promise<string | null> {
    if (accountId === null || accountId === '') return null;
    try {
      const names = await (this.deps.namesOf ?? ((ids: string[]) => namesOf(jiraAsApp(), ids)))([accountId]);
      return names.get(accountId) ?? null;
    } catch (e) {
      console.warn(
        JSON.stringify({
          event: 'backup-preview',
          note: 'name unavailable',
          reason: e instanceof Error ? e.message : String(e),
        }),
      );
      return null;
    }
  }

  // ----- export ----------------------------------------------------------------------------------

  /** The whole document in one answer (documents under the payload caps; the setup page uses pages). */
  async exportBackup(accountId: string | undefined): Promise<BackupDocument> {
    await this.deps.requireAdmin(accountId);
    let page = await exportPage(this.deps, accountId, undefined);
    const header = page.header!;
    const doc: BackupDocument = {
      format: header.format,
      schemaVersion: header.schemaVersion,
      exportedAt: header.exportedAt,
      exportedBy: header.exportedBy,
      config: {},
      cases: [],
    };
    for (;;) {
      Object.assign(doc.config, page.config);
      doc.cases.push(...page.cases);
      if (page.next === null) return doc;
      page = await exportPage(this.deps, accountId, page.next);
    }
  }

  async exportBackupPage(accountId: string | undefined, payload: { cursor: unknown }): Promise<BackupExportPage> {
    await this.deps.requireAdmin(accountId);
    if (payload.cursor !== undefined && !isExportCursor(payload.cursor))
      throw new ItrError('INVALID_PAYLOAD', "cursor must be the previous page's `next`", { path: 'cursor' });
    return await exportPage(this.deps, accountId, payload.cursor);
  }

  // ----- one-call restore ------------------------------------------------------------------------

  /** A document that fits one payload: validated, then staged as one chunk and applied to the end. */
  async restoreBackup(
    accountId: string | undefined,
    payload: { document: unknown; confirm: unknown },
  ): Promise<BackupRestoreResult> {
    await this.deps.requireAdmin(accountId);
    requireConfirmation(payload, RESTORE_OVERWRITES);
    const checked = await validateBackup(payload.document, this.deps);
    if (!checked.ok) throw refused(checked.issues);
    const text = JSON.stringify(payload.document);
    const id = await this.journal.create(
      accountId ?? '',
      1,
      Buffer.byteLength(text),
      createHash('sha256').update(text).digest('hex'),
    );
    await this.journal.putChunk(id, 0, text);
    const status = await this.apply(accountId ?? '', id, checked.plan, Number.POSITIVE_INFINITY);
    return { publishedVersion: status.publishedVersion, counts: status.counts, auditKey: `${AUDIT_PREFIX}${id}` };
  }

  // ----- chunked restore -------------------------------------------------------------------------

  async startRestore(
    accountId: string | undefined,
    p: { chunkCount: unknown; byteCount: unknown; sha256: unknown },
  ): Promise<BackupRestoreStatus> {
    await this.deps.requireAdmin(accountId);
    if (!wholeNumber(p.chunkCount, 1, BACKUP_MAX_CHUNKS))
      throw new ItrError('INVALID_PAYLOAD', `chunkCount must be a whole number 1–${BACKUP_MAX_CHUNKS}`, {
        path: 'chunkCount',
      });
    if (!wholeNumber(p.byteCount, 1, BACKUP_MAX_BYTES))
      throw new ItrError(BackupErrorCode.TooLarge, `byteCount must be 1–${BACKUP_MAX_BYTES} bytes`, {
        path: 'byteCount',
        params: { max: BACKUP_MAX_BYTES },
      });
    if (typeof p.sha256 !== 'string' || !SHA256.test(p.sha256))
      throw new ItrError('INVALID_PAYLOAD', 'sha256 must be 64 lowercase hex digits', { path: 'sha256' });
    const id = await this.journal.create(accountId ?? '', p.chunkCount, p.byteCount, p.sha256);
    return (await this.journal.get(id))!;
  }

  async uploadChunk(
    accountId: string | undefined,
    p: { restoreId: unknown; index: unknown; text: unknown },
  ): Promise<{ restoreId: string; chunksReceived: number; chunkCount: number }> {
    await this.deps.requireAdmin(accountId);
    const rec = await this.record(p.restoreId);
    if (rec === undefined || rec.state !== 'staging') throw this.badState(p.restoreId, 'staging');
    if (!wholeNumber(p.index, 0, rec.chunkCount - 1))
      throw new ItrError('INVALID_PAYLOAD', `index must be 0–${rec.chunkCount - 1}`, { path: 'index' });
    if (
      typeof p.text !== 'string' ||
      p.text.length === 0 ||
      p.text.length > UPLOAD_CHUNK_MAX_CHARS ||
      !WELL_FORMED.test(p.text)
    ) {
      throw new ItrError(
        BackupErrorCode.ChunkInvalid,
        `a chunk is 1–${UPLOAD_CHUNK_MAX_CHARS} characters of well-formed text (split between, not inside, surrogate pairs)`,
        {
          path: 'text',
          params: { max: UPLOAD_CHUNK_MAX_CHARS },
        },
      );
    }
    await this.journal.putChunk(rec.restoreId, p.index, p.text);
    return {
      restoreId: rec.restoreId,
      chunksReceived: await this.journal.chunksReceived(rec.restoreId),
      chunkCount: rec.chunkCount,
    };
  }

  async previewRestore(accountId: string | undefined, p: { restoreId: unknown }): Promise<BackupRestorePreview> {
    await this.deps.requireAdmin(accountId);
    const rec = await this.record(p.restoreId);
    if (rec === undefined || rec.state !== 'staging') throw this.badState(p.restoreId, 'staging');
    const plan = await this.staged(rec);
    const { doc, config } = { doc: plan.doc, config: plan.doc.config };
    let configAdded = 0;
    let configChanged = 0;
    for (const [name, entry] of Object.entries(config)) {
      const here = await this.deps.configStore.getStored(name);
      if (!isEntry(here)) configAdded++;
      else if (canonical(here.value) !== canonical(entry.value)) configChanged++;
    }
    let casesAdded = 0;
    let casesChanged = 0;
    const byId = new Map(plan.cases.map((c) => [c.id, c]));
    const ids = [...byId.keys()].sort((a, b) => a - b);
    const here = new Map<number, BackupCase>();
    // Site cases in id windows, so the comparison reads only what the backup names.
    for (let after = 0, i = 0; i < ids.length; ) {
      const batch = await casesAfter(Math.max(after, (ids[i] as number) - 1));
      if (batch.length === 0) break;
      for (const c of batch) if (byId.has(c.id)) here.set(c.id, c);
      after = (batch[batch.length - 1] as BackupCase).id;
      while (i < ids.length && (ids[i] as number) <= after) i++;
    }
    for (const [id, c] of byId) {
      const h = here.get(id);
      if (h === undefined) casesAdded++;
      else if (canonical(h.content) !== canonical(c.content)) casesChanged++;
    }
    const exportedBy = doc.exportedBy ?? null;
    return {
      restoreId: rec.restoreId,
      exportedAt: doc.exportedAt,
      exportedBy,
      exportedByName: await this.nameOf(exportedBy),
      configKeys: Object.keys(config).length,
      configAdded,
      configChanged,
      cases: byId.size,
      casesAdded,
      casesChanged,
    };
  }

  /** Validates the whole staged file and applies it for one time slice; call again while `applying` to resume. */
  async commitRestore(
    accountId: string | undefined,
    p: { restoreId: unknown; confirm: unknown },
  ): Promise<BackupRestoreStatus> {
    await this.deps.requireAdmin(accountId);
    requireConfirmation(p, RESTORE_OVERWRITES);
    // The slice counts from the call's start: joining and validating a large file takes part of it.
    const deadline = this.deps.now().getTime() + this.deps.sliceMs;
    const rec = await this.record(p.restoreId);
    if (rec?.state === 'done') return rec;
    if (rec === undefined || (rec.state !== 'staging' && rec.state !== 'applying'))
      throw this.badState(p.restoreId, 'staging or applying');
    const plan = await this.staged(rec);
    // Another call is applying it (it may not have left `staging` yet): answer its progress as
    // applying; the caller resumes once that call's slice ends.
    if (!(await this.journal.claim(rec.restoreId, new Date(deadline + LEASE_MARGIN_MS)))) {
      const current = (await this.journal.get(rec.restoreId)) ?? rec;
      return current.state === 'staging' ? { ...current, state: 'applying' } : current;
    }
    try {
      return await this.apply(accountId ?? '', rec.restoreId, plan, deadline);
    } finally {
      await this.journal.release(rec.restoreId);
    }
  }

  async restoreStatus(accountId: string | undefined): Promise<BackupRestoreStatus | null> {
    await this.deps.requireAdmin(accountId);
    return (await this.journal.latest()) ?? null;
  }

  // ----- the journaled apply ---------------------------------------------------------------------

  private async record(restoreId: unknown): Promise<BackupRestoreStatus | undefined> {
    return typeof restoreId === 'string' && RESTORE_ID.test(restoreId) ? this.journal.get(restoreId) : undefined;
  }

  private badState(restoreId: unknown, wanted: string): ItrError {
    return new ItrError(
      BackupErrorCode.RestoreState,
      `no restore ${typeof restoreId === 'string' ? restoreId.slice(0, 64) : ''} in state ${wanted}`,
      { path: 'restoreId' },
    );
  }

  /** The staged chunks joined, checked against the declared size and hash, parsed and validated. */
  private async staged(rec: BackupRestoreStatus): Promise<Plan> {
    const { text, missing } = await this.journal.chunks(rec.restoreId, rec.chunkCount);
    if (missing.length > 0) {
      throw new ItrError(
        BackupErrorCode.Incomplete,
        `${missing.length} of ${rec.chunkCount} chunks have not arrived (first: ${missing[0]}); nothing was restored`,
        { params: { missing: missing.length, first: missing[0] as number } },
      );
    }
    const sha = createHash('sha256').update(text).digest('hex');
    if (Buffer.byteLength(text) !== rec.byteCount || sha !== (await this.journal.declaredSha256(rec.restoreId))) {
      throw new ItrError(
        BackupErrorCode.Corrupt,
        'The uploaded chunks are not the file that was chosen (size or SHA-256 differ); nothing was restored',
      );
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw refused([{ code: BackupErrorCode.Format, path: '', message: 'the file is not JSON' }]);
    }
    const checked = await validateBackup(raw, this.deps);
    if (!checked.ok) throw refused(checked.issues);
    return checked.plan;
  }

  /** Applies steps from the journal's cursor until done or `deadline` (epoch ms) passes. */
  private async apply(accountId: string, id: string, plan: Plan, deadline: number): Promise<BackupRestoreStatus> {
    const steps = stepsOf(plan);
    let rec = (await this.journal.get(id))!;
    if (rec.state === 'staging') {
      await this.journal.startApplying(id, steps.length, plan.doc.exportedAt);
      await recordAudit(
        {
          actorAccountId: accountId,
          action: 'backup.restore.start',
          target: id,
          summary: `Restore of the backup of ${plan.doc.exportedAt} started: ${Object.keys(plan.doc.config).length} config keys, ${plan.cases.length} cases`,
          params: {
            exportedAt: plan.doc.exportedAt,
            configKeys: Object.keys(plan.doc.config).length,
            cases: plan.cases.length,
          },
        },
        this.deps.now(),
      );
      rec = (await this.journal.get(id))!;
    }
    const counts: BackupRestoreCounts = { ...NO_COUNTS, ...rec.counts };
    let published = rec.publishedVersion;
    let cursor = rec.stepsDone;
    try {
      while (cursor < steps.length) {
        if (this.deps.now().getTime() >= deadline) break;
        const step = steps[cursor] as Step;
        if (step.k === 'finish') {
          await this.finish(accountId, id, plan, counts, published);
          return (await this.journal.get(id))!;
        }
        published = (await this.runStep(accountId, id, plan, step, counts)) ?? published;
        cursor++;
        if (cursor % CURSOR_SAVE_EVERY === 0) await this.journal.advance(id, cursor, counts, published);
      }
      await this.journal.advance(id, cursor, counts, published);
    } catch (error) {
      const code =
        error instanceof SqlError || error instanceof ConfigStoreError || error instanceof DomainError
          ? error.code
          : 'INTERNAL_ERROR';
      await this.journal.noteError(id, code);
      throw error;
    }
    return (await this.journal.get(id))!;
  }

  /** One idempotent step; answers the grading version it published, if it did. */
  private async runStep(
    accountId: string,
    id: string,
    plan: Plan,
    step: Step,
    counts: BackupRestoreCounts,
  ): Promise<number | undefined> {
    const { configStore, gradingStore } = this.deps;
    switch (step.k) {
      case 'history': {
        const h = plan.history[step.i]!;
        if (isEntry(await configStore.getStored(h.name))) return undefined;
        await configStore.set(h.name, h.entry.value, asIs(h.entry.schemaVersion), {
          expectedRevision: 0,
          updatedBy: h.entry.updatedBy ?? accountId,
        });
        counts.historyEntriesAdded++;
        return undefined;
      }
      case 'config': {
        const o = plan.other[step.i]!;
        const here = await configStore.getStored(o.name);
        if (
          isEntry(here) &&
          here.schemaVersion === o.entry.schemaVersion &&
          canonical(here.value) === canonical(o.entry.value)
        )
          return undefined;
        await configStore.set(o.name, o.entry.value, asIs(o.entry.schemaVersion), { updatedBy: accountId });
        counts.configEntries++;
        return undefined;
      }
      case 'calendars': {
        const here = await configStore.getStored(CONFIG_KEYS.calendars);
        if (isEntry(here) && canonical(here.value) === canonical(plan.calendars)) return undefined;
        await gradingStore.saveCalendars(plan.calendars as never, {
          expectedRevision: isEntry(here) ? here.revision : 0,
          savedBy: accountId,
        });
        counts.configEntries++;
        return undefined;
      }
      case 'table':
        return this.publishTable(accountId, id, plan, plan.table!, counts);
      case 'case': {
        await this.restoreCase(accountId, plan.cases[step.i]!, this.deps.now(), counts);
        counts.cases++;
        return undefined;
      }
      case 'finish':
        return undefined;
    }
  }

  /**
   * Publishes the backup's table as a new version, unless the published table already is it (a
   * rerun after the publish, or a restore of what is live): no empty version is added.
   */
  private async publishTable(
    accountId: string,
    id: string,
    plan: Plan,
    table: GradingTable,
    counts: BackupRestoreCounts,
  ): Promise<number | undefined> {
    const { configStore, gradingStore } = this.deps;
    const live = await configStore.getStored(CONFIG_KEYS.gradingTable);
    const sameTable = (x: unknown): boolean =>
      isRecord(x) && canonical({ ...x, version: 0 }) === canonical({ ...table, version: 0 });
    if (isEntry(live) && sameTable(live.value)) {
      const version = Number((live.value as Record<string, unknown>)['version']);
      const entry = await configStore.getStored(`${HISTORY_PREFIX}${version}`);
      const byThis = isEntry(entry) && isRecord(entry.value) && s(entry.value['comment']).includes(id);
      return byThis ? version : undefined;
    }
    const versions = (await configStore.list())
      .filter((nm) => nm.startsWith(HISTORY_PREFIX))
      .map((nm) => Number(nm.slice(HISTORY_PREFIX.length)))
      .filter((v) => Number.isInteger(v));
    const site = (await gradingStore.calendars()).siteCalendars;
    const published = await gradingStore.publish(table, Object.keys(GradingTableStore.allCalendars(site)), {
      expectedRevision: await gradingStore.currentRevision(),
      savedBy: accountId,
      comment: `Restored from the backup of ${plan.doc.exportedAt} (${id})`,
      restoredFrom: table.version,
      now: this.deps.now(),
      minVersion: Math.max(0, table.version, ...versions) + 1,
    });
    counts.configEntries++;
    return published.value.version;
  }

  /** Last step: the area's own audit record (KVS), the audit log, the staged file dropped, `done`. */
  private async finish(
    accountId: string,
    id: string,
    plan: Plan,
    counts: BackupRestoreCounts,
    publishedVersion: number | null,
  ): Promise<void> {
    const now = this.deps.now();
    await this.deps.configStore.putRecord(`${AUDIT_PREFIX}${id}`, {
      action: 'restoreBackup',
      by: accountId,
      at: now.toISOString(),
      backupExportedAt: plan.doc.exportedAt,
      backupExportedBy: plan.doc.exportedBy ?? null,
      publishedVersion,
      counts,
    });
    await this.journal.advance(id, stepsOf(plan).length - 1, counts, publishedVersion);
    if (!(await repositories().auditLog.has('backup.restore.complete', id))) {
      await recordAudit(
        {
          actorAccountId: accountId,
          action: 'backup.restore.complete',
          target: id,
          summary: `Restore of the backup of ${plan.doc.exportedAt} completed: ${counts.configEntries} config entries written, ${counts.cases} cases restored${publishedVersion === null ? '' : `, grading table published as version ${publishedVersion}`}`,
          params: {
            exportedAt: plan.doc.exportedAt,
            configEntries: counts.configEntries,
            cases: counts.cases,
            publishedVersion: publishedVersion ?? '',
          },
        },
        now,
      );
    }
    await this.journal.dropChunks(id);
    await this.journal.finish(id);
  }

  /** Upserts one case by id (src/app/ports/cases.ts `restoreCase`) and indexes what it now holds. */
  private async restoreCase(
    accountId: string,
    c: BackupCase,
    now: Date,
    counts: { caseVersionsAdded: number; caseLinksAdded: number },
  ): Promise<void> {
    const added = await repositories().cases.restoreCase(c, accountId, now);
    counts.caseVersionsAdded += added.versionsAdded;
    counts.caseLinksAdded += added.linksAdded;
    await repositories().caseIndex.reindexCase(c.id, caseTexts(c.content));
  }
}
