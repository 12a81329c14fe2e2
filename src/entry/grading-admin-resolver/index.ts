import '../composition';
import Resolver from '@forge/resolver';
import { guardedDefinitions } from '../guard';
import { escalationAdminHandlers } from '../../app/escalation';
import { NotAuthorizedError } from '../../app/auth/authorization';
import { confirmationMissing } from '../../app/audit/confirmation';
import { GradingAdmin } from '../../app/grading/gradingAdmin';
import { Backup } from '../../app/backup/backup';
import { getRegradeProgress, startRegrade } from '../../app/regrade/regrade';
import { settingsHandlers } from '../../app/settings/settingsHandlers';
import { peopleHandlers } from '../../app/people/peopleHandlers';
import type { ResolverResult } from '../../contract/envelope';
import type { GradingDraft } from '../../contract/gradingAdmin';
import { toServerErrorCode } from '../../contract/errorCodes';

/**
 * Resolver of the `itr-grading-admin` module (manifest function `grading-admin-resolver`).
 * It only parses what the Custom UI sent and calls the use case; who the caller is comes from the
 * invocation context (never the payload), and the use case asks Jira whether they are an admin.
 */

function invalid(message: string, path: string): ResolverResult<never> {
  return { success: false, errors: [{ code: 'INVALID_PAYLOAD', message, path }] };
}

function record(payload: unknown): Record<string, unknown> {
  return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
    ? (payload as Record<string, unknown>)
    : {};
}

function accountIdOf(context: Record<string, unknown>): string | undefined {
  return typeof context['accountId'] === 'string' ? context['accountId'] : undefined;
}

function revision(p: Record<string, unknown>, key: string): number | undefined {
  const v = p[key];
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}

function draftOf(p: Record<string, unknown>): GradingDraft {
  return p['calendars'] === undefined ? { table: p['table'] } : { table: p['table'], calendars: p['calendars'] };
}

function answersOf(raw: unknown): Record<string, string> | undefined {
  const r = record(raw);
  if (raw !== r) return undefined;
  return Object.values(r).every((v) => typeof v === 'string') ? (r as Record<string, string>) : undefined;
}

/** The regrade use cases (src/app/regrade) throw; their coded errors become the envelope. */
async function wrapped<T>(run: () => Promise<T>): Promise<ResolverResult<T>> {
  try {
    return { success: true, data: await run() };
  } catch (error) {
    if (error instanceof NotAuthorizedError)
      return { success: false, errors: [{ code: error.code, message: error.message }] };
    const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
    if (typeof code === 'string' && error instanceof Error)
      return { success: false, errors: [{ code: toServerErrorCode(code), message: error.message }] };
    throw error;
  }
}

export type Handlers = Record<
  string,
  (payload: unknown, context: Record<string, unknown>) => Promise<ResolverResult<unknown>>
>;

/** Every function of the resolver, by key; `admin` is a parameter so parsing can be tested alone. */
export function handlers(admin: GradingAdmin = new GradingAdmin(), backup: Backup = new Backup()): Handlers {
  return {
    // Recalculation of open issues' due times after a calendar or budget change (src/app/escalation).
    ...escalationAdminHandlers(),
    // The settings tabs: support-line routing and supervision (src/app/settings; admin only).
    ...settingsHandlers(),
    // The pickers of those tabs (line assignees, notify lists, departments): Jira searched as the caller.
    ...peopleHandlers(),
    // "Recompute open issues" on this page: the same use cases as the triage resolver's (admin only).
    startRegrade: async (payload, context) =>
      confirmationMissing(payload, 'Recomputing rewrites the grade of every open issue') ??
      wrapped(() => startRegrade(accountIdOf(context))),
    getRegradeProgress: (payload, context) => {
      const jobId = record(payload)['jobId'];
      return wrapped(() => getRegradeProgress(accountIdOf(context), typeof jobId === 'string' ? jobId : undefined));
    },
    getGradingAdmin: (_payload, context) => admin.getGradingAdmin(accountIdOf(context)),
    listGradingVersions: () => admin.listGradingVersions(),
    exportGradingConfig: () => admin.exportGradingConfig(),
    validateGradingDraft: async (payload) => admin.validateGradingDraft(draftOf(record(payload))),
    previewGrade: async (payload) => {
      const p = record(payload);
      const answers = answersOf(p['answers']);
      if (answers === undefined) return invalid('answers must be an object of dimension id → option id', 'answers');
      const startAt = typeof p['startAt'] === 'string' ? new Date(p['startAt']) : undefined;
      if (startAt === undefined || Number.isNaN(startAt.getTime()))
        return invalid('startAt must be an ISO instant', 'startAt');
      const draft = p['draft'] === undefined ? undefined : draftOf(record(p['draft']));
      return admin.previewGrade(answers, startAt, draft);
    },
    saveGradingTable: async (payload, context) => {
      const p = record(payload);
      const expectedRevision = revision(p, 'expectedRevision');
      if (expectedRevision === undefined)
        return invalid('expectedRevision must be a whole number ≥ 0', 'expectedRevision');
      return admin.saveGradingTable(accountIdOf(context), {
        table: p['table'],
        expectedRevision,
        comment: p['comment'],
      });
    },
    restoreGradingVersion: async (payload, context) => {
      const p = record(payload);
      const expectedRevision = revision(p, 'expectedRevision');
      const version = p['version'];
      if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
        return invalid('version must be a whole number ≥ 1', 'version');
      if (expectedRevision === undefined)
        return invalid('expectedRevision must be a whole number ≥ 0', 'expectedRevision');
      return admin.restoreGradingVersion(accountIdOf(context), { version, expectedRevision, comment: p['comment'] });
    },
    importGradingConfig: async (payload, context) => {
      const p = record(payload);
      const expectedRevision = revision(p, 'expectedRevision');
      const expectedCalendarsRevision = revision(p, 'expectedCalendarsRevision');
      if (typeof p['json'] !== 'string') return invalid('json must be the exported text', 'json');
      if (expectedRevision === undefined)
        return invalid('expectedRevision must be a whole number ≥ 0', 'expectedRevision');
      if (expectedCalendarsRevision === undefined) {
        return invalid('expectedCalendarsRevision must be a whole number ≥ 0', 'expectedCalendarsRevision');
      }
      return admin.importGradingConfig(accountIdOf(context), {
        json: p['json'],
        expectedRevision,
        expectedCalendarsRevision,
        comment: p['comment'],
      });
    },
    // Backup and restore of configuration and cases (src/app/backup; admin only, restore needs confirm: true).
    exportBackup: (_payload, context) => backup.exportBackup(accountIdOf(context)),
    restoreBackup: async (payload, context) => {
      const p = record(payload);
      return backup.restoreBackup(accountIdOf(context), { document: p['document'], confirm: p['confirm'] });
    },
    saveCalendars: async (payload, context) => {
      const p = record(payload);
      const expectedRevision = revision(p, 'expectedRevision');
      if (expectedRevision === undefined)
        return invalid('expectedRevision must be a whole number ≥ 0', 'expectedRevision');
      return admin.saveCalendars(accountIdOf(context), { calendars: p['calendars'], expectedRevision });
    },
  };
}

const resolver = new Resolver();
for (const [key, fn] of Object.entries(handlers())) {
  resolver.define(key, ({ payload, context }) => fn(payload, context as Record<string, unknown>));
}

export const handler = guardedDefinitions(resolver);
