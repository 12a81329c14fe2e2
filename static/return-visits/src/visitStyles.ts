import type { CSSProperties } from 'react';
import { xcss } from '@atlaskit/primitives';
import { baseInputStyle } from '../../shared/controls';

export const inputStyle: CSSProperties = {
  ...baseInputStyle(),
  width: '100%',
  boxSizing: 'border-box',
};
export const cardStyles = xcss({
  borderColor: 'color.border',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderRadius: 'radius.medium',
  padding: 'space.200',
});
