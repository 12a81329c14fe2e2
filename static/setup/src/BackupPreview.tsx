import { useId, useState, type RefObject } from 'react';
import { Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import type { BackupRestorePreview } from '../../../src/contract/backup';
import { buttonStyles, dangerButtonStyles } from '../../shared/controls';
import { useI18n } from '../../shared/i18n/react';
import { personName } from '../../shared/people';

/**
 * What a chosen backup file would change (configuration entries and cases, added and changed), and the
 * restore, which stays disabled until the admin confirms. A new file mounts a new preview, unconfirmed.
 */
export function BackupPreview({
  preview,
  headingRef,
  onRestore,
  onCancel,
}: {
  preview: BackupRestorePreview;
  headingRef: RefObject<HTMLHeadingElement>;
  onRestore: () => void;
  onCancel: () => void;
}) {
  const { t, formatDateTime } = useI18n();
  const [confirmed, setConfirmed] = useState(false);
  const confirmId = useId();
  return (
    <Stack space="space.100" testId="backup-preview">
      <h3 ref={headingRef} tabIndex={-1}>
        {t('backup.previewTitle')}
      </h3>
      <Text as="p">
        {t('backup.preview.exported', {
          exportedAt: formatDateTime(preview.exportedAt) ?? preview.exportedAt,
          exportedBy: preview.exportedBy === null ? '—' : personName(t, preview.exportedByName),
        })}
      </Text>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('backup.preview.col.what')}</th>
            <th scope="col">{t('backup.preview.col.inFile')}</th>
            <th scope="col">{t('backup.preview.col.added')}</th>
            <th scope="col">{t('backup.preview.col.changed')}</th>
          </tr>
        </thead>
        <tbody>
          <tr data-row="config">
            <th scope="row">{t('backup.preview.config')}</th>
            <td>{preview.configKeys}</td>
            <td>{preview.configAdded}</td>
            <td>{preview.configChanged}</td>
          </tr>
          <tr data-row="cases">
            <th scope="row">{t('backup.preview.cases')}</th>
            <td>{preview.cases}</td>
            <td>{preview.casesAdded}</td>
            <td>{preview.casesChanged}</td>
          </tr>
        </tbody>
      </table>
      <label htmlFor={confirmId}>
        <input
          id={confirmId}
          type="checkbox"
          checked={confirmed}
          onChange={(e) => setConfirmed(e.currentTarget.checked)}
          data-testid="backup-confirm"
        />{' '}
        {t('backup.confirm')}
      </label>
      <Inline space="space.100">
        <Pressable
          xcss={confirmed ? dangerButtonStyles : [dangerButtonStyles, disabledStyles]}
          isDisabled={!confirmed}
          onClick={onRestore}
          testId="backup-restore"
        >
          {t('backup.restore')}
        </Pressable>
        <Pressable xcss={buttonStyles} onClick={onCancel} testId="backup-cancel">
          {t('backup.cancel')}
        </Pressable>
      </Inline>
    </Stack>
  );
}

/** A disabled button must look disabled, not only refuse clicks. */
const disabledStyles = xcss({ opacity: 'opacity.disabled', cursor: 'not-allowed' });
