import { xcss } from '@atlaskit/primitives';

/** The look every folded section of the panel shares: a rule above, a small heading, a list of cards. */
export const sectionStyles = xcss({
  borderBlockStartWidth: 'border.width',
  borderBlockStartStyle: 'solid',
  borderColor: 'color.border',
  paddingBlockStart: 'space.150',
});
export const headingStyles = xcss({ font: 'font.heading.xsmall', color: 'color.text', margin: 'space.0' });
export const itemListStyles = xcss({
  listStyle: 'none',
  margin: 'space.0',
  padding: 'space.0',
  display: 'flex',
  flexDirection: 'column',
  gap: 'space.050',
});
export const itemStyles = xcss({
  padding: 'space.075',
  borderRadius: 'radius.small',
  backgroundColor: 'color.background.neutral.subtle',
});
