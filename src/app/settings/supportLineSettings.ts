/**
 * The "Support lines" tab: per line, who takes an issue that enters it and who hears of it; who is
 * told when L3's time runs out; the language of the app's comments. Stored as the escalation
 * settings (KVS `config:escalation`, read by src/app/escalation on every line change).
 *
 * Jira administrators only, asked of Jira as the caller. A save is checked field by field, then, as
 * the admin, every person and group must exist; the escalation codec has the last word on the shape.
 */
import type { ResolverResult } from '../../contract/envelope';
import type { SettingsState, SupportLineSettings } from '../../contract/settings';
import { SUPPORT_LINES } from '../../domain';
import { DEFAULT_ESCALATION_SETTINGS, ESCALATION_SETTINGS_KEY, escalationSettingsCodec, type EscalationSettings, type LineRouting } from '../escalation/settings';
import { directoryIssues, displayNamesOf, groupsAt, invalidDraft, peopleAt, personAt, recordAt, settingsResult, type GroupRef, type PersonRef, type SettingsIssue } from './settingsCheck';
import { platformSettingsDeps, type SupervisionSettingsDeps } from './supervisionSettings';

export type SupportLineSettingsDeps = SupervisionSettingsDeps;

const LOCALES = ['en', 'zh-CN'] as const;

/** Everyone named in the settings (for their display names). */
function accountIdsIn(s: EscalationSettings): string[] {
  const ids = [...s.managementAccountIds, ...SUPPORT_LINES.flatMap((l) => [...(s.lines[l].assigneeAccountId === null ? [] : [s.lines[l].assigneeAccountId]), ...s.lines[l].notifyAccountIds])];
  return [...new Set(ids)];
}

/** Field checks of a draft; the people and groups to look up, and the value to store when clean. */
function checkDraft(input: unknown, issues: SettingsIssue[]): { people: PersonRef[]; groups: GroupRef[]; value: EscalationSettings } {
  const raw = recordAt(input, '', issues);
  const linesRaw = recordAt(raw['lines'], 'lines', issues);
  const people: PersonRef[] = [];
  const groups: GroupRef[] = [];
  const lines = {} as Record<(typeof SUPPORT_LINES)[number], LineRouting>;
  for (const line of SUPPORT_LINES) {
    const r = recordAt(linesRaw[line], `lines.${line}`, issues);
    const assigneeRaw = r['assigneeAccountId'];
    const assignee = assigneeRaw === null || assigneeRaw === undefined || assigneeRaw === '' ? undefined : personAt(assigneeRaw, `lines.${line}.assigneeAccountId`, issues);
    const notify = peopleAt(r['notifyAccountIds'], `lines.${line}.notifyAccountIds`, issues);
    const notifyGroups = groupsAt(r['notifyGroups'], `lines.${line}.notifyGroups`, issues);
    people.push(...(assignee === undefined ? [] : [assignee]), ...notify);
    groups.push(...notifyGroups);
    lines[line] = { assigneeAccountId: assignee?.accountId ?? null, notifyAccountIds: notify.map((p) => p.accountId), notifyGroups: notifyGroups.map((g) => g.group) };
  }
  const management = peopleAt(raw['managementAccountIds'], 'managementAccountIds', issues);
  const managementGroups = groupsAt(raw['managementGroups'], 'managementGroups', issues);
  people.push(...management);
  groups.push(...managementGroups);
  const locale = raw['locale'];
  if (!(LOCALES as readonly unknown[]).includes(locale)) issues.push({ path: 'locale', code: 'SETTINGS_LOCALE_INVALID', message: 'locale must be en or zh-CN', params: { allowed: LOCALES.join(', ') } });
  return {
    people,
    groups,
    value: { lines, managementAccountIds: management.map((p) => p.accountId), managementGroups: managementGroups.map((g) => g.group), locale: locale === 'zh-CN' ? 'zh-CN' : 'en' },
  };
}

export class SupportLineSettingsAdmin {
  constructor(private readonly deps: SupportLineSettingsDeps = platformSettingsDeps()) {}

  getSupportLineSettings(accountId: string | undefined): Promise<ResolverResult<SettingsState<SupportLineSettings>>> {
    return settingsResult(async () => {
      await this.deps.requireAdmin(accountId);
      const stored = await this.deps.store.get(ESCALATION_SETTINGS_KEY, escalationSettingsCodec);
      const settings = stored?.value ?? DEFAULT_ESCALATION_SETTINGS;
      const displayNames = await displayNamesOf(this.deps.jiraAs(), accountIdsIn(settings));
      return { success: true, data: { settings, revision: stored?.revision ?? 0, displayNames } };
    });
  }

  saveSupportLineSettings(accountId: string | undefined, input: { settings: unknown; expectedRevision: number }): Promise<ResolverResult<SettingsState<SupportLineSettings>>> {
    return settingsResult(async () => {
      await this.deps.requireAdmin(accountId);
      const issues: SettingsIssue[] = [];
      const { people, groups, value } = checkDraft(input.settings, issues);
      if (issues.length > 0) return invalidDraft(issues);
      const directory = await directoryIssues(this.deps.jiraAs(), people, groups);
      if (directory.issues.length > 0) return invalidDraft(directory.issues);
      const named = (list: string[]): string[] => list.map(directory.groupName);
      const canonical: EscalationSettings = {
        ...value,
        lines: Object.fromEntries(SUPPORT_LINES.map((l) => [l, { ...value.lines[l], notifyGroups: named(value.lines[l].notifyGroups) }])) as EscalationSettings['lines'],
        managementGroups: named(value.managementGroups),
      };
      const saved = await this.deps.store.set(ESCALATION_SETTINGS_KEY, canonical, escalationSettingsCodec, {
        expectedRevision: input.expectedRevision,
        ...(accountId !== undefined ? { updatedBy: accountId } : {}),
      });
      return { success: true, data: { settings: saved.value, revision: saved.revision, displayNames: directory.displayNames } };
    });
  }
}
