import { useState } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { CalendarSet, GradingTable } from '../../../../src/contract/gradingAdmin';
import { useI18n } from '../../../shared/i18n/react';
import { EditContext, IssueList, SelectField } from '../fields';
import { PreviewResult } from './PreviewResult';
import { usePreviewGrade } from './usePreviewGrade';
import { useLocalized } from './useLocalized';
import { issuesOf } from './validationIssues';

/** Try the table: answers per dimension and a start time give the grade, its explanation and the deadlines. */
export function PreviewTab({
  table,
  calendars,
  useDraft,
}: {
  table: GradingTable;
  calendars: CalendarSet;
  useDraft: boolean;
}) {
  const { t } = useI18n();
  const localized = useLocalized();
  // Each dimension starts at its last option, so the preview answers at once.
  const [answers, setAnswers] = useState<Record<string, string>>(() =>
    Object.fromEntries(table.dimensions.map((d) => [d.id, d.options[d.options.length - 1]?.id ?? ''])),
  );
  const [start, setStart] = useState(() => new Date().toISOString().slice(0, 16));
  const result = usePreviewGrade(answers, start, { table, calendars, useDraft });

  return (
    <Stack space="space.200">
      <EditContext.Provider value={{ issues: [], readOnly: false }}>
        {table.dimensions.map((d) => (
          <Inline key={d.id} space="space.100" alignBlock="center">
            <Box xcss={xcss({ minWidth: 'size.1000' })}>
              <Text size="small">{localized(d.label, d.id)}</Text>
            </Box>
            <SelectField
              path={`answers.${d.id}`}
              label={localized(d.label, d.id)}
              value={answers[d.id] ?? ''}
              options={d.options.map((o) => ({ value: o.id, label: localized(o.label, o.id) }))}
              onChange={(v) => setAnswers((a) => ({ ...a, [d.id]: v }))}
            />
          </Inline>
        ))}
        <Inline space="space.100" alignBlock="center">
          <Text size="small">{t('gradingAdmin.previewStart')}</Text>
          <input
            type="datetime-local"
            aria-label={t('gradingAdmin.previewStart')}
            value={start}
            onChange={(e) => setStart(e.target.value)}
          />
        </Inline>
      </EditContext.Provider>
      {result !== null && 'error' in result ? (
        <Box role="alert">
          <IssueList
            issues={issuesOf(result.error) ?? [{ code: result.error.code, path: '', message: result.error.message }]}
          />
        </Box>
      ) : null}
      {result !== null && 'preview' in result ? <PreviewResult table={table} preview={result.preview} /> : null}
    </Stack>
  );
}
