/**
 * Use cases of the grading-table admin page. Anyone who can open the page may view, preview, validate
 * and export; every change first asks Jira whether the caller is an administrator (requireJiraAdmin),
 * whatever the page claims. Refusals are ItrErrors with stable codes (see src/contract/gradingAdmin.ts).
 */
import type {
  CalendarSet,
  GradePreview,
  GradingAdminState,
  GradingDraft,
  GradingExport,
  GradingVersionSummary,
  PreviewLine,
} from '../../contract/gradingAdmin';
import {
  addWorkingTime,
  CalendarWork,
  gradeIssue,
  lineBudgets,
  lineDeadlines,
  validateCalendar,
  validateGradingTable,
  type BusinessCalendar,
  type GradingAnswers,
  type GradingTable,
  type ValidationIssue,
} from '../../domain';
import { NotAuthorizedError, requireJiraAdmin } from '../auth/authorization';
import { ItrError, onRevisionConflict } from '../itrError';
import { BUILT_IN_CALENDAR_IDS, COMMENT_MAX_LENGTH, GradingTableStore } from './gradingTableStore';
import { isRecord } from '../../domain/input';
import { jiraAsApp } from '../../adapters/jira';
import { namesOf } from '../people/displayNames';

export const GradingAdminErrorCode = {
  /** First error of a validation failure; the following errors carry each problem's path. */
  DraftInvalid: 'GRADING_DRAFT_INVALID',
  /** Someone else saved since the page loaded; reload (the draft stays in the page). */
  RevisionConflict: 'GRADING_REVISION_CONFLICT',
  VersionNotFound: 'GRADING_VERSION_NOT_FOUND',
  ImportBadJson: 'GRADING_IMPORT_BAD_JSON',
  ImportBadShape: 'GRADING_IMPORT_BAD_SHAPE',
  /** Saving the calendars would remove one the published table runs on. */
  CalendarInUse: 'GRADING_CALENDAR_IN_USE',
  PreviewFailed: 'GRADING_PREVIEW_FAILED',
  NotAuthorized: 'NOT_AUTHORIZED',
} as const;

export interface GradingAdminDeps {
  store: GradingTableStore;
  /** Throws NotAuthorizedError unless `accountId` is a Jira administrator. */
  requireAdmin(accountId: string | undefined): Promise<void>;
  now(): Date;
  /** Display names of the admins who saved versions (people/displayNames), so the history names people, not ids. */
  names(accountIds: readonly string[]): Promise<ReadonlyMap<string, string | null>>;
}

export function platformGradingAdminDeps(): GradingAdminDeps {
  return {
    store: new GradingTableStore(),
    requireAdmin: (id) => requireJiraAdmin(id),
    now: () => new Date(),
    names: (ids) => namesOf(jiraAsApp(), ids),
  };
}

/**
 * Calendar steps one preview may take over its five deadlines (CalendarWork: a day generated or a run
 * of weeks skipped). Range 1,000–20,000; default 5,000. The longest budget (MAX_SLA_MINUTES) takes
 * under 100 steps on each built-in calendar and about 1,500 on a working-day calendar with a day off
 * every week; a step costs about 0.6 ms at load average 18 on this 2-core machine, so 5,000 answer in
 * about 3 s, well within the resolver's 25 s. A calendar with one working minute a week would need
 * 160,000 steps (two minutes): the preview answers CALENDAR_WORK_LIMIT instead.
 */
export const PREVIEW_MAX_CALENDAR_STEPS = 5_000;

/** The refusal of an invalid draft, to throw: GRADING_DRAFT_INVALID with the count, then every problem. */
function invalid(issues: readonly ValidationIssue[]): ItrError {
  return ItrError.invalid(GradingAdminErrorCode.DraftInvalid, `The draft has ${issues.length} problem(s)`, issues);
}

/** Saves the table or calendars; someone else's save since the page loaded is GRADING_REVISION_CONFLICT (the page offers a reload). */
function saving<T>(save: () => Promise<T>): Promise<T> {
  return onRevisionConflict(GradingAdminErrorCode.RevisionConflict, save);
}

/** Calendar ids are KVS-safe names the table refers to; 1–64 of letters, digits, `.`, `_`, `-`. */
const CALENDAR_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Validates the site's calendars; issue paths are `calendars.<id>.<path in the calendar>`. */
export function validateCalendarSet(
  input: unknown,
): { ok: true; value: CalendarSet } | { ok: false; issues: ValidationIssue[] } {
  if (!isRecord(input)) {
    return {
      ok: false,
      issues: [
        { code: 'INPUT_NOT_AN_OBJECT', path: 'calendars', message: 'calendars must be an object of id → calendar' },
      ],
    };
  }
  const issues: ValidationIssue[] = [];
  const value: CalendarSet = {};
  for (const [id, raw] of Object.entries(input)) {
    if (!CALENDAR_ID.test(id)) {
      issues.push({
        code: 'GRADING_CALENDAR_ID_INVALID',
        path: `calendars.${id}`,
        message: `"${id}" is not a valid calendar id`,
        params: { id },
      });
      continue;
    }
    const checked = validateCalendar(raw);
    if (checked.ok) value[id] = checked.value;
    else
      issues.push(
        ...checked.issues.map((i) => ({ ...i, path: i.path === '' ? `calendars.${id}` : `calendars.${id}.${i.path}` })),
      );
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}

/** Validates a draft table (and optional site calendars) together; the table is checked against the calendars it may use. */
function validateDraft(
  draft: GradingDraft,
  savedSite: CalendarSet,
): { ok: true; table: GradingTable; site: CalendarSet } | { ok: false; issues: ValidationIssue[] } {
  let site = savedSite;
  const issues: ValidationIssue[] = [];
  if (draft.calendars !== undefined) {
    const cals = validateCalendarSet(draft.calendars);
    if (cals.ok) site = cals.value;
    else issues.push(...cals.issues);
    // A calendar with problems still counts as existing, so the table is not blamed for it too.
    if (!cals.ok && isRecord(draft.calendars)) site = { ...(draft.calendars as CalendarSet) };
  }
  const ids = Object.keys(GradingTableStore.allCalendars(site));
  // The server numbers versions; a draft without one (or with a stale one) is still a valid draft.
  const tableInput = isRecord(draft.table) ? { ...draft.table, version: 1 } : draft.table;
  const checked = validateGradingTable(tableInput, { calendarIds: ids });
  if (!checked.ok) issues.push(...checked.issues);
  if (issues.length > 0 || !checked.ok) return { ok: false, issues };
  return { ok: true, table: checked.value, site };
}

function comment(raw: unknown): string {
  return typeof raw === 'string' ? raw.trim().slice(0, COMMENT_MAX_LENGTH) : '';
}

export class GradingAdmin {
  constructor(private readonly deps: GradingAdminDeps = platformGradingAdminDeps()) {}

  private async isAdmin(accountId: string | undefined): Promise<boolean> {
    try {
      await this.deps.requireAdmin(accountId);
      return true;
    } catch (error) {
      if (error instanceof NotAuthorizedError) return false;
      throw error;
    }
  }

  private async loadState(accountId: string | undefined): Promise<GradingAdminState> {
    const { store } = this.deps;
    const cals = await store.calendars();
    const calendars = GradingTableStore.allCalendars(cals.siteCalendars);
    const [published, canEdit] = await Promise.all([store.published(Object.keys(calendars)), this.isAdmin(accountId)]);
    const versions = await this.versions(published.table.version);
    return {
      table: published.table,
      calendars,
      builtInCalendarIds: [...BUILT_IN_CALENDAR_IDS],
      siteCalendars: cals.siteCalendars,
      tableRevision: published.revision,
      calendarsRevision: cals.revision,
      versions,
      canEdit,
    };
  }

  private async versions(publishedVersion: number): Promise<GradingVersionSummary[]> {
    const history = await this.deps.store.history(publishedVersion);
    const savers = history.flatMap(({ entry }) => (entry.savedBy === null ? [] : [entry.savedBy]));
    const names = await this.deps.names(savers);
    return history.map(({ version, entry }) => ({
      version,
      savedAt: entry.savedAt === '' ? null : entry.savedAt,
      savedBy: entry.savedBy,
      savedByName: entry.savedBy === null ? null : (names.get(entry.savedBy) ?? null),
      comment: entry.comment,
      restoredFrom: entry.restoredFrom,
      current: version === publishedVersion,
    }));
  }

  getGradingAdmin(accountId: string | undefined): Promise<GradingAdminState> {
    return this.loadState(accountId);
  }

  async listGradingVersions(): Promise<{ versions: GradingVersionSummary[] }> {
    const cals = await this.deps.store.calendars();
    const published = await this.deps.store.published(Object.keys(GradingTableStore.allCalendars(cals.siteCalendars)));
    return { versions: await this.versions(published.table.version) };
  }

  async validateGradingDraft(draft: GradingDraft): Promise<{ issues: ValidationIssue[] }> {
    const cals = await this.deps.store.calendars();
    const checked = validateDraft(draft, cals.siteCalendars);
    return { issues: checked.ok ? [] : checked.issues };
  }

  /**
   * Grades the answers with the draft (or the published table) and lays out the deadlines from `startAt`:
   * response and resolution on the grade's calendar, and each line's budget on its own calendar, L2 and L3
   * starting when the previous line's time runs out (the latest each line can be reached by time alone).
   * Budgets are capped by validation (MAX_SLA_MINUTES) and all five walks share one CalendarWork
   * bound, so the answer comes well within the resolver's 25 s however sparse the draft's calendar.
   */
  async previewGrade(answers: GradingAnswers, startAt: Date, draft: GradingDraft | undefined): Promise<GradePreview> {
    const cals = await this.deps.store.calendars();
    let table: GradingTable;
    let site = cals.siteCalendars;
    if (draft === undefined) {
      table = (await this.deps.store.published(Object.keys(GradingTableStore.allCalendars(site)))).table;
    } else {
      const checked = validateDraft(draft, site);
      if (!checked.ok) throw invalid(checked.issues);
      table = checked.table;
      site = checked.site;
    }
    const calendars = GradingTableStore.allCalendars(site);
    const outcome = gradeIssue(table, answers);
    if (!outcome.ok) throw invalid(outcome.issues);
    const sla = table.sla[outcome.grade];
    const gradeCalendar = sla === undefined ? undefined : calendars[sla.calendarId];
    if (sla === undefined || gradeCalendar === undefined) {
      throw new ItrError(GradingAdminErrorCode.PreviewFailed, `Grade ${outcome.grade} has no usable SLA`);
    }
    const work = new CalendarWork(PREVIEW_MAX_CALENDAR_STEPS);
    const lines: PreviewLine[] = [];
    let lineStart: Date | null = startAt;
    for (const budget of lineBudgets(table, outcome.grade)) {
      const calendar: BusinessCalendar | undefined = calendars[budget.calendarId];
      if (calendar === undefined)
        throw new ItrError(GradingAdminErrorCode.PreviewFailed, `Calendar ${budget.calendarId} is not configured`);
      const d: { dueAt: Date | null; warnAt: Date | null } =
        lineStart === null
          ? { dueAt: null, warnAt: null }
          : lineDeadlines({
              calendar,
              enteredAt: lineStart,
              budgetMinutes: budget.minutes,
              warningFraction: budget.warningFraction,
              work,
            });
      lines.push({
        line: budget.line,
        minutes: budget.minutes,
        calendarId: budget.calendarId,
        warningFraction: budget.warningFraction,
        startAt: (lineStart ?? startAt).toISOString(),
        warnAt: d.warnAt?.toISOString() ?? null,
        dueAt: d.dueAt?.toISOString() ?? null,
      });
      lineStart = d.dueAt;
    }
    return {
      grade: outcome.grade,
      score: outcome.score,
      tableVersion: outcome.tableVersion,
      explanation: outcome.explanation,
      calendarId: sla.calendarId,
      responseDueAt: addWorkingTime(gradeCalendar, startAt, sla.responseMinutes, work).toISOString(),
      resolutionDueAt: addWorkingTime(gradeCalendar, startAt, sla.resolutionMinutes, work).toISOString(),
      lines,
    };
  }

  async saveGradingTable(
    accountId: string | undefined,
    payload: { table: unknown; expectedRevision: number; comment?: unknown },
  ): Promise<GradingAdminState> {
    await this.deps.requireAdmin(accountId);
    const cals = await this.deps.store.calendars();
    const checked = validateDraft({ table: payload.table }, cals.siteCalendars);
    if (!checked.ok) throw invalid(checked.issues);
    await saving(() =>
      this.deps.store.publish(checked.table, Object.keys(GradingTableStore.allCalendars(cals.siteCalendars)), {
        expectedRevision: payload.expectedRevision,
        savedBy: accountId ?? '',
        comment: comment(payload.comment),
        restoredFrom: null,
        now: this.deps.now(),
      }),
    );
    return this.loadState(accountId);
  }

  async restoreGradingVersion(
    accountId: string | undefined,
    payload: { version: number; expectedRevision: number; comment?: unknown },
  ): Promise<GradingAdminState> {
    await this.deps.requireAdmin(accountId);
    const entry = await this.deps.store.historyEntry(payload.version);
    if (entry === undefined) {
      throw new ItrError(GradingAdminErrorCode.VersionNotFound, `Version ${payload.version} is not in the history`, {
        params: { version: payload.version },
      });
    }
    const cals = await this.deps.store.calendars();
    // The old table may name a calendar the site has since removed: then it cannot be restored as is.
    const checked = validateDraft({ table: entry.table }, cals.siteCalendars);
    if (!checked.ok) throw invalid(checked.issues);
    const text = comment(payload.comment);
    await saving(() =>
      this.deps.store.publish(checked.table, Object.keys(GradingTableStore.allCalendars(cals.siteCalendars)), {
        expectedRevision: payload.expectedRevision,
        savedBy: accountId ?? '',
        comment: text,
        restoredFrom: payload.version,
        now: this.deps.now(),
      }),
    );
    return this.loadState(accountId);
  }

  async exportGradingConfig(): Promise<GradingExport> {
    const cals = await this.deps.store.calendars();
    const published = await this.deps.store.published(Object.keys(GradingTableStore.allCalendars(cals.siteCalendars)));
    return {
      format: 'itr-grading-config',
      formatVersion: 1,
      exportedAt: this.deps.now().toISOString(),
      table: published.table,
      calendars: cals.siteCalendars,
    };
  }

  /**
   * Imports an export (or `{table, calendars?}`): both are validated together before anything is written;
   * then the calendars (when given) and the table as a new version. Both writes check their revision.
   */
  async importGradingConfig(
    accountId: string | undefined,
    payload: { json: string; expectedRevision: number; expectedCalendarsRevision: number; comment?: unknown },
  ): Promise<GradingAdminState> {
    await this.deps.requireAdmin(accountId);
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload.json);
    } catch (error) {
      throw new ItrError(
        GradingAdminErrorCode.ImportBadJson,
        `Not JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (!isRecord(parsed) || !isRecord(parsed['table'])) {
      throw new ItrError(
        GradingAdminErrorCode.ImportBadShape,
        'Expected an object with a "table" (and optionally "calendars")',
      );
    }
    const draft: GradingDraft =
      parsed['calendars'] === undefined
        ? { table: parsed['table'] }
        : { table: parsed['table'], calendars: parsed['calendars'] };
    const cals = await this.deps.store.calendars();
    if (cals.revision !== payload.expectedCalendarsRevision) {
      throw new ItrError(
        GradingAdminErrorCode.RevisionConflict,
        `Someone else saved first (calendars: expected revision ${payload.expectedCalendarsRevision}, stored ${cals.revision}); reload to see their change`,
      );
    }
    const checked = validateDraft(draft, cals.siteCalendars);
    if (!checked.ok) throw invalid(checked.issues);
    if (draft.calendars !== undefined) {
      await saving(() =>
        this.deps.store.saveCalendars(checked.site, {
          expectedRevision: payload.expectedCalendarsRevision,
          savedBy: accountId ?? '',
        }),
      );
    }
    const text = comment(payload.comment);
    await saving(() =>
      this.deps.store.publish(checked.table, Object.keys(GradingTableStore.allCalendars(checked.site)), {
        expectedRevision: payload.expectedRevision,
        savedBy: accountId ?? '',
        comment: text === '' ? 'Imported' : text,
        restoredFrom: null,
        now: this.deps.now(),
      }),
    );
    return this.loadState(accountId);
  }

  async saveCalendars(
    accountId: string | undefined,
    payload: { calendars: unknown; expectedRevision: number },
  ): Promise<GradingAdminState> {
    await this.deps.requireAdmin(accountId);
    const checked = validateCalendarSet(payload.calendars);
    if (!checked.ok) throw invalid(checked.issues);
    const current = await this.deps.store.calendars();
    const published = await this.deps.store.published(
      Object.keys(GradingTableStore.allCalendars(current.siteCalendars)),
    );
    const remaining = new Set(Object.keys(GradingTableStore.allCalendars(checked.value)));
    const inUse = new Set<string>();
    for (const sla of Object.values(published.table.sla)) {
      inUse.add(sla.calendarId);
      for (const share of Object.values(sla.ola.lines)) if (share.calendarId !== undefined) inUse.add(share.calendarId);
    }
    const missing = [...inUse].filter((id) => !remaining.has(id));
    if (missing.length > 0) {
      throw ItrError.of(
        missing.map((id) => ({
          code: GradingAdminErrorCode.CalendarInUse,
          message: `The published grading table runs on calendar "${id}"`,
          path: `calendars.${id}`,
          params: { calendarId: id },
        })),
      );
    }
    await saving(() =>
      this.deps.store.saveCalendars(checked.value, {
        expectedRevision: payload.expectedRevision,
        savedBy: accountId ?? '',
      }),
    );
    return this.loadState(accountId);
  }
}
