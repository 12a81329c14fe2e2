import { Pressable } from '@atlaskit/primitives';
import type { Drill } from '../../../src/contract/analytics';
import { linkStyle } from './supervisionStyles';

/** A number that opens the drill-down of the issues behind it. */
export function DrillNumber({
  drill,
  testId,
  label,
  onDrill,
}: {
  drill: Drill;
  testId: string;
  label: string;
  onDrill: (jql: string, label: string) => void;
}) {
  return (
    <Pressable
      xcss={linkStyle}
      testId={testId}
      onClick={() => onDrill(drill.jql, label)}
      aria-label={`${label}: ${drill.value}`}
    >
      {String(drill.value)}
    </Pressable>
  );
}
