import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { ClockFinal, IssueItrState, ResponseClock } from '../../../src/contract/issuePanel';
import { useI18n } from '../../shared/i18n/react';
import { DateTime, NotSet, Row } from './DetailRows';
import { duration } from './LineHistory';
import { StatusLozenge } from './StatusLozenge';

/**
 * The clocks' rows of the panel's description list. Open issue: the line's warning and due times as
 * the issue's fields hold them (or, paused, what the clock resumes with). Done issue: each clock's
 * final state, met with time to spare or breached and by how much (never "on track" or "overdue").
 */
export function LineClockRows({ state }: { state: IssueItrState }) {
  const { t } = useI18n();
  if (state.status === 'done') {
    return (
      <Row label={t('clock.line')}>
        {state.lineFinal === null ? <NotSet /> : <FinalState final={state.lineFinal} testId="itr-line-final" />}
      </Row>
    );
  }
  if (state.pausedSince !== null) {
    // The clock is stopped: what it will resume with does not age, unlike a due time.
    return (
      <>
        <Row label={t('field.pausedSince')}>
          <DateTime iso={state.pausedSince} relative />
        </Row>
        <Row label={t('field.remaining')}>
          <Text>{duration(state.remainingMinutes ?? 0, t)}</Text>
        </Row>
      </>
    );
  }
  return (
    <>
      <Row label={t('field.warnAt')}>
        <DateTime iso={state.warnAt} relative color={state.status === 'warning' ? 'color.text.warning' : undefined} />
      </Row>
      <Row label={t('field.dueAt')}>
        <DateTime iso={state.dueAt} relative color={state.status === 'overdue' ? 'color.text.danger' : undefined} />
      </Row>
    </>
  );
}

/** The response (acceptance) clock: its status and due time while running, since when while paused, its final state once stopped. */
export function ResponseClockRow({ clock }: { clock: ResponseClock | null }) {
  const { t } = useI18n();
  if (clock === null) return null;
  return (
    <Row label={t('clock.response')}>
      {clock.final !== null ? (
        <FinalState final={clock.final} testId="itr-response-final" />
      ) : clock.pausedSince !== null ? (
        // Waiting for the customer stops it (no due time then): since when.
        <Stack space="space.025" testId="itr-response-paused">
          <Inline space="space.100" alignBlock="center" shouldWrap>
            <StatusLozenge status="paused" />
            <Text size="small" color="color.text.subtle">
              {t('field.pausedSince')}
            </Text>
          </Inline>
          <DateTime iso={clock.pausedSince} relative />
        </Stack>
      ) : (
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <StatusLozenge status={clock.status} />
          <DateTime iso={clock.dueAt} relative color={clock.status === 'overdue' ? 'color.text.danger' : undefined} />
        </Inline>
      )}
    </Row>
  );
}

function FinalState({ final, testId }: { final: ClockFinal; testId: string }) {
  const { t, formatDateTime } = useI18n();
  const text =
    final.outcome === 'met'
      ? t('clock.metBy', { duration: duration(final.spareMinutes, t) })
      : t('clock.breachedBy', { duration: duration(final.overMinutes, t) });
  return (
    <Stack space="space.025" testId={testId}>
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <StatusLozenge status={final.outcome} />
        <Text weight="medium" color={final.outcome === 'met' ? 'color.text.success' : 'color.text.danger'}>
          {text}
        </Text>
      </Inline>
      <Text size="small" color="color.text.subtlest">
        {t('clock.stoppedAt', { time: formatDateTime(final.stoppedAt) ?? '' })}
      </Text>
    </Stack>
  );
}

/** "Major · grading table v3", and when another version is in force, which one (until a recompute). */
export function GradeVersion({ state, gradeName }: { state: IssueItrState; gradeName: string }) {
  const { t } = useI18n();
  if (state.gradingTableVersion === null) return <Text>{gradeName}</Text>;
  return (
    <Stack space="space.025">
      <Text>{t('grade.withTable', { grade: gradeName, version: state.gradingTableVersion })}</Text>
      {state.gradingTableVersion === state.gradingTableInForce ? null : (
        <Text size="small" color="color.text.warning" testId="itr-grade-version-differs">
          {t('grade.stampedNotInForce', { stamped: state.gradingTableVersion, inForce: state.gradingTableInForce })}
        </Text>
      )}
    </Stack>
  );
}
