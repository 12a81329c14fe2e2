import { xcss } from '@atlaskit/primitives';

/** The supervision page's shared looks: a card around a chart or table, a number that drills down. */
export const cardStyle = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.small',
  padding: 'space.200',
});
export const linkStyle = xcss({
  color: 'color.link',
  backgroundColor: 'color.background.neutral.subtle',
  padding: 'space.0',
});
