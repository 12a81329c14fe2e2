/**
 * "Supervision" tab: groups that see per-person figures, each person's department, the projects
 * and issue types that "send to R&D" (IPD) and "send to sales" (LTC) create in, and the issue the
 * weekly summary is posted on. The server checks, as the admin, that all of them exist.
 */
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { HandoffTargetSetting, SupervisionSettings } from '../../../src/contract/settings';
import { call } from '../../shared/api';
import { useI18n } from '../../shared/i18n/react';
import { Button, PathIssues, TextField } from './fields';
import { GroupsField, UsersField } from './PeopleField';
import { Caption, SettingsFormShell } from './SettingsForm';
import { personName } from '../../shared/people';

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
    <SettingsFormShell<SupervisionSettings> load={load} save={save} testId="supervision-settings">
      {({ state, draft, edit }) => {
        const setTarget = (which: 'ipd' | 'ltc', change: Partial<HandoffTargetSetting>) =>
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

            <Stack space="space.100">
              <Caption help={t('settings.supervision.departmentsHelp')}>
                {t('settings.supervision.departments')}
              </Caption>
              <PathIssues path="departments" />
              {draft.departments.length === 0 ? (
                <Text color="color.text.subtle">{t('settings.supervision.noDepartments')}</Text>
              ) : null}
              {draft.departments.map((row, i) => (
                <Inline key={i} space="space.100" alignBlock="start" testId={`department-row-${i}`}>
                  <Box>
                    <UsersField
                      path={`departments.${i}.accountId`}
                      label={`${t('settings.supervision.accountId')} ${i + 1}`}
                      testId={`department-person-${i}`}
                      accountIds={row.accountId === '' ? [] : [row.accountId]}
                      names={state.displayNames}
                      onChange={(ids) =>
                        edit((d) => ({
                          ...d,
                          departments: d.departments.map((r, j) => (j === i ? { ...r, accountId: ids[0] ?? '' } : r)),
                        }))
                      }
                    />
                  </Box>
                  <TextField
                    path={`departments.${i}.department`}
                    label={`${t('settings.supervision.department')} ${i + 1}`}
                    placeholder={t('settings.supervision.department')}
                    value={row.department}
                    onChange={(v) =>
                      edit((d) => ({
                        ...d,
                        departments: d.departments.map((r, j) => (j === i ? { ...r, department: String(v) } : r)),
                      }))
                    }
                  />
                  <Button
                    label={t('settings.supervision.removePerson', {
                      who: row.accountId === '' ? String(i + 1) : personName(t, state.displayNames[row.accountId]),
                    })}
                    onClick={() => edit((d) => ({ ...d, departments: d.departments.filter((_, j) => j !== i) }))}
                  >
                    ×
                  </Button>
                </Inline>
              ))}
              <Box>
                <Button
                  onClick={() =>
                    edit((d) => ({ ...d, departments: [...d.departments, { accountId: '', department: '' }] }))
                  }
                >
                  {t('settings.supervision.addPerson')}
                </Button>
              </Box>
            </Stack>

            <Stack space="space.100">
              <Caption help={t('settings.supervision.targetHelp')}>{t('settings.supervision.handoff')}</Caption>
              {(['ipd', 'ltc'] as const).map((which) => {
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
  );
}
