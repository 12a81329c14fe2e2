import { xcss } from '@atlaskit/primitives';

export const subheadingStyles = xcss({ font: 'font.heading.small', color: 'color.text', margin: 'space.0' });
/** A list without bullets or indent (cases, versions). */
export const listStyles = xcss({ listStyle: 'none', margin: 'space.0', padding: 'space.0' });
