import type { CSSProperties } from 'react';
import { token } from '@atlaskit/tokens';

/** A text area of the form; red-bordered while the server has a problem with it. */
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

/** The form's plain buttons (native, so the disabled fieldset disables them too). */
export const buttonStyle: CSSProperties = {
  font: token('font.body'),
  color: token('color.text'),
  backgroundColor: token('color.background.neutral'),
  border: 'none',
  borderRadius: token('radius.small'),
  paddingBlock: token('space.050'),
  paddingInline: token('space.150'),
  cursor: 'pointer',
};
