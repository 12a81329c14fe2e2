import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { TriageOptions, TriagePreview } from '../../../src/contract';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/react';
import { Heading } from './controls';
import type { PreviewState } from './usePreviewTriage';

/**
 * A grade's lozenge colour by its rank in the table (grades are listed most severe first): red, orange,
 * blue, then grey. Tables name their own grades, so the rank, not the id, decides.
 */
const RANK_APPEARANCE: readonly ThemeAppearance[] = ['removed', 'moved', 'inprogress'];

/** What saving now would give: the grade, the customer's response deadline and the chosen line's. */
export function GradePreview({ state, options }: { state: PreviewState; options: TriageOptions }) {
  const { t } = useI18n();
  return (
    <Box xcss={cardStyles} testId="triage-preview" aria-live="polite" aria-busy={state.name === 'loading'}>
      <Stack space="space.100">
        <Heading size="small" as="h3">
          {t('triage.preview.title')}
        </Heading>
        {state.name === 'incomplete' ? (
          <Text color="color.text.subtle">
            {t('triage.preview.incomplete', { answered: state.answered, total: state.total })}
          </Text>
        ) : state.name === 'loading' ? (
          <Text color="color.text.subtle">{t('triage.preview.loading')}</Text>
        ) : state.name === 'error' ? (
          <ErrorState error={state.error} titleKey="triage.preview.failed" />
        ) : (
          <PreviewFigures preview={state.preview} options={options} />
        )}
      </Stack>
    </Box>
  );
}

function PreviewFigures({ preview: p, options }: { preview: TriagePreview; options: TriageOptions }) {
  const { t, locale, formatDateTime, formatRelative } = useI18n();
  const now = Date.now();
  const rank = options.grades.findIndex((g) => g.id === p.grade);
  const grade = options.grades[rank];
  const at = (iso: string) => ({ time: formatDateTime(iso) ?? '', relative: formatRelative(iso, now) ?? '' });
  const line = t(`line.${p.line}`);
  return (
    <Stack space="space.075">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Text weight="medium">{t('triage.preview.grade')}</Text>
        <Lozenge appearance={RANK_APPEARANCE[rank] ?? 'default'} isBold testId="triage-preview-grade">
          {grade === undefined ? p.grade : grade.label[locale]}
        </Lozenge>
        <Text size="small" color="color.text.subtle">
          {t('triage.preview.table', { version: p.tableVersion })}
        </Text>
      </Inline>
      {p.timeRule === 'requirement' ? (
        <Text testId="triage-preview-time-rule">{t('assessment.timeRule.requirement')}</Text>
      ) : null}
      {p.response === null ? null : (
        <Text testId="triage-preview-response">
          {p.response.dueAt === null
            ? t('triage.preview.responsePaused')
            : t('triage.preview.response', at(p.response.dueAt))}
        </Text>
      )}
      <Text testId="triage-preview-line">
        {p.lineDueAt === null
          ? t('triage.preview.linePaused', { line })
          : t('triage.preview.lineDue', { line, ...at(p.lineDueAt) })}
      </Text>
      {p.lineWarnAt === null ? null : (
        <Text size="small" color="color.text.subtle">
          {t('triage.preview.lineWarn', { time: formatDateTime(p.lineWarnAt) ?? '' })}
        </Text>
      )}
      <Text size="small" color="color.text.subtle">
        {p.entersLine
          ? t('triage.preview.entersLine')
          : t('triage.preview.staysInLine', { time: formatDateTime(p.lineStartAt) ?? '' })}
      </Text>
    </Stack>
  );
}

const cardStyles = xcss({
  borderColor: 'color.border',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderRadius: 'radius.medium',
  backgroundColor: 'color.background.neutral.subtle',
  padding: 'space.150',
});
