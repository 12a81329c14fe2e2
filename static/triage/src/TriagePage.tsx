import { useEffect, useRef, useState } from 'react';
import { Box, Inline, media, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { ShownError } from '../../shared/errors';
import type { TriageListItem, TriageResult } from '../../../src/contract';
import type { ForgeContext } from '../../shared/bridge';
import { toApiError } from '../../shared/errors';
import { ErrorState, RetryButton } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/react';
import { Heading, Notice } from './controls';
import { initialDraft, type TriageDraft } from './draft';
import { TriageDetail } from './TriageDetail';
import { isUntriaged, TriageQueueList } from './TriageQueueList';
import { useTriageQueue } from './useTriageQueue';

/**
 * The `itr-triage` global page, in two panes: on the left the unaccepted ITR issues oldest first (not
 * yet triaged, then dispatched and awaiting the owner's answer); on the right the selected one, as
 * reported, with the triage form, forward/escalate and its history. Narrow frames stack the panes.
 * Who may triage is decided by the server (`NOT_AUTHORIZED` → a refusal, not an error).
 */
export function TriagePage(_props: { context: ForgeContext }) {
  const { t, formatRelative, locale } = useI18n();
  const { phase, items, options, deemed, load, refuse } = useTriageQueue();
  const [selected, setSelected] = useState<string | null>(null);
  // Drafts and the last save's errors by issue, so switching issues loses no typing.
  const [drafts, setDrafts] = useState<Record<string, TriageDraft>>({});
  const [errors, setErrors] = useState<Record<string, readonly ShownError[]>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [historyVersion, setHistoryVersion] = useState(0);
  // Bumped each time the user opens an issue from the queue, so the detail pane takes the keyboard.
  const [focusRequest, setFocusRequest] = useState(0);
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (notice !== null) noticeRef.current?.focus();
  }, [notice]);

  if (phase.name === 'loading')
    return (
      <Box padding="space.300">
        <Text>{t('triage.loading')}</Text>
      </Box>
    );
  if (phase.name === 'refused') return <TriageRefused />;
  if (phase.name === 'error' || options === null) {
    const error = phase.name === 'error' ? phase.error : toApiError(new Error('no options'));
    return (
      <Box padding="space.300">
        <ErrorState error={error} titleKey="triage.loadFailed" onRetry={() => void load()} />
      </Box>
    );
  }

  const now = Date.now();
  const toTriage = items.filter(isUntriaged);
  const awaiting = items.filter((i) => !isUntriaged(i));
  const current = items.find((i) => i.issueKey === selected) ?? null;
  const draftOf = (i: TriageListItem) => drafts[i.issueKey] ?? initialDraft(i);
  const select = (issueKey: string) => {
    setSelected(issueKey);
    setNotice(null);
  };
  const open = (issueKey: string) => {
    select(issueKey);
    setFocusRequest((n) => n + 1);
  };

  const onSaved = (r: TriageResult) => {
    const grade = options.grades.find((g) => g.id === r.grade);
    setNotice(
      t('triage.saved', {
        issueKey: r.issueKey,
        classification: t(`triage.classification.${r.classification}`),
        grade: grade === undefined ? r.grade : grade.label[locale],
        line: t(`line.${r.line}`),
      }),
    );
    setDrafts(({ [r.issueKey]: _gone, ...rest }) => rest);
    setSelected(null);
    void load();
  };

  return (
    <Box padding="space.300">
      <Stack space="space.300">
        <Inline spread="space-between" alignBlock="center">
          <Heading size="large" as="h1">
            {t('triage.title')}
          </Heading>
          <RetryButton label={t('common.refresh')} onClick={() => void load()} />
        </Inline>
        <Text color="color.text.subtle">{t('triage.intro')}</Text>
        {notice === null ? null : (
          <Notice ref={noticeRef} appearance="success" role="status" focusable testId="triage-notice">
            <Text>{notice}</Text>
          </Notice>
        )}
        {deemed.length === 0 ? null : <Text>{t('triage.deemedAccepted', { keys: deemed.join(', ') })}</Text>}
        <Box xcss={panesStyles}>
          <Stack space="space.300" testId="triage-queue">
            <TriageQueueList
              title={t('triage.list.toTriage', { count: toTriage.length })}
              rows={toTriage}
              testId="triage-list"
              empty={t('triage.list.empty')}
              selected={selected}
              now={now}
              onSelect={select}
              onOpen={open}
            />
            <TriageQueueList
              title={t('triage.list.awaiting', { count: awaiting.length })}
              rows={awaiting}
              testId="awaiting-list"
              empty={t('triage.list.emptyAwaiting')}
              selected={selected}
              now={now}
              onSelect={select}
              onOpen={open}
            />
          </Stack>
          {current === null ? (
            <Box xcss={hintStyles} testId="triage-select-hint">
              <Text color="color.text.subtle">{t('triage.selectHint')}</Text>
            </Box>
          ) : (
            <TriageDetail
              item={current}
              options={options}
              draft={draftOf(current)}
              onDraft={(d) => setDrafts((all) => ({ ...all, [current.issueKey]: d }))}
              errors={errors[current.issueKey] ?? []}
              onErrors={(e) => setErrors((all) => ({ ...all, [current.issueKey]: e }))}
              onSaved={onSaved}
              onRefused={refuse}
              historyVersion={historyVersion}
              focusRequest={focusRequest}
              onReassigned={(owner, acceptBy) => {
                setNotice(
                  t('triage.reassign.done', {
                    issueKey: current.issueKey,
                    owner,
                    time: formatRelative(acceptBy, Date.now()) ?? acceptBy,
                  }),
                );
                setHistoryVersion((v) => v + 1);
                void load();
              }}
            />
          )}
        </Box>
      </Stack>
    </Box>
  );
}

/** The server's answer for someone who may not triage: a refusal, not an error. */
function TriageRefused() {
  const { t } = useI18n();
  return (
    <Box padding="space.300">
      <Stack space="space.200">
        <Heading size="large" as="h1">
          {t('triage.title')}
        </Heading>
        <Notice appearance="warning" role="alert" testId="triage-refused">
          <Text>{t('triage.refused')}</Text>
        </Notice>
      </Stack>
    </Box>
  );
}

// One column by default; two from the design system's `sm` breakpoint, the queue the narrower (never
// under three times the largest space token, so its rows stay readable).
const panesStyles = xcss({
  display: 'grid',
  gap: 'space.300',
  gridTemplateColumns: 'minmax(0, 1fr)',
  alignItems: 'start',
  [media.above.sm]: { gridTemplateColumns: `minmax(calc(3 * ${token('space.1000')}), 2fr) minmax(0, 3fr)` },
});

const hintStyles = xcss({
  borderColor: 'color.border',
  borderWidth: 'border.width',
  borderStyle: 'dashed',
  borderRadius: 'radius.medium',
  padding: 'space.300',
});
