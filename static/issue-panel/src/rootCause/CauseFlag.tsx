import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { RootCauseState } from '../../../../src/contract/closure';
import { useI18n } from '../../../shared/i18n/react';
import { RootCauseArea } from './RootCauseArea';

/** The server found the cause blaming the customer, fate or attitude: the author may keep it, with a reason. */
export function CauseFlag({
  flags,
  reason,
  onReason,
}: {
  flags: RootCauseState['flags'];
  reason: string;
  onReason: (reason: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Box xcss={flagStyles} testId="root-cause-flag" role="alert">
      <Stack space="space.100">
        <Text>
          {t('rootCause.flagged', {
            categories: flags.map((f) => t(`rootCause.category.${f.category}`)).join(', '),
            phrase: flags[0]?.phrase ?? '',
          })}
        </Text>
        <RootCauseArea
          label={t('rootCause.overrideReason')}
          path="overrideReason"
          value={reason}
          errors={[]}
          onChange={onReason}
        />
      </Stack>
    </Box>
  );
}

const flagStyles = xcss({
  backgroundColor: 'color.background.warning',
  borderRadius: 'radius.medium',
  padding: 'space.150',
});
