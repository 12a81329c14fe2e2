import { forwardRef } from 'react';
import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import { errorMessageKey, type MessageKey, type MessageParams } from './i18n';
import { useI18n } from './i18n/react';
import type { ApiError } from './errors';

/**
 * An error the user can act on, in their language: what failed (`titleKey`), why (the error
 * code's translation), the code itself for support, and a retry button reachable by Tab.
 * Shaped like the design system's error section message.
 */
export interface ErrorStateProps {
  error: ApiError;
  titleKey?: MessageKey;
  /** Extra message parameters the UI knows (e.g. the issue key), overridden by the error's own. */
  params?: MessageParams;
  onRetry?: () => void;
}

const containerStyles = xcss({
  backgroundColor: 'color.background.danger',
  borderRadius: 'radius.medium',
  padding: 'space.200',
});

const iconStyles = xcss({
  flexShrink: 0,
  width: 'size.200',
  height: 'size.200',
  borderRadius: 'radius.full',
  backgroundColor: 'color.background.danger.bold',
  color: 'color.text.inverse',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  font: 'font.body.small',
  fontWeight: 'font.weight.bold',
});

export const ErrorState = forwardRef<HTMLButtonElement, ErrorStateProps>(function ErrorState(
  { error, titleKey = 'error.title', params = {}, onRetry },
  retryRef,
) {
  const { t } = useI18n();
  const message = t(errorMessageKey(error.code), { ...params, ...error.params });
  return (
    <Box xcss={containerStyles} role="alert">
      <Inline space="space.150" alignBlock="start">
        <Box xcss={iconStyles} aria-hidden="true">
          !
        </Box>
        <Stack space="space.100">
          <Text weight="semibold">{t(titleKey)}</Text>
          <Text>{message}</Text>
          {/* subtle, not subtlest: on the danger background subtlest fell just under 4.5:1 */}
          <Text size="small" color="color.text.subtle">
            {t('error.codeLabel', { code: error.code })}
          </Text>
          {onRetry === undefined ? null : (
            <Box>
              <RetryButton ref={retryRef} onClick={onRetry} label={t('common.retry')} />
            </Box>
          )}
        </Stack>
      </Inline>
    </Box>
  );
});

const buttonStyles = xcss({
  backgroundColor: 'color.background.neutral',
  color: 'color.text',
  borderRadius: 'radius.small',
  paddingBlock: 'space.075',
  paddingInline: 'space.150',
  font: 'font.body',
  fontWeight: 'font.weight.medium',
  ':hover': { backgroundColor: 'color.background.neutral.hovered' },
  ':active': { backgroundColor: 'color.background.neutral.pressed' },
});

/** A default-appearance button built on Pressable (which brings the design system's focus ring). */
export const RetryButton = forwardRef<HTMLButtonElement, { onClick: () => void; label: string }>(function RetryButton(
  { onClick, label },
  ref,
) {
  return (
    <Pressable ref={ref} xcss={buttonStyles} onClick={() => onClick()}>
      {label}
    </Pressable>
  );
});
