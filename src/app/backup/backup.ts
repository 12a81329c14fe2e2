/**
 * Backup and restore of the site's configuration (every KVS key under `config:`) and case library
 * (cases with their versions and links), for Jira administrators (see src/contract/backup.ts).
 *
 * Restore validates the whole document before its first write: envelopes and names of every config
 * entry, the grading table and calendars with the domain validators (the table against the calendars
 * it will run on), the shape of every case, and that no case's external id belongs to another case
 * here. Then, in this order: history entries the site lacks (existing ones are never rewritten), other
 * configuration, calendars, the grading table as a NEW version above every history version, the cases
 * (upsert by id; versions and links only added), and last an audit entry in KVS. KVS and SQL have no
 * shared transaction: a crash part-way leaves a partial restore that a second restore completes.
 */
import { ConfigStore, ConfigStoreError, type ConfigCodec } from '../../adapters/kvs';
import { ensureSchema, execute, fromSqlDateTime, query } from '../../adapters/sql';
import type { BackupCase, BackupCaseLink, BackupCaseVersion, BackupConfigEntry, BackupDocument, BackupRestoreResult } from '../../contract/backup';
import type { CaseContent } from '../../contract/cases';
import type { ResolverError, ResolverResult } from '../../contract/envelope';
import { DomainError, validateGradingTable, type GradingTable, type ValidationIssue } from '../../domain';
import { NotAuthorizedError, requireJiraAdmin } from '../auth/authorization';
import { CASE_COLUMNS, caseTexts, parseCaseRow, validateContent } from '../cases/caseLibrary';
import { reindexCase } from '../cases/caseIndex';
import { CONFIG_KEYS } from '../config/itrConfig';
import { validateCalendarSet } from '../grading/gradingAdmin';
import { GradingTableStore, HISTORY_PREFIX } from '../grading/gradingTableStore';

export const BackupErrorCode = {
  NotAuthorized: 'NOT_AUTHORIZED',
  ConfirmationRequired: 'CONFIRMATION_REQUIRED',
  /** First error of a refused document; one error per problem follows, each with a path. */
  Invalid: 'BACKUP_INVALID',
  Format: 'BACKUP_FORMAT_INVALID',
  ConfigEntry: 'BACKUP_CONFIG_ENTRY_INVALID',
  Case: 'BACKUP_CASE_INVALID',
  CaseConflict: 'BACKUP_CASE_CONFLICT',
} as const;

export const BACKUP_FORMAT = 'itr-backup';
export const BACKUP_SCHEMA_VERSION = 1;
export const AUDIT_PREFIX = 'audit:backup:';

const CONFIG_PREFIX = 'config:';
const KVS_MAX_VALUE_BYTES = 240 * 1024;
const ISSUE_KEY = /^[A-Z][A-Z0-9_]+-\d+$/;

export interface BackupDeps {
  configStore: ConfigStore;
  gradingStore: GradingTableStore;
  requireAdmin(accountId: string | undefined): Promise<void>;
  now(): Date;
}

export function platformBackupDeps(): BackupDeps {
  const configStore = new ConfigStore();
  return { configStore, gradingStore: new GradingTableStore(configStore), requireAdmin: (id) => requireJiraAdmin(id), now: () => new Date() };
}

type Result<T> = ResolverResult<T>;

function fail(code: string, message: string, extra: Partial<ResolverError> = {}): Result<never> {
  return { success: false, errors: [{ code, message, ...extra }] };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isIso(x: unknown): x is string {
  return typeof x === 'string' && x.length <= 40 && !Number.isNaN(Date.parse(x));
}

function isCount(x: unknown, min = 0): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= min;
}

function isEntry(x: unknown): x is BackupConfigEntry {
  return (
    isRecord(x) &&
    isCount(x['schemaVersion'], 1) &&
    isCount(x['revision']) &&
    typeof x['updatedAt'] === 'string' &&
    (x['updatedBy'] === undefined || typeof x['updatedBy'] === 'string') &&
    'value' in x
  );
}

/** A codec that takes the value as it is, at the entry's own schema version. */
function asIs(schemaVersion: number): ConfigCodec<unknown> {
  return { schemaVersion, parse: (x) => x };
}

function n(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}
function s(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
function sOrNull(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** The parts of a validated document the restore writes. */
interface Plan {
  doc: BackupDocument;
  table: GradingTable | undefined;
  calendars: Record<string, unknown> | undefined;
  history: Array<{ name: string; version: number; entry: BackupConfigEntry }>;
  other: Array<{ name: string; entry: BackupConfigEntry }>;
  cases: BackupCase[];
}

function contentOf(raw: unknown, path: string, issues: ValidationIssue[]): CaseContent | undefined {
  if (!isRecord(raw)) {
    issues.push({ code: BackupErrorCode.Case, path, message: 'must be an object of case fields' });
    return undefined;
  }
  for (const k of ['title', 'symptom', 'product', 'productVersion', 'environment', 'rootCause', 'shortTermMeasure', 'longTermMeasure', 'language']) {
    if (raw[k] !== undefined && typeof raw[k] !== 'string') issues.push({ code: BackupErrorCode.Case, path: `${path}.${k}`, message: `${k} must be text` });
  }
  if (raw['tags'] !== undefined && !(Array.isArray(raw['tags']) && raw['tags'].every((t) => typeof t === 'string'))) {
    issues.push({ code: BackupErrorCode.Case, path: `${path}.tags`, message: 'tags must be a list of text' });
  }
  const checked = validateContent(raw);
  if (typeof checked === 'string') {
    issues.push({ code: BackupErrorCode.Case, path, message: checked });
    return undefined;
  }
  return checked;
}

function validateCase(raw: unknown, path: string, issues: ValidationIssue[]): BackupCase | undefined {
  if (!isRecord(raw)) {
    issues.push({ code: BackupErrorCode.Case, path, message: 'a case must be an object' });
    return undefined;
  }
  const before = issues.length;
  const bad = (field: string, message: string): void => {
    issues.push({ code: BackupErrorCode.Case, path: `${path}.${field}`, message });
  };
  if (!isCount(raw['id'], 1)) bad('id', 'id must be a whole number ≥ 1');
  const externalId = raw['externalId'] ?? null;
  if (externalId !== null && !(typeof externalId === 'string' && externalId.length >= 1 && externalId.length <= 64)) bad('externalId', 'externalId must be null or 1–64 characters');
  const authorAccountId = raw['authorAccountId'] ?? null;
  if (authorAccountId !== null && !(typeof authorAccountId === 'string' && authorAccountId.length <= 128)) bad('authorAccountId', 'authorAccountId must be null or an account id');
  if (!isCount(raw['revision'], 1)) bad('revision', 'revision must be a whole number ≥ 1');
  for (const k of ['helpfulCount', 'notRelevantCount', 'usageCount']) if (!isCount(raw[k])) bad(k, `${k} must be a whole number ≥ 0`);
  for (const k of ['createdAt', 'updatedAt']) if (!isIso(raw[k])) bad(k, `${k} must be an ISO instant`);
  const content = contentOf(raw['content'], `${path}.content`, issues);
  const links: BackupCaseLink[] = [];
  if (!Array.isArray(raw['links'])) bad('links', 'links must be a list');
  else
    raw['links'].forEach((l: unknown, i) => {
      if (isRecord(l) && typeof l['issueKey'] === 'string' && ISSUE_KEY.test(l['issueKey']) && (l['relation'] === 'source' || l['relation'] === 'used_on') && isIso(l['at'])) {
        links.push({ issueKey: l['issueKey'], relation: l['relation'], at: l['at'] });
      } else bad(`links[${i}]`, 'a link needs an issue key, a relation (source or used_on) and an ISO instant');
    });
  const versions: BackupCaseVersion[] = [];
  if (!Array.isArray(raw['versions'])) bad('versions', 'versions must be a list');
  else
    raw['versions'].forEach((v: unknown, i) => {
      const vp = `${path}.versions[${i}]`;
      if (!isRecord(v) || !isCount(v['revision'], 1) || !isIso(v['at']) || !(v['authorAccountId'] === null || v['authorAccountId'] === undefined || typeof v['authorAccountId'] === 'string')) {
        issues.push({ code: BackupErrorCode.Case, path: vp, message: 'a version needs a revision ≥ 1, an author (or null) and an ISO instant' });
        return;
      }
      const snapshot = contentOf(v['snapshot'], `${vp}.snapshot`, issues);
      if (snapshot !== undefined) versions.push({ revision: v['revision'], snapshot, authorAccountId: sOrNull(v['authorAccountId']), at: v['at'] });
    });
  if (issues.length > before || content === undefined) return undefined;
  return {
    id: raw['id'] as number,
    externalId: externalId as string | null,
    content,
    authorAccountId: authorAccountId as string | null,
    revision: raw['revision'] as number,
    helpfulCount: raw['helpfulCount'] as number,
    notRelevantCount: raw['notRelevantCount'] as number,
    usageCount: raw['usageCount'] as number,
    createdAt: raw['createdAt'] as string,
    updatedAt: raw['updatedAt'] as string,
    links,
    versions,
  };
}

export class Backup {
  constructor(private readonly deps: BackupDeps = platformBackupDeps()) {}

  // ----- export ----------------------------------------------------------------------------------

  exportBackup(accountId: string | undefined): Promise<Result<BackupDocument>> {
    return this.guarded(async () => {
      await this.deps.requireAdmin(accountId);
      const config: Record<string, BackupConfigEntry> = {};
      for (const name of (await this.deps.configStore.list()).sort()) {
        const raw = await this.deps.configStore.getStored(name);
        if (isEntry(raw)) config[name] = raw;
      }
      return { success: true, data: { format: BACKUP_FORMAT, schemaVersion: BACKUP_SCHEMA_VERSION, exportedAt: this.deps.now().toISOString(), exportedBy: accountId ?? null, config, cases: await this.allCases() } };
    });
  }

  private async allCases(): Promise<BackupCase[]> {
    await ensureSchema();
    const cases = await query(`SELECT external_id, ${CASE_COLUMNS} FROM itr_case ORDER BY id`, [], (r): BackupCase => {
      const { id, authorAccountId, revision, helpfulCount, notRelevantCount, usageCount, createdAt, updatedAt, ...content } = parseCaseRow(r);
      return { id, externalId: sOrNull(r['external_id']), content, authorAccountId, revision, helpfulCount, notRelevantCount, usageCount, createdAt, updatedAt, links: [], versions: [] };
    });
    const byId = new Map(cases.map((c) => [c.id, c]));
    const links = await query('SELECT case_id, issue_key, relation, at FROM case_issue_link ORDER BY case_id, relation, issue_key', [], (r) => ({
      caseId: n(r['case_id']),
      link: { issueKey: s(r['issue_key']), relation: s(r['relation']) as BackupCaseLink['relation'], at: fromSqlDateTime(r['at']).toISOString() },
    }));
    for (const l of links) byId.get(l.caseId)?.links.push(l.link);
    const versions = await query('SELECT case_id, revision, snapshot, author_account_id, at FROM case_version ORDER BY case_id, revision', [], (r) => ({
      caseId: n(r['case_id']),
      version: { revision: n(r['revision']), snapshot: JSON.parse(s(r['snapshot'])) as CaseContent, authorAccountId: sOrNull(r['author_account_id']), at: fromSqlDateTime(r['at']).toISOString() },
    }));
    for (const v of versions) byId.get(v.caseId)?.versions.push(v.version);
    return cases;
  }

  // ----- restore ---------------------------------------------------------------------------------

  restoreBackup(accountId: string | undefined, payload: { document: unknown; confirm: unknown }): Promise<Result<BackupRestoreResult>> {
    return this.guarded(async () => {
      await this.deps.requireAdmin(accountId);
      if (payload.confirm !== true) {
        return fail(BackupErrorCode.ConfirmationRequired, 'Restoring overwrites configuration and cases: send confirm: true to go ahead');
      }
      const checked = await this.validate(payload.document);
      if (!checked.ok) {
        return {
          success: false,
          errors: [
            { code: BackupErrorCode.Invalid, message: `The backup has ${checked.issues.length} problem(s); nothing was restored`, params: { count: checked.issues.length } },
            ...checked.issues.map((i) => ({ code: i.code, message: i.message, path: i.path, ...(i.params === undefined ? {} : { params: i.params }) })),
          ],
        };
      }
      return { success: true, data: await this.write(accountId ?? '', checked.plan) };
    });
  }

  private async validate(raw: unknown): Promise<{ ok: true; plan: Plan } | { ok: false; issues: ValidationIssue[] }> {
    const issues: ValidationIssue[] = [];
    if (!isRecord(raw) || raw['format'] !== BACKUP_FORMAT || raw['schemaVersion'] !== BACKUP_SCHEMA_VERSION) {
      return { ok: false, issues: [{ code: BackupErrorCode.Format, path: '', message: `not an ${BACKUP_FORMAT} document of schema version ${BACKUP_SCHEMA_VERSION}` }] };
    }
    if (!isIso(raw['exportedAt'])) issues.push({ code: BackupErrorCode.Format, path: 'exportedAt', message: 'exportedAt must be an ISO instant' });
    if (!isRecord(raw['config'])) issues.push({ code: BackupErrorCode.Format, path: 'config', message: 'config must be an object of name → entry' });
    if (!Array.isArray(raw['cases'])) issues.push({ code: BackupErrorCode.Format, path: 'cases', message: 'cases must be a list' });
    if (issues.length > 0) return { ok: false, issues };
    const config = raw['config'] as Record<string, unknown>;

    let table: GradingTable | undefined;
    let calendars: Record<string, unknown> | undefined;
    const history: Plan['history'] = [];
    const other: Plan['other'] = [];
    for (const [name, entry] of Object.entries(config)) {
      const path = `config.${name}`;
      try {
        this.deps.configStore.keyOf(name);
      } catch {
        issues.push({ code: BackupErrorCode.ConfigEntry, path, message: `"${name}" is not a valid configuration name` });
        continue;
      }
      if (!isEntry(entry)) {
        issues.push({ code: BackupErrorCode.ConfigEntry, path, message: 'not a configuration entry {schemaVersion, revision, updatedAt, value}' });
        continue;
      }
      if (Buffer.byteLength(JSON.stringify(entry)) > KVS_MAX_VALUE_BYTES) {
        issues.push({ code: BackupErrorCode.ConfigEntry, path, message: 'larger than a KVS value may be' });
        continue;
      }
      if (name === CONFIG_KEYS.calendars || name === CONFIG_KEYS.gradingTable) {
        if (entry.schemaVersion !== 1) issues.push({ code: BackupErrorCode.ConfigEntry, path: `${path}.schemaVersion`, message: 'this app reads schema version 1' });
        else if (name === CONFIG_KEYS.calendars) calendars = { value: entry.value };
        continue;
      }
      if (name.startsWith(HISTORY_PREFIX)) {
        const version = Number(name.slice(HISTORY_PREFIX.length));
        const value = entry.value;
        if (!Number.isInteger(version) || version < 1 || !isRecord(value) || !isRecord(value['table']) || typeof value['savedAt'] !== 'string') {
          issues.push({ code: BackupErrorCode.ConfigEntry, path, message: 'not a grading history entry' });
        } else history.push({ name, version, entry });
        continue;
      }
      other.push({ name, entry });
    }

    // Calendars, then the table against the calendars it will run on (the site's, if the backup has none).
    let site: Record<string, unknown>;
    if (calendars !== undefined) {
      const cals = validateCalendarSet(calendars['value']);
      if (cals.ok) site = cals.value;
      else {
        issues.push(...cals.issues.map((i) => ({ ...i, path: `config.${CONFIG_KEYS.calendars}.value.${i.path.replace(/^calendars\.?/, '')}` })));
        site = isRecord(calendars['value']) ? calendars['value'] : {};
      }
      calendars = site;
    } else site = (await this.deps.gradingStore.calendars()).siteCalendars;
    const tableEntry = config[CONFIG_KEYS.gradingTable];
    if (isEntry(tableEntry) && tableEntry.schemaVersion === 1) {
      const ids = Object.keys(GradingTableStore.allCalendars(site as never));
      const t = validateGradingTable(tableEntry.value, { calendarIds: ids });
      if (t.ok) table = t.value;
      else issues.push(...t.issues.map((i) => ({ ...i, path: `config.${CONFIG_KEYS.gradingTable}.value${i.path === '' ? '' : `.${i.path}`}` })));
    }

    const cases: BackupCase[] = [];
    const seen = new Set<number>();
    (raw['cases'] as unknown[]).forEach((c, i) => {
      const v = validateCase(c, `cases[${i}]`, issues);
      if (v === undefined) return;
      if (seen.has(v.id)) issues.push({ code: BackupErrorCode.Case, path: `cases[${i}].id`, message: `case ${v.id} appears twice` });
      seen.add(v.id);
      cases.push(v);
    });
    const external = cases.filter((c) => c.externalId !== null);
    if (issues.length === 0 && external.length > 0) {
      await ensureSchema();
      const owners = await query(`SELECT id, external_id FROM itr_case WHERE external_id IN (${external.map(() => '?').join(', ')})`, external.map((c) => c.externalId), (r) => [s(r['external_id']), n(r['id'])] as const);
      const ownerOf = new Map(owners);
      for (const c of external) {
        const owner = ownerOf.get(c.externalId as string);
        if (owner !== undefined && owner !== c.id) {
          issues.push({ code: BackupErrorCode.CaseConflict, path: `cases[${cases.indexOf(c)}].externalId`, message: `external id ${c.externalId} belongs to case ${owner} here`, params: { caseId: owner } });
        }
      }
    }
    if (issues.length > 0) return { ok: false, issues };
    return { ok: true, plan: { doc: raw as unknown as BackupDocument, table, calendars, history, other, cases } };
  }

  private async rawRevision(name: string): Promise<number> {
    const raw = await this.deps.configStore.getStored(name);
    return isEntry(raw) ? raw.revision : 0;
  }

  private async write(accountId: string, plan: Plan): Promise<BackupRestoreResult> {
    const { configStore, gradingStore } = this.deps;
    const now = this.deps.now();
    const counts = { configEntries: 0, historyEntriesAdded: 0, cases: 0, caseVersionsAdded: 0, caseLinksAdded: 0 };

    // History: add only what the site lacks.
    const existing = new Set(await configStore.list());
    for (const h of plan.history.sort((a, b) => a.version - b.version)) {
      if (existing.has(h.name)) continue;
      await configStore.set(h.name, h.entry.value, asIs(h.entry.schemaVersion), { expectedRevision: 0, updatedBy: h.entry.updatedBy ?? accountId });
      counts.historyEntriesAdded++;
    }
    for (const o of plan.other) {
      await configStore.set(o.name, o.entry.value, asIs(o.entry.schemaVersion), { updatedBy: accountId });
      counts.configEntries++;
    }
    if (plan.calendars !== undefined) {
      await gradingStore.saveCalendars(plan.calendars as never, { expectedRevision: await this.rawRevision(CONFIG_KEYS.calendars), savedBy: accountId });
      counts.configEntries++;
    }
    let publishedVersion: number | null = null;
    if (plan.table !== undefined) {
      const versions = (await configStore.list())
        .filter((nm) => nm.startsWith(HISTORY_PREFIX))
        .map((nm) => Number(nm.slice(HISTORY_PREFIX.length)))
        .filter((v) => Number.isInteger(v));
      const site = (await gradingStore.calendars()).siteCalendars;
      const published = await gradingStore.publish(plan.table, Object.keys(GradingTableStore.allCalendars(site)), {
        expectedRevision: await gradingStore.currentRevision(),
        savedBy: accountId,
        comment: `Restored from the backup of ${plan.doc.exportedAt}`,
        restoredFrom: plan.table.version,
        now,
        minVersion: Math.max(0, plan.table.version, ...versions) + 1,
      });
      publishedVersion = published.value.version;
      counts.configEntries++;
    }

    if (plan.cases.length > 0) await ensureSchema();
    for (const c of plan.cases) {
      await this.restoreCase(accountId, c, now, counts);
      counts.cases++;
    }

    const auditKey = `${AUDIT_PREFIX}${now.toISOString()}:${Math.random().toString(36).slice(2, 10)}`;
    await configStore.putRecord(auditKey, {
      action: 'restoreBackup',
      by: accountId,
      at: now.toISOString(),
      backupExportedAt: plan.doc.exportedAt,
      backupExportedBy: plan.doc.exportedBy ?? null,
      publishedVersion,
      counts,
    });
    return { publishedVersion, counts, auditKey };
  }

  /**
   * Upserts one case by id. Versions and links the site lacks are added, existing ones kept. When the
   * site's case is at the backup's revision or later with other content, the backup's content becomes
   * a new revision (so no saved revision is rewritten).
   */
  private async restoreCase(accountId: string, c: BackupCase, now: Date, counts: { caseVersionsAdded: number; caseLinksAdded: number }): Promise<void> {
    for (const v of c.versions) {
      const r = await execute('INSERT IGNORE INTO case_version (case_id, revision, snapshot, author_account_id, at) VALUES (?, ?, ?, ?, ?)', [c.id, v.revision, JSON.stringify(v.snapshot), v.authorAccountId, new Date(v.at)]);
      counts.caseVersionsAdded += r.affectedRows;
    }
    const live = await query('SELECT revision FROM itr_case WHERE id = ?', [c.id], (r) => n(r['revision']));
    let revision = c.revision;
    let updatedAt = new Date(c.updatedAt);
    if (live[0] !== undefined && live[0] >= c.revision) {
      const current = await query('SELECT snapshot FROM case_version WHERE case_id = ? AND revision = ?', [c.id, live[0]], (r) => s(r['snapshot']));
      if (current[0] === JSON.stringify(c.content)) revision = live[0];
      else {
        revision = live[0] + 1;
        updatedAt = now;
        await execute('INSERT INTO case_version (case_id, revision, snapshot, author_account_id, at) VALUES (?, ?, ?, ?, ?)', [c.id, revision, JSON.stringify(c.content), accountId, now]);
        counts.caseVersionsAdded++;
      }
    }
    const k = c.content;
    await execute(
      `INSERT INTO itr_case (id, external_id, title, symptom, product, product_version, environment, root_cause, short_term_measure, long_term_measure, author_account_id, language, tags, status, revision, helpful_count, not_relevant_count, usage_count, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE external_id = VALUES(external_id), title = VALUES(title), symptom = VALUES(symptom), product = VALUES(product),
         product_version = VALUES(product_version), environment = VALUES(environment), root_cause = VALUES(root_cause),
         short_term_measure = VALUES(short_term_measure), long_term_measure = VALUES(long_term_measure), language = VALUES(language),
         tags = VALUES(tags), status = VALUES(status), revision = VALUES(revision), helpful_count = GREATEST(helpful_count, VALUES(helpful_count)),
         not_relevant_count = GREATEST(not_relevant_count, VALUES(not_relevant_count)), usage_count = GREATEST(usage_count, VALUES(usage_count)),
         updated_at = VALUES(updated_at)`,
      [c.id, c.externalId, k.title, k.symptom, k.product, k.productVersion, k.environment, k.rootCause, k.shortTermMeasure, k.longTermMeasure, c.authorAccountId, k.language, k.tags.join(','), k.status, revision, c.helpfulCount, c.notRelevantCount, c.usageCount, new Date(c.createdAt), updatedAt],
    );
    for (const l of c.links) {
      const r = await execute('INSERT IGNORE INTO case_issue_link (case_id, issue_key, relation, at) VALUES (?, ?, ?, ?)', [c.id, l.issueKey, l.relation, new Date(l.at)]);
      counts.caseLinksAdded += r.affectedRows;
    }
    await reindexCase(c.id, caseTexts(k));
  }

  private async guarded<T>(fn: () => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof NotAuthorizedError) return fail(BackupErrorCode.NotAuthorized, 'Only Jira administrators may export or restore backups', { params: { permission: error.required } });
      if (error instanceof ConfigStoreError || error instanceof DomainError) return fail(error.code, error.message);
      throw error;
    }
  }
}
