/**
 * Decisions that are not one person's, on the issue panel (issue 17): the iron triangle's collective
 * decision (铁三角) with each role's sign-off, actions that cost money and their approval, and questions
 * to the submitter (the clocks pause while they wait). Self-contained: the panel mounts it with
 * `<Decisions issueKey=… />`. Who may do what is the server's rule; the page only hides what the
 * viewer cannot do and shows the server's refusal in the viewer's language. A refused form keeps
 * what was typed.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type {
  ClarificationView,
  CostActionView,
  CostKindId,
  CostMoveId,
  DecisionRoleId,
  DecisionsView,
} from '../../../../src/contract/decisions';
import { Button } from '../../../shared/Button';
import { call } from '../../../shared/api';
import { baseInputStyle, FieldLabel, SelectOptions } from '../../../shared/controls';
import { type ApiError, toApiError } from '../../../shared/errors';
import { errorMessageKey } from '../../../shared/i18n';
import { useI18n } from '../../../shared/i18n/react';
import { personName } from '../../../shared/people';
import { headingStyles, itemListStyles, itemStyles, sectionStyles } from '../panelSectionStyles';

const KINDS: readonly CostKindId[] = ['onSiteVisit', 'replacementPart', 'credit'];

type Act = (run: () => Promise<DecisionsView>) => Promise<boolean>;

export function Decisions({ issueKey }: { issueKey: string }) {
  const { t } = useI18n();
  const [view, setView] = useState<DecisionsView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    try {
      setView(await call('getDecisions', { issueKey }));
    } catch (e) {
      setError(toApiError(e));
    }
  }, [issueKey]);
  useEffect(() => {
    void load();
  }, [load]);

  const act: Act = async (run) => {
    setBusy(true);
    setError(null);
    try {
      setView(await run());
      return true;
    } catch (e) {
      setError(toApiError(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box as="section" aria-label={t('decisions.title')} testId="decisions" xcss={sectionStyles}>
      <Stack space="space.200">
        <Box as="h3" xcss={headingStyles}>
          {t('decisions.title')}
        </Box>
        {view === null ? null : (
          <>
            <IronTriangle view={view} busy={busy} act={act} />
            <CostActions view={view} busy={busy} act={act} />
            <Clarification view={view} busy={busy} act={act} />
          </>
        )}
        <ErrorLines error={error} />
      </Stack>
    </Box>
  );
}

/** Every problem of a refusal, each in the viewer's language (a form refused whole names each field). */
function ErrorLines({ error }: { error: ApiError | null }) {
  const { t } = useI18n();
  if (error === null) return null;
  const all = error.errors.length > 0 ? error.errors : [{ code: error.code, params: error.params }];
  return (
    <Box role="alert" testId="decisions-error">
      <Stack space="space.025">
        {all.map((e, i) => {
          const key = errorMessageKey(e.code);
          return (
            <Text key={i} size="small" color="color.text.danger">
              {key === 'errorCode.unknown' ? `${t(key)} (${e.code})` : t(key, e.params ?? {})}
            </Text>
          );
        })}
      </Stack>
    </Box>
  );
}

// ----- iron triangle -----------------------------------------------------------------------------

function IronTriangle({ view, busy, act }: { view: DecisionsView; busy: boolean; act: Act }) {
  const { t, formatDateTime } = useI18n();
  const id = useId();
  const { reasons, decision, viewerRoles } = view.ironTriangle;
  const [proposal, setProposal] = useState('');
  const [money, setMoney] = useState(false);
  const [role, setRole] = useState<DecisionRoleId | ''>('');
  const [level, setLevel] = useState<1 | 2 | 3>(1);
  const [note, setNote] = useState('');
  const signRole = role === '' ? viewerRoles[0] : role;
  const time = (iso: string) => formatDateTime(iso) ?? '';

  const sign = async (verdict: 'agree' | 'object') => {
    if (signRole === undefined) return;
    const ok = await act(() => call('signDecision', { issueKey: view.issueKey, role: signRole, level, verdict, note }));
    if (ok) setNote('');
  };

  return (
    <Box as="section" aria-label={t('triangle.title')} testId="iron-triangle">
      <Stack space="space.100">
        <Text weight="bold">{t('triangle.title')}</Text>
        {reasons.length === 0 && decision === null ? (
          <Text color="color.text.subtlest">{t('triangle.notNeeded')}</Text>
        ) : null}
        {reasons.map((r) => (
          <Text key={r} size="small" color="color.text.subtle">
            {t(`triangle.reason.${r}`)}
          </Text>
        ))}
        {decision === null && reasons.length > 0 ? (
          <Stack space="space.075">
            <Text color="color.text.subtlest">{t('triangle.none')}</Text>
            <FieldLabel htmlFor={`${id}-proposal`}>{t('triangle.proposal')}</FieldLabel>
            <textarea
              id={`${id}-proposal`}
              rows={2}
              value={proposal}
              onChange={(e) => setProposal(e.target.value)}
              style={baseInputStyle()}
            />
            <label>
              <input type="checkbox" checked={money} onChange={(e) => setMoney(e.target.checked)} />{' '}
              <Text>{t('triangle.money')}</Text>
            </label>
            <Inline>
              <Button
                isDisabled={busy}
                onClick={() =>
                  void act(() => call('openDecision', { issueKey: view.issueKey, proposal, money })).then(
                    (ok) => ok && setProposal(''),
                  )
                }
              >
                {t('triangle.open')}
              </Button>
            </Inline>
          </Stack>
        ) : null}
        {decision === null ? null : (
          <Stack space="space.075">
            <Text>{decision.proposal}</Text>
            <Text size="small" color="color.text.subtle">
              {t('triangle.openedBy', {
                name: personName(t, decision.openedBy.displayName),
                time: time(decision.openedAt),
              })}
            </Text>
            <Box testId="triangle-status">
              <Text weight="medium" color={decision.status === 'objected' ? 'color.text.danger' : 'color.text'}>
                {t(`triangle.status.${decision.status}`)}
              </Text>
            </Box>
            {decision.status === 'agreed' ? null : (
              <>
                {decision.rolesMissing > 0 ? (
                  <Text size="small">{t('triangle.rolesMissing', { count: decision.rolesMissing })}</Text>
                ) : null}
                {decision.moneyRoleMissing ? <Text size="small">{t('triangle.moneyRoleMissing')}</Text> : null}
              </>
            )}
            <Box as="ul" xcss={itemListStyles} testId="triangle-signoffs">
              {decision.signOffs.map((s, i) => (
                <Box as="li" key={i} xcss={itemStyles}>
                  <Text>
                    {t('triangle.signOff', {
                      role: t(`triangle.role.${s.role}`),
                      level: t(`triangle.level.${s.level}`),
                      name: personName(t, s.by.displayName),
                      time: time(s.at),
                    })}{' '}
                  </Text>
                  <Text weight="medium" color={s.verdict === 'object' ? 'color.text.danger' : 'color.text.success'}>
                    {t(`triangle.verdict.${s.verdict}`)}
                  </Text>
                  {s.note === '' ? null : <Text color="color.text.subtle"> {s.note}</Text>}
                </Box>
              ))}
            </Box>
            {decision.qualityInformedAt === null ? null : (
              <Text size="small" color="color.text.subtle">
                {t('triangle.qualityInformed', { time: time(decision.qualityInformedAt) })}
              </Text>
            )}
            {decision.status === 'agreed' ? null : viewerRoles.length === 0 ? (
              <Text size="small" color="color.text.subtlest">
                {t('triangle.noRole')}
              </Text>
            ) : (
              <Stack space="space.075">
                <Inline space="space.100" alignBlock="end" shouldWrap>
                  <Stack space="space.050">
                    <FieldLabel htmlFor={`${id}-role`}>{t('triangle.signAs')}</FieldLabel>
                    <select
                      id={`${id}-role`}
                      value={signRole}
                      onChange={(e) => setRole(e.target.value as DecisionRoleId)}
                      style={baseInputStyle()}
                    >
                      <SelectOptions options={viewerRoles.map((r) => ({ value: r, label: t(`triangle.role.${r}`) }))} />
                    </select>
                  </Stack>
                  <Stack space="space.050">
                    <FieldLabel htmlFor={`${id}-level`}>{t('triangle.level')}</FieldLabel>
                    <select
                      id={`${id}-level`}
                      value={level}
                      onChange={(e) => setLevel(Number(e.target.value) as 1 | 2 | 3)}
                      style={baseInputStyle()}
                    >
                      <SelectOptions
                        options={([1, 2, 3] as const).map((l) => ({
                          value: String(l),
                          label: t(`triangle.level.${l}`),
                        }))}
                      />
                    </select>
                  </Stack>
                </Inline>
                <FieldLabel htmlFor={`${id}-note`}>{t('triangle.note')}</FieldLabel>
                <textarea
                  id={`${id}-note`}
                  rows={2}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  style={baseInputStyle()}
                />
                <Inline space="space.100">
                  <Button appearance="primary" isDisabled={busy} onClick={() => void sign('agree')}>
                    {t('triangle.verdict.agree')}
                  </Button>
                  <Button isDisabled={busy} onClick={() => void sign('object')}>
                    {t('triangle.verdict.object')}
                  </Button>
                </Inline>
              </Stack>
            )}
            <Text size="small" color="color.text.subtlest">
              {t('triangle.timeRules')}
            </Text>
          </Stack>
        )}
      </Stack>
    </Box>
  );
}

// ----- cost approval -----------------------------------------------------------------------------

function Amount({ action }: { action: Pick<CostActionView, 'amountMinor' | 'currency'> }) {
  const { formatLocale } = useI18n();
  let text: string;
  try {
    text = new Intl.NumberFormat(formatLocale, { style: 'currency', currency: action.currency }).format(
      action.amountMinor / 100,
    );
  } catch {
    text = `${(action.amountMinor / 100).toFixed(2)} ${action.currency}`;
  }
  return <Text weight="medium">{text}</Text>;
}

/** What the person typed as an amount, in minor units (cents); 0 (refused by the server) when it is no number. */
function minorUnits(typed: string): number {
  const n = Number(typed.replace(/[\s,]/g, ''));
  return Number.isFinite(n) ? Math.round(n * 100) : 0;
}

function CostActions({ view, busy, act }: { view: DecisionsView; busy: boolean; act: Act }) {
  const { t, formatDateTime } = useI18n();
  const time = (iso: string) => formatDateTime(iso) ?? '';
  const id = useId();
  const [kind, setKind] = useState<CostKindId>('onSiteVisit');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('CNY');
  const [description, setDescription] = useState('');
  const [notes, setNotes] = useState<Record<string, string>>({});

  const request = async () => {
    const ok = await act(() =>
      call('requestCost', {
        issueKey: view.issueKey,
        kind,
        amountMinor: minorUnits(amount),
        currency: currency.trim().toUpperCase(),
        description,
      }),
    );
    if (ok) {
      setAmount('');
      setDescription('');
    }
  };
  const move = (costId: string, m: CostMoveId) =>
    void act(() => call('moveCost', { issueKey: view.issueKey, costId, move: m, note: notes[costId] ?? '' }));

  return (
    <Box as="section" aria-label={t('cost.title')} testId="cost-actions">
      <Stack space="space.100">
        <Text weight="bold">{t('cost.title')}</Text>
        {view.costs.items.length === 0 ? <Text color="color.text.subtlest">{t('cost.none')}</Text> : null}
        <Box as="ul" xcss={itemListStyles} testId="cost-list">
          {view.costs.items.map((c) => (
            <Box as="li" key={c.id} xcss={itemStyles}>
              <Stack space="space.050">
                <Inline space="space.100" alignBlock="center" shouldWrap>
                  <Text weight="medium">{t(`cost.kind.${c.kind}`)}</Text>
                  <Amount action={c} />
                  <Text color={c.status === 'refused' ? 'color.text.danger' : 'color.text.subtle'}>
                    {t(`cost.status.${c.status}`)}
                  </Text>
                </Inline>
                <Text>{c.description}</Text>
                <Text size="small" color="color.text.subtle">
                  {t('cost.requestedBy', { name: personName(t, c.requestedBy.displayName), time: time(c.requestedAt) })}
                </Text>
                {c.decidedBy === null || c.decidedAt === null ? null : (
                  <Text size="small" color="color.text.subtle">
                    {t('cost.decidedBy', {
                      status: t(`cost.status.${c.status === 'done' ? 'approved' : c.status}`),
                      name: personName(t, c.decidedBy.displayName),
                      time: time(c.decidedAt),
                    })}
                    {c.decisionNote === null ? '' : ` — ${c.decisionNote}`}
                  </Text>
                )}
                {c.doneBy === null || c.doneAt === null ? null : (
                  <Text size="small" color="color.text.subtle">
                    {t('cost.doneBy', { name: personName(t, c.doneBy.displayName), time: time(c.doneAt) })}
                  </Text>
                )}
                {c.status === 'pending' && view.costs.viewerMayApprove ? (
                  <Stack space="space.050">
                    <FieldLabel htmlFor={`${id}-note-${c.id}`} subtle>
                      {t('cost.note')}
                    </FieldLabel>
                    <input
                      id={`${id}-note-${c.id}`}
                      value={notes[c.id] ?? ''}
                      onChange={(e) => setNotes((n) => ({ ...n, [c.id]: e.target.value }))}
                      style={baseInputStyle()}
                    />
                    <Inline space="space.100">
                      <Button appearance="primary" isDisabled={busy} onClick={() => move(c.id, 'approve')}>
                        {t('cost.approve')}
                      </Button>
                      <Button isDisabled={busy} onClick={() => move(c.id, 'refuse')}>
                        {t('cost.refuse')}
                      </Button>
                    </Inline>
                  </Stack>
                ) : null}
                {c.status === 'pending' && !view.costs.viewerMayApprove ? (
                  <Text size="small" color="color.text.subtlest">
                    {t('cost.notApprover')}
                  </Text>
                ) : null}
                {c.status === 'approved' ? (
                  <Inline>
                    <Button isDisabled={busy} onClick={() => move(c.id, 'markDone')}>
                      {t('cost.markDone')}
                    </Button>
                  </Inline>
                ) : null}
              </Stack>
            </Box>
          ))}
        </Box>
        <Stack space="space.075">
          <Inline space="space.100" alignBlock="end" shouldWrap>
            <Stack space="space.050">
              <FieldLabel htmlFor={`${id}-kind`}>{t('cost.kind')}</FieldLabel>
              <select
                id={`${id}-kind`}
                value={kind}
                onChange={(e) => setKind(e.target.value as CostKindId)}
                style={baseInputStyle()}
              >
                <SelectOptions options={KINDS.map((k) => ({ value: k, label: t(`cost.kind.${k}`) }))} />
              </select>
            </Stack>
            <Stack space="space.050">
              <FieldLabel htmlFor={`${id}-amount`}>{t('cost.amount')}</FieldLabel>
              <input
                id={`${id}-amount`}
                inputMode="decimal"
                placeholder={t('cost.amountHint')}
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
                style={baseInputStyle()}
              />
            </Stack>
            <Stack space="space.050">
              <FieldLabel htmlFor={`${id}-currency`}>{t('cost.currency')}</FieldLabel>
              <input
                id={`${id}-currency`}
                size={4}
                maxLength={3}
                value={currency}
                onChange={(e) => setCurrency(e.target.value)}
                style={baseInputStyle()}
              />
            </Stack>
          </Inline>
          <FieldLabel htmlFor={`${id}-description`}>{t('cost.description')}</FieldLabel>
          <textarea
            id={`${id}-description`}
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            style={baseInputStyle()}
          />
          <Inline>
            <Button isDisabled={busy} onClick={() => void request()}>
              {t('cost.request')}
            </Button>
          </Inline>
        </Stack>
      </Stack>
    </Box>
  );
}

// ----- clarification with the submitter ----------------------------------------------------------

function Clarification({ view, busy, act }: { view: DecisionsView; busy: boolean; act: Act }) {
  const { t, formatDateTime } = useI18n();
  const id = useId();
  const { items, submitter, viewerIsSubmitter } = view.clarification;
  const [question, setQuestion] = useState('');
  const [answer, setAnswer] = useState('');
  const open: ClarificationView | undefined = items.find((q) => q.answeredAt === null);
  const time = (iso: string) => formatDateTime(iso) ?? '';

  return (
    <Box as="section" aria-label={t('clarification.title')} testId="clarification">
      <Stack space="space.100">
        <Text weight="bold">{t('clarification.title')}</Text>
        {submitter === null ? <Text color="color.text.subtlest">{t('clarification.noSubmitter')}</Text> : null}
        {items.length === 0 && submitter !== null ? (
          <Text color="color.text.subtlest">{t('clarification.none')}</Text>
        ) : null}
        <Box as="ul" xcss={itemListStyles} testId="clarification-list">
          {items.map((q) => (
            <Box as="li" key={q.id} xcss={itemStyles}>
              <Stack space="space.050">
                <Text>{q.question}</Text>
                <Text size="small" color="color.text.subtle">
                  {t('clarification.asked', { name: personName(t, q.askedBy.displayName), time: time(q.askedAt) })}
                </Text>
                {q.answer === null || q.answeredAt === null ? (
                  <Text size="small" color="color.text.warning">
                    {t('clarification.waiting', {
                      name: personName(t, q.submitter.displayName),
                      time: time(q.askedAt),
                    })}
                  </Text>
                ) : (
                  <>
                    <Text weight="medium">{q.answer}</Text>
                    <Text size="small" color="color.text.subtle">
                      {t('clarification.answered', {
                        name: personName(t, q.answeredBy?.displayName),
                        time: time(q.answeredAt),
                      })}
                      {q.answeredVia === 'comment' ? ` ${t('clarification.viaComment')}` : ''}
                    </Text>
                  </>
                )}
              </Stack>
            </Box>
          ))}
        </Box>
        {open !== undefined && viewerIsSubmitter ? (
          <Stack space="space.075">
            <FieldLabel htmlFor={`${id}-answer`}>{t('clarification.answer')}</FieldLabel>
            <textarea
              id={`${id}-answer`}
              rows={2}
              value={answer}
              onChange={(e) => setAnswer(e.target.value)}
              style={baseInputStyle()}
            />
            <Inline>
              <Button
                appearance="primary"
                isDisabled={busy}
                onClick={() =>
                  void act(() => call('answerSubmitter', { issueKey: view.issueKey, answer })).then(
                    (ok) => ok && setAnswer(''),
                  )
                }
              >
                {t('clarification.send')}
              </Button>
            </Inline>
          </Stack>
        ) : null}
        {open === undefined && submitter !== null && !viewerIsSubmitter ? (
          <Stack space="space.075">
            <FieldLabel htmlFor={`${id}-question`}>{t('clarification.question')}</FieldLabel>
            <textarea
              id={`${id}-question`}
              rows={2}
              value={question}
              onChange={(e) => setQuestion(e.target.value)}
              style={baseInputStyle()}
            />
            <Inline>
              <Button
                isDisabled={busy}
                onClick={() =>
                  void act(() => call('askSubmitter', { issueKey: view.issueKey, question })).then(
                    (ok) => ok && setQuestion(''),
                  )
                }
              >
                {t('clarification.ask')}
              </Button>
            </Inline>
          </Stack>
        ) : null}
      </Stack>
    </Box>
  );
}
