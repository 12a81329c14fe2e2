import type { RefObject } from 'react';
import Button from '@atlaskit/button/new';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { BackupRestoreStatus } from '../../../src/contract/backup';
import { useI18n } from '../../shared/i18n/react';

/** A restore left half-way (closed tab, function stopped): how far it got, and resuming it. */
export function BackupIncomplete({
  status,
  headingRef,
  onResume,
}: {
  status: BackupRestoreStatus;
  headingRef: RefObject<HTMLHeadingElement>;
  onResume: () => void;
}) {
  const { t, formatDateTime } = useI18n();
  return (
    <Box xcss={warningStyles} role="alert" testId="backup-incomplete">
      <Stack space="space.100">
        <h3 ref={headingRef} tabIndex={-1}>
          {t('backup.incomplete')}
        </h3>
        <Text as="p">
          {t('backup.incompleteHelp', {
            at: formatDateTime(status.createdAt) ?? '—',
            done: status.stepsDone,
            total: status.stepCount,
          })}
        </Text>
        <Box>
          <Button appearance="primary" onClick={onResume} testId="backup-resume">
            {t('backup.resume')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}

const warningStyles = xcss({
  backgroundColor: 'color.background.warning',
  borderRadius: 'radius.medium',
  padding: 'space.200',
});
