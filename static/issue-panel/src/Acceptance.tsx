import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { IssueItrState, OwnerHistoryEntry } from '../../../src/contract/issuePanel';
import type { PersonName } from '../../../src/contract/people';
import { call } from '../../shared/api';
import { baseInputStyle, FieldLabel } from '../../shared/controls';
import { toApiError, type ApiError } from '../../shared/errors';
import { errorMessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { personName } from '../../shared/people';
import { NotSet, Row } from './DetailRows';

type Answer = (run: () => Promise<IssueItrState>) => Promise<void>;

/**
 * Who holds the issue and whether they took it: the owner by name (always Jira's assignee), the
 * acceptance, and for the owner Accept / Decline (with a reason; the issue goes back to triage).
 * Rows of the panel's description list.
 */
export function OwnerRows({ state }: { state: IssueItrState }) {
  const { t } = useI18n();
  return (
    <>
      <Row label={t('owner.label')}>
        {state.owner === null ? (
          <Text color="color.text.subtle">{t('owner.none')}</Text>
        ) : (
          <Text>{personName(t, state.owner.displayName)}</Text>
        )}
      </Row>
      <Row label={t('acceptance.label')}>
        {state.acceptance === null ? <NotSet /> : <Text>{t(`acceptance.${state.acceptance}`)}</Text>}
      </Row>
    </>
  );
}

/**
 * The answers the viewer owes, the panel's next step when there is one: accept (primary) or decline
 * (the owner), the reason of a reassignment in Jira.
 */
export function OwnerAnswers({ state, onChange }: { state: IssueItrState; onChange: (next: IssueItrState) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const answer: Answer = async (run) => {
    setBusy(true);
    setError(null);
    try {
      onChange(await run());
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  if (!state.canAnswer && state.pendingForward === null) return null;
  return (
    <Stack space="space.150" testId="itr-owner-answers">
      {state.canAnswer ? <AcceptOrDecline issueKey={state.issueKey} busy={busy} answer={answer} /> : null}
      {state.pendingForward === null ? null : (
        <ForwardReason issueKey={state.issueKey} entry={state.pendingForward} busy={busy} answer={answer} />
      )}
      {error === null ? null : <AnswerError error={error} />}
    </Stack>
  );
}

function AnswerError({ error }: { error: ApiError }) {
  const { t } = useI18n();
  return (
    <Box role="alert">
      <Text color="color.text.danger">{t(errorMessageKey(error.code), error.params)}</Text>
    </Box>
  );
}

function AcceptOrDecline({ issueKey, busy, answer }: { issueKey: string; busy: boolean; answer: Answer }) {
  const { t } = useI18n();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const reasonId = useId();
  if (!declining) {
    return (
      <Inline space="space.100">
        <Button
          appearance="primary"
          isDisabled={busy}
          onClick={() => void answer(() => call('acceptFromPanel', { issueKey }))}
        >
          {t('acceptance.accept')}
        </Button>
        <Button isDisabled={busy} onClick={() => setDeclining(true)}>
          {t('acceptance.decline')}
        </Button>
      </Inline>
    );
  }
  return (
    <Box
      as="form"
      onSubmit={(e) => {
        e.preventDefault();
        void answer(() => call('declineFromPanel', { issueKey, reason }));
      }}
    >
      <Stack space="space.075">
        <FieldLabel htmlFor={reasonId}>{t('acceptance.declineReason')}</FieldLabel>
        <textarea
          id={reasonId}
          rows={3}
          value={reason}
          required
          autoFocus
          onChange={(e) => setReason(e.target.value)}
          style={{ ...baseInputStyle(), resize: 'vertical' }}
        />
        <Inline space="space.100">
          <Button type="submit" appearance="danger" isDisabled={busy || reason.trim() === ''}>
            {busy ? t('acceptance.saving') : t('acceptance.declineConfirm')}
          </Button>
          <Button
            isDisabled={busy}
            onClick={() => {
              setDeclining(false);
              setReason('');
            }}
          >
            {t('acceptance.cancel')}
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}

function ForwardReason({
  issueKey,
  entry,
  busy,
  answer,
}: {
  issueKey: string;
  entry: OwnerHistoryEntry;
  busy: boolean;
  answer: Answer;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const reasonId = useId();
  return (
    <Box
      as="form"
      onSubmit={(e) => {
        e.preventDefault();
        void answer(() => call('saveForwardReason', { issueKey, entryId: entry.id, reason }));
      }}
    >
      <Stack space="space.075">
        <Text>{t('forward.ask', { by: nameOf(t, entry.by), to: nameOf(t, entry.to) })}</Text>
        <FieldLabel htmlFor={reasonId}>{t('forward.reasonLabel')}</FieldLabel>
        <textarea
          id={reasonId}
          rows={2}
          value={reason}
          required
          onChange={(e) => setReason(e.target.value)}
          style={{ ...baseInputStyle(), resize: 'vertical' }}
        />
        <Inline>
          <Button type="submit" appearance="primary" isDisabled={busy || reason.trim() === ''}>
            {busy ? t('acceptance.saving') : t('forward.save')}
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}

type T = ReturnType<typeof useI18n>['t'];
const nameOf = (t: T, p: PersonName | null): string => (p === null ? t('people.app') : personName(t, p.displayName));

/** Acceptance, timeout consent, declines and forwards, oldest first, people by name (inside its fold). */
export function OwnerHistory({ entries }: { entries: readonly OwnerHistoryEntry[] }) {
  const { t, formatDateTime } = useI18n();
  return (
    <Box testId="itr-owner-history">
      <Stack space="space.075">
        <Box as="ul" xcss={listStyles}>
          {entries.map((e) => (
            <Box as="li" key={e.id} xcss={itemStyles}>
              <Text>
                {t(`ownerHistory.${e.event}`, {
                  by: nameOf(t, e.by),
                  to: nameOf(t, e.to),
                  reason: e.reasonPending ? t('ownerHistory.reasonPending') : (e.reason ?? ''),
                })}
              </Text>
              <Text size="small" color="color.text.subtlest">
                {' · '}
                {formatDateTime(e.at) ?? ''}
              </Text>
            </Box>
          ))}
        </Box>
      </Stack>
    </Box>
  );
}

const listStyles = xcss({ margin: 'space.0', paddingInlineStart: 'space.200' });
const itemStyles = xcss({ paddingBlock: 'space.025' });
