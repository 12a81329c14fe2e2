import { useCallback, useId, useRef, useState } from 'react';
import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ClassificationHistoryEntry } from '../../../src/contract/triage';
import { call } from '../../shared/api';
import { toApiError, type ApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';

type HistoryLoad =
  | { phase: 'idle' }
  | { phase: 'loading' }
  | { phase: 'error'; error: ApiError }
  | { phase: 'ready'; entries: ClassificationHistoryEntry[] };

const FIELD_KEYS: Record<string, MessageKey> = {
  kind: 'classHistory.field.kind',
  classification: 'classHistory.field.classification',
  answers: 'classHistory.field.answers',
  grade: 'classHistory.field.grade',
  line: 'classHistory.field.line',
  owner: 'classHistory.field.owner',
  acceptance: 'classHistory.field.acceptance',
  customerTier: 'classHistory.field.customerTier',
  warranty: 'classHistory.field.warranty',
  product: 'classHistory.field.product',
  region: 'classHistory.field.region',
};

const VALUE_KEYS: Record<string, Record<string, MessageKey>> = {
  kind: {
    technicalService: 'kind.technicalService',
    nonTechnicalService: 'kind.nonTechnicalService',
    spareParts: 'kind.spareParts',
    complaint: 'kind.complaint',
  },
  classification: { problem: 'classHistory.value.problem', requirement: 'classHistory.value.requirement' },
  line: { L1: 'line.L1', L2: 'line.L2', L3: 'line.L3' },
  warranty: { in: 'classHistory.value.in', out: 'classHistory.value.out' },
  acceptance: { awaiting: 'classHistory.value.awaiting', accepted: 'classHistory.value.accepted' },
};

/**
 * Every change of the issue's triage fields (`getClassificationHistory`): who changed which field
 * when, old → new, and why. Folded at first and loaded only when unfolded, so the panel's first
 * paint costs no extra call; a disclosure button (Enter/Space, `aria-expanded`) opens and closes it.
 * Newest change first, each one item of a list.
 */
export function ClassificationHistory({ issueKey }: { issueKey: string }) {
  const { t } = useI18n();
  const [load, setLoad] = useState<HistoryLoad>({ phase: 'idle' });
  const [open, setOpen] = useState(false);
  const request = useRef(0);
  const listId = useId();

  const fetchHistory = useCallback(async () => {
    const id = ++request.current;
    setLoad({ phase: 'loading' });
    try {
      const entries = await call('getClassificationHistory', { issueKey });
      if (id === request.current) setLoad({ phase: 'ready', entries });
    } catch (error) {
      if (id === request.current) setLoad({ phase: 'error', error: toApiError(error) });
    }
  }, [issueKey]);

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next && (load.phase === 'idle' || load.phase === 'error')) void fetchHistory();
  };

  return (
    <Box as="section" aria-label={t('classHistory.title')} testId="itr-classification-history">
      <Stack space="space.100">
        <Pressable
          xcss={toggleStyles}
          aria-expanded={open}
          aria-controls={listId}
          aria-label={t(open ? 'classHistory.hide' : 'classHistory.show')}
          onClick={toggle}
        >
          <Inline space="space.050" alignBlock="center">
            <Text weight="semibold" color="color.text">
              {t('classHistory.title')}
            </Text>
            <Text color="color.text.subtlest" size="small">
              {open ? '▾' : '▸'}
            </Text>
          </Inline>
        </Pressable>
        {open ? (
          <Box id={listId}>
            {load.phase === 'loading' || load.phase === 'idle' ? (
              <Box role="status" aria-live="polite">
                <Text color="color.text.subtlest">{t('classHistory.loading')}</Text>
              </Box>
            ) : null}
            {load.phase === 'error' ? (
              <ErrorState error={load.error} titleKey="classHistory.loadFailed" params={{ issueKey }} onRetry={() => void fetchHistory()} />
            ) : null}
            {load.phase === 'ready' && load.entries.length === 0 ? <Text color="color.text.subtlest">{t('classHistory.empty')}</Text> : null}
            {load.phase === 'ready' && load.entries.length > 0 ? (
              <Box as="ol" xcss={listStyles}>
                {[...load.entries].reverse().map((entry, i) => (
                  <Change key={`${entry.at}-${entry.field}-${i}`} entry={entry} />
                ))}
              </Box>
            ) : null}
          </Box>
        ) : null}
      </Stack>
    </Box>
  );
}

function Change({ entry }: { entry: ClassificationHistoryEntry }) {
  const { t, formatDateTime } = useI18n();
  const fieldKey = FIELD_KEYS[entry.field];
  const value = (v: string | null): string => {
    if (v === null) return t('classHistory.none');
    const key = VALUE_KEYS[entry.field]?.[v];
    return key === undefined ? v : t(key);
  };
  return (
    <Box as="li" xcss={itemStyles} testId={`itr-classification-history-${entry.field}`}>
      <Stack space="space.025">
        <Inline space="space.100" alignBlock="baseline" shouldWrap>
          <Text weight="medium">{fieldKey === undefined ? entry.field : t(fieldKey)}</Text>
          <Text>{t('classHistory.change', { old: value(entry.oldValue), new: value(entry.newValue) })}</Text>
        </Inline>
        <Text size="small" color="color.text.subtle">
          {t('classHistory.by', { who: entry.actorAccountId })}
          {' · '}
          <Box as="time" dateTime={entry.at}>
            {formatDateTime(entry.at) ?? entry.at}
          </Box>
        </Text>
        {entry.reason === null ? null : (
          <Text size="small" color="color.text.subtle">
            {t('classHistory.reason', { reason: entry.reason })}
          </Text>
        )}
      </Stack>
    </Box>
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
