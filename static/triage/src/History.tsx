import { useCallback, useEffect, useState } from 'react';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ClassificationHistoryEntry } from '../../../src/contract';
import { call } from '../../shared/api';
import { toApiError, type ApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { Heading } from './controls';
import { personName, RULE_ACTOR } from '../../shared/people';

const entryStyles = xcss({
  borderBlockEndWidth: 'border.width',
  borderBlockEndStyle: 'solid',
  borderColor: 'color.border',
  paddingBlock: 'space.075',
});

const FIELD_KEYS: Record<string, MessageKey> = {
  kind: 'triage.historyField.kind',
  classification: 'triage.historyField.classification',
  answers: 'triage.historyField.answers',
  grade: 'triage.historyField.grade',
  line: 'triage.historyField.line',
  owner: 'triage.historyField.owner',
  acceptance: 'triage.historyField.acceptance',
};

/** Who changed which triage field when, old → new, with the reason (the audit trail against misfiling). */
export function History({ issueKey, version }: { issueKey: string; version: number }) {
  const { t, formatDateTime } = useI18n();
  const [entries, setEntries] = useState<ClassificationHistoryEntry[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setEntries(await call('getClassificationHistory', { issueKey }));
    } catch (e) {
      setError(toApiError(e));
    }
  }, [issueKey]);

  useEffect(() => {
    setEntries(null);
    void load();
  }, [load, version]);

  const value = (field: string, v: string | null, name: string | null): string => {
    if (v === null) return t('triage.history.none');
    if (field === 'owner') return personName(t, name);
    if (field === 'classification' && (v === 'problem' || v === 'requirement')) return t(`triage.classification.${v}`);
    if (field === 'kind' && ['technicalService', 'nonTechnicalService', 'spareParts', 'complaint'].includes(v))
      return t(`kind.${v}` as MessageKey);
    if (field === 'line' && (v === 'L1' || v === 'L2' || v === 'L3')) return t(`line.${v}`);
    return v;
  };
  const fieldLabel = (f: string): string => {
    const key = FIELD_KEYS[f];
    return key === undefined ? f : t(key);
  };
  // Reasons start with a stable code (the rule's reason, or CHOSEN_AGAINST_RULE: justification).
  const reason = (r: string): string => {
    const [code, ...rest] = r.split(': ');
    const key = `triage.reason.${code ?? ''}`;
    const known = key in REASON_KEYS;
    return known ? [t(key as MessageKey), ...rest].join(': ') : r;
  };

  return (
    <Stack space="space.100" testId="triage-history">
      <Heading size="small" as="h3">
        {t('triage.history.title')}
      </Heading>
      {error !== null ? (
        <ErrorState
          error={error}
          titleKey="triage.history.loadFailed"
          params={{ issueKey }}
          onRetry={() => void load()}
        />
      ) : entries === null ? (
        <Text>{t('triage.history.loading')}</Text>
      ) : entries.length === 0 ? (
        <Text>{t('triage.history.empty')}</Text>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {[...entries].reverse().map((e, i) => (
            <Box key={i} as="li" xcss={entryStyles}>
              <Text weight="medium">
                {t('triage.history.entry', {
                  field: fieldLabel(e.field),
                  old: value(e.field, e.oldValue, e.oldValueName),
                  new: value(e.field, e.newValue, e.newValueName),
                })}
              </Text>
              <Text size="small" color="color.text.subtle">
                {' · '}
                {t('triage.history.by', {
                  who: e.actorAccountId === RULE_ACTOR ? t('people.app') : personName(t, e.actorName),
                  when: formatDateTime(e.at) ?? e.at,
                })}
              </Text>
              {e.reason === null ? null : (
                <Text size="small" color="color.text.subtle" as="p">
                  {t('triage.history.reason', { reason: reason(e.reason) })}
                </Text>
              )}
            </Box>
          ))}
        </ul>
      )}
    </Stack>
  );
}

const REASON_KEYS = {
  'triage.reason.CLASSIFICATION_FAILS_WITHIN_SPECIFICATION': true,
  'triage.reason.CLASSIFICATION_CONTRACT_OR_PROCESS_NOT_FOLLOWED': true,
  'triage.reason.CLASSIFICATION_EXPECTED_BY_USER_HABIT_OR_INDUSTRY_NORM': true,
  'triage.reason.CLASSIFICATION_OUTSIDE_SPECIFICATION': true,
  'triage.reason.CLASSIFICATION_CHOSEN_AGAINST_RULE': true,
} as const;
