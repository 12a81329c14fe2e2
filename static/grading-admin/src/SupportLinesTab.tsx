/**
 * The admin page's "Support lines" subpage: per line, who takes an issue that enters it (a person; a
 * group whose members take turns; or nobody, telling a group), the Jira status it moves to, and who
 * hears of it; who is told when L3's time runs out; the language of the app's comments on issues. People
 * and groups are picked from Jira by name; the server checks, as the admin, that every one exists.
 */
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { LineRoutingSetting, SupportLineSettings, SupportLineSettingsState } from '../../../src/contract/settings';
import type { SupportLineId } from '../../../src/contract/ids';
import { call } from '../../shared/api';
import { useI18n } from '../../shared/i18n/react';
import { SelectField } from './fields';
import { LineRoutingFields } from './LineRoutingFields';
import { GroupsField, UsersField } from './PeopleField';
import { Caption, SettingsFormShell } from './SettingsForm';
import { LineTargetsForm } from './LineTargetsForm';

const LINES: readonly SupportLineId[] = ['L1', 'L2', 'L3'];
const LOCALES = ['en', 'zh-CN'] as const;

const load = () => call('getSupportLineSettings', {});
const save = (settings: SupportLineSettings, expectedRevision: number) =>
  call('saveSupportLineSettings', { settings, expectedRevision });

export function SupportLinesTab() {
  const { t } = useI18n();
  return (
    <Stack space="space.400">
      <SettingsFormShell<SupportLineSettings, SupportLineSettingsState>
        load={load}
        save={save}
        testId="support-line-settings"
      >
        {({ state, draft, edit }) => {
          const setLine = (line: SupportLineId, change: Partial<LineRoutingSetting>) =>
            edit((d) => ({ ...d, lines: { ...d.lines, [line]: { ...d.lines[line], ...change } } }));
          return (
            <>
              <Text>{t('settings.lines.intro')}</Text>
              {LINES.map((line) => (
                <LineRoutingFields
                  key={line}
                  line={line}
                  routing={draft.lines[line]}
                  names={state.displayNames}
                  statuses={state.statusOptions}
                  onChange={(change) => setLine(line, change)}
                />
              ))}
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
      {/* Each line's target share of resolution (issue 17): a form of its own, saved on its own. */}
      <LineTargetsForm />
    </Stack>
  );
}
