/**
 * A requirement's value assessment on the issue panel (itr-process §2: weigh value and cost before
 * committing): the assessment in force (expected value, cost, decision, reason, who and when) and a
 * form to start or change it. Errors from the server are shown under their field; what was typed is
 * kept. Self-contained: the panel mounts it with `<Assessment issueKey=… />` for requirements only.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type {
  AssessmentDecision,
  AssessmentPayload,
  AssessmentView,
  RequirementAssessmentState,
} from '../../../../src/contract/requirement';
import { call } from '../../../shared/api';
import { Button } from '../../../shared/Button';
import { baseInputStyle, FieldLabel, FieldMessages, SelectOptions } from '../../../shared/controls';
import { type ApiError, toApiError } from '../../../shared/errors';
import { ErrorState } from '../../../shared/ErrorState';
import { errorMessageKey, type MessageKey } from '../../../shared/i18n';
import { useI18n } from '../../../shared/i18n/react';
import { personName } from '../../../shared/people';
import { listStyles, Row } from '../DetailRows';
import { headingStyles, itemStyles, sectionStyles } from '../panelSectionStyles';

const DECISIONS: readonly AssessmentDecision[] = ['pending', 'accept', 'decline', 'handToRnd', 'handToSales'];
const decisionKey = (d: AssessmentDecision): MessageKey => `assessment.decision.${d}`;
const EMPTY: AssessmentPayload = { expectedValue: '', cost: '', decision: 'pending', reason: '' };

export function Assessment({ issueKey }: { issueKey: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<RequirementAssessmentState | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [draft, setDraft] = useState<AssessmentPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      setState(await call('getAssessment', { issueKey }));
    } catch (e) {
      setLoadError(toApiError(e));
    }
  }, [issueKey]);
  useEffect(() => {
    void load();
  }, [load]);

  const save = async () => {
    if (draft === null) return;
    setBusy(true);
    setSaveError(null);
    setNotice(null);
    try {
      setState(await call('saveAssessment', { issueKey, assessment: draft }));
      setDraft(null);
      setNotice(t('assessment.saved'));
    } catch (e) {
      setSaveError(toApiError(e)); // the draft stays as typed
    } finally {
      setBusy(false);
    }
  };

  const title = t('assessment.title');
  if (loadError !== null) return <ErrorState error={loadError} headingLevel="h3" onRetry={() => void load()} />;
  if (state === null) return <Text color="color.text.subtlest">{t('assessment.loading')}</Text>;
  if (state.classification !== 'requirement') return null;
  const current = state.current;
  const paused = state.pausesWhileAssessing && current?.decision === 'pending';
  return (
    <Box as="section" aria-label={title} testId="assessment" xcss={sectionStyles}>
      <Stack space="space.100">
        <Box as="h3" xcss={headingStyles}>
          {title}
        </Box>
        {current === null ? (
          <Text color="color.text.subtle">{t('assessment.intro')}</Text>
        ) : (
          <CurrentAssessment assessment={current} />
        )}
        {paused ? (
          <Text size="small" color="color.text.subtle" testId="assessment-paused">
            {t('assessment.pausesNote')}
          </Text>
        ) : null}
        {current !== null && (current.decision === 'handToRnd' || current.decision === 'handToSales') ? (
          <Text size="small" color="color.text.subtle">
            {t('assessment.handoffHint')}
          </Text>
        ) : null}
        {draft === null ? (
          <Inline space="space.100">
            <Button
              testId="assessment-open"
              onClick={() => {
                setNotice(null);
                setSaveError(null);
                setDraft(
                  current === null
                    ? EMPTY
                    : {
                        expectedValue: current.expectedValue,
                        cost: current.cost,
                        decision: current.decision,
                        reason: current.reason,
                      },
                );
              }}
            >
              {t(current === null ? 'assessment.start' : 'assessment.edit')}
            </Button>
          </Inline>
        ) : (
          <AssessmentForm
            draft={draft}
            onChange={setDraft}
            busy={busy}
            error={saveError}
            onSave={() => void save()}
            onCancel={() => {
              setDraft(null);
              setSaveError(null);
            }}
          />
        )}
        {notice !== null ? <Box role="status">{notice}</Box> : null}
        {state.history.length === 0 ? null : (
          <Stack space="space.050" testId="assessment-history">
            <Text weight="medium" color="color.text.subtle">
              {t('assessment.historyCount', { count: state.history.length })}
            </Text>
            <Box as="ul" xcss={historyListStyles}>
              {state.history.map((a) => (
                <Box as="li" key={a.id} xcss={itemStyles}>
                  <CurrentAssessment assessment={a} />
                </Box>
              ))}
            </Box>
          </Stack>
        )}
      </Stack>
    </Box>
  );
}

function CurrentAssessment({ assessment: a }: { assessment: AssessmentView }) {
  const { t, formatDateTime } = useI18n();
  return (
    <Stack space="space.050" testId={`assessment-${a.id}`}>
      <Box as="dl" xcss={listStyles}>
        <Row label={t('assessment.decision')}>
          <Text testId="assessment-decision">{t(decisionKey(a.decision))}</Text>
        </Row>
        <Row label={t('assessment.expectedValue')}>
          <Text>{a.expectedValue}</Text>
        </Row>
        <Row label={t('assessment.cost')}>
          <Text>{a.cost}</Text>
        </Row>
        {a.reason === '' ? null : (
          <Row label={t('assessment.reason')}>
            <Text>{a.reason}</Text>
          </Row>
        )}
      </Box>
      <Text size="small" color="color.text.subtlest">
        {t('assessment.by', {
          name: personName(t, a.assessedBy.displayName),
          date: formatDateTime(a.assessedAt) ?? '',
        })}
      </Text>
    </Stack>
  );
}

function AssessmentForm({
  draft,
  onChange,
  busy,
  error,
  onSave,
  onCancel,
}: {
  draft: AssessmentPayload;
  onChange: (d: AssessmentPayload) => void;
  busy: boolean;
  error: ApiError | null;
  onSave: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  // Each problem under its field; one without a field (permission, not a requirement) above the buttons.
  const problems: ReadonlyArray<{ code: string; path?: string | undefined; params?: Record<string, string | number> }> =
    error === null ? [] : error.errors.length > 0 ? error.errors : [{ code: error.code, params: error.params }];
  const messagesAt = (path: string): string[] =>
    problems.filter((p) => p.path === path).map((p) => t(errorMessageKey(p.code), p.params ?? {}));
  const fields: ReadonlyArray<string | undefined> = ['expectedValue', 'cost', 'decision', 'reason'];
  const general = problems
    .filter((p) => !fields.includes(p.path))
    .map((p) => t(errorMessageKey(p.code), p.params ?? {}));
  const area = (field: 'expectedValue' | 'cost' | 'reason', help?: string) => {
    const messages = messagesAt(field);
    const fieldId = `${id}-${field}`;
    return (
      <Stack space="space.050">
        <FieldLabel htmlFor={fieldId}>{t(`assessment.${field}`)}</FieldLabel>
        {help === undefined ? null : (
          <Text size="small" color="color.text.subtlest">
            {help}
          </Text>
        )}
        <textarea
          id={fieldId}
          data-path={field}
          rows={2}
          value={draft[field]}
          aria-invalid={messages.length > 0}
          aria-describedby={messages.length > 0 ? `${fieldId}-err` : undefined}
          style={baseInputStyle(messages.length > 0)}
          onChange={(e) => onChange({ ...draft, [field]: e.target.value })}
        />
        <FieldMessages messages={messages} id={`${fieldId}-err`} testId={`assessment-error-${field}`} />
      </Stack>
    );
  };
  const decisionMessages = messagesAt('decision');
  return (
    <Box
      as="form"
      testId="assessment-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <Stack space="space.100">
        {area('expectedValue', t('assessment.expectedValue.help'))}
        {area('cost', t('assessment.cost.help'))}
        <Stack space="space.050">
          <FieldLabel htmlFor={`${id}-decision`}>{t('assessment.decision')}</FieldLabel>
          <select
            id={`${id}-decision`}
            data-path="decision"
            value={draft.decision}
            style={baseInputStyle(decisionMessages.length > 0)}
            onChange={(e) => onChange({ ...draft, decision: e.target.value as AssessmentDecision })}
          >
            <SelectOptions options={DECISIONS.map((d) => ({ value: d, label: t(decisionKey(d)) }))} />
          </select>
          <FieldMessages messages={decisionMessages} testId="assessment-error-decision" />
        </Stack>
        {area('reason')}
        {general.length > 0 ? (
          <Box role="alert" testId="assessment-error">
            {general.map((m, i) => (
              <Text key={i} size="small" color="color.text.danger">
                {m}
              </Text>
            ))}
          </Box>
        ) : null}
        <Inline space="space.100">
          <Button type="submit" appearance="primary" isLoading={busy} testId="assessment-save">
            {t('assessment.save')}
          </Button>
          <Button isDisabled={busy} onClick={onCancel}>
            {t('assessment.cancel')}
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}

const historyListStyles = xcss({
  listStyle: 'none',
  margin: 'space.0',
  padding: 'space.0',
  display: 'flex',
  flexDirection: 'column',
  gap: 'space.050',
});
