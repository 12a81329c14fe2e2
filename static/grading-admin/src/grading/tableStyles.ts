import type { CSSProperties } from 'react';
import { token } from '@atlaskit/tokens';
import { cellStyle as sharedCell, headStyle as sharedHead } from '../../../shared/tableStyles';

export { tableStyle } from '../../../shared/tableStyles';

/** The editor's cells hold inputs (a dimension's options, the thresholds): tighter than the shared tables. */
export const headStyle: CSSProperties = { ...sharedHead, paddingInline: token('space.050') };

export const cellStyle: CSSProperties = {
  ...sharedCell,
  paddingBlock: token('space.050'),
  paddingInline: token('space.050'),
};
