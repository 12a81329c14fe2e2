import { xcss } from '@atlaskit/primitives';

/** A bordered card around one editable thing (a dimension, an override, a grade's SLA, a calendar, a version). */
export const cardStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.150',
});
