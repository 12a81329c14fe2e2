/**
 * Lasting fixes on the issue panel (issue 17; itr-process.md §5 fire prevention, §6 return visits): the
 * problem's long-term measure, and the follow-up (二次改进) of a return visit whose customer view differs
 * from ours, each tracked as a linked Jira issue with an assignee and a due date. The list shows each
 * fix's Jira status as the viewer sees it and its state (open / done / overdue); "Track the long-term
 * measure" / "Open a follow-up" open a small form (measure, assignee picked by name, due date) that
 * creates the linked issue in one step, as the viewer. Self-contained: `<LastingFixes issueKey=… />`.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { LastingFixKindDto, LastingFixPanel, LastingFixStateDto } from '../../../../src/contract/lastingFix';
import { call } from '../../../shared/api';
import { Button } from '../../../shared/Button';
import { baseInputStyle, FieldLabel } from '../../../shared/controls';
import { toApiError, type ShownError } from '../../../shared/errors';
import { errorMessageKey, type MessageKey } from '../../../shared/i18n';
import { useI18n } from '../../../shared/i18n/react';
import { PeoplePicker } from '../../../shared/PeoplePicker';
import type { PickedPerson } from '../../../shared/people';
import { headingStyles, itemListStyles, itemStyles, sectionStyles } from '../panelSectionStyles';

const STATE_LOOK: Record<LastingFixStateDto, 'default' | 'success' | 'removed'> = {
  open: 'default',
  done: 'success',
  overdue: 'removed',
};

const KIND_LABEL: Record<LastingFixKindDto, MessageKey> = {
  longTerm: 'lastingFix.kind.longTerm',
  followUp: 'lastingFix.kind.followUp',
};

interface Draft {
  kind: LastingFixKindDto;
  summary: string;
  assignee: PickedPerson | null;
  dueDate: string;
}

export function LastingFixes({ issueKey }: { issueKey: string }) {
  const { t, formatLocale } = useI18n();
  const [panel, setPanel] = useState<LastingFixPanel | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [missing, setMissing] = useState(false);
  const ids = useId();

  const load = useCallback(async () => {
    try {
      setPanel(await call('getLastingFixes', { issueKey }));
    } catch (e) {
      setError(toApiError(e));
    }
  }, [issueKey]);
  useEffect(() => {
    void load();
  }, [load]);

  const errorText = (e: ShownError): string => {
    const key = errorMessageKey(e.code);
    return key === 'errorCode.unknown' ? `${t(key)} (${e.code})` : t(key, { issueKey, ...(e.params ?? {}) });
  };
  // A calendar day without a zone: shown in the viewer's language, never shifted by a time zone.
  const dayText = (day: string): string => {
    const [y, m, d] = day.split('-').map(Number);
    if (y === undefined || m === undefined || d === undefined) return day;
    return new Intl.DateTimeFormat(formatLocale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      Date.UTC(y, m - 1, d),
    );
  };

  const open = (kind: LastingFixKindDto) => {
    setNotice(null);
    setError(null);
    setMissing(false);
    setDraft({ kind, summary: kind === 'longTerm' ? (panel?.longTermMeasure ?? '') : '', assignee: null, dueDate: '' });
  };

  const create = async () => {
    if (draft === null) return;
    setError(null);
    if (draft.summary.trim() === '' || draft.assignee === null || draft.dueDate === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      const next = await call('createLastingFix', {
        issueKey,
        kind: draft.kind,
        summary: draft.summary,
        assignee: draft.assignee.accountId,
        dueDate: draft.dueDate,
      });
      setPanel(next);
      const made = next.fixes.find((f) => f.kind === draft.kind);
      setNotice(made === undefined ? null : t('lastingFix.created', { key: made.key }));
      setDraft(null);
    } catch (e) {
      setError(toApiError(e)); // the draft stays as typed
    } finally {
      setBusy(false);
    }
  };

  const label = t('lastingFix.title');
  const has = (kind: LastingFixKindDto) => panel?.fixes.some((f) => f.kind === kind) ?? false;
  const canCreate = panel !== null && panel.configured && panel.canEdit && draft === null;
  return (
    <Box as="section" aria-label={label} testId="lasting-fixes" xcss={sectionStyles}>
      <Stack space="space.100">
        <Box as="h3" xcss={headingStyles}>
          {label}
        </Box>
        {panel === null ? (
          error === null ? (
            <Box role="status">
              <Text color="color.text.subtlest">{t('lastingFix.loading')}</Text>
            </Box>
          ) : null
        ) : (
          <>
            {panel.fixes.length === 0 ? (
              <Text color="color.text.subtlest">{t('lastingFix.none')}</Text>
            ) : (
              <Box as="ul" xcss={itemListStyles} testId="lasting-fix-list">
                {panel.fixes.map((f) => (
                  <Box as="li" key={f.key} xcss={itemStyles} testId={`lasting-fix-${f.kind}`}>
                    <Stack space="space.050">
                      <Inline space="space.100" alignBlock="center" shouldWrap>
                        <Text weight="medium">{t(KIND_LABEL[f.kind])}</Text>
                        <Text>{f.key}</Text>
                        <Lozenge appearance={STATE_LOOK[f.state]} testId={`lasting-fix-${f.kind}-state`}>
                          {t(`lastingFix.state.${f.state}`)}
                        </Lozenge>
                      </Inline>
                      <Text>{f.summary}</Text>
                      <Inline space="space.100" shouldWrap>
                        <Text color="color.text.subtle">{f.assignee.displayName ?? t('people.unknownUser')}</Text>
                        <Text color="color.text.subtle">{t('lastingFix.due', { date: dayText(f.dueDate) })}</Text>
                        <Text color="color.text.subtlest">{f.status ?? t('lastingFix.noStatus')}</Text>
                      </Inline>
                    </Stack>
                  </Box>
                ))}
              </Box>
            )}
            {!panel.configured ? <Text color="color.text.subtle">{t('lastingFix.notConfigured')}</Text> : null}
            {panel.configured && !panel.canEdit ? (
              <Text color="color.text.subtle">{t('lastingFix.readOnly')}</Text>
            ) : null}
            {panel.followUpOffered && !has('followUp') ? (
              <Text color="color.text.warning" testId="lasting-fix-follow-up-hint">
                {t('lastingFix.followUpHint')}
              </Text>
            ) : null}
            {canCreate ? (
              <Inline space="space.100" shouldWrap>
                {!has('longTerm') ? (
                  <Button testId="lasting-fix-open-longTerm" onClick={() => open('longTerm')}>
                    {t('lastingFix.createLongTerm')}
                  </Button>
                ) : null}
                {panel.followUpOffered && !has('followUp') ? (
                  <Button testId="lasting-fix-open-followUp" onClick={() => open('followUp')}>
                    {t('lastingFix.createFollowUp')}
                  </Button>
                ) : null}
              </Inline>
            ) : null}
          </>
        )}
        {draft !== null && panel !== null ? (
          <Box
            as="form"
            xcss={formStyles}
            testId="lasting-fix-form"
            aria-label={t('lastingFix.form.title', { kind: t(KIND_LABEL[draft.kind]) })}
            onSubmit={(e) => {
              e.preventDefault();
              void create();
            }}
          >
            <Stack space="space.100">
              <Text weight="bold">{t('lastingFix.form.title', { kind: t(KIND_LABEL[draft.kind]) })}</Text>
              <Stack space="space.050">
                <FieldLabel htmlFor={`${ids}-summary`}>{t('lastingFix.summary')}</FieldLabel>
                <textarea
                  id={`${ids}-summary`}
                  data-path="summary"
                  rows={3}
                  style={baseInputStyle(missing && draft.summary.trim() === '')}
                  value={draft.summary}
                  onChange={(e) => setDraft({ ...draft, summary: e.target.value })}
                />
              </Stack>
              <PeoplePicker
                label={t('lastingFix.assignee')}
                showLabel
                kinds={['user']}
                value={draft.assignee === null ? [] : [draft.assignee]}
                onChange={(next) => {
                  const picked = next[0];
                  setDraft({ ...draft, assignee: picked !== undefined && picked.kind === 'user' ? picked : null });
                }}
                {...(panel.projectKey !== null ? { assignableInProject: panel.projectKey } : {})}
                path="assignee"
                invalid={missing && draft.assignee === null}
                testId="lasting-fix-assignee"
              />
              <Stack space="space.050">
                <FieldLabel htmlFor={`${ids}-due`}>{t('lastingFix.dueDate')}</FieldLabel>
                <input
                  id={`${ids}-due`}
                  type="date"
                  data-path="dueDate"
                  style={{ ...baseInputStyle(missing && draft.dueDate === ''), width: 'fit-content' }}
                  value={draft.dueDate}
                  onChange={(e) => setDraft({ ...draft, dueDate: e.target.value })}
                />
              </Stack>
              {missing ? (
                <Text size="small" color="color.text.danger" testId="lasting-fix-missing">
                  {t('lastingFix.required')}
                </Text>
              ) : null}
              <Inline space="space.100">
                <Button type="submit" appearance="primary" isLoading={busy} testId="lasting-fix-create">
                  {t('lastingFix.create')}
                </Button>
                <Button isDisabled={busy} onClick={() => setDraft(null)}>
                  {t('lastingFix.cancel')}
                </Button>
              </Inline>
            </Stack>
          </Box>
        ) : null}
        {notice !== null ? <Box role="status">{notice}</Box> : null}
        {error !== null ? (
          <Box role="alert">
            <Text size="small" color="color.text.danger" testId="lasting-fix-error">
              {errorText(error)}
            </Text>
          </Box>
        ) : null}
      </Stack>
    </Box>
  );
}

const formStyles = xcss({
  padding: 'space.100',
  borderRadius: 'radius.small',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderColor: 'color.border',
});
