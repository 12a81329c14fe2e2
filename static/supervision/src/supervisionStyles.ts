import { xcss } from '@atlaskit/primitives';

/** The supervision page's shared looks: a card around a chart or table, a neutral button, a number that drills down. */
export const cardStyle = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.small',
  padding: 'space.200',
});
export const buttonStyle = xcss({
  backgroundColor: 'color.background.neutral',
  color: 'color.text',
  paddingInline: 'space.150',
  paddingBlock: 'space.050',
  borderRadius: 'radius.small',
});
export const linkStyle = xcss({
  color: 'color.link',
  backgroundColor: 'color.background.neutral.subtle',
  padding: 'space.0',
});

/** A share as a percentage with one decimal; '–' when there is nothing to divide. */
export const pct = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 1000) / 10}%`);
