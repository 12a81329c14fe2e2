/**
 * The "Support lines" tab: per line, who takes an issue that enters it and who hears of it; who is
 * told when L3's time runs out; the language of the app's comments. Stored as the escalation
 * settings (KVS `config:escalation`, read by src/app/escalation on every line change).
 *
 * Jira administrators only, asked of Jira as the caller. A save is checked field by field, then, as
 * the admin, every person and group must exist and a line's status must be one of the ITR workflow's;
 * the escalation codec has the last word on the shape.
 */
import type { JiraClient } from '../../adapters/jira';
import type { SupportLineSettingsState } from '../../contract/settings';
import { LINE_ASSIGNMENT_MODES, SUPPORT_LINES, type LineAssignment } from '../../domain';
import { ITR_WORKFLOW_NAME } from '../setup/plan';
import {
  DEFAULT_ESCALATION_SETTINGS,
  ESCALATION_SETTINGS_KEY,
  escalationSettingsCodec,
  type EscalationSettings,
  type LineRouting,
} from '../escalation/settings';
import {
  directoryIssues,
  displayNamesOf,
  groupAt,
  groupsAt,
  invalidDraft,
  peopleAt,
  personAt,
  recordAt,
  auditSettingsSave,
  savingSettings,
  type GroupRef,
  type PersonRef,
  type SettingsIssue,
} from './settingsCheck';
import { platformSettingsDeps, type SupervisionSettingsDeps } from './supervisionSettings';

export type SupportLineSettingsDeps = SupervisionSettingsDeps;

const LOCALES = ['en', 'zh-CN'] as const;

/** Everyone named in the settings (for their display names). */
function accountIdsIn(s: EscalationSettings): string[] {
  const assigned = (a: LineAssignment): string[] => (a.mode === 'person' ? [a.accountId] : []);
  const ids = [
    ...s.managementAccountIds,
    ...SUPPORT_LINES.flatMap((l) => [...assigned(s.lines[l].assignment), ...s.lines[l].notifyAccountIds]),
  ];
  return [...new Set(ids)];
}

/** A line's status, to check against the ITR workflow's. */
interface StatusRef {
  path: string;
  name: string;
}

/** Jira's status names are at most 255 characters (`StatusCreate.name`). */
const STATUS_NAME_MAX = 255;

const UNASSIGNED: LineAssignment = { mode: 'unassigned', notifyGroup: null };

/** A line's assignment: a person, a group taking turns, or unassigned (optionally telling a group). */
function assignmentAt(
  value: unknown,
  path: string,
  issues: SettingsIssue[],
): { value: LineAssignment; people: PersonRef[]; groups: GroupRef[] } {
  const r = recordAt(value, path, issues);
  switch (r['mode']) {
    case 'person': {
      const ref = personAt(r['accountId'], `${path}.accountId`, issues);
      return {
        value: ref === undefined ? UNASSIGNED : { mode: 'person', accountId: ref.accountId },
        people: ref === undefined ? [] : [ref],
        groups: [],
      };
    }
    case 'group': {
      const ref = groupAt(r['group'], `${path}.group`, issues);
      return {
        value: ref === undefined ? UNASSIGNED : { mode: 'group', group: ref.group },
        people: [],
        groups: ref === undefined ? [] : [ref],
      };
    }
    case 'unassigned': {
      const g = r['notifyGroup'];
      const ref = g === null || g === undefined || g === '' ? undefined : groupAt(g, `${path}.notifyGroup`, issues);
      return {
        value: { mode: 'unassigned', notifyGroup: ref?.group ?? null },
        people: [],
        groups: ref === undefined ? [] : [ref],
      };
    }
    default:
      if (value !== undefined && typeof value === 'object' && value !== null) {
        issues.push({
          path: `${path}.mode`,
          code: 'SETTINGS_ASSIGNMENT_MODE_INVALID',
          message: `${path}.mode must be ${LINE_ASSIGNMENT_MODES.join(', ')}`,
          params: { allowed: LINE_ASSIGNMENT_MODES.join(', ') },
        });
      }
      return { value: UNASSIGNED, people: [], groups: [] };
  }
}

/** A line's status name, or null (the status stays). */
function statusAt(value: unknown, path: string, issues: SettingsIssue[]): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' && value.trim() !== '' && value.length <= STATUS_NAME_MAX) return value.trim();
  issues.push({
    path,
    code: 'SETTINGS_STATUS_NAME_INVALID',
    message: `${path} must be a status name or empty`,
    params: { max: STATUS_NAME_MAX },
  });
  return null;
}

/**
 * The statuses of the app's ITR workflow (`POST /rest/api/3/workflows`, as the admin), in the
 * workflow's order; empty when setup has not created it. A line can move an issue only to these.
 */
export async function itrWorkflowStatusNames(jira: JiraClient): Promise<string[]> {
  const { workflows, statuses } = await jira.readWorkflowDocuments([ITR_WORKFLOW_NAME]);
  const wf = workflows.find((w) => w['name'] === ITR_WORKFLOW_NAME);
  if (wf === undefined) return [];
  const nameOf = new Map(
    statuses.flatMap((s) =>
      typeof s['statusReference'] === 'string' && typeof s['name'] === 'string'
        ? [[s['statusReference'], s['name']] as const]
        : [],
    ),
  );
  const refs = Array.isArray(wf['statuses']) ? wf['statuses'] : [];
  const names = refs.flatMap((r: unknown) => {
    const ref = typeof r === 'object' && r !== null ? (r as Record<string, unknown>)['statusReference'] : undefined;
    const name = typeof ref === 'string' ? nameOf.get(ref) : undefined;
    return name === undefined ? [] : [name];
  });
  return [...new Set(names)];
}

/** Field checks of a draft; the people and groups to look up, and the value to store when clean. */
function checkDraft(
  input: unknown,
  issues: SettingsIssue[],
): {
  people: PersonRef[];
  groups: GroupRef[];
  statuses: StatusRef[];
  assignees: PersonRef[];
  value: EscalationSettings;
} {
  const raw = recordAt(input, '', issues);
  const linesRaw = recordAt(raw['lines'], 'lines', issues);
  const people: PersonRef[] = [];
  const groups: GroupRef[] = [];
  const statuses: StatusRef[] = [];
  const lines = {} as Record<(typeof SUPPORT_LINES)[number], LineRouting>;
  for (const line of SUPPORT_LINES) {
    const r = recordAt(linesRaw[line], `lines.${line}`, issues);
    const assignment = assignmentAt(r['assignment'], `lines.${line}.assignment`, issues);
    const statusName = statusAt(r['statusName'], `lines.${line}.statusName`, issues);
    const notify = peopleAt(r['notifyAccountIds'], `lines.${line}.notifyAccountIds`, issues);
    const notifyGroups = groupsAt(r['notifyGroups'], `lines.${line}.notifyGroups`, issues);
    people.push(...assignment.people, ...notify);
    groups.push(...assignment.groups, ...notifyGroups);
    if (statusName !== null) statuses.push({ path: `lines.${line}.statusName`, name: statusName });
    lines[line] = {
      assignment: assignment.value,
      statusName,
      notifyAccountIds: notify.map((p) => p.accountId),
      notifyGroups: notifyGroups.map((g) => g.group),
    };
  }
  const management = peopleAt(raw['managementAccountIds'], 'managementAccountIds', issues);
  const managementGroups = groupsAt(raw['managementGroups'], 'managementGroups', issues);
  people.push(...management);
  groups.push(...managementGroups);
  const locale = raw['locale'];
  if (!(LOCALES as readonly unknown[]).includes(locale))
    issues.push({
      path: 'locale',
      code: 'SETTINGS_LOCALE_INVALID',
      message: 'locale must be en or zh-CN',
      params: { allowed: LOCALES.join(', ') },
    });
  return {
    people,
    groups,
    statuses,
    assignees: SUPPORT_LINES.flatMap((l) => {
      const a = lines[l]?.assignment;
      return a?.mode === 'person' ? [{ path: `lines.${l}.assignment.accountId`, accountId: a.accountId }] : [];
    }),
    value: {
      lines,
      managementAccountIds: management.map((p) => p.accountId),
      managementGroups: managementGroups.map((g) => g.group),
      locale: locale === 'zh-CN' ? 'zh-CN' : 'en',
    },
  };
}

export class SupportLineSettingsAdmin {
  constructor(private readonly deps: SupportLineSettingsDeps = platformSettingsDeps()) {}

  async getSupportLineSettings(accountId: string | undefined): Promise<SupportLineSettingsState> {
    await this.deps.requireAdmin(accountId);
    const stored = await this.deps.store.get(ESCALATION_SETTINGS_KEY, escalationSettingsCodec);
    const settings = stored?.value ?? DEFAULT_ESCALATION_SETTINGS;
    const jira = this.deps.jiraAs();
    const [displayNames, statusOptions] = await Promise.all([
      displayNamesOf(jira, accountIdsIn(settings)),
      itrWorkflowStatusNames(jira),
    ]);
    return { settings, revision: stored?.revision ?? 0, displayNames, statusOptions };
  }

  async saveSupportLineSettings(
    accountId: string | undefined,
    input: { settings: unknown; expectedRevision: number },
  ): Promise<SupportLineSettingsState> {
    await this.deps.requireAdmin(accountId);
    const issues: SettingsIssue[] = [];
    const { people, groups, statuses, assignees, value } = checkDraft(input.settings, issues);
    if (issues.length > 0) throw invalidDraft(issues);
    const jira = this.deps.jiraAs();
    const [directory, statusOptions] = await Promise.all([
      directoryIssues(jira, people, groups),
      itrWorkflowStatusNames(jira),
    ]);
    // A line's assignee must be a person (not an app or a customer account), who can hold issues.
    const notPeople = directory.issues.length > 0 ? [] : assignees.filter((p) => !directory.isPerson(p.accountId));
    const statusIssues = statuses
      .filter((s) => !statusOptions.some((o) => o.toLowerCase() === s.name.toLowerCase()))
      .map((s) => ({
        path: s.path,
        code: 'SETTINGS_STATUS_NOT_IN_WORKFLOW',
        message: `${s.name} is not a status of ${ITR_WORKFLOW_NAME}`,
        params: { status: s.name, workflow: ITR_WORKFLOW_NAME },
      }));
    const refused = [
      ...directory.issues,
      ...notPeople.map((p) => ({
        path: p.path,
        code: 'SETTINGS_ASSIGNEE_NOT_A_PERSON',
        message: `${p.accountId} is not a person's active account`,
      })),
      ...statusIssues,
    ];
    if (refused.length > 0) throw invalidDraft(refused);
    const named = (list: string[]): string[] => list.map((g) => directory.groupName(g));
    const statusSpelled = (name: string | null): string | null =>
      name === null ? null : (statusOptions.find((o) => o.toLowerCase() === name.toLowerCase()) ?? name);
    const assignmentSpelled = (a: LineAssignment): LineAssignment =>
      a.mode === 'group'
        ? { mode: 'group', group: directory.groupName(a.group) }
        : a.mode === 'unassigned' && a.notifyGroup !== null
          ? { mode: 'unassigned', notifyGroup: directory.groupName(a.notifyGroup) }
          : a;
    const canonical: EscalationSettings = {
      ...value,
      lines: Object.fromEntries(
        SUPPORT_LINES.map((l) => [
          l,
          {
            ...value.lines[l],
            assignment: assignmentSpelled(value.lines[l].assignment),
            statusName: statusSpelled(value.lines[l].statusName),
            notifyGroups: named(value.lines[l].notifyGroups),
          },
        ]),
      ) as EscalationSettings['lines'],
      managementGroups: named(value.managementGroups),
    };
    const saved = await savingSettings(() =>
      this.deps.store.set(ESCALATION_SETTINGS_KEY, canonical, escalationSettingsCodec, {
        expectedRevision: input.expectedRevision,
        ...(accountId !== undefined ? { updatedBy: accountId } : {}),
      }),
    );
    await auditSettingsSave(accountId, 'supportLines');
    return { settings: saved.value, revision: saved.revision, displayNames: directory.displayNames, statusOptions };
  }
}
