import { useCallback, useEffect, useRef, useState } from 'react';
import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ResolverError } from '../../../src/contract/envelope';
import type { TriageListItem, TriageOptions, TriageResult } from '../../../src/contract';
import { token } from '@atlaskit/tokens';
import { call } from '../../shared/api';
import type { ForgeContext } from '../../shared/bridge';
import { toApiError, type ApiError } from '../../shared/errors';
import { ErrorState, RetryButton } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/react';
import { Heading, SuccessNotice } from './controls';
import { initialDraft, type TriageDraft } from './draft';
import { History } from './History';
import { ReassignForm } from './ReassignForm';
import { TriageForm } from './TriageForm';
import { personName } from '../../shared/people';

type Phase = { name: 'loading' } | { name: 'refused' } | { name: 'error'; error: ApiError } | { name: 'ready' };

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
const panelStyles = xcss({
  borderColor: 'color.border',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderRadius: 'radius.medium',
  padding: 'space.200',
});
const refusedStyles = xcss({
  backgroundColor: 'color.background.warning',
  borderRadius: 'radius.medium',
  padding: 'space.200',
});

// A declined issue (kind and line kept, no acceptance) is back with triage, like untriaged work.
const isUntriaged = (i: TriageListItem) => i.kind === null || i.line === null || i.acceptance === null;

/**
 * The `itr-triage` global page: unaccepted ITR issues oldest first (not yet triaged, then dispatched and
 * awaiting the owner's answer); the selected one gets the triage form, forward/escalate and its history.
 * Who may triage is decided by the server (`NOT_AUTHORIZED` → a refusal, not an error).
 */
export function TriagePage(_props: { context: ForgeContext }) {
  const { t, formatRelative, locale } = useI18n();
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });
  const [items, setItems] = useState<TriageListItem[]>([]);
  const [options, setOptions] = useState<TriageOptions | null>(null);
  const [deemed, setDeemed] = useState<string[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Record<string, TriageDraft>>({});
  const [errors, setErrors] = useState<Record<string, readonly ResolverError[]>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [historyVersion, setHistoryVersion] = useState(0);
  const noticeRef = useRef<HTMLDivElement>(null);

  const refuse = useCallback(() => setPhase({ name: 'refused' }), []);

  const load = useCallback(async () => {
    try {
      const [opts, page] = await Promise.all([call('getTriageOptions', {}), call('listTriage', {})]);
      const all = [...page.items];
      let token = page.nextPageToken;
      // The list is read in pages of 50; a triage queue longer than a few pages is itself a problem to see.
      for (let n = 0; token !== null && n < 10; n++) {
        const next = await call('listTriage', { pageToken: token });
        all.push(...next.items);
        token = next.nextPageToken;
      }
      setOptions(opts);
      setItems(all);
      setDeemed(page.deemedAccepted);
      setPhase({ name: 'ready' });
    } catch (e) {
      const error = toApiError(e);
      setPhase(error.code === 'NOT_AUTHORIZED' ? { name: 'refused' } : { name: 'error', error });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (notice !== null) noticeRef.current?.focus();
  }, [notice]);

  if (phase.name === 'loading')
    return (
      <Box padding="space.300">
        <Text>{t('triage.loading')}</Text>
      </Box>
    );
  if (phase.name === 'refused') {
    return (
      <Box padding="space.300">
        <Stack space="space.200">
          <Heading size="large" as="h1">
            {t('triage.title')}
          </Heading>
          <Box xcss={refusedStyles} role="alert" testId="triage-refused">
            <Text>{t('triage.refused')}</Text>
          </Box>
        </Stack>
      </Box>
    );
  }
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

  const row = (i: TriageListItem) => {
    const state = isUntriaged(i)
      ? t('triage.state.untriaged')
      : i.acceptBy === null
        ? t('triage.state.awaitingNoClock')
        : t('triage.state.awaiting', { relative: formatRelative(i.acceptBy, now) ?? i.acceptBy });
    return (
      <Box as="li" key={i.issueKey}>
        <Pressable
          xcss={i.issueKey === selected ? selectedRowStyles : rowStyles}
          aria-pressed={i.issueKey === selected}
          testId={`triage-row-${i.issueKey}`}
          onClick={() => {
            setSelected(i.issueKey);
            setNotice(null);
          }}
        >
          <Stack space="space.025">
            <Text weight="semibold">{t('triage.list.label', { issueKey: i.issueKey, summary: i.summary })}</Text>
            <Inline space="space.150" shouldWrap>
              <Text size="small">
                {t('triage.list.age', { relative: formatRelative(i.created, now) ?? i.created })}
              </Text>
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
  };

  const list = (title: string, rows: TriageListItem[], testId: string, empty: string) => (
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
          {rows.map(row)}
        </ul>
      )}
    </Stack>
  );

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
        {notice === null ? null : <SuccessNotice ref={noticeRef}>{notice}</SuccessNotice>}
        {deemed.length === 0 ? null : <Text>{t('triage.deemedAccepted', { keys: deemed.join(', ') })}</Text>}
        {list(t('triage.list.toTriage', { count: toTriage.length }), toTriage, 'triage-list', t('triage.list.empty'))}
        {list(
          t('triage.list.awaiting', { count: awaiting.length }),
          awaiting,
          'awaiting-list',
          t('triage.list.emptyAwaiting'),
        )}
        {current === null ? (
          <Text color="color.text.subtle">{t('triage.selectHint')}</Text>
        ) : (
          <Box xcss={panelStyles} testId="triage-detail">
            <Stack space="space.400">
              <TriageForm
                key={current.issueKey}
                item={current}
                options={options}
                draft={draftOf(current)}
                onDraft={(d) => setDrafts((all) => ({ ...all, [current.issueKey]: d }))}
                errors={errors[current.issueKey] ?? []}
                onErrors={(e) => setErrors((all) => ({ ...all, [current.issueKey]: e }))}
                onSaved={onSaved}
                onRefused={refuse}
              />
              <ReassignForm
                key={`reassign-${current.issueKey}`}
                issueKey={current.issueKey}
                onRefused={refuse}
                onDone={(owner, acceptBy) => {
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
              <History issueKey={current.issueKey} version={historyVersion} />
            </Stack>
          </Box>
        )}
      </Stack>
    </Box>
  );
}
