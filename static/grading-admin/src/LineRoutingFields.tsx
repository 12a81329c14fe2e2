import { Box, Stack, Text } from '@atlaskit/primitives';
import type { LineAssignment, LineAssignmentMode, LineRoutingSetting } from '../../../src/contract/settings';
import type { SupportLineId } from '../../../src/contract/ids';
import { useI18n } from '../../shared/i18n/react';
import { SelectField } from './fields';
import { GroupsField, UsersField } from './PeopleField';
import { Caption } from './SettingsForm';

const MODES: readonly LineAssignmentMode[] = ['person', 'group', 'unassigned'];

/** A fresh assignment of another mode, keeping what the admin chose before when it still fits. */
function switchMode(mode: LineAssignmentMode, from: LineAssignment): LineAssignment {
  const group = from.mode === 'group' ? from.group : from.mode === 'unassigned' ? from.notifyGroup : null;
  if (mode === 'person') return { mode, accountId: from.mode === 'person' ? from.accountId : '' };
  if (mode === 'group') return { mode, group: group ?? '' };
  return { mode, notifyGroup: group === '' ? null : group };
}

interface LineProps {
  line: SupportLineId;
  routing: LineRoutingSetting;
  /** Names of the people the settings mention, as the server read them. */
  names: Readonly<Record<string, string>>;
  onChange: (change: Partial<LineRoutingSetting>) => void;
}

/** One line: who takes an issue entering it, the Jira status it moves to, and who hears of it. */
export function LineRoutingFields({ line, routing: r, names, statuses, onChange }: LineProps & { statuses: string[] }) {
  const { t } = useI18n();
  const heading = t(`line.${line}`);
  // A saved status the workflow no longer offers stays choosable, so the form does not change it silently.
  const statusChoices =
    r.statusName === null || statuses.includes(r.statusName) ? statuses : [...statuses, r.statusName];
  return (
    <Stack space="space.100" testId={`line-${line}`}>
      <Text weight="bold">{heading}</Text>
      <Caption>{t('settings.lines.assignment')}</Caption>
      <Box>
        <SelectField
          path={`lines.${line}.assignment.mode`}
          label={`${heading}: ${t('settings.lines.assignment')}`}
          value={r.assignment.mode}
          options={MODES.map((m) => ({ value: m, label: t(`settings.lines.mode.${m}`) }))}
          onChange={(v) =>
            onChange({ assignment: switchMode(MODES.find((m) => m === v) ?? 'unassigned', r.assignment) })
          }
        />
      </Box>
      <AssignmentFields line={line} routing={r} names={names} onChange={onChange} />
      <Caption help={statuses.length === 0 ? t('settings.lines.noStatuses') : t('settings.lines.statusHelp')}>
        {t('settings.lines.status')}
      </Caption>
      <Box>
        <SelectField
          path={`lines.${line}.statusName`}
          label={`${heading}: ${t('settings.lines.status')}`}
          value={r.statusName ?? ''}
          options={[
            { value: '', label: t('settings.lines.statusKeep') },
            ...statusChoices.map((s) => ({ value: s, label: s })),
          ]}
          onChange={(v) => onChange({ statusName: v === '' ? null : v })}
        />
      </Box>
      <Caption>{t('settings.lines.notifyUsers')}</Caption>
      <UsersField
        multiple
        path={`lines.${line}.notifyAccountIds`}
        label={`${heading}: ${t('settings.lines.notifyUsers')}`}
        testId={`line-${line}-notify-users`}
        accountIds={r.notifyAccountIds}
        names={names}
        onChange={(v) => onChange({ notifyAccountIds: v })}
      />
      <Caption>{t('settings.lines.notifyGroups')}</Caption>
      <GroupsField
        multiple
        path={`lines.${line}.notifyGroups`}
        label={`${heading}: ${t('settings.lines.notifyGroups')}`}
        testId={`line-${line}-notify-groups`}
        groups={r.notifyGroups}
        onChange={(v) => onChange({ notifyGroups: v })}
      />
    </Stack>
  );
}

/** The assignment's own field: the person; the group taking turns; or the group told when nobody takes it. */
function AssignmentFields({ line, routing, names, onChange }: LineProps) {
  const { t } = useI18n();
  const heading = t(`line.${line}`);
  const a = routing.assignment;
  if (a.mode === 'person')
    return (
      <UsersField
        path={`lines.${line}.assignment.accountId`}
        label={`${heading}: ${t('settings.lines.assignee')}`}
        testId={`line-${line}-assignee`}
        accountIds={a.accountId === '' ? [] : [a.accountId]}
        names={names}
        onChange={(ids) => onChange({ assignment: { mode: 'person', accountId: ids[0] ?? '' } })}
      />
    );
  if (a.mode === 'group')
    return (
      <>
        <Caption help={t('settings.lines.roundRobinHelp')}>{t('settings.lines.roundRobinGroup')}</Caption>
        <GroupsField
          path={`lines.${line}.assignment.group`}
          label={`${heading}: ${t('settings.lines.roundRobinGroup')}`}
          testId={`line-${line}-group`}
          groups={a.group === '' ? [] : [a.group]}
          onChange={(g) => onChange({ assignment: { mode: 'group', group: g[0] ?? '' } })}
        />
      </>
    );
  return (
    <>
      <Caption>{t('settings.lines.notifyGroup')}</Caption>
      <GroupsField
        path={`lines.${line}.assignment.notifyGroup`}
        label={`${heading}: ${t('settings.lines.notifyGroup')}`}
        testId={`line-${line}-notify-group`}
        groups={a.notifyGroup === null ? [] : [a.notifyGroup]}
        onChange={(g) => onChange({ assignment: { mode: 'unassigned', notifyGroup: g[0] ?? null } })}
      />
    </>
  );
}
