import type { RefObject } from 'react';
import Button from '@atlaskit/button/new';
import type { ThemeAppearance } from '@atlaskit/lozenge';
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { SetupOutcome, SetupStatus, SetupStepStatus } from '../../../src/contract/setup';
import { errorMessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { ManualList, StepTable, type StepStatus } from './SetupSteps';

const OUTCOME_LOOK: Readonly<Record<SetupOutcome, ThemeAppearance>> = {
  pending: 'default',
  created: 'new',
  found: 'success',
  manual: 'moved',
  failed: 'removed',
};

/** A finished or stopped run: the outcome of each step, what is left by hand, and resuming a stopped run. */
export function SetupReport({
  status,
  headingRef,
  onResume,
}: {
  status: SetupStatus;
  headingRef: RefObject<HTMLHeadingElement>;
  onResume: () => void;
}) {
  const { t } = useI18n();
  const count = (o: string) => status.steps.filter((s) => s.outcome === o).length;
  // A failed step says why in the user's language (the error code's message), never the code itself.
  const stepStatus = (s: SetupStepStatus): StepStatus => ({
    label: t(`setup.outcome.${s.outcome}`),
    appearance: OUTCOME_LOOK[s.outcome],
    ...(s.error === undefined
      ? {}
      : { reason: t('setup.outcome.failedBecause', { reason: t(errorMessageKey(s.error.code)) }) }),
  });
  return (
    <Stack space="space.100" testId="setup-report">
      <h2 ref={headingRef} tabIndex={-1}>
        {t('setup.reportTitle')}
      </h2>
      <Box role="status">
        <Text as="p">
          {status.state === 'done' ? t('setup.report.done') : t('setup.report.failedRun')}{' '}
          {t('setup.report.summary', {
            created: count('created'),
            found: count('found'),
            manual: count('manual'),
            failed: count('failed'),
          })}
        </Text>
      </Box>
      <progress
        max={status.steps.length}
        value={status.nextIndex}
        aria-label={t('setup.progress', { done: status.nextIndex, total: status.steps.length })}
      />
      <StepTable steps={status.steps} status={stepStatus} />
      <ManualList steps={status.steps.filter((s) => s.outcome === 'manual')} />
      {status.state !== 'done' ? (
        <Box>
          <Button appearance="primary" onClick={onResume} testId="setup-resume">
            {t('setup.resume')}
          </Button>
        </Box>
      ) : null}
    </Stack>
  );
}
