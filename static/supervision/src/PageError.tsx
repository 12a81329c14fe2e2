/**
 * The page's one error state: when figures could not be loaded (the server down, a timeout), a single
 * error message at the top names what is missing and why, with one Retry for all of it, instead of an
 * error block in every card. Drawn like the design system's error section message with primitives:
 * @atlaskit/section-message itself would add 126 KB gzip to this app (its icon button, link and theme
 * engine), half of what is left of the 250 KiB budget (docs/decisions/charting-library.md).
 */
import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ApiError } from '../../shared/api';
import { errorMessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';

export interface Failure {
  /** What could not be loaded, as the page titles it. */
  title: string;
  error: ApiError;
}

const messageStyle = xcss({
  backgroundColor: 'color.background.danger',
  borderRadius: 'radius.medium',
  padding: 'space.200',
});
const iconStyle = xcss({
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

export function PageError({
  failures,
  everything,
  onRetry,
}: {
  failures: readonly Failure[];
  /** Nothing at all could be loaded: the message stands alone. */
  everything: boolean;
  onRetry: () => void;
}) {
  const { t, formatLocale } = useI18n();
  if (failures.length === 0) return null;
  // One sentence per distinct reason (eleven timeouts are one reason), each error code once for support.
  const reasons = [...new Set(failures.map((f) => t(errorMessageKey(f.error.code), f.error.params)))];
  const codes = [...new Set(failures.map((f) => f.error.code))];
  const list = new Intl.ListFormat(formatLocale, { type: 'conjunction' });
  return (
    <Box xcss={messageStyle} role="alert" testId="page-error">
      <Inline space="space.150" alignBlock="start">
        <Box xcss={iconStyle} aria-hidden="true">
          !
        </Box>
        <Stack space="space.100">
          <Text weight="semibold">{everything ? t('sup.error.all') : t('sup.error.some')}</Text>
          {everything ? null : (
            <Text testId="page-error-which">
              {t('sup.error.which', { charts: list.format(failures.map((f) => f.title)) })}
            </Text>
          )}
          {reasons.map((r) => (
            <Text key={r}>{r}</Text>
          ))}
          {/* subtle, not subtlest: on the danger background subtlest falls under 4.5:1 */}
          <Text size="small" color="color.text.subtle">
            {t('error.codeLabel', { code: codes.join(', ') })}
          </Text>
          <Box>
            <Button testId="page-error-retry" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          </Box>
        </Stack>
      </Inline>
    </Box>
  );
}
