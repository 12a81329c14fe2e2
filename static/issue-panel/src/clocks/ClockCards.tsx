import type { ReactNode } from 'react';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Tooltip from '@atlaskit/tooltip';
import type { IssueItrState } from '../../../../src/contract/issuePanel';
import { useI18n } from '../../../shared/i18n/react';
import { duration } from '../LineHistory';
import { useNow } from '../useNow';
import { LOZENGE, lineClockFace, responseClockFace, type ClockFace } from './clockFace';

type Clock = { id: 'line' | 'response'; title: string; subtitle: string | null; face: ClockFace };

/**
 * The issue's SLA clocks first, as JSM's SLA panel draws them: one card per clock with its state as a
 * lozenge, the time left (or by how much it was met or breached) as the headline, and the exact
 * deadline, in the user's zone, on hover or keyboard focus of the relative time under it.
 */
export function ClockCards({ state }: { state: IssueItrState }) {
  const { t } = useI18n();
  const now = useNow(true);
  const line = state.kind === null ? null : lineClockFace(state, now);
  const response = responseClockFace(state.response, now);
  const clocks: Clock[] = [];
  if (line !== null)
    clocks.push({
      id: 'line',
      title: t('clock.line'),
      subtitle: state.line === null ? null : t(`line.${state.line}`),
      face: line,
    });
  if (response !== null) clocks.push({ id: 'response', title: t('clock.response'), subtitle: null, face: response });
  // A running clock is what someone can still act on: it comes before the stopped ones.
  clocks.sort((a, b) => Number(a.face.kind === 'final') - Number(b.face.kind === 'final'));
  if (clocks.length === 0) return null;
  return (
    <Box as="section" aria-label={t('clock.title')} testId="itr-clocks">
      <Box as="ul" xcss={listStyles}>
        {clocks.map((c) => (
          <ClockCard key={c.id} clock={c} />
        ))}
      </Box>
    </Box>
  );
}

function ClockCard({ clock }: { clock: Clock }) {
  const { t } = useI18n();
  const { face } = clock;
  return (
    <Box as="li" xcss={cardStyles} testId={`itr-clock-${clock.id}`}>
      <Stack space="space.075">
        <Inline spread="space-between" alignBlock="center" space="space.100" shouldWrap>
          <Inline space="space.075" alignBlock="baseline" shouldWrap>
            <Text weight="semibold">{clock.title}</Text>
            {clock.subtitle === null ? null : (
              <Text size="small" color="color.text.subtle">
                {clock.subtitle}
              </Text>
            )}
          </Inline>
          <Lozenge appearance={LOZENGE[face.state]} testId={`itr-clock-${clock.id}-state`}>
            {t(`clock.state.${face.state}`)}
          </Lozenge>
        </Inline>
        <FaceBody face={face} testId={`itr-clock-${clock.id}-body`} />
      </Stack>
    </Box>
  );
}

function FaceBody({ face, testId }: { face: ClockFace; testId: string }) {
  const { t, formatDateTime } = useI18n();
  switch (face.kind) {
    case 'running':
      return (
        <Stack space="space.025" testId={testId}>
          {face.leftMinutes === null ? (
            <Headline>
              <Relative iso={face.dueAt} messageKey="clock.due" />
            </Headline>
          ) : (
            <Headline>{t('clock.left', { duration: duration(face.leftMinutes, t) })}</Headline>
          )}
          <Deadline iso={face.dueAt} warnAt={face.warnAt} showRelative={face.leftMinutes !== null} />
        </Stack>
      );
    case 'overdue':
      return (
        <Stack space="space.025" testId={testId}>
          <Headline color="color.text.danger">
            <Relative iso={face.dueAt} messageKey="clock.due" />
          </Headline>
          <Deadline iso={face.dueAt} warnAt={face.warnAt} showRelative={false} />
        </Stack>
      );
    case 'paused':
      return (
        <Stack space="space.025" testId={testId}>
          {face.leftMinutes === null ? null : (
            <Headline>{t('clock.leftOnResume', { duration: duration(face.leftMinutes, t) })}</Headline>
          )}
          <TimeWithTip
            iso={face.since}
            tip={[{ iso: face.since, text: t('clock.tip.paused', { time: formatDateTime(face.since) ?? '' }) }]}
          >
            <Relative iso={face.since} messageKey="clock.waitingSince" />
          </TimeWithTip>
        </Stack>
      );
    case 'final': {
      const { final } = face;
      const text =
        final.outcome === 'met'
          ? t('clock.metBy', { duration: duration(final.spareMinutes, t) })
          : t('clock.breachedBy', { duration: duration(final.overMinutes, t) });
      return (
        <Stack space="space.025" testId={testId}>
          <Headline color={final.outcome === 'met' ? 'color.text.success' : 'color.text.danger'}>{text}</Headline>
          <Text size="small" color="color.text.subtle">
            <Box as="time" dateTime={final.stoppedAt}>
              {t('clock.stoppedAt', { time: formatDateTime(final.stoppedAt) ?? '' })}
            </Box>
          </Text>
        </Stack>
      );
    }
    case 'notStarted':
      return (
        <Text size="small" color="color.text.subtle" testId={testId}>
          {t('clock.notStartedHint')}
        </Text>
      );
  }
}

type HeadlineColor = 'color.text' | 'color.text.danger' | 'color.text.success';

/** The clock's prominent line: what someone glancing at the issue needs to know. */
function Headline({ children, color = 'color.text' }: { children: ReactNode; color?: HeadlineColor }) {
  return <Box xcss={[headlineStyles, headlineColor[color]]}>{children}</Box>;
}

/** "Due in 4 hours" / "4小时后到期", re-read every minute while the panel stays open. */
function Relative({ iso, messageKey }: { iso: string; messageKey: 'clock.due' | 'clock.waitingSince' }) {
  const { t, formatRelative } = useI18n();
  const now = useNow(true);
  return <>{t(messageKey, { relative: formatRelative(iso, now) ?? '' })}</>;
}

/** The relative deadline (when not already the headline), the exact one and the warning time on hover. */
function Deadline({ iso, warnAt, showRelative }: { iso: string; warnAt: string | null; showRelative: boolean }) {
  const { t, formatDateTime } = useI18n();
  const due: TipLine = { iso, text: t('clock.tip.due', { time: formatDateTime(iso) ?? '' }) };
  const tip =
    warnAt === null ? [due] : [due, { iso: warnAt, text: t('clock.tip.warn', { time: formatDateTime(warnAt) ?? '' }) }];
  return (
    <TimeWithTip iso={iso} tip={tip}>
      {showRelative ? <Relative iso={iso} messageKey="clock.due" /> : due.text}
    </TimeWithTip>
  );
}

type TipLine = { iso: string; text: string };

/**
 * A `<time>` that shows `tip` (exact instants in the user's zone) on hover and on keyboard focus, so
 * the exact time is one glance away without crowding the card.
 */
function TimeWithTip({ iso, tip, children }: { iso: string; tip: TipLine[]; children: ReactNode }) {
  return (
    <Tooltip
      content={
        <>
          {tip.map((line) => (
            <Box key={line.iso}>
              <time dateTime={line.iso}>{line.text}</time>
            </Box>
          ))}
        </>
      }
      position="bottom-start"
    >
      {(trigger) => (
        <Box as="span" xcss={timeRowStyles}>
          <time {...trigger} dateTime={iso} tabIndex={0} data-testid="itr-clock-when">
            <Text size="small" color="color.text.subtle">
              {children}
            </Text>
          </time>
        </Box>
      )}
    </Tooltip>
  );
}

const listStyles = xcss({
  listStyle: 'none',
  margin: 'space.0',
  padding: 'space.0',
  display: 'flex',
  flexDirection: 'column',
  gap: 'space.100',
});
const cardStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.150',
  backgroundColor: 'elevation.surface.raised',
});
const headlineStyles = xcss({ font: 'font.heading.small' });
const headlineColor: Record<HeadlineColor, ReturnType<typeof xcss>> = {
  'color.text': xcss({ color: 'color.text' }),
  'color.text.danger': xcss({ color: 'color.text.danger' }),
  'color.text.success': xcss({ color: 'color.text.success' }),
};
const timeRowStyles = xcss({ display: 'inline-block' });
