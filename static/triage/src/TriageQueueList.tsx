import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { TriageListItem } from '../../../src/contract';
import { useI18n } from '../../shared/i18n/react';
import { personName } from '../../shared/people';
import { Heading } from './controls';

// A declined issue (kind and line kept, no acceptance) is back with triage, like untriaged work.
export const isUntriaged = (i: TriageListItem) => i.kind === null || i.line === null || i.acceptance === null;

/** One of the page's two queues (to triage, awaiting the owner's answer); a row selects its issue. */
export function TriageQueueList({
  title,
  rows,
  testId,
  empty,
  selected,
  now,
  onSelect,
}: {
  title: string;
  rows: TriageListItem[];
  testId: string;
  /** Shown instead of an empty list. */
  empty: string;
  selected: string | null;
  now: number;
  onSelect: (issueKey: string) => void;
}) {
  return (
    <Stack space="space.100" testId={testId}>
      <Heading size="small" as="h2">
        {title}
      </Heading>
      {rows.length === 0 ? (
        <Text color="color.text.subtle">{empty}</Text>
      ) : (
        <ul
          style={{
            listStyle: 'none',
            margin: 0,
            padding: 0,
            display: 'flex',
            flexDirection: 'column',
            gap: token('space.050'),
          }}
        >
          {rows.map((i) => (
            <QueueRow key={i.issueKey} item={i} isSelected={i.issueKey === selected} now={now} onSelect={onSelect} />
          ))}
        </ul>
      )}
    </Stack>
  );
}

/** An issue of the queue: key and summary, its age, where it stands, and (once dispatched) its owner. */
function QueueRow({
  item: i,
  isSelected,
  now,
  onSelect,
}: {
  item: TriageListItem;
  isSelected: boolean;
  now: number;
  onSelect: (issueKey: string) => void;
}) {
  const { t, formatRelative } = useI18n();
  const state = isUntriaged(i)
    ? t('triage.state.untriaged')
    : i.acceptBy === null
      ? t('triage.state.awaitingNoClock')
      : t('triage.state.awaiting', { relative: formatRelative(i.acceptBy, now) ?? i.acceptBy });
  return (
    <Box as="li">
      <Pressable
        xcss={isSelected ? selectedRowStyles : rowStyles}
        aria-pressed={isSelected}
        testId={`triage-row-${i.issueKey}`}
        onClick={() => onSelect(i.issueKey)}
      >
        <Stack space="space.025">
          <Text weight="semibold">{t('triage.list.label', { issueKey: i.issueKey, summary: i.summary })}</Text>
          <Inline space="space.150" shouldWrap>
            <Text size="small">{t('triage.list.age', { relative: formatRelative(i.created, now) ?? i.created })}</Text>
            <Text size="small">{state}</Text>
            {isUntriaged(i) ? null : (
              <Text size="small">
                {t('triage.list.owner', {
                  who: i.ownerAccountId === null ? t('triage.list.lineQueue') : personName(t, i.ownerName),
                })}
              </Text>
            )}
          </Inline>
        </Stack>
      </Pressable>
    </Box>
  );
}

const rowStyles = xcss({
  display: 'block',
  width: '100%',
  textAlign: 'start',
  backgroundColor: 'color.background.neutral.subtle',
  color: 'color.text',
  borderRadius: 'radius.small',
  padding: 'space.100',
  ':hover': { backgroundColor: 'color.background.neutral.subtle.hovered' },
});
const selectedRowStyles = xcss({
  display: 'block',
  width: '100%',
  textAlign: 'start',
  backgroundColor: 'color.background.selected',
  color: 'color.text.selected',
  borderRadius: 'radius.small',
  padding: 'space.100',
  ':hover': { backgroundColor: 'color.background.selected.hovered' },
});
