/**
 * Return visits (回访, itr-process.md §6): the queue of open visits for the supervising role, each
 * recorded with the customer's satisfaction (1–5), whether they consider it solved and their words;
 * recorded visits show a flag when the customer's view differs from the internal one. Jira admins also
 * see the administration: sampling rate, always-visited grades, supervising groups, fallback closers
 * (with who/when/why) and publishing the close rules' app property. Typed text survives every refusal.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { ShownError } from '../../shared/errors';
import type { ClosureAdminState, ReturnVisit } from '../../../src/contract/closure';
import { call } from '../../shared/api';
import { baseInputStyle, FieldLabel } from '../../shared/controls';
import type { ForgeContext } from '../../shared/bridge';
import { toApiError } from '../../shared/errors';
import { errorMessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { PeoplePicker } from '../../shared/PeoplePicker';
import { accountIdsOf, groupNamesOf, personName, pickedGroup, pickedPerson, type Picked } from '../../shared/people';

const inputStyle: React.CSSProperties = {
  ...baseInputStyle(),
  width: '100%',
  boxSizing: 'border-box',
};
const buttonStyle: React.CSSProperties = {
  font: token('font.body'),
  color: token('color.text.inverse'),
  backgroundColor: token('color.background.brand.bold'),
  border: 'none',
  borderRadius: token('radius.small'),
  paddingBlock: token('space.050'),
  paddingInline: token('space.150'),
  cursor: 'pointer',
};
const cardStyles = xcss({
  borderColor: 'color.border',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderRadius: 'radius.medium',
  padding: 'space.200',
});
const differStyles = xcss({
  backgroundColor: 'color.background.warning',
  borderRadius: 'radius.small',
  padding: 'space.100',
});
const pageStyles = xcss({ padding: 'space.300' });

function toError(e: unknown): ShownError {
  const api = toApiError(e);
  return { code: api.code, message: api.message, params: api.params };
}

function useErrorText(): (e: ShownError) => string {
  const { t } = useI18n();
  return (e) => {
    const key = errorMessageKey(e.code);
    return key === 'errorCode.unknown' ? `${t(key)} (${e.code})` : t(key, { issueKey: '', ...(e.params ?? {}) });
  };
}

function Labelled({ label, children }: { label: string; children: (id: string) => React.ReactNode }) {
  const id = useId();
  return (
    <Stack space="space.050">
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      {children(id)}
    </Stack>
  );
}

function VisitForm({ visit, onRecorded }: { visit: ReturnVisit; onRecorded: (v: ReturnVisit) => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [satisfaction, setSatisfaction] = useState('');
  const [solved, setSolved] = useState(true);
  const [words, setWords] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const record = async () => {
    setBusy(true);
    setError(null);
    try {
      onRecorded(
        await call('recordReturnVisit', {
          issueId: visit.issueId,
          satisfaction: Number(satisfaction),
          resolvedInCustomersView: solved,
          customerWords: words,
        }),
      );
    } catch (e) {
      setError(toError(e)); // the form keeps what was typed
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack space="space.100">
      <Labelled label={t('visits.satisfaction')}>
        {(id) => (
          <select
            id={id}
            data-testid="visit-satisfaction"
            value={satisfaction}
            style={inputStyle}
            onChange={(e) => setSatisfaction(e.target.value)}
          >
            <option value="">—</option>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        )}
      </Labelled>
      <Inline space="space.050" alignBlock="center">
        <input
          id={`solved-${visit.issueId}`}
          type="checkbox"
          data-testid="visit-solved"
          checked={solved}
          onChange={(e) => setSolved(e.target.checked)}
        />
        <label htmlFor={`solved-${visit.issueId}`}>{t('visits.resolvedInCustomersView')}</label>
      </Inline>
      <Labelled label={t('visits.customerWords')}>
        {(id) => (
          <textarea
            id={id}
            data-testid="visit-words"
            rows={3}
            value={words}
            style={inputStyle}
            onChange={(e) => setWords(e.target.value)}
          />
        )}
      </Labelled>
      {error !== null ? (
        <Text color="color.text.danger" testId="visit-error">
          {errorText(error)}
        </Text>
      ) : null}
      <Box>
        <button
          type="button"
          style={buttonStyle}
          data-testid="visit-record"
          disabled={busy}
          onClick={() => void record()}
        >
          {t('visits.record')}
        </button>
      </Box>
    </Stack>
  );
}

function VisitCard({ visit, onRecorded }: { visit: ReturnVisit; onRecorded: (v: ReturnVisit) => void }) {
  const { t, formatDateTime } = useI18n();
  return (
    <Box xcss={cardStyles} testId="visit-card" data-issue={visit.issueKey}>
      <Stack space="space.100">
        <Inline space="space.200" shouldWrap>
          <Text weight="bold">{visit.issueKey}</Text>
          <Text>{t(`visits.reason.${visit.reason}`)}</Text>
          <Text color="color.text.subtle">
            {t('visits.resolvedAt')}: {formatDateTime(visit.resolvedAt) ?? visit.resolvedAt}
          </Text>
        </Inline>
        <Text>
          {t('visits.internalView')}: {visit.internalView}
        </Text>
        {visit.status === 'open' ? (
          <VisitForm visit={visit} onRecorded={onRecorded} />
        ) : (
          <Stack space="space.050">
            <Text testId="visit-customer-view">
              {t('visits.customerView', {
                satisfaction: visit.satisfaction ?? '',
                solved: visit.resolvedInCustomersView ? t('visits.solved') : t('visits.notSolved'),
              })}
            </Text>
            <Text>“{visit.customerWords}”</Text>
            {visit.viewsDiffer ? (
              <Box xcss={differStyles} testId="visit-differs">
                <Text>{t('visits.differs')}</Text>
              </Box>
            ) : null}
          </Stack>
        )}
      </Stack>
    </Box>
  );
}

function AdminArea() {
  const { t, formatDateTime } = useI18n();
  const errorText = useErrorText();
  const [state, setState] = useState<ClosureAdminState | null>(null);
  const [rate, setRate] = useState('');
  const [grades, setGrades] = useState('');
  const [groups, setGroups] = useState<Picked[]>([]);
  const [fallback, setFallback] = useState<Picked[]>([]);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState(false);
  const adopt = (s: ClosureAdminState) => {
    setState(s);
    setRate(String(s.settings.sampleRatePercent));
    setGrades(s.settings.alwaysGrades.join(', '));
    setGroups(s.settings.supervisorGroups.map(pickedGroup));
    setFallback(s.fallbackAccountIds.map((id) => pickedPerson(id, s.displayNames)));
  };
  useEffect(() => {
    call('getClosureAdmin', {}).then(adopt, (e: unknown) => setError(toError(e)));
  }, []);
  const list = (s: string) =>
    s
      .split(/[,，\s]+/)
      .map((x) => x.trim())
      .filter((x) => x !== '');
  const run = async (fn: () => Promise<ClosureAdminState>) => {
    setError(null);
    setSaved(false);
    try {
      const s = await fn();
      setState(s);
      setSaved(true);
    } catch (e) {
      setError(toError(e));
    }
  };
  if (state === null) return error === null ? null : <Text color="color.text.danger">{errorText(error)}</Text>;
  return (
    <Box as="section" aria-label={t('visits.admin')} testId="visits-admin" xcss={cardStyles}>
      <Stack space="space.150">
        <Text weight="bold">{t('visits.admin')}</Text>
        <Text testId="visits-published">
          {state.published === null
            ? t('visits.notPublished')
            : t('visits.published', { submitter: state.published.submitter })}
        </Text>
        <Labelled label={t('visits.sampleRate')}>
          {(id) => (
            <input
              id={id}
              type="number"
              min={0}
              max={100}
              value={rate}
              style={inputStyle}
              onChange={(e) => setRate(e.target.value)}
            />
          )}
        </Labelled>
        <Labelled label={t('visits.alwaysGrades')}>
          {(id) => <input id={id} value={grades} style={inputStyle} onChange={(e) => setGrades(e.target.value)} />}
        </Labelled>
        <PeoplePicker
          label={t('visits.supervisorGroups')}
          showLabel
          multiple
          kinds={['group']}
          value={groups}
          onChange={setGroups}
          path="supervisorGroups"
          testId="supervisor-groups"
        />
        <Box>
          <button
            type="button"
            style={buttonStyle}
            onClick={() =>
              void run(() =>
                call('saveReturnVisitSettings', {
                  sampleRatePercent: Number(rate),
                  alwaysGrades: list(grades),
                  supervisorGroups: groupNamesOf(groups),
                  expectedRevision: state.settingsRevision,
                }),
              )
            }
          >
            {t('visits.saveSettings')}
          </button>
        </Box>
        <Text weight="bold">{t('visits.fallback')}</Text>
        <Text color="color.text.subtle">{t('visits.fallbackHelp')}</Text>
        <PeoplePicker
          label={t('visits.fallback')}
          multiple
          kinds={['user']}
          value={fallback}
          onChange={setFallback}
          path="accountIds"
          testId="fallback-closers"
        />
        <Labelled label={t('visits.fallbackReason')}>
          {(id) => (
            <textarea
              id={id}
              data-testid="fallback-reason"
              rows={2}
              value={reason}
              style={inputStyle}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Labelled>
        <Inline space="space.100">
          <button
            type="button"
            style={buttonStyle}
            data-testid="fallback-save"
            onClick={() =>
              void run(() =>
                call('setFallbackClosers', {
                  accountIds: accountIdsOf(fallback),
                  reason,
                  expectedRevision: state.fallbackRevision,
                }),
              )
            }
          >
            {t('visits.saveFallback')}
          </button>
          <button type="button" style={buttonStyle} onClick={() => void run(() => call('publishCloseProperty', {}))}>
            {t('visits.publish')}
          </button>
        </Inline>
        {error !== null ? <Text color="color.text.danger">{errorText(error)}</Text> : null}
        {saved ? <Text>{t('visits.saved')}</Text> : null}
        <Stack space="space.050" testId="fallback-history">
          {state.fallbackHistory.map((h, i) => (
            <Text key={i} size="small">
              {t('visits.history', {
                at: formatDateTime(h.at) ?? h.at,
                by: personName(t, state.displayNames[h.by]),
                names: h.accountIds.map((id) => personName(t, state.displayNames[id])).join(', '),
                reason: h.reason,
              })}
            </Text>
          ))}
        </Stack>
      </Stack>
    </Box>
  );
}

export function ReturnVisitsPage(_props: { context: ForgeContext }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [status, setStatus] = useState<'open' | 'done'>('open');
  const [visits, setVisits] = useState<ReturnVisit[] | null>(null);
  const [isAdmin, setIsAdmin] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async (s: 'open' | 'done') => {
    setError(null);
    try {
      const r = await call('listReturnVisits', { status: s });
      setVisits(r.visits);
      setIsAdmin(r.isAdmin);
    } catch (e) {
      setError(toError(e));
    }
  }, []);
  useEffect(() => {
    void load(status);
  }, [load, status]);
  return (
    <Box xcss={pageStyles}>
      <Stack space="space.200">
        <Text as="strong" size="large" weight="bold">
          {t('visits.title')}
        </Text>
        {error !== null ? (
          <Text color="color.text.danger" testId="visits-error">
            {errorText(error)}
          </Text>
        ) : null}
        {error?.code === 'VISIT_NOT_SUPERVISOR' ? null : (
          <Stack space="space.200">
            <Inline space="space.100" role="tablist">
              {(['open', 'done'] as const).map((s) => (
                <button
                  key={s}
                  type="button"
                  role="tab"
                  aria-selected={status === s}
                  data-testid={`visits-tab-${s}`}
                  style={{ ...buttonStyle, opacity: status === s ? 1 : 0.7 }}
                  onClick={() => setStatus(s)}
                >
                  {t(s === 'open' ? 'visits.open' : 'visits.done')}
                </button>
              ))}
            </Inline>
            {notice !== null ? <Text testId="visits-notice">{notice}</Text> : null}
            {visits !== null && visits.length === 0 ? <Text color="color.text.subtle">{t('visits.empty')}</Text> : null}
            {(visits ?? []).map((v) => (
              <VisitCard
                key={v.issueId}
                visit={v}
                onRecorded={(done) => {
                  setNotice(t('visits.recorded', { issueKey: done.issueKey }));
                  setVisits((all) => (all ?? []).filter((x) => x.issueId !== done.issueId));
                }}
              />
            ))}
            {isAdmin ? <AdminArea /> : null}
          </Stack>
        )}
      </Stack>
    </Box>
  );
}
