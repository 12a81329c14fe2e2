/**
 * Cost approvals (issue 17) on the supervision page: how many actions that cost money wait for an
 * approver, were approved, refused or carried out, and their amounts (each currency apart), over the
 * issues of the projects the viewer may browse. Loads on its own; a failure shows nothing but a quiet line.
 */
import { useEffect, useState } from 'react';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { CostStatusId, CostSummaryView } from '../../../src/contract/decisions';
import { call } from '../../shared/api';
import { useI18n } from '../../shared/i18n/react';
import { cardStyle } from './supervisionStyles';

const STATUSES: readonly CostStatusId[] = ['pending', 'approved', 'refused', 'done'];

export function CostApprovals() {
  const { t, formatLocale } = useI18n();
  const [summary, setSummary] = useState<CostSummaryView | null | 'error'>(null);
  useEffect(() => {
    call('getCostSummary', {}).then(setSummary, () => setSummary('error'));
  }, []);
  const money = (minor: number, currency: string): string => {
    try {
      return new Intl.NumberFormat(formatLocale, { style: 'currency', currency }).format(minor / 100);
    } catch {
      return `${(minor / 100).toFixed(2)} ${currency}`;
    }
  };
  return (
    <Box xcss={cardStyle} testId="cost-approvals">
      <Stack space="space.100">
        <Text as="strong">{t('costSummary.title')}</Text>
        {summary === 'error' ? <Text color="color.text.subtle">{t('sup.error.slot')}</Text> : null}
        {summary === null || summary === 'error' ? null : (
          <Inline space="space.300" shouldWrap>
            {STATUSES.map((s) => (
              <Stack key={s} space="space.025" testId={`cost-approvals-${s}`}>
                <Text color="color.text.subtle">{t(`cost.status.${s}`)}</Text>
                <Text weight="bold">{t('costSummary.count', { count: summary[s].count })}</Text>
                {Object.entries(summary[s].amountByCurrency).map(([currency, minor]) => (
                  <Text key={currency}>{money(minor, currency)}</Text>
                ))}
              </Stack>
            ))}
          </Inline>
        )}
      </Stack>
    </Box>
  );
}
