import type { ReactNode } from 'react';
import { Box, Text, xcss } from '@atlaskit/primitives';
import { useI18n } from '../../shared/i18n/react';

/** The panel's label/value rows, shared by its sections (IssuePanel, Acceptance). */
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

/** An absolute instant in the user's zone (e.g. when the line started); relative times are the clocks'. */
export function DateTime({ iso }: { iso: string | null }) {
  const { formatDateTime } = useI18n();
  const absolute = iso === null ? null : formatDateTime(iso);
  if (iso === null || absolute === null) return <NotSet />;
  return (
    <Box as="time" dateTime={iso}>
      <Text>{absolute}</Text>
    </Box>
  );
}
