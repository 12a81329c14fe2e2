import { Box, Inline, Pressable, Text } from '@atlaskit/primitives';
import type { ApiError } from '../../../shared/api';
import { errorMessageKey, type MessageKey } from '../../../shared/i18n';
import { useI18n } from '../../../shared/i18n/react';
import { smallButtonStyles } from './caseStyles';

/** A failure in one line, in the user's language (the code shown when unknown), with a retry when there is one. */
export function CaseErrorLine({
  error,
  title,
  onRetry,
}: {
  error: ApiError;
  title?: MessageKey;
  onRetry?: () => void;
}) {
  const { t } = useI18n();
  const key = errorMessageKey(error.code);
  return (
    <Box role="alert">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Text size="small" color="color.text.danger">
          {title ? `${t(title)}: ` : ''}
          {key === 'errorCode.unknown' ? `${t(key)} (${error.code})` : t(key, error.params)}
        </Text>
        {onRetry ? (
          <Pressable xcss={smallButtonStyles} onClick={onRetry}>
            {t('common.retry')}
          </Pressable>
        ) : null}
      </Inline>
    </Box>
  );
}
