import { Pressable } from '@atlaskit/primitives';
import type { Drill } from '../../../src/contract/analytics';
import { useI18n } from '../../shared/i18n/react';
import { useDrill } from './drill';
import { chartLabels } from './labels';
import { linkStyle } from './supervisionStyles';

/** A number that opens the drill-down of the issues behind it, in the card `origin`. */
export function DrillNumber({
  drill,
  testId,
  label,
  origin,
}: {
  drill: Drill;
  testId: string;
  label: string;
  origin: string;
}) {
  const open = useDrill(origin);
  const value = chartLabels(useI18n()).count(drill.value);
  return (
    <Pressable
      xcss={linkStyle}
      testId={testId}
      onClick={() => open(drill.jql, `${label}: ${value}`)}
      aria-label={`${label}: ${value}`}
    >
      {value}
    </Pressable>
  );
}
