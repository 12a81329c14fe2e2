/**
 * The clocks' settings block (on the "Support lines" tab): which statuses of the ITR workflow mean
 * "waiting for the customer" (every running clock of an issue, its line's and its response clock,
 * pauses there), and the grade whose response time an issue runs on before triage grades it.
 * Saved with its own revision (`getClockSettings` / `saveClockSettings`).
 */
import { Stack, Text } from '@atlaskit/primitives';
import type { ClockSettings, ClockSettingsState } from '../../../src/contract/clockSettings';
import { call } from '../../shared/api';
import { useI18n } from '../../shared/i18n/react';
import { useContext } from 'react';
import { EditContext, IssueList, issuesAt, SelectField } from './fields';
import { Caption, SettingsFormShell } from './SettingsForm';

const load = () => call('getClockSettings', {});
const save = (settings: ClockSettings, expectedRevision: number) =>
  call('saveClockSettings', { settings, expectedRevision });

/** Problems of the list and of each status in it (`pauseStatuses.<i>`). */
function StatusIssues() {
  const { issues } = useContext(EditContext);
  return <IssueList issues={issuesAt(issues, 'pauseStatuses', true)} />;
}

export function PauseStatuses() {
  const { t, locale } = useI18n();
  return (
    <SettingsFormShell<ClockSettings, ClockSettingsState>
      load={load}
      save={save}
      testId="clock-settings"
      saveLabel={t('settings.clocks.save')}
    >
      {({ state, draft, edit }) => {
        const toggle = (name: string, on: boolean) =>
          edit((d) => ({
            ...d,
            pauseStatuses: on
              ? [...d.pauseStatuses.filter((s) => s !== name), name]
              : d.pauseStatuses.filter((s) => s !== name),
          }));
        // A status saved before (another spelling, or removed from the workflow) stays visible until unticked.
        const shown = [...state.statusOptions, ...draft.pauseStatuses.filter((s) => !state.statusOptions.includes(s))];
        const gradeOptions = state.grades.map((g) => ({
          value: g.id,
          label: g.label[locale === 'zh-CN' ? 'zh-CN' : 'en'],
        }));
        return (
          <Stack space="space.150">
            <Caption help={t('settings.clocks.pauseHelp')}>{t('settings.clocks.pauseStatuses')}</Caption>
            <fieldset aria-label={t('settings.clocks.pauseStatuses')} style={{ border: 'none', margin: 0, padding: 0 }}>
              <Stack space="space.050">
                {shown.map((name) => (
                  <label key={name}>
                    <input
                      type="checkbox"
                      checked={draft.pauseStatuses.includes(name)}
                      onChange={(e) => toggle(name, e.target.checked)}
                    />{' '}
                    <Text>{name}</Text>
                  </label>
                ))}
              </Stack>
            </fieldset>
            <StatusIssues />
            <Caption help={t('settings.clocks.untriagedHelp')}>{t('settings.clocks.untriagedGrade')}</Caption>
            <SelectField
              path="untriagedGrade"
              label={t('settings.clocks.untriagedGrade')}
              value={draft.untriagedGrade ?? ''}
              options={[{ value: '', label: t('settings.clocks.mostSevere') }, ...gradeOptions]}
              onChange={(v) => edit((d) => ({ ...d, untriagedGrade: v === '' ? null : v }))}
            />
            {state.projectOptions.length === 0 ? null : (
              <Caption help={t('settings.clocks.projectHelp')}>{t('settings.clocks.projectGrades')}</Caption>
            )}
            {state.projectOptions.map((key) => (
              <SelectField
                key={key}
                path={`projectGrades.${key}`}
                label={t('settings.clocks.projectGrade', { project: key })}
                value={draft.projectGrades[key] ?? ''}
                options={[{ value: '', label: t('settings.clocks.siteDefault') }, ...gradeOptions]}
                onChange={(v) =>
                  edit((d) => {
                    const { [key]: _dropped, ...rest } = d.projectGrades;
                    return { ...d, projectGrades: v === '' ? rest : { ...rest, [key]: v } };
                  })
                }
              />
            ))}
          </Stack>
        );
      }}
    </SettingsFormShell>
  );
}
