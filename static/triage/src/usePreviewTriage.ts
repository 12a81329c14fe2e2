import { useEffect, useState } from 'react';
import type { ClassificationId, SupportLineId, TriagePreview } from '../../../src/contract';
import { call } from '../../shared/api';
import { toApiError, type ApiError } from '../../shared/errors';

/**
 * How long the form must rest before the preview is asked for, in ms: one request per pause in typing,
 * not per keystroke (the grading admin's preview waits the same way). Range 150–1,000; default 300.
 */
export const PREVIEW_DEBOUNCE_MS = 300;

export type PreviewState =
  | { name: 'incomplete'; answered: number; total: number }
  | { name: 'loading' }
  | { name: 'ready'; preview: TriagePreview }
  | { name: 'error'; error: ApiError };

/**
 * The grade and deadlines saving the form now would give the issue, as the server computes them
 * (`previewTriage`: the same code as the save, so the page holds no copy of the rules). Asked again
 * shortly after each change of the answers, the line or the classification (it picks the time rule);
 * only once every dimension is answered.
 */
export function usePreviewTriage(
  issueKey: string,
  answers: Record<string, string>,
  line: SupportLineId,
  dimensionIds: readonly string[],
  /** The classification the form would record (picks the time rule); undefined: the issue's own. */
  classification?: ClassificationId,
): PreviewState {
  const answered = dimensionIds.filter((d) => (answers[d] ?? '') !== '').length;
  const complete = answered === dimensionIds.length;
  // One key for what the preview depends on, so a new but equal answers object asks nothing again.
  const asked = complete
    ? JSON.stringify([issueKey, line, dimensionIds, dimensionIds.map((d) => answers[d]), classification ?? null])
    : null;
  const [result, setResult] = useState<{ asked: string; state: PreviewState } | null>(null);

  useEffect(() => {
    if (asked === null) return;
    let live = true;
    // Everything asked comes from `asked` itself, so the effect depends on nothing else.
    const [key, chosenLine, dims, options, chosen] = JSON.parse(asked) as [
      string,
      SupportLineId,
      string[],
      string[],
      ClassificationId | null,
    ];
    const payload = {
      issueKey: key,
      line: chosenLine,
      answers: Object.fromEntries(dims.map((d, i) => [d, options[i] ?? ''])),
      ...(chosen === null ? {} : { classification: chosen }),
    };
    const timer = setTimeout(() => {
      call('previewTriage', payload)
        .then((preview) => live && setResult({ asked, state: { name: 'ready', preview } }))
        .catch((e: unknown) => live && setResult({ asked, state: { name: 'error', error: toApiError(e) } }));
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [asked]);

  if (asked === null) return { name: 'incomplete', answered, total: dimensionIds.length };
  // A result for other answers is not shown as this one's: it is loading until its own answer comes.
  return result !== null && result.asked === asked ? result.state : { name: 'loading' };
}
