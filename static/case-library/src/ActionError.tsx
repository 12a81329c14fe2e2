import { Box, Text, xcss } from '@atlaskit/primitives';
import type { ApiError } from '../../shared/api';
import { errorMessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';

/** Why a save or a retirement failed, in the user's language (the code shown when unknown). */
export function ActionError({ error }: { error: ApiError }) {
  const { t } = useI18n();
  const key = errorMessageKey(error.code);
  return (
    <Box role="alert" xcss={errorStyles}>
      <Text color="color.text.danger">
        {key === 'errorCode.unknown' ? `${t(key)} (${error.code})` : t(key, error.params)}
      </Text>
    </Box>
  );
}

const errorStyles = xcss({
  backgroundColor: 'color.background.danger',
  padding: 'space.100',
  borderRadius: 'radius.small',
});
