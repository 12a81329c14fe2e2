import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import type { LineHistory as LineHistoryData, LineHistoryEntry } from '../../../src/contract/escalation';
import { call } from '../../shared/api';
import { toApiError, type ApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';

type HistoryLoad = { phase: 'loading' } | { phase: 'error'; error: ApiError } | { phase: 'ready'; history: LineHistoryData };

/**
 * The issue's stays on the support lines, oldest first (`getLineHistory`): who held it, from when to
 * when, the working time used on the line's calendar, and why it left (timed out, passed on,
 * resolved). A disclosure button (Enter/Space, `aria-expanded`) folds it away; each stay is one item
 * of an ordered list, so screen readers announce "item 2 of 3".
 */
export function LineHistory({ issueKey }: { issueKey: string }) {
  const { t } = useI18n();
  const [load, setLoad] = useState<HistoryLoad>({ phase: 'loading' });
  const [open, setOpen] = useState(true);
  const request = useRef(0);
  const listId = useId();

  const fetchHistory = useCallback(async () => {
    const id = ++request.current;
    setLoad({ phase: 'loading' });
    try {
      const history = await call('getLineHistory', { issueKey });
      if (id === request.current) setLoad({ phase: 'ready', history });
    } catch (error) {
      if (id === request.current) setLoad({ phase: 'error', error: toApiError(error) });
    }
  }, [issueKey]);

  useEffect(() => {
    void fetchHistory();
  }, [fetchHistory]);

  return (
    <Box as="section" aria-label={t('history.title')} testId="itr-line-history">
      <Stack space="space.100">
        <Pressable
          xcss={toggleStyles}
          aria-expanded={open}
          aria-controls={listId}
          aria-label={t(open ? 'history.hide' : 'history.show')}
          onClick={() => setOpen((o) => !o)}
        >
          <Inline space="space.050" alignBlock="center">
            <Text weight="semibold" color="color.text">
              {t('history.title')}
            </Text>
            <Text color="color.text.subtlest" size="small">
              {open ? '▾' : '▸'}
            </Text>
          </Inline>
        </Pressable>
        {open ? (
        <Box id={listId}>
          {load.phase === 'loading' ? (
            <Box role="status" aria-live="polite">
              <Text color="color.text.subtlest">{t('history.loading')}</Text>
            </Box>
          ) : null}
          {load.phase === 'error' ? (
            <ErrorState error={load.error} titleKey="history.loadFailed" params={{ issueKey }} onRetry={() => void fetchHistory()} />
          ) : null}
          {load.phase === 'ready' && load.history.entries.length === 0 ? (
            <Text color="color.text.subtlest">{t('history.empty')}</Text>
          ) : null}
          {load.phase === 'ready' && load.history.entries.length > 0 ? (
            <Box as="ol" xcss={listStyles}>
              {load.history.entries.map((entry) => (
                <Stay key={`${entry.line}-${entry.enteredAt}`} entry={entry} />
              ))}
            </Box>
          ) : null}
        </Box>
        ) : null}
      </Stack>
    </Box>
  );
}

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
    <Box as="li" xcss={itemStyles} testId={`itr-line-history-${entry.line}`}>
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
          <Fact label={t('history.holder')}>{entry.holderAccountId ?? t('history.holderQueue')}</Fact>
          <Fact label={t('history.used')}>{duration(entry.workingMinutesUsed, t)}</Fact>
        </Box>
      </Stack>
    </Box>
  );
}

/** Working minutes as "2 h 5 min" (also the panel's time left). */
export function duration(minutes: number, t: (key: MessageKey, params?: Record<string, number>) => string): string {
  const m = Math.max(0, Math.round(minutes));
  return m < 60 ? t('history.duration.minutes', { minutes: m }) : t('history.duration.hours', { hours: Math.floor(m / 60), minutes: m % 60 });
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

const toggleStyles = xcss({
  backgroundColor: 'color.background.neutral.subtle',
  borderRadius: 'radius.small',
  paddingBlock: 'space.050',
  paddingInline: 'space.050',
  textAlign: 'start',
  ':hover': { backgroundColor: 'color.background.neutral.subtle.hovered' },
  ':active': { backgroundColor: 'color.background.neutral.subtle.pressed' },
});
const listStyles = xcss({ margin: 'space.0', paddingInlineStart: 'space.0', listStyle: 'none', display: 'flex', flexDirection: 'column', gap: 'space.100' });
const itemStyles = xcss({
  borderInlineStartWidth: 'border.width.selected',
  borderInlineStartStyle: 'solid',
  borderInlineStartColor: 'color.border',
  paddingInlineStart: 'space.150',
});
const factsStyles = xcss({ display: 'grid', gridTemplateColumns: 'minmax(min-content, 40%) 1fr', columnGap: 'space.200', rowGap: 'space.025', margin: 'space.0' });
const termStyles = xcss({ margin: 'space.0', minWidth: '0' });
