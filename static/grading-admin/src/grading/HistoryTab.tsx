import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { GradingAdminState } from '../../../../src/contract/gradingAdmin';
import { useI18n } from '../../../shared/i18n/react';
import { EditButton } from '../fields';
import { cardStyles } from './cardStyles';

/** The table's published versions, who saved each and why; an earlier one can be restored as a new version. */
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
  return (
    <Stack space="space.100" as="ul" xcss={xcss({ paddingInlineStart: 'space.0', listStyle: 'none' })}>
      {state.versions.map((v) => (
        <Box as="li" key={v.version} xcss={cardStyles}>
          <Inline spread="space-between" alignBlock="center" shouldWrap>
            <Stack space="space.025">
              <Text weight="bold">
                {t('gradingAdmin.versionLabel', { version: v.version })}
                {v.current ? ` · ${t('gradingAdmin.current')}` : ''}
              </Text>
              <Text size="small" color="color.text.subtle">
                {v.savedAt === null
                  ? t('gradingAdmin.shipped')
                  : t('gradingAdmin.savedByAt', { who: v.savedBy ?? '', when: formatDateTime(v.savedAt) ?? '' })}
                {v.restoredFrom === null ? '' : ` · ${t('gradingAdmin.restoredFrom', { version: v.restoredFrom })}`}
              </Text>
              {v.comment === '' ? null : <Text size="small">{v.comment}</Text>}
            </Stack>
            {v.current ? null : (
              <EditButton
                disabled={busy}
                label={t('gradingAdmin.restoreVersion', { version: v.version })}
                onClick={() => onRestore(v.version)}
              >
                {t('gradingAdmin.restore')}
              </EditButton>
            )}
          </Inline>
        </Box>
      ))}
    </Stack>
  );
}
