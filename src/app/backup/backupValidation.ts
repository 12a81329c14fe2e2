/**
 * Validation of a whole backup document before its first write: envelopes and names of every config
 * entry, the grading table and calendars with the domain validators (the table against the calendars
 * it will run on), the shape of every case, and that no case's external id belongs to another case
 * here. The result is the plan the restore applies step by step (src/app/backup/backup.ts).
 */
import type { ConfigCodec } from '../../adapters/kvs';
import { repositories } from '../ports';
import type {
  BackupCase,
  BackupCaseLink,
  BackupCaseVersion,
  BackupConfigEntry,
  BackupDocument,
} from '../../contract/backup';
import type { CaseContent } from '../../contract/cases';
import { validateGradingTable, type GradingTable, type ValidationIssue } from '../../domain';
import { validateContent } from '../cases/caseLibrary';
import { CONFIG_KEYS } from '../config/itrConfig';
import { validateCalendarSet } from '../grading/gradingAdmin';
import { GradingTableStore, HISTORY_PREFIX } from '../grading/gradingTableStore';
import type { BackupDeps } from './backup';
import { isRecord } from '../../domain/input';
import { isIssueKey } from '../../domain/jiraKeys';
export { isRecord };

export const BackupErrorCode = {
  NotAuthorized: 'NOT_AUTHORIZED',
  ConfirmationRequired: 'CONFIRMATION_REQUIRED',
  /** First error of a refused document; one error per problem follows, each with a path. */
  Invalid: 'BACKUP_INVALID',
  Format: 'BACKUP_FORMAT_INVALID',
  ConfigEntry: 'BACKUP_CONFIG_ENTRY_INVALID',
  Case: 'BACKUP_CASE_INVALID',
  CaseConflict: 'BACKUP_CASE_CONFLICT',
  /** Chunked restore: a chunk longer than UPLOAD_CHUNK_MAX_CHARS, or not well-formed text. */
  ChunkInvalid: 'BACKUP_CHUNK_INVALID',
  /** Chunked restore: commit before every declared chunk arrived. */
  Incomplete: 'BACKUP_INCOMPLETE',
  /** Chunked restore: the joined chunks are not the file the uploader hashed (size or SHA-256). */
  Corrupt: 'BACKUP_CORRUPT',
  /** Chunked restore: the declared file is larger than BACKUP_MAX_BYTES. */
  TooLarge: 'BACKUP_TOO_LARGE',
  /** No such restore, or not in a state that allows this call. */
  RestoreState: 'BACKUP_RESTORE_STATE',
} as const;

export const BACKUP_FORMAT = 'itr-backup';
export const BACKUP_SCHEMA_VERSION = 1;

const KVS_MAX_VALUE_BYTES = 240 * 1024;

function isIso(x: unknown): x is string {
  return typeof x === 'string' && x.length <= 40 && !Number.isNaN(Date.parse(x));
}

function isCount(x: unknown, min = 0): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= min;
}

export function isEntry(x: unknown): x is BackupConfigEntry {
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
export function asIs(schemaVersion: number): ConfigCodec<unknown> {
  return { schemaVersion, parse: (x) => x };
}

export function n(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}
export function s(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
export function sOrNull(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** The parts of a validated document the restore writes. */
export interface Plan {
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
  for (const k of [
    'title',
    'symptom',
    'product',
    'productVersion',
    'environment',
    'rootCause',
    'shortTermMeasure',
    'longTermMeasure',
    'language',
  ]) {
    if (raw[k] !== undefined && typeof raw[k] !== 'string')
      issues.push({ code: BackupErrorCode.Case, path: `${path}.${k}`, message: `${k} must be text` });
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
  if (externalId !== null && !(typeof externalId === 'string' && externalId.length >= 1 && externalId.length <= 64))
    bad('externalId', 'externalId must be null or 1–64 characters');
  const authorAccountId = raw['authorAccountId'] ?? null;
  if (authorAccountId !== null && !(typeof authorAccountId === 'string' && authorAccountId.length <= 128))
    bad('authorAccountId', 'authorAccountId must be null or an account id');
  if (!isCount(raw['revision'], 1)) bad('revision', 'revision must be a whole number ≥ 1');
  for (const k of ['helpfulCount', 'notRelevantCount', 'usageCount'])
    if (!isCount(raw[k])) bad(k, `${k} must be a whole number ≥ 0`);
  for (const k of ['createdAt', 'updatedAt']) if (!isIso(raw[k])) bad(k, `${k} must be an ISO instant`);
  const content = contentOf(raw['content'], `${path}.content`, issues);
  const links: BackupCaseLink[] = [];
  if (!Array.isArray(raw['links'])) bad('links', 'links must be a list');
  else
    raw['links'].forEach((l: unknown, i) => {
      if (
        isRecord(l) &&
        typeof l['issueKey'] === 'string' &&
        isIssueKey(l['issueKey']) &&
        (l['relation'] === 'source' || l['relation'] === 'used_on') &&
        isIso(l['at'])
      ) {
        links.push({ issueKey: l['issueKey'], relation: l['relation'], at: l['at'] });
      } else bad(`links[${i}]`, 'a link needs an issue key, a relation (source or used_on) and an ISO instant');
    });
  const versions: BackupCaseVersion[] = [];
  if (!Array.isArray(raw['versions'])) bad('versions', 'versions must be a list');
  else
    raw['versions'].forEach((v: unknown, i) => {
      const vp = `${path}.versions[${i}]`;
      if (
        !isRecord(v) ||
        !isCount(v['revision'], 1) ||
        !isIso(v['at']) ||
        !(
          v['authorAccountId'] === null ||
          v['authorAccountId'] === undefined ||
          typeof v['authorAccountId'] === 'string'
        )
      ) {
        issues.push({
          code: BackupErrorCode.Case,
          path: vp,
          message: 'a version needs a revision ≥ 1, an author (or null) and an ISO instant',
        });
        return;
      }
      const snapshot = contentOf(v['snapshot'], `${vp}.snapshot`, issues);
      if (snapshot !== undefined)
        versions.push({
          revision: v['revision'],
          snapshot,
          authorAccountId: sOrNull(v['authorAccountId']),
          at: v['at'],
        });
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

export async function validateBackup(
  raw: unknown,
  deps: Pick<BackupDeps, 'configStore' | 'gradingStore'>,
): Promise<{ ok: true; plan: Plan } | { ok: false; issues: ValidationIssue[] }> {
  const issues: ValidationIssue[] = [];
  if (!isRecord(raw) || raw['format'] !== BACKUP_FORMAT || raw['schemaVersion'] !== BACKUP_SCHEMA_VERSION) {
    return {
      ok: false,
      issues: [
        {
          code: BackupErrorCode.Format,
          path: '',
          message: `not an ${BACKUP_FORMAT} document of schema version ${BACKUP_SCHEMA_VERSION}`,
        },
      ],
    };
  }
  if (!isIso(raw['exportedAt']))
    issues.push({ code: BackupErrorCode.Format, path: 'exportedAt', message: 'exportedAt must be an ISO instant' });
  if (!isRecord(raw['config']))
    issues.push({ code: BackupErrorCode.Format, path: 'config', message: 'config must be an object of name → entry' });
  if (!Array.isArray(raw['cases']))
    issues.push({ code: BackupErrorCode.Format, path: 'cases', message: 'cases must be a list' });
  if (issues.length > 0) return { ok: false, issues };
  const config = raw['config'] as Record<string, unknown>;

  let table: GradingTable | undefined;
  let calendars: Record<string, unknown> | undefined;
  const history: Plan['history'] = [];
  const other: Plan['other'] = [];
  for (const [name, entry] of Object.entries(config)) {
    const path = `config.${name}`;
    try {
      deps.configStore.keyOf(name);
    } catch {
      issues.push({ code: BackupErrorCode.ConfigEntry, path, message: `"${name}" is not a valid configuration name` });
      continue;
    }
    if (!isEntry(entry)) {
      issues.push({
        code: BackupErrorCode.ConfigEntry,
        path,
        message: 'not a configuration entry {schemaVersion, revision, updatedAt, value}',
      });
      continue;
    }
    if (Buffer.byteLength(JSON.stringify(entry)) > KVS_MAX_VALUE_BYTES) {
      issues.push({ code: BackupErrorCode.ConfigEntry, path, message: 'larger than a KVS value may be' });
      continue;
    }
    if (name === CONFIG_KEYS.calendars || name === CONFIG_KEYS.gradingTable) {
      if (entry.schemaVersion !== 1)
        issues.push({
          code: BackupErrorCode.ConfigEntry,
          path: `${path}.schemaVersion`,
          message: 'this app reads schema version 1',
        });
      else if (name === CONFIG_KEYS.calendars) calendars = { value: entry.value };
      continue;
    }
    if (name.startsWith(HISTORY_PREFIX)) {
      const version = Number(name.slice(HISTORY_PREFIX.length));
      const value = entry.value;
      if (
        !Number.isInteger(version) ||
        version < 1 ||
        !isRecord(value) ||
        !isRecord(value['table']) ||
        typeof value['savedAt'] !== 'string'
      ) {
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
      issues.push(
        ...cals.issues.map((i) => ({
          ...i,
          path: `config.${CONFIG_KEYS.calendars}.value.${i.path.replace(/^calendars\.?/, '')}`,
        })),
      );
      site = isRecord(calendars['value']) ? calendars['value'] : {};
    }
    calendars = site;
  } else site = (await deps.gradingStore.calendars()).siteCalendars;
  const tableEntry = config[CONFIG_KEYS.gradingTable];
  if (isEntry(tableEntry) && tableEntry.schemaVersion === 1) {
    const ids = Object.keys(GradingTableStore.allCalendars(site as never));
    const t = validateGradingTable(tableEntry.value, { calendarIds: ids });
    if (t.ok) table = t.value;
    else
      issues.push(
        ...t.issues.map((i) => ({
          ...i,
          path: `config.${CONFIG_KEYS.gradingTable}.value${i.path === '' ? '' : `.${i.path}`}`,
        })),
      );
  }

  const cases: BackupCase[] = [];
  const seen = new Set<number>();
  (raw['cases'] as unknown[]).forEach((c, i) => {
    const v = validateCase(c, `cases[${i}]`, issues);
    if (v === undefined) return;
    if (seen.has(v.id))
      issues.push({ code: BackupErrorCode.Case, path: `cases[${i}].id`, message: `case ${v.id} appears twice` });
    seen.add(v.id);
    cases.push(v);
  });
  const external = cases.filter((c) => c.externalId !== null);
  if (issues.length === 0 && external.length > 0) {
    const ownerOf = await repositories().cases.idsByExternalId(external.map((c) => c.externalId as string));
    for (const c of external) {
      const owner = ownerOf.get(c.externalId as string);
      if (owner !== undefined && owner !== c.id) {
        issues.push({
          code: BackupErrorCode.CaseConflict,
          path: `cases[${cases.indexOf(c)}].externalId`,
          message: `external id ${c.externalId} belongs to case ${owner} here`,
          params: { caseId: owner },
        });
      }
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, plan: { doc: raw as unknown as BackupDocument, table, calendars, history, other, cases } };
}
