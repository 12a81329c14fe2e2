/**
 * The grading table's storage: the published table and the site's calendars where `loadItrConfig`
 * reads them (`config:gradingTable`, `config:calendars`), plus one history entry per published version
 * (`config:gradingTable:history:<version>`, each with who, when and a comment). History is append-only:
 * restoring publishes a new version equal to an old one.
 *
 * Write order of a publish, so that nothing is lost or half-written:
 *  1. read the published envelope and refuse a stale `expectedRevision` (REVISION_CONFLICT);
 *  2. write the history entry of the new version with `expectedRevision: 0` (it must not exist yet),
 *     which also stops two admins from publishing the same version number;
 *  3. write the published table with `expectedRevision`; if that is refused, delete the entry of step 2.
 * KVS has no transactions, so a crash between 2 and 3 leaves a history entry of a version that was never
 * published; listing hides entries above the published version.
 */
import {
  ConfigStore,
  ConfigStoreError,
  ConfigStoreErrorCode,
  type ConfigCodec,
  type StoredConfig,
} from '../../adapters/kvs';
import { DEFAULT_CALENDARS, DEFAULT_GRADING_TABLE, type BusinessCalendar, type GradingTable } from '../../domain';
import { recordAudit } from '../audit/auditLog';
import { CONFIG_KEYS, calendarsCodec, gradingTableCodec } from '../config/itrConfig';
import { isRecord } from '../../domain/input';

/** One history entry, as stored. */
export interface GradingHistoryEntry {
  table: GradingTable;
  savedAt: string;
  savedBy: string | null;
  comment: string;
  restoredFrom: number | null;
}

export const HISTORY_PREFIX = `${CONFIG_KEYS.gradingTable}:history:`;
/** How many versions the page lists (newest first); older ones stay stored and restorable by number. */
export const HISTORY_LIST_LIMIT = 50;
/** Comments are for people; long enough for a reason, short enough for the history list. Default cap 500. */
export const COMMENT_MAX_LENGTH = 500;

export const BUILT_IN_CALENDAR_IDS: readonly string[] = DEFAULT_CALENDARS.map((c) => c.id);

/** History entries are checked for shape only: their calendars may since have changed. */
const historyCodec: ConfigCodec<GradingHistoryEntry> = {
  schemaVersion: 1,
  parse(raw) {
    if (!isRecord(raw) || !isRecord(raw['table']) || typeof raw['savedAt'] !== 'string') {
      throw new Error('not a grading history entry');
    }
    return raw as unknown as GradingHistoryEntry;
  },
};

export interface TableSnapshot {
  table: GradingTable;
  /** 0 when the site never saved a table (the shipped defaults are in force). */
  revision: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface CalendarsSnapshot {
  siteCalendars: Record<string, BusinessCalendar>;
  revision: number;
}

export class GradingTableStore {
  constructor(private readonly store: ConfigStore = new ConfigStore()) {}

  /** Built-in calendars overlaid with the site's own: every id a table may reference. */
  static allCalendars(site: Record<string, BusinessCalendar>): Record<string, BusinessCalendar> {
    const all: Record<string, BusinessCalendar> = {};
    for (const c of DEFAULT_CALENDARS) all[c.id] = c.calendar;
    return Object.assign(all, site);
  }

  async calendars(): Promise<CalendarsSnapshot> {
    const saved = await this.store.get(CONFIG_KEYS.calendars, calendarsCodec);
    return { siteCalendars: saved?.value ?? {}, revision: saved?.revision ?? 0 };
  }

  async published(calendarIds: readonly string[]): Promise<TableSnapshot> {
    const saved = await this.store.get(CONFIG_KEYS.gradingTable, gradingTableCodec(calendarIds));
    if (saved === undefined) return { table: DEFAULT_GRADING_TABLE, revision: 0, updatedAt: null, updatedBy: null };
    return {
      table: saved.value,
      revision: saved.revision,
      updatedAt: saved.updatedAt,
      updatedBy: saved.updatedBy ?? null,
    };
  }

  /** The stored revision of the published table, without validating it (0 = never saved). */
  async currentRevision(): Promise<number> {
    const raw = await this.store.get(CONFIG_KEYS.gradingTable, { schemaVersion: 1, parse: (x: unknown) => x });
    return raw?.revision ?? 0;
  }

  async historyEntry(version: number): Promise<GradingHistoryEntry | undefined> {
    if (!Number.isInteger(version) || version < 1) return undefined;
    const saved = await this.store.get(`${HISTORY_PREFIX}${version}`, historyCodec);
    if (saved !== undefined) return saved.value;
    // The shipped defaults are version 1 of every site, stored or not.
    if (version === DEFAULT_GRADING_TABLE.version) return this.defaultsEntry();
    return undefined;
  }

  private defaultsEntry(): GradingHistoryEntry {
    return { table: DEFAULT_GRADING_TABLE, savedAt: '', savedBy: null, comment: '', restoredFrom: null };
  }

  /** Versions up to the published one, newest first (at most HISTORY_LIST_LIMIT). */
  async history(publishedVersion: number): Promise<Array<{ version: number; entry: GradingHistoryEntry }>> {
    const names = await this.store.list();
    const versions = names
      .filter((n) => n.startsWith(HISTORY_PREFIX))
      .map((n) => Number(n.slice(HISTORY_PREFIX.length)))
      .filter((v) => Number.isInteger(v) && v >= 1 && v <= publishedVersion);
    if (!versions.includes(DEFAULT_GRADING_TABLE.version) && publishedVersion >= DEFAULT_GRADING_TABLE.version) {
      versions.push(DEFAULT_GRADING_TABLE.version);
    }
    const newest = [...new Set(versions)].sort((a, b) => b - a).slice(0, HISTORY_LIST_LIMIT);
    const entries = await Promise.all(
      newest.map(async (version) => ({ version, entry: await this.historyEntry(version) })),
    );
    return entries.flatMap(({ version, entry }) => (entry === undefined ? [] : [{ version, entry }]));
  }

  /**
   * Publishes `table` (already validated against `calendarIds`) as version published + 1.
   * Throws ConfigStoreError CONFIG_REVISION_CONFLICT when someone else published first.
   */
  async publish(
    table: GradingTable,
    calendarIds: readonly string[],
    meta: {
      expectedRevision: number;
      savedBy: string;
      comment: string;
      restoredFrom: number | null;
      now: Date;
      minVersion?: number;
    },
  ): Promise<StoredConfig<GradingTable>> {
    const revision = await this.currentRevision();
    if (revision !== meta.expectedRevision) {
      throw new ConfigStoreError(
        ConfigStoreErrorCode.RevisionConflict,
        `expected revision ${meta.expectedRevision}, stored revision is ${revision}`,
        CONFIG_KEYS.gradingTable,
      );
    }
    const current = revision === 0 ? DEFAULT_GRADING_TABLE : (await this.published(calendarIds)).table;
    // `minVersion`: a restore from backup skips past history versions it added, so none is rewritten.
    const version = Math.max(current.version + 1, meta.minVersion ?? 0);
    const next: GradingTable = { ...table, version };
    const historyName = `${HISTORY_PREFIX}${version}`;
    const entry: GradingHistoryEntry = {
      table: next,
      savedAt: meta.now.toISOString(),
      savedBy: meta.savedBy,
      comment: meta.comment,
      restoredFrom: meta.restoredFrom,
    };
    await this.store.set(historyName, entry, historyCodec, { expectedRevision: 0, updatedBy: meta.savedBy });
    try {
      const saved = await this.store.set(CONFIG_KEYS.gradingTable, next, gradingTableCodec(calendarIds), {
        expectedRevision: meta.expectedRevision,
        updatedBy: meta.savedBy,
      });
      // Every publish (save, import, restore of a version, restore of a backup) passes here: one audit call.
      await recordAudit(
        {
          actorAccountId: meta.savedBy,
          action: meta.restoredFrom === null ? 'grading.publish' : 'grading.restoreVersion',
          target: `gradingTable:${version}`,
          summary: `Grading table version ${version} published${meta.restoredFrom === null ? '' : ` from version ${meta.restoredFrom}`}${meta.comment === '' ? '' : `: ${meta.comment}`}`,
          params: { version, restoredFrom: meta.restoredFrom ?? '', comment: meta.comment },
        },
        meta.now,
      );
      return saved;
    } catch (error) {
      await this.store.delete(historyName).catch(() => undefined);
      throw error;
    }
  }

  async saveCalendars(
    site: Record<string, BusinessCalendar>,
    meta: { expectedRevision: number; savedBy: string },
  ): Promise<StoredConfig<Record<string, BusinessCalendar>>> {
    const saved = await this.store.set(CONFIG_KEYS.calendars, site, calendarsCodec, {
      expectedRevision: meta.expectedRevision,
      updatedBy: meta.savedBy,
    });
    // Every settings save is audited (SECURITY.md): the calendars page and an import both pass here.
    await recordAudit({
      actorAccountId: meta.savedBy,
      action: 'settings.save',
      target: CONFIG_KEYS.calendars,
      summary: `Business calendars saved (revision ${saved.revision})`,
      params: { area: 'calendars', revision: saved.revision },
    });
    return saved;
  }
}
