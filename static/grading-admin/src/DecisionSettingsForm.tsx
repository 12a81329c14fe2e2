/**
 * Decisions (issue 17), on the admin page's Supervision subpage: when an issue needs an iron-triangle
 * decision (the grades that always do; any issue involving more than one department), the groups that
 * sign for each role, the quality group told of every decision, and the cost approver groups. The
 * server checks, as the admin, that every group exists.
 */
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { DecisionRoleId, DecisionSettingsState, DecisionSettingsView } from '../../../src/contract/decisions';
import { call } from '../../shared/api';
import { useI18n } from '../../shared/i18n/react';
import { PathIssues } from './fields';
import { GroupsField } from './PeopleField';
import { Caption, SettingsFormShell } from './SettingsForm';

const ROLES: readonly DecisionRoleId[] = ['sales', 'technical', 'delivery', 'finance', 'procurement'];

const load = () => call('getDecisionSettings', {});
const save = (settings: DecisionSettingsView, expectedRevision: number) =>
  call('saveDecisionSettings', { settings, expectedRevision });

export function DecisionSettingsForm() {
  const { t, locale } = useI18n();
  return (
    <SettingsFormShell<DecisionSettingsView, DecisionSettingsState>
      load={load}
      save={save}
      testId="decision-settings"
      saveLabel={t('decisionSettings.save')}
    >
      {({ state, draft, edit }) => (
        <>
          <Stack space="space.100">
            <Box as="h3">
              <Text weight="bold">{t('decisionSettings.title')}</Text>
            </Box>
            <Caption>{t('decisionSettings.grades')}</Caption>
            <PathIssues path="grades" />
            {state.gradeOptions.map((g) => (
              <label key={g.id}>
                <input
                  type="checkbox"
                  checked={draft.grades.includes(g.id)}
                  onChange={(e) => {
                    const on = e.target.checked;
                    edit((d) => ({ ...d, grades: on ? [...d.grades, g.id] : d.grades.filter((x) => x !== g.id) }));
                  }}
                />{' '}
                <Text>{g.label[locale]}</Text>
              </label>
            ))}
            <label>
              <input
                type="checkbox"
                checked={draft.crossDepartment}
                onChange={(e) => {
                  const on = e.target.checked;
                  edit((d) => ({ ...d, crossDepartment: on }));
                }}
              />{' '}
              <Text>{t('decisionSettings.crossDepartment')}</Text>
            </label>
          </Stack>
          <Stack space="space.100">
            {ROLES.map((role) => {
              const label = t('decisionSettings.roleGroups', { role: t(`triangle.role.${role}`) });
              return (
                <Stack key={role} space="space.050">
                  <Caption>{label}</Caption>
                  <GroupsField
                    multiple
                    path={`roleGroups.${role}`}
                    label={label}
                    testId={`decision-role-${role}`}
                    groups={draft.roleGroups[role]}
                    onChange={(v) => edit((d) => ({ ...d, roleGroups: { ...d.roleGroups, [role]: v } }))}
                  />
                </Stack>
              );
            })}
          </Stack>
          <Stack space="space.100">
            <Caption>{t('decisionSettings.qualityGroup')}</Caption>
            <GroupsField
              path="qualityGroup"
              label={t('decisionSettings.qualityGroup')}
              testId="decision-quality-group"
              groups={draft.qualityGroup === null ? [] : [draft.qualityGroup]}
              onChange={(v) => edit((d) => ({ ...d, qualityGroup: v[0] ?? null }))}
            />
            <Caption>{t('decisionSettings.costApproverGroups')}</Caption>
            <GroupsField
              multiple
              path="costApproverGroups"
              label={t('decisionSettings.costApproverGroups')}
              testId="decision-cost-approvers"
              groups={draft.costApproverGroups}
              onChange={(v) => edit((d) => ({ ...d, costApproverGroups: v }))}
            />
          </Stack>
        </>
      )}
    </SettingsFormShell>
  );
}
