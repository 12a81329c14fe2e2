import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { SupervisionSettings } from '../../../src/contract/settings';
import { useI18n } from '../../shared/i18n/react';
import { personName } from '../../shared/people';
import { Button, PathIssues, TextField } from './fields';
import { UsersField } from './PeopleField';
import { Caption, type SettingsForm } from './SettingsForm';

type Departments = SupervisionSettings['departments'];

/** Each person's department (for the per-department figures): a row per person, added and removed. */
export function DepartmentsFields({ state, draft, edit }: SettingsForm<SupervisionSettings>) {
  const { t } = useI18n();
  const setRows = (change: (rows: Departments) => Departments) =>
    edit((d) => ({ ...d, departments: change(d.departments) }));
  const setRow = (i: number, change: Partial<Departments[number]>) =>
    setRows((rows) => rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <Stack space="space.100">
      <Caption help={t('settings.supervision.departmentsHelp')}>{t('settings.supervision.departments')}</Caption>
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
              onChange={(ids) => setRow(i, { accountId: ids[0] ?? '' })}
            />
          </Box>
          <TextField
            path={`departments.${i}.department`}
            label={`${t('settings.supervision.department')} ${i + 1}`}
            placeholder={t('settings.supervision.department')}
            value={row.department}
            onChange={(v) => setRow(i, { department: String(v) })}
          />
          <Button
            label={t('settings.supervision.removePerson', {
              who: row.accountId === '' ? String(i + 1) : personName(t, state.displayNames[row.accountId]),
            })}
            onClick={() => setRows((rows) => rows.filter((_, j) => j !== i))}
          >
            ×
          </Button>
        </Inline>
      ))}
      <Box>
        <Button onClick={() => setRows((rows) => [...rows, { accountId: '', department: '' }])}>
          {t('settings.supervision.addPerson')}
        </Button>
      </Box>
    </Stack>
  );
}
