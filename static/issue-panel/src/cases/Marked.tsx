import { Box, xcss } from '@atlaskit/primitives';
import type { HighlightSegment } from '../../../../src/contract/cases';

/** Text with the words that matched the issue marked. */
export function Marked({ segments }: { segments: readonly HighlightSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.hit ? (
          <Box as="mark" key={i} xcss={markStyles}>
            {s.text}
          </Box>
        ) : (
          <Box as="span" key={i}>
            {s.text}
          </Box>
        ),
      )}
    </>
  );
}

const markStyles = xcss({
  backgroundColor: 'color.background.accent.yellow.subtler',
  color: 'color.text',
  borderRadius: 'radius.small',
});
