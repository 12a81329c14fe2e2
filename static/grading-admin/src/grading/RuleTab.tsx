import { Box, Stack, Text } from '@atlaskit/primitives';
import type { GradingTable } from '../../../../src/contract/gradingAdmin';
import { useI18n } from '../../../shared/i18n/react';
import type { Edit } from '../draft';
import { EditButton, NumberField, PathIssues, SelectField } from '../fields';
import { LabelFields } from './LabelFields';
import { useFieldName } from './names';
import { OverridesSection } from './OverridesSection';
import { cellStyle, headStyle, tableStyle } from './tableStyles';
import { useLocalized } from './useLocalized';

/** How a score becomes a grade: the grades' labels, the score thresholds, then the overrides. */
export function RuleTab({ table, edit }: { table: GradingTable; edit: Edit }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const field = useFieldName();
  const gradeOptions = table.grades.map((g, gi) => ({
    value: g.id,
    label: localized(g.label, t('gradingAdmin.gradeN', { n: gi + 1 })),
  }));
  return (
    <Stack space="space.200">
      <Text weight="bold">{t('gradingAdmin.grades')}</Text>
      <PathIssues path="grades" />
      <table style={tableStyle}>
        <thead>
          <tr>
            <th scope="col" style={headStyle}>
              {t('gradingAdmin.grade')}
            </th>
            <th scope="col" style={headStyle}>
              {t('gradingAdmin.labelEn')} · {t('gradingAdmin.labelZh')}
            </th>
          </tr>
        </thead>
        <tbody>
          {table.grades.map((g, gi) => {
            // The grade's place in the order, not its stored id: the labels beside it are its name.
            const grade = t('gradingAdmin.gradeN', { n: gi + 1 });
            return (
              <tr key={gi}>
                <th scope="row" style={cellStyle}>
                  <Text>{grade}</Text>
                </th>
                <td style={cellStyle}>
                  <LabelFields
                    base={`grades[${gi}].label`}
                    path={['grades', gi, 'label']}
                    owner={grade}
                    value={g.label}
                    edit={edit}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Text weight="bold">{t('gradingAdmin.thresholds')}</Text>
      <Text size="small" color="color.text.subtle">
        {t('gradingAdmin.thresholdsHint')}
      </Text>
      <PathIssues path="thresholds" />
      <table style={tableStyle}>
        <thead>
          <tr>
            <th scope="col" style={headStyle}>
              {t('gradingAdmin.minScore')}
            </th>
            <th scope="col" style={headStyle}>
              {t('gradingAdmin.grade')}
            </th>
            <td style={headStyle} aria-hidden="true" />
          </tr>
        </thead>
        <tbody>
          {table.thresholds.map((th, ti) => {
            const threshold = t('gradingAdmin.thresholdN', { n: ti + 1 });
            return (
              <tr key={ti}>
                <td style={cellStyle}>
                  <NumberField
                    path={`thresholds[${ti}].minScore`}
                    label={field(threshold, t('gradingAdmin.minScore'))}
                    unit={t('gradingAdmin.unit.points')}
                    value={th.minScore}
                    onChange={(v) => edit(['thresholds', ti, 'minScore'], v)}
                  />
                </td>
                <td style={cellStyle}>
                  <SelectField
                    path={`thresholds[${ti}].grade`}
                    label={field(threshold, t('gradingAdmin.grade'))}
                    value={th.grade}
                    options={gradeOptions}
                    onChange={(v) => edit(['thresholds', ti, 'grade'], v)}
                  />
                </td>
                <td style={cellStyle}>
                  <EditButton
                    label={t('gradingAdmin.removeNamed', { name: threshold })}
                    onClick={() =>
                      edit(
                        ['thresholds'],
                        table.thresholds.filter((_, i) => i !== ti),
                      )
                    }
                  >
                    {t('gradingAdmin.remove')}
                  </EditButton>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Box>
        <EditButton
          onClick={() => edit(['thresholds'], [...table.thresholds, { minScore: 0, grade: table.grades[0]?.id ?? '' }])}
        >
          {t('gradingAdmin.addThreshold')}
        </EditButton>
      </Box>
      <OverridesSection table={table} gradeOptions={gradeOptions} edit={edit} />
    </Stack>
  );
}
