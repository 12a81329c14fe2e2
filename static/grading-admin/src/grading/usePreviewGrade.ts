import { useEffect, useMemo, useState } from 'react';
import type { CalendarSet, GradePreview, GradingTable } from '../../../../src/contract/gradingAdmin';
import { type ApiError, call } from '../../../shared/api';
import { toApiError } from '../../../shared/errors';
import { VALIDATE_DEBOUNCE_MS } from './validationIssues';
import { instantOf } from './zonedTime';

export type PreviewOutcome = { preview: GradePreview } | { error: ApiError } | null;

/**
 * The grade and deadlines the server computes for `answers` from `start` (a datetime-local value, a wall
 * clock in `timeZone`: the reader's zone, null for the browser's), asked again shortly after each
 * change; against the draft when it has unsaved edits.
 */
export function usePreviewGrade(
  answers: Record<string, string>,
  start: string,
  timeZone: string | null,
  draft: { table: GradingTable; calendars: CalendarSet; useDraft: boolean },
): PreviewOutcome {
  const { table, calendars, useDraft } = draft;
  const [result, setResult] = useState<PreviewOutcome>(null);
  const startIso = useMemo(() => instantOf(start, timeZone), [start, timeZone]);

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
