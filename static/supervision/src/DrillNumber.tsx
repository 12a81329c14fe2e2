import { Pressable } from '@atlaskit/primitives';
import type { Drill } from '../../../src/contract/analytics';
import { useI18n } from '../../shared/i18n/react';
import { useDrill } from './drill';
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
  const { formatLocale } = useI18n();
  const open = useDrill(origin);
  const value = new Intl.NumberFormat(formatLocale).format(drill.value);
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
