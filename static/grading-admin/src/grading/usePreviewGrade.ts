import { useEffect, useMemo, useState } from 'react';
import type { CalendarSet, GradePreview, GradingTable } from '../../../../src/contract/gradingAdmin';
import { type ApiError, call } from '../../../shared/api';
import { toApiError } from '../../../shared/errors';
import { VALIDATE_DEBOUNCE_MS } from './validationIssues';

export type PreviewOutcome = { preview: GradePreview } | { error: ApiError } | null;

/**
 * The grade and deadlines the server computes for `answers` from `startAt` (a datetime-local value),
 * asked again shortly after each change; against the draft when it has unsaved edits.
 */
export function usePreviewGrade(
  answers: Record<string, string>,
  start: string,
  draft: { table: GradingTable; calendars: CalendarSet; useDraft: boolean },
): PreviewOutcome {
  const { table, calendars, useDraft } = draft;
  const [result, setResult] = useState<PreviewOutcome>(null);
  const startIso = useMemo(() => {
    const d = new Date(start);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }, [start]);

  useEffect(() => {
    if (startIso === null) return;
    let live = true;
    const timer = setTimeout(() => {
      call('previewGrade', { answers, startAt: startIso, ...(useDraft ? { draft: { table, calendars } } : {}) })
        .then((preview) => live && setResult({ preview }))
        .catch((error: unknown) => live && setResult({ error: toApiError(error) }));
    }, VALIDATE_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [answers, startIso, table, calendars, useDraft]);

  return result;
}
