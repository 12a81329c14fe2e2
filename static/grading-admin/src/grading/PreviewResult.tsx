import { Box, Stack, Text } from '@atlaskit/primitives';
import type { GradePreview, GradingTable } from '../../../../src/contract/gradingAdmin';
import { useI18n } from '../../../shared/i18n/react';
import { useCalendarName } from './calendarNames';
import { cardStyles } from './cardStyles';
import { useDuration } from './timeFields';
import { useLocalized } from './useLocalized';

type Step = GradePreview['explanation'][number];

/** The previewed grade and score, each step that led to it, and the response, resolution and line deadlines. */
export function PreviewResult({ table, preview }: { table: GradingTable; preview: GradePreview }) {
  const { t, formatDateTime } = useI18n();
  const localized = useLocalized();
  const calendarName = useCalendarName();
  const duration = useDuration();
  const labelOf = (kind: 'dimension' | 'option' | 'grade', id: string, dimension?: string): string => {
    if (kind === 'grade') return localized(table.grades.find((g) => g.id === id)?.label, id);
    const dim = table.dimensions.find((d) => d.id === (kind === 'dimension' ? id : dimension));
    if (kind === 'dimension') return localized(dim?.label, id);
    return localized(dim?.options.find((o) => o.id === id)?.label, id);
  };
  const stepText = (step: Step): string =>
    step.code === 'GRADING_STEP_DIMENSION'
      ? t('gradingAdmin.step.dimension', {
          ...step.params,
          dimension: labelOf('dimension', step.params.dimension),
          option: labelOf('option', step.params.option, step.params.dimension),
        })
      : step.code === 'GRADING_STEP_THRESHOLD'
        ? t('gradingAdmin.step.threshold', { ...step.params, grade: labelOf('grade', step.params.grade) })
        : t('gradingAdmin.step.override', {
            override: localized(
              table.overrides.find((o) => o.id === step.params.override)?.label,
              step.params.override,
            ),
            from: labelOf('grade', step.params.from),
            to: labelOf('grade', step.params.to),
          });
  return (
    <Box xcss={cardStyles} aria-live="polite" testId="preview-result">
      <Stack space="space.100">
        <Text weight="bold" size="large">
          {t('gradingAdmin.previewGrade', { grade: labelOf('grade', preview.grade), score: preview.score })}
        </Text>
        {preview.explanation.map((step, i) => (
          <Text key={i} size="small">
            {stepText(step)}
          </Text>
        ))}
        <Text>
          {t('gradingAdmin.responseDue', {
            time: formatDateTime(preview.responseDueAt) ?? '',
            calendar: calendarName(preview.calendarId),
          })}
        </Text>
        <Text>{t('gradingAdmin.resolutionDue', { time: formatDateTime(preview.resolutionDueAt) ?? '' })}</Text>
        {preview.lines.map((l) => (
          <Text key={l.line} size="small">
            {t('gradingAdmin.lineDue', {
              line: t(`line.${l.line}`),
              duration: duration(l.minutes),
              calendar: calendarName(l.calendarId),
              warn: l.warnAt === null ? t('common.notSet') : (formatDateTime(l.warnAt) ?? ''),
              due: l.dueAt === null ? t('common.notSet') : (formatDateTime(l.dueAt) ?? ''),
            })}
          </Text>
        ))}
      </Stack>
    </Box>
  );
}
