import { useEffect, useRef, useState } from 'react';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { ResolverError } from '../../../src/contract/envelope';
import type { TriageListItem, TriageOptions, TriageResult } from '../../../src/contract';
import { call } from '../../shared/api';
import { toApiError, type ApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/react';
import { Button, Checkbox, Fieldset, Heading, Radio, SelectInput, TextInput, useErrorText } from './controls';
import { errorsAt, isFieldPath, KINDS, LINES, toDecision, type TriageDraft } from './draft';
import { FACT_KEYS, suggestClassification } from './rule';
import { PersonInput } from './PersonInput';

/** The project key of an issue key (`ITR-12` → `ITR`): owners are people assignable there. */
export const projectOf = (issueKey: string): string => issueKey.slice(0, Math.max(0, issueKey.lastIndexOf('-')));

export interface TriageFormProps {
  item: TriageListItem;
  options: TriageOptions;
  draft: TriageDraft;
  onDraft: (d: TriageDraft) => void;
  /** Errors of the last failed save (kept by the page with the draft). */
  errors: readonly ResolverError[];
  onErrors: (e: readonly ResolverError[]) => void;
  onSaved: (result: TriageResult) => void;
  onRefused: () => void;
}

/** The triage decision for one issue: kind, classification with the rule helper, grade answers, line and owner. */
export function TriageForm({ item, options, draft, onDraft, errors, onErrors, onSaved, onRefused }: TriageFormProps) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const set = (patch: Partial<TriageDraft>) => onDraft({ ...draft, ...patch });
  const suggestion = suggestClassification(draft.facts);
  const ruleLabel = t(`triage.classification.${suggestion.classification}`);
  const againstRule = draft.chosen !== 'rule' && draft.chosen !== suggestion.classification;
  const dimensionIds = options.dimensions.map((d) => d.id);
  const elsewhere = errors.filter((e) => !isFieldPath(e.path, dimensionIds));

  // After a failed save, the keyboard goes to the first field that needs fixing.
  useEffect(() => {
    if (errors.length === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    const target = first?.tagName === 'FIELDSET' ? first.querySelector<HTMLElement>('input, select, textarea') : first;
    target?.focus();
  }, [errors]);

  const save = async () => {
    setSaving(true);
    setFailure(null);
    try {
      const result = await call('triageIssue', toDecision(item.issueKey, draft));
      onErrors([]);
      onSaved(result);
    } catch (e) {
      const error = toApiError(e);
      if (error.code === 'NOT_AUTHORIZED') onRefused();
      else if (error.errors.length > 0) onErrors(error.errors);
      else setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      ref={formRef}
      aria-labelledby="triage-form-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack space="space.200">
        <Heading size="medium" as="h2" id="triage-form-title">
          {t('triage.form.title', { issueKey: item.issueKey })}
        </Heading>
        <Text color="color.text.subtle">{item.summary}</Text>

        <SelectInput
          path="kind"
          label={t('triage.kind')}
          errors={errorsAt(errors, 'kind')}
          value={draft.kind}
          options={[
            { value: '', label: t('triage.kind.choose') },
            ...KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
          ]}
          onChange={(v) => set({ kind: v as TriageDraft['kind'] })}
        />

        <Fieldset
          legend={t('triage.facts')}
          path="classification.facts"
          errors={errorsAt(errors, 'classification.facts')}
        >
          {FACT_KEYS.map((k) => (
            <Checkbox
              key={k}
              path={`classification.facts.${k}`}
              label={t(`triage.fact.${k}`)}
              checked={draft.facts[k]}
              onChange={(v) => set({ facts: { ...draft.facts, [k]: v } })}
            />
          ))}
          <Box testId="triage-suggestion" aria-live="polite">
            <Text weight="medium">
              {t('triage.suggested', { classification: ruleLabel, reason: t(`triage.reason.${suggestion.reason}`) })}
            </Text>
          </Box>
        </Fieldset>

        <Fieldset
          legend={t('triage.classification')}
          path="classification.chosen"
          errors={errorsAt(errors, 'classification.chosen')}
        >
          <Radio
            name={`chosen-${item.issueKey}`}
            value="rule"
            label={t('triage.classification.rule', { classification: ruleLabel })}
            checked={draft.chosen === 'rule'}
            onChange={() => set({ chosen: 'rule' })}
          />
          {(['problem', 'requirement'] as const).map((c) => (
            <Radio
              key={c}
              name={`chosen-${item.issueKey}`}
              value={c}
              label={t(`triage.classification.${c}`)}
              checked={draft.chosen === c}
              onChange={() => set({ chosen: c })}
            />
          ))}
          {againstRule || errorsAt(errors, 'classification.justification').length > 0 ? (
            <TextInput
              path="classification.justification"
              label={t('triage.justification')}
              errors={errorsAt(errors, 'classification.justification')}
              value={draft.justification}
              multiline
              onChange={(v) => set({ justification: v })}
            />
          ) : null}
        </Fieldset>

        <Fieldset legend={t('triage.answers')} path="answers" errors={errorsAt(errors, 'answers')}>
          {options.dimensions.map((d) => (
            <SelectInput
              key={d.id}
              path={`answers.${d.id}`}
              label={d.label[locale]}
              {...(d.guidance === null ? {} : { hint: d.guidance[locale] })}
              errors={errorsAt(errors, `answers.${d.id}`)}
              value={draft.answers[d.id] ?? ''}
              options={[
                { value: '', label: t('triage.answer.choose') },
                ...d.options.map((o) => ({ value: o.id, label: o.label[locale] })),
              ]}
              onChange={(v) => set({ answers: { ...draft.answers, [d.id]: v } })}
            />
          ))}
          <Text size="small" color="color.text.subtle">
            {t('triage.gradeAfterSave', { version: options.tableVersion })}
          </Text>
        </Fieldset>

        <Inline space="space.200" shouldWrap alignBlock="start">
          <SelectInput
            path="line"
            label={t('triage.line')}
            errors={errorsAt(errors, 'line')}
            value={draft.line}
            options={LINES.map((l) => ({ value: l, label: t(`line.${l}`) }))}
            onChange={(v) => set({ line: v as TriageDraft['line'] })}
          />
          <SelectInput
            path="warranty"
            label={t('triage.warranty')}
            errors={errorsAt(errors, 'warranty')}
            value={draft.warranty}
            options={[
              { value: '', label: t('triage.warranty.unset') },
              { value: 'in', label: t('triage.warranty.in') },
              { value: 'out', label: t('triage.warranty.out') },
            ]}
            onChange={(v) => set({ warranty: v as TriageDraft['warranty'] })}
          />
        </Inline>
        <PersonInput
          path="ownerAccountId"
          label={t('triage.owner')}
          errors={errorsAt(errors, 'ownerAccountId')}
          value={draft.owner}
          onChange={(v) => set({ owner: v })}
          projectKey={projectOf(item.issueKey)}
        />
        <Inline space="space.200" shouldWrap alignBlock="start">
          <TextInput
            path="product"
            label={t('triage.product')}
            errors={errorsAt(errors, 'product')}
            value={draft.product}
            onChange={(v) => set({ product: v })}
          />
          <TextInput
            path="region"
            label={t('triage.region')}
            errors={errorsAt(errors, 'region')}
            value={draft.region}
            onChange={(v) => set({ region: v })}
          />
        </Inline>

        {errors.length > 0 ? (
          <Box role="alert" testId="triage-problems">
            <Text color="color.text.danger" weight="medium">
              {t('triage.problems', { count: errors.length })}
            </Text>
            {elsewhere.map((e, i) => (
              <Text key={i} color="color.text.danger">
                {errorText(e)}
              </Text>
            ))}
          </Box>
        ) : null}
        {failure === null ? null : (
          <ErrorState error={failure} titleKey="triage.saveFailed" params={{ issueKey: item.issueKey }} />
        )}
        <Box>
          <Button primary type="submit" disabled={saving}>
            {saving ? t('triage.saving') : t('triage.save')}
          </Button>
        </Box>
      </Stack>
    </form>
  );
}
