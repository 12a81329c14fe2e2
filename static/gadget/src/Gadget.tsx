/** The `itr-supervision-gadget` dashboard gadget: four numbers, each opening its issues in Jira. */
import { useCallback, useEffect, useState } from 'react';
import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import type { Drill, GadgetNumbers } from '../../../src/contract/analytics';
import { type ApiError, call } from '../../shared/api';
import { openInJira } from '../../shared/bridge';
import { toApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/react';

const style = xcss({ padding: 'space.200' });
const numStyle = xcss({
  color: 'color.link',
  backgroundColor: 'color.background.neutral.subtle',
  padding: 'space.0',
  font: 'font.heading.large',
});

export function Gadget() {
  const { t, formatLocale } = useI18n();
  const [data, setData] = useState<GadgetNumbers | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(async (): Promise<void> => {
    setError(null);
    try {
      setData(await call('getGadgetNumbers', {}));
    } catch (e) {
      setError(toApiError(e));
    }
  }, []);
  useEffect(() => void load(), [load]);
  if (error) return <ErrorState error={error} onRetry={() => void load()} />;
  // Said while the numbers load, so a dashboard never shows an empty gadget as if it had nothing to say.
  if (data === null)
    return (
      <Box xcss={style} aria-busy="true" testId="gadget-loading">
        <Text>{t('gadget.loading')}</Text>
      </Box>
    );
  const number = new Intl.NumberFormat(formatLocale);
  const percent = new Intl.NumberFormat(formatLocale, { style: 'percent', maximumFractionDigits: 1 });
  const cell = (label: string, d: Drill, id: string) => (
    <Stack space="space.050">
      <Text size="small">{label}</Text>
      <Pressable
        xcss={numStyle}
        testId={`gadget-${id}`}
        aria-label={`${label}: ${number.format(d.value)}`}
        onClick={() => void openInJira(`/issues/?jql=${encodeURIComponent(d.jql)}`).catch(() => undefined)}
      >
        {number.format(d.value)}
      </Pressable>
    </Stack>
  );
  return (
    <Box xcss={style}>
      <Inline space="space.400" shouldWrap>
        {cell(t('gadget.open'), data.open, 'open')}
        {cell(t('gadget.breached'), data.breached, 'breached')}
        {cell(t('gadget.dueToday'), data.dueToday, 'due-today')}
        <Stack space="space.050">
          <Text size="small">{t('gadget.sla')}</Text>
          <Text testId="gadget-sla">
            {data.slaAttainmentThisMonth === null ? '–' : percent.format(data.slaAttainmentThisMonth)}
          </Text>
        </Stack>
      </Inline>
    </Box>
  );
}
