/**
 * The admin page's "Supervision" subpage: groups that see per-person figures, each person's department,
 * the projects and issue types that "send to R&D" (IPD), "send to sales" (LTC) and lasting fixes (the
 * long-term measure and a return visit's follow-up, issue 17) create in, and the
 * issue the weekly summary is posted on. The server checks, as the admin, that all of them exist.
 */
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { HandoffTargetSetting, SupervisionSettings } from '../../../src/contract/settings';
import { call } from '../../shared/api';
import { useI18n } from '../../shared/i18n/react';
import { DecisionSettingsForm } from './DecisionSettingsForm';
import { DepartmentsFields } from './DepartmentsFields';
import { PathIssues, TextField } from './fields';
import { GroupsField } from './PeopleField';
import { Caption, SettingsFormShell } from './SettingsForm';

const load = () => call('getSupervisionSettings', {});
const save = (settings: SupervisionSettings, expectedRevision: number) =>
  call('saveSupervisionSettings', { settings, expectedRevision });

const EMPTY_TARGET: HandoffTargetSetting = { projectKey: '', issueType: '' };

/** Both fields empty = not configured (null); anything else goes to the server as typed, to be checked. */
const targetOf = (t: HandoffTargetSetting): HandoffTargetSetting | null =>
  t.projectKey === '' && t.issueType === '' ? null : t;

export function SupervisionTab() {
  const { t } = useI18n();
  return (
    <Stack space="space.400">
      <SettingsFormShell<SupervisionSettings> load={load} save={save} testId="supervision-settings">
        {({ state, draft, edit }) => {
          const setTarget = (which: 'ipd' | 'ltc' | 'lastingFix', change: Partial<HandoffTargetSetting>) =>
            edit((d) => ({ ...d, [which]: targetOf({ ...(d[which] ?? EMPTY_TARGET), ...change }) }));
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
                {(['ipd', 'ltc', 'lastingFix'] as const).map((which) => {
                  const target = draft[which] ?? EMPTY_TARGET;
                  return (
                    <Stack key={which} space="space.050">
                      <Text weight="medium">{t(`settings.supervision.${which}`)}</Text>
                      <PathIssues path={which} />
                      <Inline space="space.100" alignBlock="start">
                        <TextField
                          path={`${which}.projectKey`}
                          label={`${t(`settings.supervision.${which}`)}: ${t('settings.supervision.projectKey')}`}
                          placeholder={t('settings.supervision.projectKey')}
                          width="10em"
                          value={target.projectKey}
                          onChange={(v) => setTarget(which, { projectKey: String(v).trim().toUpperCase() })}
                        />
                        <TextField
                          path={`${which}.issueType`}
                          label={`${t(`settings.supervision.${which}`)}: ${t('settings.supervision.issueType')}`}
                          placeholder={t('settings.supervision.issueType')}
                          value={target.issueType}
                          onChange={(v) => setTarget(which, { issueType: String(v) })}
                        />
                      </Inline>
                    </Stack>
                  );
                })}
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
