import type { RefObject } from 'react';
import { Stack, Text } from '@atlaskit/primitives';
import type { SetupStatus } from '../../../src/contract/setup';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { SetupButton } from './SetupButton';
import { ManualList, StepTable } from './SetupSteps';

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
  return (
    <Stack space="space.100" testId="setup-report">
      <h2 ref={headingRef} tabIndex={-1}>
        {t('setup.reportTitle')}
      </h2>
      <Text as="p" role="status">
        {status.state === 'done' ? t('setup.report.done') : t('setup.report.failedRun')}{' '}
        {t('setup.report.summary', {
          created: count('created'),
          found: count('found'),
          manual: count('manual'),
          failed: count('failed'),
        })}
      </Text>
      <progress
        max={status.steps.length}
        value={status.nextIndex}
        aria-label={t('setup.progress', { done: status.nextIndex, total: status.steps.length })}
      />
      <StepTable
        steps={status.steps}
        column={(s) => t(`setup.outcome.${s.outcome}` as MessageKey) + (s.error ? ` (${s.error.code})` : '')}
      />
      <ManualList steps={status.steps.filter((s) => s.outcome === 'manual')} />
      {status.state !== 'done' ? (
        <SetupButton onClick={onResume} label={t('setup.resume')} testId="setup-resume" primary />
      ) : null}
    </Stack>
  );
}
