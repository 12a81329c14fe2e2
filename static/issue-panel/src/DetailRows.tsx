import type { ReactNode } from 'react';
import { Box, Inline, Text, xcss } from '@atlaskit/primitives';
import { useI18n } from '../../shared/i18n/react';
import { useNow } from './useNow';

/** The panel's label/value rows, shared by its sections (IssuePanel, Clocks, Acceptance). */
// A two-column description list like Jira's own "Details" panel: subtle labels, values beside them.
export const listStyles = xcss({
  display: 'grid',
  gridTemplateColumns: 'minmax(min-content, 40%) 1fr',
  columnGap: 'space.200',
  rowGap: 'space.100',
  alignItems: 'center',
  margin: 'space.0',
});
const termStyles = xcss({ margin: 'space.0' });
const definitionStyles = xcss({ margin: 'space.0', minWidth: '0' });

export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Box as="dt" xcss={termStyles}>
        <Text color="color.text.subtle" weight="medium">
          {label}
        </Text>
      </Box>
      <Box as="dd" xcss={definitionStyles}>
        {children}
      </Box>
    </>
  );
}

export function NotSet() {
  const { t } = useI18n();
  return <Text color="color.text.subtlest">{t('common.notSet')}</Text>;
}

export type TextColor = 'color.text.danger' | 'color.text.warning';

export function DateTime({
  iso,
  relative = false,
  color,
}: {
  iso: string | null;
  relative?: boolean;
  color?: TextColor | undefined;
}) {
  const { t, formatDateTime, formatRelative } = useI18n();
  const now = useNow(relative && iso !== null);
  const absolute = iso === null ? null : formatDateTime(iso);
  if (iso === null || absolute === null) return <NotSet />;
  const hint = relative ? formatRelative(iso, now) : null;
  return (
    <Inline space="space.050" shouldWrap>
      <Box as="time" dateTime={iso}>
        <Text color={color ?? 'color.text'} weight={color === undefined ? 'regular' : 'medium'}>
          {absolute}
        </Text>
      </Box>
      {hint === null ? null : <Text color="color.text.subtlest">{t('time.relative', { relative: hint })}</Text>}
    </Inline>
  );
}
