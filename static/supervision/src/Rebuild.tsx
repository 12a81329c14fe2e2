/**
 * "Rebuild from Jira" for Jira admins: starts the analytics backfill (token-paged JQL through the
 * queue, safe to rerun) and shows its progress until it is done. Hidden for everyone else: the server
 * answers NOT_AUTHORIZED to them, on every call.
 */
import { useCallback, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { BackfillProgress } from '../../../src/contract/analytics';
import { type ApiError, call } from '../../shared/api';
import { toApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/react';

/** How often a running rebuild is asked for its progress (ms; range 500–10,000; default 1,500). */
export const REBUILD_POLL_MS = 1500;

const cardStyle = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.small',
  padding: 'space.200',
});

/**
 * A failure to read the progress is the page's (its one error message names it, `onReadError`, and its
 * Retry reads again through `reload`); a failure to start a rebuild is shown here, by the button.
 */
export function Rebuild({ onReadError, reload }: { onReadError: (error: ApiError | null) => void; reload: number }) {
  const { t, formatDateTime } = useI18n();
  // 'hidden' until the server says this caller may rebuild (it answers admins only).
  const [progress, setProgress] = useState<BackfillProgress | null | 'hidden'>('hidden');
  const [error, setError] = useState<{ source: 'read' | 'start'; error: ApiError } | null>(null);

  const settle = useCallback((run: Promise<BackfillProgress | null>, source: 'read' | 'start'): void => {
    run.then(
      (p) => {
        setError(null);
        setProgress(p);
      },
      (e: unknown) => {
        const apiError = toApiError(e);
        if (apiError.code === 'NOT_AUTHORIZED') setProgress('hidden');
        else setError({ source, error: apiError });
      },
    );
  }, []);

  useEffect(() => settle(call('getAnalyticsBackfill', {}), 'read'), [settle, reload]);
  const readError = error?.source === 'read' ? error.error : null;
  useEffect(() => onReadError(readError), [onReadError, readError]);
  const running = progress !== 'hidden' && progress !== null && progress.status === 'running';
  useEffect(() => {
    if (!running) return undefined;
    const timer = setTimeout(() => settle(call('getAnalyticsBackfill', {}), 'read'), REBUILD_POLL_MS);
    return () => clearTimeout(timer);
  }, [running, progress, settle]);

  if (progress === 'hidden') return null;
  const at = (iso: string | null): string => (iso === null ? '–' : (formatDateTime(iso) ?? '–'));
  const status =
    progress === null
      ? t('sup.rebuild.never')
      : progress.status === 'running'
        ? t('sup.rebuild.running', { processed: progress.processed, projected: progress.projected })
        : progress.status === 'failed'
          ? t('sup.rebuild.failed', {
              processed: progress.processed,
              at: at(progress.finishedAt),
              reason:
                progress.failure === undefined
                  ? t('job.failure.UNEXPECTED')
                  : t(`job.failure.${progress.failure.code}`),
            })
          : t('sup.rebuild.done', {
              projected: progress.projected,
              at: at(progress.finishedAt),
            });
  return (
    <Box xcss={cardStyle} testId="rebuild">
      <Stack space="space.100">
        <Text as="strong">{t('sup.rebuild.title')}</Text>
        <Box aria-live="polite">
          <Text testId="rebuild-status">{status}</Text>
        </Box>
        {error?.source === 'start' ? <ErrorState error={error.error} /> : null}
        {progress !== null && (progress.skipped ?? 0) > 0 ? (
          // Issues the projection could not store are skipped, not cut: the admin sees which and why.
          <Stack space="space.050" testId="rebuild-skipped">
            <Text>{t('sup.rebuild.skipped', { skipped: progress.skipped ?? 0 })}</Text>
            {(progress.skippedIssues ?? []).map((s) => (
              <Text key={s.issueKey} size="small">
                {t('sup.rebuild.skippedIssue', { issueKey: s.issueKey, detail: s.detail })}
              </Text>
            ))}
          </Stack>
        ) : null}
        <Inline>
          <Button
            testId="rebuild-start"
            isDisabled={running}
            onClick={() => settle(call('startAnalyticsBackfill', {}), 'start')}
          >
            {t('sup.rebuild.start')}
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}
