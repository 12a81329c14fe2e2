import { useCallback } from 'react';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { ClassificationHistoryEntry } from '../../../src/contract/triage';
import { call } from '../../shared/api';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { personName, RULE_ACTOR } from '../../shared/people';
import { FoldedHistory, historyItemStyles, type FoldedHistoryProps } from './FoldedHistory';

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
 * when, old → new, and why; newest first. Folded at first and loaded only when unfolded.
 */
export function ClassificationHistory({ issueKey }: { issueKey: string }) {
  const fetch = useCallback(() => call('getClassificationHistory', { issueKey }), [issueKey]);
  return (
    <FoldedHistory
      issueKey={issueKey}
      testId="itr-classification-history"
      keys={KEYS}
      fetch={fetch}
      initiallyOpen={false}
    >
      {(entries) =>
        [...entries].reverse().map((entry, i) => <Change key={`${entry.at}-${entry.field}-${i}`} entry={entry} />)
      }
    </FoldedHistory>
  );
}

const KEYS = {
  title: 'classHistory.title',
  show: 'classHistory.show',
  hide: 'classHistory.hide',
  loading: 'classHistory.loading',
  loadFailed: 'classHistory.loadFailed',
  empty: 'classHistory.empty',
} as const satisfies FoldedHistoryProps<ClassificationHistoryEntry>['keys'];

function Change({ entry }: { entry: ClassificationHistoryEntry }) {
  const { t, formatDateTime } = useI18n();
  const fieldKey = FIELD_KEYS[entry.field];
  const value = (v: string | null, name: string | null): string => {
    if (v === null) return t('classHistory.none');
    // An owner is a person: named, never shown as an account id.
    if (entry.field === 'owner') return personName(t, name);
    const key = VALUE_KEYS[entry.field]?.[v];
    return key === undefined ? v : t(key);
  };
  return (
    <Box as="li" xcss={historyItemStyles} testId={`itr-classification-history-${entry.field}`}>
      <Stack space="space.025">
        <Inline space="space.100" alignBlock="baseline" shouldWrap>
          <Text weight="medium">{fieldKey === undefined ? entry.field : t(fieldKey)}</Text>
          <Text>
            {t('classHistory.change', {
              old: value(entry.oldValue, entry.oldValueName),
              new: value(entry.newValue, entry.newValueName),
            })}
          </Text>
        </Inline>
        <Text size="small" color="color.text.subtle">
          {t('classHistory.by', {
            who: entry.actorAccountId === RULE_ACTOR ? t('people.app') : personName(t, entry.actorName),
          })}
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
