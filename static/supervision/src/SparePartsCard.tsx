/**
 * Spare parts (issue 17) on the supervision page: how many parts are in transit (shipped, not yet
 * received), have their faulty part returned and wait for repair, or are repaired, and the median time
 * of each step, over the ITR issues of the projects the viewer may browse. Loads on its own; a failure
 * shows nothing but a quiet line.
 */
import { useEffect, useState } from 'react';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { SparePartSummaryView } from '../../../src/contract/customers';
import { call } from '../../shared/api';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { cellStyle, headStyle, tableStyle } from '../../shared/tableStyles';
import { cardStyle } from './supervisionStyles';

const COUNTS: ReadonlyArray<['inTransit' | 'returned' | 'repaired', MessageKey]> = [
  ['inTransit', 'sparePartSummary.inTransit'],
  ['returned', 'sparePartSummary.returned'],
  ['repaired', 'sparePartSummary.repaired'],
];
const STEPS: ReadonlyArray<[keyof SparePartSummaryView['medianMinutes'], MessageKey]> = [
  ['shipped', 'sparePartSummary.step.shipped'],
  ['received', 'sparePartSummary.step.received'],
  ['returned', 'sparePartSummary.step.returned'],
  ['repaired', 'sparePartSummary.step.repaired'],
];

export function SparePartsCard() {
  const { t } = useI18n();
  const [summary, setSummary] = useState<SparePartSummaryView | null | 'error'>(null);
  useEffect(() => {
    let live = true;
    call('getSparePartSummary', {}).then(
      (s) => live && setSummary(s),
      () => live && setSummary('error'),
    );
    return () => {
      live = false;
    };
  }, []);
  /** Whole minutes under an hour, hours and minutes under two days, then days and hours. */
  const duration = (minutes: number | null): string => {
    if (minutes === null) return t('sparePartSummary.noTime');
    const m = Math.round(minutes);
    if (m < 60) return t('sparePartSummary.minutes', { minutes: m });
    if (m < 48 * 60) return t('sparePartSummary.hours', { hours: Math.floor(m / 60), minutes: m % 60 });
    return t('sparePartSummary.days', { days: Math.floor(m / 1440), hours: Math.floor((m % 1440) / 60) });
  };
  const title = t('sparePartSummary.title');
  return (
    <Box xcss={cardStyle} testId="spare-part-summary" aria-busy={summary === null}>
      <Stack space="space.100">
        <Text as="strong">{title}</Text>
        {summary === null ? <Text color="color.text.subtlest">{t('sparePartSummary.loading')}</Text> : null}
        {summary === 'error' ? <Text color="color.text.subtle">{t('sup.error.slot')}</Text> : null}
        {summary === null || summary === 'error' ? null : (
          <>
            <Inline space="space.300" shouldWrap>
              {COUNTS.map(([k, label]) => (
                <Stack key={k} space="space.025" testId={`spare-part-summary-${k}`}>
                  <Text color="color.text.subtle">{t(label)}</Text>
                  <Text weight="bold">{t('sparePartSummary.count', { count: summary[k] })}</Text>
                </Stack>
              ))}
            </Inline>
            <table style={tableStyle} aria-label={t('sparePartSummary.medians')}>
              <thead>
                <tr>
                  <th style={headStyle} scope="col">
                    {t('sparePartSummary.step')}
                  </th>
                  <th style={headStyle} scope="col">
                    {t('sparePartSummary.median')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {STEPS.map(([step, label]) => (
                  <tr key={step} data-testid={`spare-part-summary-median-${step}`}>
                    <th style={cellStyle} scope="row">
                      {t(label)}
                    </th>
                    <td style={cellStyle}>{duration(summary.medianMinutes[step])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Text size="small" color="color.text.subtle">
              {t('sparePartSummary.scope')}
            </Text>
          </>
        )}
      </Stack>
    </Box>
  );
}
