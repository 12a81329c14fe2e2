import { useState } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { GradingAdminState } from '../../../../src/contract/gradingAdmin';
import { ConfirmDialog } from '../../../shared/ConfirmDialog';
import { useI18n } from '../../../shared/i18n/react';
import { personName } from '../../../shared/people';
import { EditButton } from '../fields';
import { cardStyles } from './cardStyles';

/**
 * The table's published versions, who saved each (by name) and why; an earlier one can be restored as a
 * new version, after a dialog says what that does (the table in force changes for every new grade).
 */
export function HistoryTab({
  state,
  busy,
  onRestore,
}: {
  state: GradingAdminState;
  busy: boolean;
  onRestore: (version: number) => void;
}) {
  const { t, formatDateTime } = useI18n();
  const [asking, setAsking] = useState<number | null>(null);
  return (
    <>
      <Stack space="space.100" as="ul" xcss={xcss({ paddingInlineStart: 'space.0', listStyle: 'none' })}>
        {state.versions.map((v) => (
          <Box as="li" key={v.version} xcss={cardStyles} testId={`version-${v.version}`}>
            <Inline spread="space-between" alignBlock="center" shouldWrap>
              <Stack space="space.025">
                <Text weight="bold">
                  {t('gradingAdmin.versionLabel', { version: v.version })}
                  {v.current ? ` · ${t('gradingAdmin.current')}` : ''}
                </Text>
                <Text size="small" color="color.text.subtle">
                  {v.savedAt === null
                    ? t('gradingAdmin.shipped')
                    : t('gradingAdmin.savedByAt', {
                        who: v.savedBy === null ? '—' : personName(t, v.savedByName),
                        when: formatDateTime(v.savedAt) ?? '—',
                      })}
                  {v.restoredFrom === null ? '' : ` · ${t('gradingAdmin.restoredFrom', { version: v.restoredFrom })}`}
                </Text>
                {v.comment === '' ? null : <Text size="small">{v.comment}</Text>}
              </Stack>
              {v.current ? null : (
                <EditButton
                  disabled={busy}
                  label={t('gradingAdmin.restoreVersion', { version: v.version })}
                  onClick={() => setAsking(v.version)}
                >
                  {t('gradingAdmin.restore')}
                </EditButton>
              )}
            </Inline>
          </Box>
        ))}
      </Stack>
      <ConfirmDialog
        open={asking !== null}
        title={t('gradingAdmin.restoreConfirmTitle', { version: asking ?? 0 })}
        confirmLabel={t('gradingAdmin.restore')}
        cancelLabel={t('backup.cancel')}
        appearance="warning"
        onConfirm={() => {
          if (asking !== null) onRestore(asking);
          setAsking(null);
        }}
        onCancel={() => setAsking(null)}
        testId="restore-version-confirm"
      >
        <Text as="p">{t('gradingAdmin.restoreConfirmBody', { version: asking ?? 0 })}</Text>
      </ConfirmDialog>
    </>
  );
}
