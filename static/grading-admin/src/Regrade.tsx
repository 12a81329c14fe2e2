/**
 * "Recompute open issues": publishing a table never regrades by itself; an admin starts the recompute
 * here (use case in src/app/regrade; closed issues keep their grade) and sees its progress.
 */
import { useEffect, useState } from 'react';
import { Box, Inline, Text } from '@atlaskit/primitives';
import type { RegradeProgress } from '../../../src/contract/triage';
import { call } from '../../shared/api';
import { ConfirmDialog } from '../../shared/ConfirmDialog';
import { type ApiError, toApiError } from '../../shared/errors';
import { errorMessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { EditButton } from './fields';

/** How often to ask for progress while a recompute runs; ms, default 2000. */
const POLL_MS = 2000;

export function Regrade() {
  const { t } = useI18n();
  const [progress, setProgress] = useState<RegradeProgress | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // Recompute rewrites every open issue's grade: the button asks in a dialog, "Yes" there starts it.
  const [asking, setAsking] = useState(false);

  useEffect(() => {
    if (progress === null || progress.status !== 'running') return;
    const timer = setTimeout(() => {
      call('getRegradeProgress', { jobId: progress.jobId })
        .then((p) => p !== null && setProgress(p))
        .catch((e: unknown) => setError(toApiError(e)));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [progress]);

  const start = async () => {
    setError(null);
    setAsking(false);
    try {
      setProgress(await call('startRegrade', { confirm: true }));
    } catch (e) {
      setError(toApiError(e));
    }
  };

  return (
    <Inline space="space.100" alignBlock="center" shouldWrap>
      <EditButton
        disabled={asking || (progress !== null && progress.status === 'running')}
        onClick={() => setAsking(true)}
      >
        {t('gradingAdmin.regrade')}
      </EditButton>
      <ConfirmDialog
        open={asking}
        title={t('gradingAdmin.regrade')}
        confirmLabel={t('gradingAdmin.regradeYes')}
        cancelLabel={t('backup.cancel')}
        appearance="warning"
        onConfirm={() => void start()}
        onCancel={() => setAsking(false)}
        testId="regrade-confirm"
      >
        <Text as="p">{t('gradingAdmin.regradeConfirm')}</Text>
      </ConfirmDialog>
      {progress === null ? null : progress.status === 'failed' ? (
        <Box role="status">
          <Text size="small" color="color.text.danger" testId="regrade-failed">
            {t('gradingAdmin.regradeFailed', {
              processed: progress.processed,
              total: progress.total,
              reason:
                progress.failure === undefined
                  ? t('job.failure.UNEXPECTED')
                  : t(`job.failure.${progress.failure.code}`),
            })}
          </Text>
        </Box>
      ) : (
        <Box aria-live="polite">
          <Text size="small">
            {t(progress.status === 'done' ? 'gradingAdmin.regradeDone' : 'gradingAdmin.regradeRunning', {
              processed: progress.processed,
              total: progress.total,
              regraded: progress.regraded,
              closed: progress.skippedClosed,
            })}
          </Text>
        </Box>
      )}
      {error === null ? null : (
        <Box role="alert">
          <Text size="small" color="color.text.danger">
            {t(errorMessageKey(error.code), error.params)}
          </Text>
        </Box>
      )}
    </Inline>
  );
}
