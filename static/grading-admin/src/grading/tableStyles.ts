import type { CSSProperties } from 'react';
import { token } from '@atlaskit/tokens';

/**
 * The editor's tables (a dimension's options, the thresholds), drawn like Atlaskit's dynamic table: a
 * heavier rule under the column titles, a light one between rows, cells read from the top left.
 */
export const tableStyle: CSSProperties = { borderCollapse: 'collapse', width: '100%' };

export const headStyle: CSSProperties = {
  textAlign: 'start',
  verticalAlign: 'bottom',
  font: token('font.body.small'),
  fontWeight: token('font.weight.bold'),
  color: token('color.text.subtle'),
  paddingBlock: token('space.050'),
  paddingInline: token('space.050'),
  borderBlockEnd: `${token('border.width.selected')} solid ${token('color.border')}`,
};

export const cellStyle: CSSProperties = {
  textAlign: 'start',
  verticalAlign: 'top',
  paddingBlock: token('space.050'),
  paddingInline: token('space.050'),
  borderBlockEnd: `${token('border.width')} solid ${token('color.border')}`,
};
