import { useId, useRef, type KeyboardEvent } from 'react';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { TriageListItem } from '../../../src/contract';
import { useI18n } from '../../shared/i18n/react';
import { personName } from '../../shared/people';
import { Heading } from './controls';

// A declined issue (kind and line kept, no acceptance) is back with triage, like untriaged work.
export const isUntriaged = (i: TriageListItem) => i.kind === null || i.line === null || i.acceptance === null;

/**
 * One of the page's two queues (to triage, awaiting the owner's answer) as a single-select listbox:
 * one tab stop (the selected issue, else the first); ArrowUp/ArrowDown, Home and End move through it
 * and the selection follows, so the pane beside it shows each issue in turn; Enter, Space or a click
 * opens the issue, which sends the keyboard to its form.
 */
export function TriageQueueList({
  title,
  rows,
  testId,
  empty,
  selected,
  now,
  onSelect,
  onOpen,
}: {
  title: string;
  rows: TriageListItem[];
  testId: string;
  /** Shown instead of an empty list. */
  empty: string;
  selected: string | null;
  now: number;
  onSelect: (issueKey: string) => void;
  onOpen: (issueKey: string) => void;
}) {
  const headingId = useId();
  const options = useRef(new Map<string, HTMLElement>());
  const tabStop = rows.some((r) => r.issueKey === selected) ? selected : (rows[0]?.issueKey ?? null);

  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const last = rows.length - 1;
    const to =
      e.key === 'ArrowDown'
        ? Math.min(index + 1, last)
        : e.key === 'ArrowUp'
          ? Math.max(index - 1, 0)
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : null;
    const row = rows[index];
    if ((e.key === 'Enter' || e.key === ' ') && row !== undefined) {
      e.preventDefault();
      onOpen(row.issueKey);
      return;
    }
    const target = to === null ? undefined : rows[to];
    if (target === undefined) return;
    e.preventDefault();
    onSelect(target.issueKey);
    options.current.get(target.issueKey)?.focus();
  };

  return (
    <Stack space="space.100" testId={testId}>
      <Heading size="small" as="h2" id={headingId}>
        {title}
      </Heading>
      {rows.length === 0 ? (
        <Text color="color.text.subtle">{empty}</Text>
      ) : (
        <ul role="listbox" aria-labelledby={headingId} style={listStyle}>
          {rows.map((item, index) => (
            <QueueRow
              key={item.issueKey}
              item={item}
              isSelected={item.issueKey === selected}
              isTabStop={item.issueKey === tabStop}
              now={now}
              register={(el) => {
                if (el === null) options.current.delete(item.issueKey);
                else options.current.set(item.issueKey, el);
              }}
              onOpen={onOpen}
              onKeyDown={(e) => onKeyDown(e, index)}
            />
          ))}
        </ul>
      )}
    </Stack>
  );
}

const listStyle: React.CSSProperties = {
  listStyle: 'none',
  margin: 0,
  padding: 0,
  display: 'flex',
  flexDirection: 'column',
  gap: token('space.050'),
};

/** An issue of the queue: key and summary, its age, where it stands, and (once dispatched) its owner. */
function QueueRow({
  item: i,
  isSelected,
  isTabStop,
  now,
  register,
  onOpen,
  onKeyDown,
}: {
  item: TriageListItem;
  isSelected: boolean;
  isTabStop: boolean;
  now: number;
  register: (el: HTMLElement | null) => void;
  onOpen: (issueKey: string) => void;
  onKeyDown: (e: KeyboardEvent) => void;
}) {
  const { t, formatRelative } = useI18n();
  const untriaged = isUntriaged(i);
  return (
    <Box
      as="li"
      ref={register}
      role="option"
      aria-selected={isSelected}
      tabIndex={isTabStop ? 0 : -1}
      testId={`triage-row-${i.issueKey}`}
      xcss={isSelected ? selectedRowStyles : rowStyles}
      onClick={() => onOpen(i.issueKey)}
      onKeyDown={onKeyDown}
    >
      <Stack space="space.050">
        <Text weight="semibold">{t('triage.list.label', { issueKey: i.issueKey, summary: i.summary })}</Text>
        <Inline space="space.100" shouldWrap alignBlock="center">
          <Lozenge appearance={untriaged ? 'new' : 'inprogress'}>
            {untriaged ? t('triage.state.untriaged') : t('triage.state.awaitingNoClock')}
          </Lozenge>
          <Text size="small">{t('triage.list.age', { relative: formatRelative(i.created, now) ?? '' })}</Text>
          {untriaged || i.acceptBy === null ? null : (
            <Text size="small">{t('triage.list.deemedAt', { relative: formatRelative(i.acceptBy, now) ?? '' })}</Text>
          )}
          {untriaged ? null : (
            <Text size="small">
              {t('triage.list.owner', {
                who: i.ownerAccountId === null ? t('triage.list.lineQueue') : personName(t, i.ownerName),
              })}
            </Text>
          )}
        </Inline>
      </Stack>
    </Box>
  );
}

const focusRing = {
  outlineColor: 'color.border.focused',
  outlineWidth: 'border.width.focused',
  outlineStyle: 'solid',
  outlineOffset: 'space.025',
} as const;
const rowStyles = xcss({
  backgroundColor: 'color.background.neutral.subtle',
  color: 'color.text',
  borderRadius: 'radius.small',
  padding: 'space.100',
  cursor: 'pointer',
  ':hover': { backgroundColor: 'color.background.neutral.subtle.hovered' },
  ':focus-visible': focusRing,
});
const selectedRowStyles = xcss({
  backgroundColor: 'color.background.selected',
  color: 'color.text.selected',
  borderRadius: 'radius.small',
  borderInlineStartWidth: 'border.width.selected',
  borderInlineStartStyle: 'solid',
  borderInlineStartColor: 'color.border.selected',
  padding: 'space.100',
  cursor: 'pointer',
  ':hover': { backgroundColor: 'color.background.selected.hovered' },
  ':focus-visible': focusRing,
});
