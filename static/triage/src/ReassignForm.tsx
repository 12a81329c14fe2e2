import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { Box, Stack } from '@atlaskit/primitives';
import type { ShownError } from '../../shared/errors';
import { call } from '../../shared/api';
import { toApiError, type ApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/react';
import { Fieldset, Heading, Radio, TextInput } from './controls';
import { errorsAt } from './draft';
import { PersonInput, projectOf } from './PersonInput';
import { personName, type PickedPerson } from '../../shared/people';

/**
 * Forward to the owner believed responsible, or escalate to a supervisor, with a reason (both
 * recorded). The page remounts it per issue (`key`); a failed attempt keeps what was typed.
 */
export function ReassignForm({
  issueKey,
  onDone,
  onRefused,
}: {
  issueKey: string;
  onDone: (ownerName: string, acceptBy: string) => void;
  onRefused: () => void;
}) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'forward' | 'escalate'>('forward');
  const [to, setTo] = useState<PickedPerson | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<readonly ShownError[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      // Nobody picked goes as empty, so the server names the problem at the field (TRIAGE_OWNER_REQUIRED).
      const r = await call('reassignIssue', { issueKey, mode, toAccountId: to?.accountId ?? '', reason });
      const name = personName(t, to?.accountId === r.ownerAccountId ? to.displayName : null);
      setErrors([]);
      setTo(null);
      setReason('');
      onDone(name, r.acceptBy);
    } catch (e) {
      const error = toApiError(e);
      if (error.code === 'NOT_AUTHORIZED') onRefused();
      const atFields = error.errors.filter((x) => x.path === 'toAccountId' || x.path === 'reason');
      setErrors(atFields);
      if (atFields.length === 0) setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      aria-labelledby={`reassign-title-${issueKey}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack space="space.150">
        <Heading size="small" as="h3" id={`reassign-title-${issueKey}`}>
          {t('triage.reassign.title')}
        </Heading>
        <Fieldset legend={t('triage.reassign.mode')}>
          <Radio
            name={`mode-${issueKey}`}
            value="forward"
            label={t('triage.reassign.forward')}
            checked={mode === 'forward'}
            onChange={() => setMode('forward')}
          />
          <Radio
            name={`mode-${issueKey}`}
            value="escalate"
            label={t('triage.reassign.escalate')}
            checked={mode === 'escalate'}
            onChange={() => setMode('escalate')}
          />
        </Fieldset>
        <PersonInput
          path="toAccountId"
          label={t('triage.reassign.to')}
          errors={errorsAt(errors, 'toAccountId')}
          value={to}
          onChange={setTo}
          projectKey={projectOf(issueKey)}
        />
        <TextInput
          path="reason"
          label={t('triage.reassign.reason')}
          errors={errorsAt(errors, 'reason')}
          value={reason}
          multiline
          onChange={setReason}
        />
        {failure === null ? null : (
          <ErrorState error={failure} titleKey="triage.reassign.failed" params={{ issueKey }} />
        )}
        <Box>
          <Button type="submit" isDisabled={busy} testId="triage-reassign-submit">
            {t('triage.reassign.submit')}
          </Button>
        </Box>
      </Stack>
    </form>
  );
}
