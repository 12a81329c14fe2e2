import { useId, useState } from 'react';
import { Box, Stack } from '@atlaskit/primitives';
import type { CalendarSet, GradingTable } from '../../../../src/contract/gradingAdmin';
import { baseInputStyle } from '../../../shared/controls';
import { useI18n } from '../../../shared/i18n/react';
import { EditContext, IssueList, SelectField, SmallLabel } from '../fields';
import { PreviewResult } from './PreviewResult';
import { usePreviewGrade } from './usePreviewGrade';
import { useLocalized } from './useLocalized';
import { issuesOf } from './validationIssues';
import { wallClock } from './zonedTime';

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
  const { t, timeZone } = useI18n();
  const localized = useLocalized();
  const startId = useId();
  // Each dimension starts at its last option, so the preview answers at once.
  const [answers, setAnswers] = useState<Record<string, string>>(() =>
    Object.fromEntries(table.dimensions.map((d) => [d.id, d.options[d.options.length - 1]?.id ?? ''])),
  );
  // Now, as the reader's clock shows it (their zone), not UTC.
  const [start, setStart] = useState(() => wallClock(Date.now(), timeZone));
  const result = usePreviewGrade(answers, start, timeZone, { table, calendars, useDraft });

  return (
    <Stack space="space.200">
      <EditContext.Provider value={{ issues: [], readOnly: false }}>
        {table.dimensions.map((d, di) => {
          const name = localized(d.label, d.id || t('gradingAdmin.dimensionN', { n: di + 1 }));
          return (
            <SelectField
              key={d.id}
              path={`answers.${d.id}`}
              label={name}
              visibleLabel={name}
              value={answers[d.id] ?? ''}
              options={d.options.map((o) => ({ value: o.id, label: localized(o.label, o.id) }))}
              onChange={(v) => setAnswers((a) => ({ ...a, [d.id]: v }))}
            />
          );
        })}
        <Stack space="space.025">
          <SmallLabel htmlFor={startId}>{t('gradingAdmin.previewStart')}</SmallLabel>
          <Box>
            <input
              id={startId}
              type="datetime-local"
              value={start}
              style={baseInputStyle()}
              onChange={(e) => setStart(e.target.value)}
              data-testid="preview-start"
            />
          </Box>
        </Stack>
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
