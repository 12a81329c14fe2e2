import '../composition';
import Resolver from '@forge/resolver';
import { guardedDefinitions } from '../guard';
import { getRecalculation, platformDeps as escalationDeps, startRecalculation } from '../../app/escalation';
import { requireConfirmation } from '../../app/audit/confirmation';
import { GradingAdmin } from '../../app/grading/gradingAdmin';
import { Backup } from '../../app/backup/backup';
import { SupervisionSettingsAdmin } from '../../app/settings/supervisionSettings';
import { SupportLineSettingsAdmin } from '../../app/settings/supportLineSettings';
import { ClockSettingsAdmin } from '../../app/settings/clockSettingsAdmin';
import { LineTargetsAdmin } from '../../app/settings/lineTargets';
import type { LineTargetFunctions } from '../../contract/caseHabit';
import type { BackupFunctions } from '../../contract/backup';
import type { ClockSettingsFunctions } from '../../contract/clockSettings';
import type { EscalationAdminFunctions } from '../../contract/escalation';
import type { GradingAdminFunctions, GradingDraft } from '../../contract/gradingAdmin';
import type { SettingsFunctions } from '../../contract/settings';
import type { ClosureAdminFunctions } from '../../contract/closure';
import type { DecisionAdminFunctions } from '../../contract/decisions';
import { getDecisionSettings, saveDecisionSettings } from '../../app/decisions/settings';
import { isRecord } from '../../domain/input';
import { answering, defineAll, type AnsweringFunction, type Implementing } from '../envelope';
import {
  callerOf,
  fieldsOf,
  invalidPayload,
  isoInstant,
  optionalJobId,
  optionalText,
  text,
  wholeNumber,
} from '../payload';
import { closureAdminFunctions } from '../closureAdminFunctions';
import { peopleFunctions } from '../peopleResolver';
import { regradeFunctions } from '../regradeFunctions';
import { customerFunctions } from '../customerFunctions';
import { caseGlossaryFunctions } from '../caseGlossaryFunctions';

/**
 * Resolver of the `itr-grading-admin` module (manifest function `grading-admin-resolver`).
 * It only parses what the Custom UI sent and calls the use case; who the caller is comes from the
 * invocation context (never the payload), and the use case asks Jira whether they are an admin.
 */

const revision = (payload: unknown, name = 'expectedRevision'): number => wholeNumber(payload, name, { min: 0 });

function draftOf(p: Record<string, unknown>): GradingDraft {
  return p['calendars'] === undefined ? { table: p['table'] } : { table: p['table'], calendars: p['calendars'] };
}

/** The grading answers: dimension id → option id, all text (which options exist is the table's to say). */
function answersOf(payload: unknown): Record<string, string> {
  const raw = fieldsOf(payload)['answers'];
  if (isRecord(raw) && Object.values(raw).every((v) => typeof v === 'string')) return raw as Record<string, string>;
  return invalidPayload('answers', 'answers must be an object of dimension id → option id');
}

/** `{settings, expectedRevision}` of a settings tab's save. */
const saveInput = (payload: unknown): { settings: unknown; expectedRevision: number } => {
  const expectedRevision = revision(payload);
  return { settings: fieldsOf(payload)['settings'], expectedRevision };
};

type PageFunctions = GradingAdminFunctions &
  Pick<BackupFunctions, 'exportBackup' | 'restoreBackup'> &
  SettingsFunctions &
  ClockSettingsFunctions &
  LineTargetFunctions &
  EscalationAdminFunctions &
  ClosureAdminFunctions &
  DecisionAdminFunctions;

function functions(
  admin: GradingAdmin,
  backup: Backup,
  supervision = new SupervisionSettingsAdmin(),
  supportLines = new SupportLineSettingsAdmin(),
  clocks = new ClockSettingsAdmin(),
  lineTargets = new LineTargetsAdmin(),
): Implementing<PageFunctions> &
  ReturnType<typeof regradeFunctions> &
  ReturnType<typeof peopleFunctions> &
  ReturnType<typeof customerFunctions> &
  ReturnType<typeof caseGlossaryFunctions> {
  return {
    // Recalculation of open issues' due times after a calendar or budget change (src/app/escalation).
    startEscalationRecalculation: (payload, context) => {
      requireConfirmation(payload, 'Recalculating rewrites the due times of every open issue');
      return startRecalculation(callerOf(context), escalationDeps());
    },
    getEscalationRecalculation: (payload) => getRecalculation(optionalJobId(payload), escalationDeps()),
    // The settings subpages: support-line routing, supervision and the clocks (src/app/settings; admin only).
    getSupervisionSettings: (_payload, context) => supervision.getSupervisionSettings(callerOf(context)),
    saveSupervisionSettings: (payload, context) =>
      supervision.saveSupervisionSettings(callerOf(context), saveInput(payload)),
    // The target pickers of the Supervision subpage (issue 17): projects by name, then the project's issue types.
    searchTargetProjects: (payload, context) =>
      supervision.searchTargetProjects(callerOf(context), {
        query: (optionalText(payload, 'query') ?? '').slice(0, 200),
        startAt:
          fieldsOf(payload)['startAt'] === undefined ? 0 : wholeNumber(payload, 'startAt', { min: 0, max: 1_000_000 }),
      }),
    getTargetIssueTypes: (payload, context) =>
      supervision.getTargetIssueTypes(callerOf(context), text(payload, 'projectKey')),
    getSupportLineSettings: (_payload, context) => supportLines.getSupportLineSettings(callerOf(context)),
    saveSupportLineSettings: (payload, context) =>
      supportLines.saveSupportLineSettings(callerOf(context), saveInput(payload)),
    getClockSettings: (_payload, context) => clocks.getClockSettings(callerOf(context)),
    saveClockSettings: (payload, context) => clocks.saveClockSettings(callerOf(context), saveInput(payload)),
    // Each line's target share of resolution (src/app/settings/lineTargets.ts), on the support-lines subpage.
    getLineTargets: (_payload, context) => lineTargets.getLineTargets(callerOf(context)),
    saveLineTargets: (payload, context) =>
      lineTargets.saveLineTargets(callerOf(context), {
        settings: fieldsOf(payload)['targets'],
        expectedRevision: revision(payload),
      }),
    // Decisions (issue 17, src/app/decisions): the iron triangle's rule and groups, cost approvers.
    getDecisionSettings: (_payload, context) => getDecisionSettings(callerOf(context)),
    saveDecisionSettings: (payload, context) => {
      const { settings, expectedRevision } = saveInput(payload);
      return saveDecisionSettings(settings, expectedRevision, callerOf(context));
    },
    // The closing settings: return-visit sampling, supervisor groups, fallback closers (src/app/returnVisits).
    ...closureAdminFunctions(),
    // The pickers of those subpages (line assignees, notify lists, departments, fallback closers,
    // supervisor groups): Jira searched as the caller.
    ...peopleFunctions(),
    // "Recompute open issues" on this page: the same functions as the triage resolver's (admin only).
    ...regradeFunctions(),
    // The Customers subpage: CSV import in chunks, the list, erasure (src/app/customers; admin only).
    ...customerFunctions(),
    // The case library subpage: the product glossary of cross-language search (src/app/cases/caseGlossary.ts; admin only).
    ...caseGlossaryFunctions(),
    getGradingAdmin: (_payload, context) => admin.getGradingAdmin(callerOf(context)),
    listGradingVersions: () => admin.listGradingVersions(),
    exportGradingConfig: () => admin.exportGradingConfig(),
    validateGradingDraft: (payload) => admin.validateGradingDraft(draftOf(fieldsOf(payload))),
    previewGrade: (payload) => {
      const answers = answersOf(payload);
      const startAt = isoInstant(payload, 'startAt');
      const draft = fieldsOf(payload)['draft'];
      return admin.previewGrade(answers, startAt, draft === undefined ? undefined : draftOf(fieldsOf(draft)));
    },
    saveGradingTable: (payload, context) => {
      const p = fieldsOf(payload);
      return admin.saveGradingTable(callerOf(context), {
        table: p['table'],
        expectedRevision: revision(payload),
        comment: p['comment'],
      });
    },
    restoreGradingVersion: (payload, context) => {
      const version = wholeNumber(payload, 'version', { min: 1 });
      const expectedRevision = revision(payload);
      return admin.restoreGradingVersion(callerOf(context), {
        version,
        expectedRevision,
        comment: fieldsOf(payload)['comment'],
      });
    },
    importGradingConfig: (payload, context) => {
      const json = text(payload, 'json');
      const expectedRevision = revision(payload);
      const expectedCalendarsRevision = revision(payload, 'expectedCalendarsRevision');
      return admin.importGradingConfig(callerOf(context), {
        json,
        expectedRevision,
        expectedCalendarsRevision,
        comment: fieldsOf(payload)['comment'],
      });
    },
    // Backup and restore of configuration and cases (src/app/backup; admin only, restore needs confirm: true).
    exportBackup: (_payload, context) => backup.exportBackup(callerOf(context)),
    restoreBackup: (payload, context) => {
      const p = fieldsOf(payload);
      return backup.restoreBackup(callerOf(context), { document: p['document'], confirm: p['confirm'] });
    },
    saveCalendars: (payload, context) => {
      const expectedRevision = revision(payload);
      return admin.saveCalendars(callerOf(context), { calendars: fieldsOf(payload)['calendars'], expectedRevision });
    },
  };
}

/** Every function of the resolver, by key, answering the envelope; `admin` and `backup` are parameters so parsing can be tested alone. */
export function handlers(
  admin: GradingAdmin = new GradingAdmin(),
  backup: Backup = new Backup(),
): Record<string, AnsweringFunction> {
  return answering(functions(admin, backup));
}

export const handler = guardedDefinitions(defineAll(new Resolver(), functions(new GradingAdmin(), new Backup())));
