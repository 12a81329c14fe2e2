import { useId, type ReactNode } from 'react';
import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';

/**
 * A folded section of the panel whose content is already at hand (owner history, the root cause once it
 * is not the next step, case suggestions): a disclosure button (`aria-expanded`) with the title and an
 * optional marker beside it (a lozenge, a count), the content under it when open.
 */
export function Fold({
  title,
  toggleLabel,
  aside,
  open,
  onToggle,
  testId,
  children,
}: {
  title: string;
  /** The button's accessible name ("Show 5 similar cases"); the title when not given. */
  toggleLabel?: string;
  aside?: ReactNode;
  open: boolean;
  onToggle: () => void;
  testId: string;
  children: ReactNode;
}) {
  const contentId = useId();
  return (
    <Box as="section" aria-label={title} testId={testId}>
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="center">
          <Pressable
            xcss={toggleStyles}
            aria-expanded={open}
            aria-controls={contentId}
            aria-label={toggleLabel}
            onClick={onToggle}
            testId={`${testId}-toggle`}
          >
            <Inline space="space.050" alignBlock="center">
              <Text weight="semibold" color="color.text">
                {title}
              </Text>
              <Text color="color.text.subtle" size="small">
                {open ? '▾' : '▸'}
              </Text>
            </Inline>
          </Pressable>
          {aside}
        </Inline>
        {open ? <Box id={contentId}>{children}</Box> : null}
      </Stack>
    </Box>
  );
}

/** A fold's toggle: a subtle, full-width pressable (also FoldedHistory's). */
export const toggleStyles = xcss({
  backgroundColor: 'color.background.neutral.subtle',
  borderRadius: 'radius.small',
  paddingBlock: 'space.050',
  paddingInline: 'space.050',
  textAlign: 'start',
  ':hover': { backgroundColor: 'color.background.neutral.subtle.hovered' },
  ':active': { backgroundColor: 'color.background.neutral.subtle.pressed' },
});
