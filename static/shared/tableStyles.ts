import type { CSSProperties } from 'react';
import { token } from '@atlaskit/tokens';

/**
 * The admin pages' tables (setup's steps, projects, site check and audit log; the grading editor's), drawn
 * like Atlaskit's dynamic table: a heavier rule under the head, a light one between rows, cells read from
 * the top left. Atlaskit's DynamicTable itself adds about 110 KB gzip to an app (drag-and-drop,
 * pagination, feature gates), which the 250 KiB budget does not allow (measured for issue 16).
 */
export const tableStyle: CSSProperties = { borderCollapse: 'collapse', width: '100%' };

export const headStyle: CSSProperties = {
  textAlign: 'start',
  verticalAlign: 'bottom',
  font: token('font.body.small'),
  fontWeight: token('font.weight.bold'),
  color: token('color.text.subtle'),
  paddingBlock: token('space.050'),
  paddingInline: token('space.100'),
  borderBlockEnd: `${token('border.width.selected')} solid ${token('color.border')}`,
};

export const cellStyle: CSSProperties = {
  textAlign: 'start',
  verticalAlign: 'top',
  paddingBlock: token('space.075'),
  paddingInline: token('space.100'),
  borderBlockEnd: `${token('border.width')} solid ${token('color.border')}`,
};

export const captionStyle: CSSProperties = {
  textAlign: 'start',
  font: token('font.body.small'),
  color: token('color.text.subtle'),
  paddingBlockEnd: token('space.050'),
};
