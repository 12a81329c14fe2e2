import type { CSSProperties } from 'react';
import { xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';

/** The section's text inputs (search, improve). */
export const inputStyle: CSSProperties = {
  font: token('font.body'),
  color: token('color.text'),
  backgroundColor: token('color.background.input'),
  border: `${token('border.width')} solid ${token('color.border.input')}`,
  borderRadius: token('radius.small'),
  paddingBlock: token('space.050'),
  paddingInline: token('space.075'),
  width: '100%',
  boxSizing: 'border-box',
};
export const smallButtonStyles = xcss({
  backgroundColor: 'color.background.neutral',
  color: 'color.text',
  borderRadius: 'radius.small',
  paddingBlock: 'space.025',
  paddingInline: 'space.100',
  font: 'font.body.small',
  ':hover': { backgroundColor: 'color.background.neutral.hovered' },
});
/** A small button in its pressed state (the agent's mark on a case). */
export const selectedStyles = xcss({
  backgroundColor: 'color.background.selected',
  color: 'color.text.selected',
  borderRadius: 'radius.small',
  paddingBlock: 'space.025',
  paddingInline: 'space.100',
  font: 'font.body.small',
});
