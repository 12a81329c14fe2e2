/**
 * The admin page's "Supervision" subpage: groups that see per-person figures, each person's department,
 * the projects and issue types that "send to R&D" (IPD), "send to sales" (LTC) and lasting fixes (the
 * long-term measure and a return visit's follow-up, issue 17) create in, and the
 * issue the weekly summary is posted on. The server checks, as the admin, that all of them exist.
 */
import { Stack, Text } from '@atlaskit/primitives';
import type { SupervisionSettings, SupervisionSettingsState } from '../../../src/contract/settings';
import { call } from '../../shared/api';
import { useI18n } from '../../shared/i18n/react';
import { DecisionSettingsForm } from './DecisionSettingsForm';
import { DepartmentsFields } from './DepartmentsFields';
import { PathIssues, TextField } from './fields';
import { GroupsField } from './PeopleField';
import { TargetPicker } from './TargetPicker';
import { Caption, SettingsFormShell } from './SettingsForm';

const load = () => call('getSupervisionSettings', {});
const save = (settings: SupervisionSettings, expectedRevision: number) =>
  call('saveSupervisionSettings', { settings, expectedRevision });

export function SupervisionTab() {
  const { t } = useI18n();
  return (
    <Stack space="space.400">
      <SettingsFormShell<SupervisionSettings, SupervisionSettingsState>
        load={load}
        save={save}
        testId="supervision-settings"
      >
        {({ state, draft, edit }) => {
          return (
            <>
              <Stack space="space.100">
                <Caption>{t('settings.supervision.figures')}</Caption>
                <Caption>{t('settings.supervision.groups')}</Caption>
                <GroupsField
                  multiple
                  path="personFigureGroups"
                  label={t('settings.supervision.groups')}
                  testId="person-figure-groups"
                  groups={draft.personFigureGroups}
                  onChange={(v) => edit((d) => ({ ...d, personFigureGroups: v }))}
                />
              </Stack>

              <DepartmentsFields state={state} draft={draft} edit={edit} />

              <Stack space="space.100">
                <Caption help={t('settings.supervision.targetHelp')}>{t('settings.supervision.handoff')}</Caption>
                {(['ipd', 'ltc', 'lastingFix'] as const).map((which) => (
                  <Stack key={which} space="space.050">
                    <Text weight="medium">{t(`settings.supervision.${which}`)}</Text>
                    <PathIssues path={which} />
                    <PathIssues path={`${which}.projectKey`} />
                    <TargetPicker
                      which={which}
                      target={draft[which]}
                      saved={state.settings[which]}
                      names={state.targets[which]}
                      onChange={(target) => edit((d) => ({ ...d, [which]: target }))}
                    />
                  </Stack>
                ))}
              </Stack>

              <Stack space="space.100">
                <Caption help={t('settings.supervision.weeklyIssueHelp')}>
                  {t('settings.supervision.weeklyIssue')}
                </Caption>
                <TextField
                  path="weeklyReportIssue"
                  label={t('settings.supervision.weeklyIssue')}
                  placeholder="SUP-1"
                  width="10em"
                  value={draft.weeklyReportIssue ?? ''}
                  onChange={(v) => edit((d) => ({ ...d, weeklyReportIssue: String(v).trim().toUpperCase() || null }))}
                />
              </Stack>
            </>
          );
        }}
      </SettingsFormShell>
      {/* Decisions (issue 17): its own form and Save, kept apart from the supervision settings. */}
      <DecisionSettingsForm />
    </Stack>
  );
}
