/**
 * The case-library habit on the panel (查案例, 建案例; issue 17): whether the case library was searched
 * for this issue before work started (who first, when, what), and once the issue is resolved the case
 * decision: a new case, an improved case, or none with a reason. The server records searches itself
 * (the panel's free search and its judged suggestions) and takes who from the Forge context.
 * The first view comes with the suggestions (one round trip on open); `version` changes after each
 * search or mark, and the section reads the record again.
 */
import { useCallback, useEffect, useState } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { CaseDecisionKind, CaseHabitView } from '../../../../src/contract/caseHabit';
import { type ApiError, call } from '../../../shared/api';
import { Button } from '../../../shared/Button';
import { baseInputStyle, FieldLabel } from '../../../shared/controls';
import { toApiError } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n/react';
import { CaseErrorLine } from './CaseErrorLine';

const DECISIONS: readonly CaseDecisionKind[] = ['newCase', 'improvedCase', 'none'];

export function CaseHabit({
  issueKey,
  initial,
  version,
}: {
  issueKey: string;
  initial: CaseHabitView;
  version: number;
}) {
  const { t, formatDateTime } = useI18n();
  const [view, setView] = useState<CaseHabitView | null>(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  const load = useCallback(async () => {
    try {
      setView(await call('getCaseHabit', { issueKey }));
      setError(null);
    } catch (e) {
      setError(toApiError(e));
    }
  }, [issueKey]);
  useEffect(() => {
    if (version > 0) void load();
  }, [load, version]);

  if (view === null)
    return error === null ? null : (
      <CaseErrorLine error={error} title="habit.panel.failed" onRetry={() => void load()} />
    );

  const name = (p: { displayName: string | null }): string => p.displayName ?? t('people.unknownUser');
  const at = (iso: string): string => formatDateTime(iso) ?? '';
  const first = view.firstSearch;
  const d = view.decision;
  return (
    <Stack space="space.100" testId="case-habit">
      <Text weight="medium">{t('habit.panel.title')}</Text>
      <Text
        testId="case-habit-status"
        color={
          first === null ? 'color.text.subtle' : view.searchedBeforeWork ? 'color.text.success' : 'color.text.warning'
        }
      >
        {first === null
          ? t('habit.panel.notSearched')
          : view.searchedBeforeWork
            ? t('habit.panel.searchedBefore')
            : t('habit.panel.searchedAfter')}
      </Text>
      {first !== null ? (
        <Text size="small" color="color.text.subtle" testId="case-habit-first">
          {t(first.source === 'search' ? 'habit.panel.firstSearch' : 'habit.panel.firstSuggestion', {
            name: name(first.by),
            at: at(first.at),
            query: first.query,
          })}{' '}
          {t('habit.panel.searchCount', { count: view.searchCount })}
        </Text>
      ) : null}
      {view.resolved && d !== null && !editing ? (
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Text testId="case-habit-decision">
            {d.decision === 'none'
              ? t('habit.panel.decidedNone', { reason: d.reason, name: name(d.by), at: at(d.at) })
              : t(d.decision === 'newCase' ? 'habit.panel.decidedNewCase' : 'habit.panel.decidedImprovedCase', {
                  title: d.caseTitle ?? t('habit.panel.caseNumber', { id: d.caseId ?? 0 }),
                  name: name(d.by),
                  at: at(d.at),
                })}
          </Text>
          <Button spacing="compact" appearance="subtle" testId="case-habit-change" onClick={() => setEditing(true)}>
            {t('habit.panel.change')}
          </Button>
        </Inline>
      ) : null}
      {view.resolved && (d === null || editing) ? (
        <DecisionForm
          view={view}
          onSaved={(next) => {
            setView(next);
            setEditing(false);
            setSaved(true);
          }}
        />
      ) : null}
      {saved ? (
        <Box role="status">
          <Text size="small" color="color.text.success">
            {t('habit.panel.saved')}
          </Text>
        </Box>
      ) : null}
    </Stack>
  );
}

function DecisionForm({ view, onSaved }: { view: CaseHabitView; onSaved: (v: CaseHabitView) => void }) {
  const { t } = useI18n();
  const [decision, setDecision] = useState<CaseDecisionKind>(view.decision?.decision ?? 'newCase');
  const wanted = decision === 'newCase' ? 'source' : 'usedOn';
  // The cases that fit the choice first (made from this issue for a new one, used on it to improve one).
  const candidates = [...view.candidateCases].sort(
    (a, b) => Number(b.relation === wanted) - Number(a.relation === wanted),
  );
  const [caseId, setCaseId] = useState<string>(String(view.decision?.caseId ?? ''));
  const [reason, setReason] = useState(view.decision?.reason ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const chosen = caseId !== '' ? caseId : String(candidates[0]?.id ?? '');
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      onSaved(
        await call('saveCaseDecision', {
          issueKey: view.issueKey,
          decision,
          ...(decision !== 'none' && chosen !== '' ? { caseId: Number(chosen) } : {}),
          reason,
        }),
      );
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box
      as="form"
      xcss={formStyles}
      testId="case-decision-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack space="space.100">
        <Box as="fieldset" xcss={fieldsetStyles}>
          <legend>
            <Text>{t('habit.panel.decisionPrompt')}</Text>
          </legend>
          <Inline space="space.200" shouldWrap>
            {DECISIONS.map((k) => (
              <label key={k}>
                <Inline space="space.050" alignBlock="center">
                  <input
                    type="radio"
                    name="case-decision"
                    value={k}
                    checked={decision === k}
                    data-testid={`case-decision-${k}`}
                    onChange={() => setDecision(k)}
                  />
                  <Text>{t(`habit.decision.${k}`)}</Text>
                </Inline>
              </label>
            ))}
          </Inline>
        </Box>
        {decision !== 'none' ? (
          <Stack space="space.050">
            <FieldLabel htmlFor="case-decision-case">{t('habit.panel.case')}</FieldLabel>
            <select
              id="case-decision-case"
              data-testid="case-decision-case"
              value={chosen}
              style={baseInputStyle()}
              onChange={(e) => setCaseId(e.target.value)}
            >
              <option value="">{t('habit.panel.pickCase')}</option>
              {candidates.map((c) => (
                <option key={c.id} value={String(c.id)}>
                  {c.title}
                </option>
              ))}
            </select>
          </Stack>
        ) : null}
        <Stack space="space.050">
          <FieldLabel htmlFor="case-decision-reason">
            {decision === 'none' ? t('habit.panel.reasonRequired') : t('habit.panel.reason')}
          </FieldLabel>
          <textarea
            id="case-decision-reason"
            data-testid="case-decision-reason"
            rows={2}
            value={reason}
            style={baseInputStyle()}
            onChange={(e) => setReason(e.target.value)}
          />
        </Stack>
        <Inline>
          <Button type="submit" appearance="primary" spacing="compact" isLoading={busy} testId="case-decision-save">
            {t('habit.panel.save')}
          </Button>
        </Inline>
        {error !== null ? <CaseErrorLine error={error} /> : null}
      </Stack>
    </Box>
  );
}

const formStyles = xcss({
  padding: 'space.100',
  borderRadius: 'radius.small',
  backgroundColor: 'color.background.neutral.subtle',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderColor: 'color.border',
});
const fieldsetStyles = xcss({ borderStyle: 'none', padding: 'space.0', margin: 'space.0' });
