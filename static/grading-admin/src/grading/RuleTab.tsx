import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { GradingTable } from '../../../../src/contract/gradingAdmin';
import { useI18n } from '../../../shared/i18n/react';
import type { Edit } from '../draft';
import { EditButton, NumberField, PathIssues, SelectField } from '../fields';
import { LabelFields } from './LabelFields';
import { OverridesSection } from './OverridesSection';
import { useLocalized } from './useLocalized';

/** How a score becomes a grade: the grades' labels, the score thresholds, then the overrides. */
export function RuleTab({ table, edit }: { table: GradingTable; edit: Edit }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const gradeOptions = table.grades.map((g) => ({ value: g.id, label: localized(g.label, g.id) }));
  return (
    <Stack space="space.200">
      <Text weight="bold">{t('gradingAdmin.grades')}</Text>
      <PathIssues path="grades" />
      {table.grades.map((g, gi) => (
        <Inline key={gi} space="space.100" alignBlock="start">
          <Box xcss={xcss({ minWidth: 'size.1000' })}>
            <Text>{g.id}</Text>
          </Box>
          <LabelFields base={`grades[${gi}].label`} path={['grades', gi, 'label']} value={g.label} edit={edit} />
        </Inline>
      ))}
      <Text weight="bold">{t('gradingAdmin.thresholds')}</Text>
      <Text size="small" color="color.text.subtle">
        {t('gradingAdmin.thresholdsHint')}
      </Text>
      <PathIssues path="thresholds" />
      {table.thresholds.map((th, ti) => (
        <Inline key={ti} space="space.100" alignBlock="start">
          <NumberField
            path={`thresholds[${ti}].minScore`}
            label={t('gradingAdmin.minScore')}
            value={th.minScore}
            onChange={(v) => edit(['thresholds', ti, 'minScore'], v)}
          />
          <SelectField
            path={`thresholds[${ti}].grade`}
            label={t('gradingAdmin.grade')}
            value={th.grade}
            options={gradeOptions}
            onChange={(v) => edit(['thresholds', ti, 'grade'], v)}
          />
          <EditButton
            onClick={() =>
              edit(
                ['thresholds'],
                table.thresholds.filter((_, i) => i !== ti),
              )
            }
          >
            {t('gradingAdmin.remove')}
          </EditButton>
        </Inline>
      ))}
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
