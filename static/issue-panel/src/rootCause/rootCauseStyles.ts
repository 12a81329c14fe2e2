import type { CSSProperties } from 'react';
import { token } from '@atlaskit/tokens';

/** A text area of the form; red-bordered while it has a problem (empty when required, or the server's check). */
export const inputStyle = (invalid: boolean): CSSProperties => ({
  font: token('font.body'),
  color: token('color.text'),
  backgroundColor: token('color.background.input'),
  border: `${token('border.width')} solid ${invalid ? token('color.border.danger') : token('color.border.input')}`,
  borderRadius: token('radius.small'),
  paddingBlock: token('space.050'),
  paddingInline: token('space.075'),
  width: '100%',
  boxSizing: 'border-box',
});
