import { forwardRef } from 'react';
import SectionMessage from '@atlaskit/section-message';
import { Stack, Text } from '@atlaskit/primitives';
import { Button } from './Button';
import { errorMessageKey, type MessageKey, type MessageParams } from './i18n';
import { useI18n } from './i18n/react';
import type { ApiError } from './errors';

/**
 * An error the user can act on, in their language: the design system's error section message with
 * what failed (`titleKey`), why (the error code's translation), the code itself for support, and a
 * Retry button reachable by Tab.
 */
export interface ErrorStateProps {
  error: ApiError;
  titleKey?: MessageKey;
  /** Extra message parameters the UI knows (e.g. the issue key), overridden by the error's own. */
  params?: MessageParams;
  onRetry?: () => void;
  /** The title's heading level where the page's outline needs another than h2. */
  headingLevel?: 'h2' | 'h3' | 'h4';
}

export const ErrorState = forwardRef<HTMLButtonElement, ErrorStateProps>(function ErrorState(
  { error, titleKey = 'error.title', params = {}, onRetry, headingLevel = 'h2' },
  retryRef,
) {
  const { t } = useI18n();
  const message = t(errorMessageKey(error.code), { ...params, ...error.params });
  return (
    // role="alert" on a wrapper: the section message itself is a plain <section>.
    <div role="alert">
      <SectionMessage
        appearance="error"
        title={t(titleKey)}
        headingLevel={headingLevel}
        {...(onRetry === undefined
          ? {}
          : { actions: <RetryButton ref={retryRef} onClick={onRetry} label={t('common.retry')} /> })}
      >
        <Stack space="space.050">
          <Text>{message}</Text>
          {/* subtle, not subtlest: on the danger background subtlest fell just under 4.5:1 */}
          <Text size="small" color="color.text.subtle">
            {t('error.codeLabel', { code: error.code })}
          </Text>
        </Stack>
      </SectionMessage>
    </div>
  );
});

/** A default-appearance button for trying an action again (the shared Button under a stable name). */
export const RetryButton = forwardRef<HTMLButtonElement, { onClick: () => void; label: string }>(function RetryButton(
  { onClick, label },
  ref,
) {
  return (
    <Button ref={ref} onClick={onClick}>
      {label}
    </Button>
  );
});
