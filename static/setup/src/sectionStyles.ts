import { xcss } from '@atlaskit/primitives';

/** A section of the setup page below the first: a rule above it, then space. */
export const sectionStyles = xcss({
  borderBlockStartColor: 'color.border',
  borderBlockStartStyle: 'solid',
  borderBlockStartWidth: 'border.width',
  paddingBlockStart: 'space.200',
});
