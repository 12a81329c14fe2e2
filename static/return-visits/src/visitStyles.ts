import type { CSSProperties } from 'react';
import { xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { baseInputStyle } from '../../shared/controls';

export const inputStyle: CSSProperties = {
  ...baseInputStyle(),
  width: '100%',
  boxSizing: 'border-box',
};
/** The page's buttons (native: tabs, record, save, publish). */
export const buttonStyle: CSSProperties = {
  font: token('font.body'),
  color: token('color.text.inverse'),
  backgroundColor: token('color.background.brand.bold'),
  border: 'none',
  borderRadius: token('radius.small'),
  paddingBlock: token('space.050'),
  paddingInline: token('space.150'),
  cursor: 'pointer',
};
export const cardStyles = xcss({
  borderColor: 'color.border',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderRadius: 'radius.medium',
  padding: 'space.200',
});
