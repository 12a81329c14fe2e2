/**
 * "Support lines" tab: per line, who takes an issue that enters it (a person; a group whose members take
 * turns; or nobody, telling a group), the Jira status it moves to, and who hears of it; who is told
 * when L3's time runs out; the language of the app's comments on issues. People and groups are picked
 * from Jira by name; the server checks, as the admin, that every one exists.
 */
import { Box, Stack, Text } from '@atlaskit/primitives';
import type {
  LineAssignment,
  LineAssignmentMode,
  LineRoutingSetting,
  SupportLineSettings,
  SupportLineSettingsState,
} from '../../../src/contract/settings';
import type { SupportLineId } from '../../../src/contract/ids';
import { call } from '../../shared/api';
import { useI18n } from '../../shared/i18n/react';
import { SelectField } from './fields';
import { GroupsField, UsersField } from './PeopleField';
import { Caption, SettingsFormShell } from './SettingsForm';

const LINES: readonly SupportLineId[] = ['L1', 'L2', 'L3'];
const LOCALES = ['en', 'zh-CN'] as const;
const MODES: readonly LineAssignmentMode[] = ['person', 'group', 'unassigned'];

const load = () => call('getSupportLineSettings', {});
const save = (settings: SupportLineSettings, expectedRevision: number) =>
  call('saveSupportLineSettings', { settings, expectedRevision });

/** A fresh assignment of another mode, keeping what the admin chose before when it still fits. */
function switchMode(mode: LineAssignmentMode, from: LineAssignment): LineAssignment {
  const group = from.mode === 'group' ? from.group : from.mode === 'unassigned' ? from.notifyGroup : null;
  if (mode === 'person') return { mode, accountId: from.mode === 'person' ? from.accountId : '' };
  if (mode === 'group') return { mode, group: group ?? '' };
  return { mode, notifyGroup: group === '' ? null : group };
}

export function SupportLinesTab() {
  const { t } = useI18n();
  return (
    <SettingsFormShell<SupportLineSettings, SupportLineSettingsState>
      load={load}
      save={save}
      testId="support-line-settings"
    >
      {({ state, draft, edit }) => {
        const setLine = (line: SupportLineId, change: Partial<LineRoutingSetting>) =>
          edit((d) => ({ ...d, lines: { ...d.lines, [line]: { ...d.lines[line], ...change } } }));
        const statuses = state.statusOptions;
        return (
          <>
            <Text>{t('settings.lines.intro')}</Text>
            {LINES.map((line) => {
              const r = draft.lines[line];
              const a = r.assignment;
              const heading = t(`line.${line}`);
              const statusChoices =
                r.statusName === null || statuses.includes(r.statusName) ? statuses : [...statuses, r.statusName];
              return (
                <Stack key={line} space="space.100" testId={`line-${line}`}>
                  <Text weight="bold">{heading}</Text>
                  <Caption>{t('settings.lines.assignment')}</Caption>
                  <Box>
                    <SelectField
                      path={`lines.${line}.assignment.mode`}
                      label={`${heading}: ${t('settings.lines.assignment')}`}
                      value={a.mode}
                      options={MODES.map((m) => ({ value: m, label: t(`settings.lines.mode.${m}`) }))}
                      onChange={(v) =>
                        setLine(line, { assignment: switchMode(MODES.find((m) => m === v) ?? 'unassigned', a) })
                      }
                    />
                  </Box>
                  {a.mode === 'person' ? (
                    <UsersField
                      path={`lines.${line}.assignment.accountId`}
                      label={`${heading}: ${t('settings.lines.assignee')}`}
                      testId={`line-${line}-assignee`}
                      accountIds={a.accountId === '' ? [] : [a.accountId]}
                      names={state.displayNames}
                      onChange={(ids) => setLine(line, { assignment: { mode: 'person', accountId: ids[0] ?? '' } })}
                    />
                  ) : a.mode === 'group' ? (
                    <>
                      <Caption help={t('settings.lines.roundRobinHelp')}>{t('settings.lines.roundRobinGroup')}</Caption>
                      <GroupsField
                        path={`lines.${line}.assignment.group`}
                        label={`${heading}: ${t('settings.lines.roundRobinGroup')}`}
                        testId={`line-${line}-group`}
                        groups={a.group === '' ? [] : [a.group]}
                        onChange={(g) => setLine(line, { assignment: { mode: 'group', group: g[0] ?? '' } })}
                      />
                    </>
                  ) : (
                    <>
                      <Caption>{t('settings.lines.notifyGroup')}</Caption>
                      <GroupsField
                        path={`lines.${line}.assignment.notifyGroup`}
                        label={`${heading}: ${t('settings.lines.notifyGroup')}`}
                        testId={`line-${line}-notify-group`}
                        groups={a.notifyGroup === null ? [] : [a.notifyGroup]}
                        onChange={(g) =>
                          setLine(line, { assignment: { mode: 'unassigned', notifyGroup: g[0] ?? null } })
                        }
                      />
                    </>
                  )}
                  <Caption
                    help={statuses.length === 0 ? t('settings.lines.noStatuses') : t('settings.lines.statusHelp')}
                  >
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
                      onChange={(v) => setLine(line, { statusName: v === '' ? null : v })}
                    />
                  </Box>
                  <Caption>{t('settings.lines.notifyUsers')}</Caption>
                  <UsersField
                    multiple
                    path={`lines.${line}.notifyAccountIds`}
                    label={`${heading}: ${t('settings.lines.notifyUsers')}`}
                    testId={`line-${line}-notify-users`}
                    accountIds={r.notifyAccountIds}
                    names={state.displayNames}
                    onChange={(v) => setLine(line, { notifyAccountIds: v })}
                  />
                  <Caption>{t('settings.lines.notifyGroups')}</Caption>
                  <GroupsField
                    multiple
                    path={`lines.${line}.notifyGroups`}
                    label={`${heading}: ${t('settings.lines.notifyGroups')}`}
                    testId={`line-${line}-notify-groups`}
                    groups={r.notifyGroups}
                    onChange={(v) => setLine(line, { notifyGroups: v })}
                  />
                </Stack>
              );
            })}
            <Stack space="space.100">
              <Text weight="bold">{t('settings.lines.management')}</Text>
              <Caption>{t('settings.lines.managementUsers')}</Caption>
              <UsersField
                multiple
                path="managementAccountIds"
                label={t('settings.lines.managementUsers')}
                testId="management-users"
                accountIds={draft.managementAccountIds}
                names={state.displayNames}
                onChange={(v) => edit((d) => ({ ...d, managementAccountIds: v }))}
              />
              <Caption>{t('settings.lines.managementGroups')}</Caption>
              <GroupsField
                multiple
                path="managementGroups"
                label={t('settings.lines.managementGroups')}
                testId="management-groups"
                groups={draft.managementGroups}
                onChange={(v) => edit((d) => ({ ...d, managementGroups: v }))}
              />
            </Stack>
            <Stack space="space.100">
              <Caption>{t('settings.lines.locale')}</Caption>
              <Box>
                <SelectField
                  path="locale"
                  label={t('settings.lines.locale')}
                  value={draft.locale}
                  options={LOCALES.map((l) => ({ value: l, label: t(`settings.locale.${l}`) }))}
                  onChange={(v) => edit((d) => ({ ...d, locale: v === 'zh-CN' ? 'zh-CN' : 'en' }))}
                />
              </Box>
            </Stack>
          </>
        );
      }}
    </SettingsFormShell>
  );
}
