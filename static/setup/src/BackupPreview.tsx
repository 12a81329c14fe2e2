import { useState, type RefObject } from 'react';
import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { BackupRestorePreview } from '../../../src/contract/backup';
import { ConfirmDialog } from '../../shared/ConfirmDialog';
import { useI18n } from '../../shared/i18n/react';
import { personName } from '../../shared/people';
import { cellStyle, headStyle, tableStyle } from '../../shared/tableStyles';

/**
 * What a chosen backup file would change (configuration entries and cases, added and changed), and the
 * restore, which a dialog confirms first (it overwrites). A new file mounts a new preview, unconfirmed.
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
  const [asking, setAsking] = useState(false);
  return (
    <Stack space="space.100" testId="backup-preview">
      <h3 ref={headingRef} tabIndex={-1}>
        {t('backup.previewTitle')}
      </h3>
      <Text as="p">
        {t('backup.preview.exported', {
          exportedAt: formatDateTime(preview.exportedAt) ?? '—',
          exportedBy: preview.exportedBy === null ? '—' : personName(t, preview.exportedByName),
        })}
      </Text>
      <table style={tableStyle}>
        <thead>
          <tr>
            <th scope="col" style={headStyle}>
              {t('backup.preview.col.what')}
            </th>
            <th scope="col" style={headStyle}>
              {t('backup.preview.col.inFile')}
            </th>
            <th scope="col" style={headStyle}>
              {t('backup.preview.col.added')}
            </th>
            <th scope="col" style={headStyle}>
              {t('backup.preview.col.changed')}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr data-row="config">
            <th scope="row" style={cellStyle}>
              {t('backup.preview.config')}
            </th>
            <td style={cellStyle}>{preview.configKeys}</td>
            <td style={cellStyle}>{preview.configAdded}</td>
            <td style={cellStyle}>{preview.configChanged}</td>
          </tr>
          <tr data-row="cases">
            <th scope="row" style={cellStyle}>
              {t('backup.preview.cases')}
            </th>
            <td style={cellStyle}>{preview.cases}</td>
            <td style={cellStyle}>{preview.casesAdded}</td>
            <td style={cellStyle}>{preview.casesChanged}</td>
          </tr>
        </tbody>
      </table>
      <Inline space="space.100">
        <Button appearance="danger" onClick={() => setAsking(true)} testId="backup-restore">
          {t('backup.restoreEllipsis')}
        </Button>
        <Button onClick={onCancel} testId="backup-cancel">
          {t('backup.cancel')}
        </Button>
      </Inline>
      <ConfirmDialog
        open={asking}
        title={t('backup.confirmTitle')}
        confirmLabel={t('backup.restore')}
        cancelLabel={t('backup.cancel')}
        onConfirm={() => {
          setAsking(false);
          onRestore();
        }}
        onCancel={() => setAsking(false)}
        testId="backup-confirm"
      >
        <Text as="p">{t('backup.confirmBody', { configKeys: preview.configKeys, cases: preview.cases })}</Text>
      </ConfirmDialog>
    </Stack>
  );
}
