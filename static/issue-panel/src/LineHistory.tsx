import { useCallback } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { LineHistoryEntry } from '../../../src/contract/escalation';
import { call } from '../../shared/api';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { personName } from '../../shared/people';
import { FoldedHistory, historyItemStyles, type FoldedHistoryProps } from './FoldedHistory';

/**
 * The issue's stays on the support lines, oldest first (`getLineHistory`): who held it, from when to
 * when, the working time used on the line's calendar, and why it left (timed out, passed on, resolved).
 * Folded at first and loaded only when unfolded, like the other histories.
 */
export function LineHistory({ issueKey }: { issueKey: string }) {
  const fetch = useCallback(async () => (await call('getLineHistory', { issueKey })).entries, [issueKey]);
  return (
    <FoldedHistory issueKey={issueKey} testId="itr-line-history" keys={KEYS} fetch={fetch} initiallyOpen={false}>
      {(entries) => entries.map((entry) => <Stay key={`${entry.line}-${entry.enteredAt}`} entry={entry} />)}
    </FoldedHistory>
  );
}

const KEYS = {
  title: 'history.title',
  show: 'history.show',
  hide: 'history.hide',
  loading: 'history.loading',
  loadFailed: 'history.loadFailed',
  empty: 'history.empty',
} as const satisfies FoldedHistoryProps<LineHistoryEntry>['keys'];

const outcomeKey: Record<NonNullable<LineHistoryEntry['outcome']> | 'current', MessageKey> = {
  timed_out: 'history.outcome.timed_out',
  passed_on: 'history.outcome.passed_on',
  resolved: 'history.outcome.resolved',
  current: 'history.outcome.current',
};

const outcomeColor = {
  timed_out: 'color.text.danger',
  passed_on: 'color.text.subtle',
  resolved: 'color.text.success',
  current: 'color.text.information',
} as const;

function Stay({ entry }: { entry: LineHistoryEntry }) {
  const { t, formatDateTime } = useI18n();
  const outcome = entry.outcome ?? 'current';
  const from = formatDateTime(entry.enteredAt) ?? entry.enteredAt;
  const to = entry.leftAt === null ? t('history.now') : (formatDateTime(entry.leftAt) ?? entry.leftAt);
  return (
    <Box as="li" xcss={historyItemStyles} testId={`itr-line-history-${entry.line}`}>
      <Stack space="space.050">
        <Inline spread="space-between" alignBlock="center" shouldWrap>
          <Inline space="space.100" alignBlock="center">
            <Text weight="medium">{t(`line.${entry.line}`)}</Text>
            {entry.enteredBy === 'app' ? (
              <Text size="small" color="color.text.subtlest">
                {t('history.enteredByApp')}
              </Text>
            ) : null}
          </Inline>
          <Text size="small" weight="bold" color={outcomeColor[outcome]}>
            {t(outcomeKey[outcome])}
          </Text>
        </Inline>
        <Box as="dl" xcss={factsStyles}>
          <Fact label={t('history.period')}>
            {from} – {to}
          </Fact>
          <Fact label={t('history.holder')}>
            {entry.holderAccountId === null ? t('history.holderQueue') : personName(t, entry.holderName)}
          </Fact>
          <Fact label={t('history.used')}>{duration(entry.workingMinutesUsed, t)}</Fact>
        </Box>
      </Stack>
    </Box>
  );
}

/** Working minutes as "2 h 5 min" (also the panel's time left). */
export function duration(minutes: number, t: (key: MessageKey, params?: Record<string, number>) => string): string {
  const m = Math.max(0, Math.round(minutes));
  return m < 60
    ? t('history.duration.minutes', { minutes: m })
    : t('history.duration.hours', { hours: Math.floor(m / 60), minutes: m % 60 });
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <Box as="dt" xcss={termStyles}>
        <Text size="small" color="color.text.subtle">
          {label}
        </Text>
      </Box>
      <Box as="dd" xcss={termStyles}>
        <Text size="small">{children}</Text>
      </Box>
    </>
  );
}

const factsStyles = xcss({
  display: 'grid',
  gridTemplateColumns: 'minmax(min-content, 40%) 1fr',
  columnGap: 'space.200',
  rowGap: 'space.025',
  margin: 'space.0',
});
const termStyles = xcss({ margin: 'space.0', minWidth: '0' });
