import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import type { IssueItrState } from '../../../src/contract/issuePanel';
import { call } from '../../shared/api';
import { issueKeyOf, type ForgeContext } from '../../shared/bridge';
import { ApiError, toApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/react';
import { CaseSuggestions } from './cases/CaseSuggestions';
import { ClassificationHistory } from './ClassificationHistory';
import { ClockCards } from './clocks/ClockCards';
import { Fold } from './Fold';
import { GradeVersion } from './GradeVersion';
import { Handoff } from './handoff/Handoff';
import { LastingFixes } from './lastingFix/LastingFixes';
import { Decisions } from './decisions/Decisions';
import { CustomerParts } from './customer/CustomerParts';
import { Assessment } from './assessment/Assessment';
import { LineHistory } from './LineHistory';
import { NextStep } from './next/NextStep';
import { nextStepOf } from './next/nextStep';
import { RootCauseFold, RootCauseForm } from './rootCause/RootCauseSection';
import { OwnerHistory, OwnerRows } from './Acceptance';
import { DateTime, listStyles, NotSet, Row } from './DetailRows';

type LoadState =
  | { phase: 'loading' }
  | { phase: 'error'; error: ApiError }
  | { phase: 'ready'; state: IssueItrState; loadedAt: number };

/**
 * The ITR issue panel (`jira:issuePanel`), ordered like JSM's SLA panel: the clocks first, then the one
 * next step the viewer can take, the issue's ITR details and other actions, then what is folded
 * (similar cases unless strong, the root cause once it blocks nothing, the histories).
 */
export function IssuePanel({ context }: { context: ForgeContext }) {
  const { t } = useI18n();
  const issueKey = issueKeyOf(context);
  const [load, setLoad] = useState<LoadState>({ phase: 'loading' });
  const request = useRef(0);
  // After a retry/refresh the button that was pressed is gone: put keyboard focus back on the
  // button of the new state so Tab users do not restart from the top of Jira's page.
  const restoreFocus = useRef(false);
  const retryButton = useRef<HTMLButtonElement>(null);
  const refreshButton = useRef<HTMLButtonElement>(null);

  const fetchState = useCallback(async () => {
    const id = ++request.current;
    setLoad({ phase: 'loading' });
    try {
      if (issueKey === null) throw new ApiError('UI_NO_ISSUE_CONTEXT', 'context.extension.issue.key is missing');
      const state = await call('getIssueItrState', { issueKey });
      if (id === request.current) setLoad({ phase: 'ready', state, loadedAt: Date.now() });
    } catch (error) {
      if (id === request.current) setLoad({ phase: 'error', error: toApiError(error) });
    }
  }, [issueKey]);

  useEffect(() => {
    void fetchState();
  }, [fetchState]);

  useEffect(() => {
    if (!restoreFocus.current || load.phase === 'loading') return;
    restoreFocus.current = false;
    (load.phase === 'error' ? retryButton : refreshButton).current?.focus();
  }, [load.phase]);

  const reload = () => {
    restoreFocus.current = true;
    void fetchState();
  };

  const label = t('panel.label', { issueKey: issueKey ?? '' });
  return (
    <Box as="section" aria-label={label} aria-busy={load.phase === 'loading'} xcss={panelStyles}>
      {load.phase === 'loading' ? <Loading /> : null}
      {load.phase === 'error' ? (
        <ErrorState
          ref={retryButton}
          error={load.error}
          titleKey="panel.loadFailed"
          params={{ issueKey: issueKey ?? '' }}
          onRetry={reload}
        />
      ) : null}
      {load.phase === 'ready' ? (
        <Details
          state={load.state}
          loadedAt={load.loadedAt}
          onRefresh={reload}
          refreshRef={refreshButton}
          onChange={(state) => setLoad({ phase: 'ready', state, loadedAt: Date.now() })}
        />
      ) : null}
    </Box>
  );
}

// A little inline room so focus rings of edge buttons are not cut off by the iframe.
const panelStyles = xcss({ paddingBlock: 'space.050', paddingInline: 'space.025' });

function Details({
  state,
  loadedAt,
  onRefresh,
  refreshRef,
  onChange,
}: {
  state: IssueItrState;
  loadedAt: number;
  onRefresh: () => void;
  refreshRef: React.Ref<HTMLButtonElement>;
  /** An answer given in the panel (accept, decline, a reason, close) returns the issue's new state. */
  onChange: (next: IssueItrState) => void;
}) {
  const { t, formatDateTime, locale } = useI18n();
  const [rootCauseOpen, setRootCauseOpen] = useState(false);
  // Opened as the next step, the form stays where it opened even once saving completes it.
  const [rootCausePinned, setRootCausePinned] = useState(false);
  const [ownerHistoryOpen, setOwnerHistoryOpen] = useState(false);
  const footer = (
    <Inline spread="space-between" alignBlock="center">
      <Text size="small" color="color.text.subtlest">
        {t('panel.updated', { time: formatDateTime(new Date(loadedAt).toISOString()) ?? '' })}
      </Text>
      <Pressable ref={refreshRef} xcss={subtleButtonStyles} onClick={() => onRefresh()}>
        {t('common.refresh')}
      </Pressable>
    </Inline>
  );

  if (state.kind === null) {
    // Not triaged yet; an ITR issue's response clock already runs from its creation.
    return (
      <Stack space="space.150">
        <ClockCards state={state} />
        <Text color="color.text.subtle">{t(state.response === null ? 'panel.notItr' : 'panel.awaitingTriage')}</Text>
        {footer}
      </Stack>
    );
  }

  const step = nextStepOf(state);
  const rootCauseOnTop = step?.kind === 'rootCause' || rootCausePinned;
  const rootCauseSaved = (complete: boolean) =>
    onChange({ ...state, closure: { ...state.closure, rootCauseComplete: complete } });
  // The grading table's own name for the grade in the user's language; the raw id if it has none.
  const gradeName = state.gradeLabel === null ? state.grade : state.gradeLabel[locale];
  return (
    <Stack space="space.200">
      <ClockCards state={state} />
      {step === null ? null : (
        <NextStep
          step={step}
          state={state}
          onChange={onChange}
          rootCauseOpen={rootCauseOpen && rootCauseOnTop}
          onFillRootCause={() => {
            setRootCausePinned(true);
            setRootCauseOpen(true);
          }}
        />
      )}
      {rootCauseOnTop && rootCauseOpen ? <RootCauseForm issueKey={state.issueKey} onSaved={rootCauseSaved} /> : null}
      <Box as="section" aria-label={t('panel.details')} testId="itr-details">
        <Box as="dl" xcss={listStyles}>
          <Row label={t('field.kind')}>
            <Text>{t(`kind.${state.kind}`)}</Text>
          </Row>
          <Row label={t('field.grade')}>
            {state.grade === null ? <NotSet /> : <GradeVersion state={state} gradeName={gradeName ?? state.grade} />}
          </Row>
          <Row label={t('field.line')}>{state.line === null ? <NotSet /> : <Text>{t(`line.${state.line}`)}</Text>}</Row>
          <OwnerRows state={state} />
          <Row label={t('field.lineEnteredAt')}>
            <DateTime iso={state.lineEnteredAt} />
          </Row>
        </Box>
        {state.timeRule === 'requirement' ? (
          <Text size="small" color="color.text.subtle" testId="itr-time-rule">
            {t('assessment.timeRule.requirement')}
          </Text>
        ) : null}
      </Box>
      {state.closure.classification === 'requirement' ? <Assessment issueKey={state.issueKey} /> : null}
      <Box as="section" aria-label={t('panel.otherActions')}>
        <Handoff issueKey={state.issueKey} />
      </Box>
      <Decisions issueKey={state.issueKey} />
      <CustomerParts issueKey={state.issueKey} />
      <CaseSuggestions issueKey={state.issueKey} />
      {state.closure.classification === 'problem' && !rootCauseOnTop ? (
        <RootCauseFold
          issueKey={state.issueKey}
          onSaved={rootCauseSaved}
          complete={state.closure.rootCauseComplete}
          open={rootCauseOpen}
          onToggle={() => setRootCauseOpen((o) => !o)}
        />
      ) : null}
      {/* A problem's long-term measure; once resolved, any issue's return-visit follow-up (issue 17). */}
      {state.closure.classification === 'problem' || state.closure.stage !== 'open' ? (
        <LastingFixes issueKey={state.issueKey} />
      ) : null}
      <Box as="section" aria-label={t('panel.history')} xcss={historyStyles}>
        <Stack space="space.100">
          <Box as="h3" xcss={headingStyles}>
            {t('panel.history')}
          </Box>
          {state.ownerHistory.length === 0 ? null : (
            <Fold
              title={t('ownerHistory.title')}
              testId="itr-owner-history-fold"
              open={ownerHistoryOpen}
              onToggle={() => setOwnerHistoryOpen((o) => !o)}
            >
              <OwnerHistory entries={state.ownerHistory} />
            </Fold>
          )}
          {state.line === null ? null : <LineHistory issueKey={state.issueKey} />}
          <ClassificationHistory issueKey={state.issueKey} />
        </Stack>
      </Box>
      {footer}
    </Stack>
  );
}

function Loading() {
  const { t } = useI18n();
  return (
    <Stack space="space.150">
      <Box role="status" aria-live="polite">
        <Text color="color.text.subtlest">{t('panel.loading')}</Text>
      </Box>
      <Box xcss={listStyles} aria-hidden="true">
        {[0, 1, 2, 3, 4].map((i) => (
          <Fragment key={i}>
            <Box xcss={[skeletonStyles, labelSkeletonStyles]} />
            <Box xcss={[skeletonStyles, valueSkeletonStyles]} />
          </Fragment>
        ))}
      </Box>
    </Stack>
  );
}

const skeletonStyles = xcss({ backgroundColor: 'color.skeleton', borderRadius: 'radius.small', height: 'size.100' });
const labelSkeletonStyles = xcss({ width: '70%' });
const valueSkeletonStyles = xcss({ width: '55%' });

const historyStyles = xcss({
  borderBlockStartWidth: 'border.width',
  borderBlockStartStyle: 'solid',
  borderColor: 'color.border',
  paddingBlockStart: 'space.150',
});
const headingStyles = xcss({ font: 'font.heading.xsmall', color: 'color.text', margin: 'space.0' });

const subtleButtonStyles = xcss({
  backgroundColor: 'color.background.neutral.subtle',
  color: 'color.text.subtle',
  borderRadius: 'radius.small',
  paddingBlock: 'space.050',
  paddingInline: 'space.100',
  font: 'font.body',
  fontWeight: 'font.weight.medium',
  ':hover': { backgroundColor: 'color.background.neutral.subtle.hovered', color: 'color.text' },
  ':active': { backgroundColor: 'color.background.neutral.subtle.pressed' },
});
