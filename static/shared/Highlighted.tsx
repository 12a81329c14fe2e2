import { Box, xcss } from '@atlaskit/primitives';
import type { HighlightSegment } from '../../src/contract/cases';

const markStyles = xcss({
  backgroundColor: 'color.background.accent.yellow.subtler',
  color: 'color.text',
  borderRadius: 'radius.small',
});

/** Text with the words that matched marked (`<mark>`, so assistive tech announces them). */
export function Highlighted({ segments }: { segments: readonly HighlightSegment[] }) {
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
