import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { ReturnVisit } from '../../../src/contract/closure';
import { call } from '../../shared/api';
import type { ShownError } from '../../shared/errors';
import { useI18n } from '../../shared/i18n/react';
import { Labelled } from './Labelled';
import { toError, useErrorText } from './visitErrors';
import { inputStyle } from './visitStyles';

/** Recording an open visit: the customer's satisfaction (1–5), whether they consider it solved, their words. */
export function VisitForm({ visit, onRecorded }: { visit: ReturnVisit; onRecorded: (v: ReturnVisit) => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [satisfaction, setSatisfaction] = useState('');
  const [solved, setSolved] = useState(true);
  const [words, setWords] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const record = async () => {
    setBusy(true);
    setError(null);
    try {
      onRecorded(
        await call('recordReturnVisit', {
          issueId: visit.issueId,
          satisfaction: Number(satisfaction),
          resolvedInCustomersView: solved,
          customerWords: words,
        }),
      );
    } catch (e) {
      setError(toError(e)); // the form keeps what was typed
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack space="space.100">
      <Labelled label={t('visits.satisfaction')}>
        {(id) => (
          <select
            id={id}
            data-testid="visit-satisfaction"
            value={satisfaction}
            style={inputStyle}
            onChange={(e) => setSatisfaction(e.target.value)}
          >
            <option value="">—</option>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        )}
      </Labelled>
      <Inline space="space.050" alignBlock="center">
        <input
          id={`solved-${visit.issueId}`}
          type="checkbox"
          data-testid="visit-solved"
          checked={solved}
          onChange={(e) => setSolved(e.target.checked)}
        />
        <label htmlFor={`solved-${visit.issueId}`}>{t('visits.resolvedInCustomersView')}</label>
      </Inline>
      <Labelled label={t('visits.customerWords')}>
        {(id) => (
          <textarea
            id={id}
            data-testid="visit-words"
            rows={3}
            value={words}
            style={inputStyle}
            onChange={(e) => setWords(e.target.value)}
          />
        )}
      </Labelled>
      {error !== null ? (
        <Text color="color.text.danger" testId="visit-error">
          {errorText(error)}
        </Text>
      ) : null}
      <Box>
        <Button appearance="primary" testId="visit-record" isDisabled={busy} onClick={() => void record()}>
          {t('visits.record')}
        </Button>
      </Box>
    </Stack>
  );
}
