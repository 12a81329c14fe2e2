import type { RefObject } from 'react';
import { Stack, Text } from '@atlaskit/primitives';
import type { BackupRestoreStatus } from '../../../src/contract/backup';
import { useI18n } from '../../shared/i18n/react';

/** A finished restore: what it wrote, and the grading table version it published, if any. */
export function BackupDone({
  status,
  headingRef,
}: {
  status: BackupRestoreStatus;
  headingRef: RefObject<HTMLHeadingElement>;
}) {
  const { t } = useI18n();
  return (
    <Stack space="space.050" testId="backup-done">
      <h3 ref={headingRef} tabIndex={-1}>
        {t('backup.done', { configEntries: status.counts.configEntries, cases: status.counts.cases })}
      </h3>
      {status.publishedVersion === null ? null : (
        <Text as="p">{t('backup.donePublished', { version: status.publishedVersion })}</Text>
      )}
    </Stack>
  );
}
