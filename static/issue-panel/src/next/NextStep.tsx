import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { Box, Stack, Text } from '@atlaskit/primitives';
import SectionMessage, { type Appearance } from '@atlaskit/section-message';
import type { IssueItrState } from '../../../../src/contract/issuePanel';
import { call } from '../../../shared/api';
import { openAppModule } from '../../../shared/bridge';
import { toApiError, type ApiError } from '../../../shared/errors';
import { errorMessageKey, type MessageKey } from '../../../shared/i18n';
import { useI18n } from '../../../shared/i18n/react';
import { personName } from '../../../shared/people';
import { OwnerAnswers } from '../Acceptance';
import type { NextStep as Step } from './nextStep';

/** The return-visit queue, where a supervisor records the visit: the global page's subpage (manifest itr-home). */
export const RETURN_VISITS_PAGE = { moduleKey: 'itr-home', path: '/return-visits' } as const;

/**
 * The one next step under the clocks: what is pending, who may do it, and for the viewer who may, the
 * primary button that does it. Steps for someone else name who (the submitter by name).
 */
export function NextStep({
  step,
  state,
  onChange,
  rootCauseOpen,
  onFillRootCause,
}: {
  step: Step;
  state: IssueItrState;
  onChange: (next: IssueItrState) => void;
  /** The root-cause form is open under this message: its button is not needed then. */
  rootCauseOpen: boolean;
  onFillRootCause: () => void;
}) {
  const { t } = useI18n();
  const submitter = state.closure.submitter;
  const submitterName = submitter === null ? null : personName(t, submitter.displayName);
  switch (step.kind) {
    case 'answer':
    case 'forwardReason':
      return (
        <Frame appearance="information" title={t('next.title')}>
          {step.kind === 'answer' ? <Text>{t('next.accept')}</Text> : null}
          <OwnerAnswers state={state} onChange={onChange} />
        </Frame>
      );
    case 'rootCause':
      return (
        <Frame appearance="warning" title={t('next.rootCause.title')}>
          <Text>{t('next.rootCause.text')}</Text>
          {rootCauseOpen ? null : (
            <Box>
              <Button appearance="primary" onClick={onFillRootCause} testId="next-fill-root-cause">
                {t('next.rootCause.button')}
              </Button>
            </Box>
          )}
        </Frame>
      );
    case 'recordVisit':
      return (
        <Frame appearance="information" title={t('next.visit.title')}>
          <Text>{t('next.visit.supervisor')}</Text>
          <ActionButton
            label={t('next.visit.button')}
            testId="next-record-visit"
            run={() => openAppModule(RETURN_VISITS_PAGE.moduleKey, RETURN_VISITS_PAGE.path)}
          />
        </Frame>
      );
    case 'waitVisit':
      return (
        <Frame appearance="information" title={t('next.visit.title')}>
          <Text>
            {step.viewerCloses
              ? t('next.visit.submitter')
              : submitterName === null
                ? t('next.noSubmitter')
                : t('next.visit.others', { submitter: submitterName })}
          </Text>
        </Frame>
      );
    case 'close':
      return (
        <Frame appearance="success" title={t('next.close.title')}>
          <Text>{t('next.close.text')}</Text>
          <ActionButton
            label={t('next.close.button')}
            testId="next-close"
            run={async () => onChange(await call('closeFromPanel', { issueKey: state.issueKey }))}
          />
        </Frame>
      );
    case 'waitSubmitter':
      return (
        <Frame appearance="information" title={t('next.onlySubmitter.title')}>
          <Text>
            {submitterName === null ? t('next.noSubmitter') : t('next.onlySubmitter', { submitter: submitterName })}
          </Text>
        </Frame>
      );
    case 'closed':
      return (
        <Box testId="itr-next-step">
          <Text color="color.text.subtle">{t('next.closed')}</Text>
        </Box>
      );
  }
}

function Frame({ appearance, title, children }: { appearance: Appearance; title: string; children: React.ReactNode }) {
  const { t } = useI18n();
  return (
    <Box as="section" aria-label={t('next.title')} testId="itr-next-step">
      <SectionMessage appearance={appearance} title={title} headingLevel="h2">
        <Stack space="space.100">{children}</Stack>
      </SectionMessage>
    </Box>
  );
}

/** The step's primary button: busy while it runs, and why it failed, in the user's language, under it. */
function ActionButton({ label, testId, run }: { label: string; testId: string; run: () => Promise<void> }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const key: MessageKey | null = error === null ? null : errorMessageKey(error.code);
  return (
    <Stack space="space.075">
      <Box>
        <Button
          appearance="primary"
          isLoading={busy}
          testId={testId}
          onClick={() => {
            setBusy(true);
            setError(null);
            run()
              .catch((e: unknown) => setError(toApiError(e)))
              .finally(() => setBusy(false));
          }}
        >
          {label}
        </Button>
      </Box>
      {error === null || key === null ? null : (
        <Box role="alert">
          <Text color="color.text.danger">
            {key === 'errorCode.unknown' ? `${t(key)} (${error.code})` : t(key, error.params)}
          </Text>
        </Box>
      )}
    </Stack>
  );
}
