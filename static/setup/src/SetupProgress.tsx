import { Box, Stack, Text } from '@atlaskit/primitives';
import type { SetupStatus } from '../../../src/contract/setup';
import { useI18n } from '../../shared/i18n/react';

/** A run in progress: how many steps are done. */
export function SetupProgress({ status }: { status: SetupStatus | null }) {
  const { t } = useI18n();
  const total = status?.steps.length ?? 1;
  const done = status?.nextIndex ?? 0;
  return (
    <Stack space="space.100">
      <Box role="status">
        <Text as="p">
          {t('setup.running')} {status ? t('setup.progress', { done, total }) : ''}
        </Text>
      </Box>
      <progress
        data-testid="setup-progress"
        max={total}
        value={done}
        aria-label={t('setup.progress', { done, total })}
      />
    </Stack>
  );
}
