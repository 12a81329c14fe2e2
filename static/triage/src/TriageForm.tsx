import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { TriageListItem, TriageOptions, TriageResult } from '../../../src/contract';
import { call } from '../../shared/api';
import { toApiError, type ApiError, type ShownError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/react';
import { ClassificationFields } from './ClassificationFields';
import { Notice, SelectInput, useErrorText } from './controls';
import { DispatchFields } from './DispatchFields';
import {
  changedPrefills,
  errorsAt,
  isFieldPath,
  KINDS,
  missingOverrideReason,
  toDecision,
  unchosenClassification,
  type TriageDraft,
} from './draft';
import { GradeAnswers } from './GradeAnswers';
import { GradePreview } from './GradePreview';
import { PrefillNote } from './PrefillNote';
import { usePreviewTriage } from './usePreviewTriage';
import { suggestClassification } from './rule';

export interface TriageFormProps {
  item: TriageListItem;
  options: TriageOptions;
  draft: TriageDraft;
  onDraft: (d: TriageDraft) => void;
  /** Errors of the last failed save (kept by the page with the draft). */
  errors: readonly ShownError[];
  onErrors: (e: readonly ShownError[]) => void;
  onSaved: (result: TriageResult) => void;
  onRefused: () => void;
  /** Id of the heading that names the form (the detail pane's). */
  labelledBy: string;
}

/**
 * The triage decision for one issue: kind, classification with the rule helper, grade answers with the
 * live grade and deadline preview, line and owner.
 */
export function TriageForm({
  item,
  options,
  draft,
  onDraft,
  errors: lastSave,
  onErrors,
  onSaved,
  onRefused,
  labelledBy,
}: TriageFormProps) {
  const { t } = useI18n();
  // The page's own refusal ends with the choice; the server's problems stay until the next save.
  const errors = lastSave.filter(
    (e) =>
      (draft.chosen === null || e.code !== 'UI_TRIAGE_CLASSIFICATION_NOT_CHOSEN') &&
      (missingOverrideReason(draft).length > 0 || e.code !== 'UI_TRIAGE_OVERRIDE_REASON_MISSING'),
  );
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const set = (patch: Partial<TriageDraft>) => onDraft({ ...draft, ...patch });
  const part = { draft, errors, set };
  const dimensionIds = options.dimensions.map((d) => d.id);
  // The classification the save would record picks the time rule the preview's clocks run on.
  const classification =
    draft.chosen === null
      ? undefined
      : draft.chosen === 'rule'
        ? suggestClassification(draft.facts).classification
        : draft.chosen;
  const preview = usePreviewTriage(item.issueKey, draft.answers, draft.line, dimensionIds, classification);

  // After a failed save, the keyboard goes to the first field that needs fixing (a group: its first input).
  useEffect(() => {
    if (lastSave.length === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[data-invalid="true"], [aria-invalid="true"]');
    const target = first?.matches('input, select, textarea')
      ? first
      : first?.querySelector<HTMLElement>('input, select, textarea');
    target?.focus();
  }, [lastSave]);

  const save = async () => {
    setFailure(null);
    const unchosen = [...unchosenClassification(draft), ...missingOverrideReason(draft)];
    if (unchosen.length > 0) {
      onErrors(unchosen);
      return;
    }
    setSaving(true);
    try {
      // A changed filled-in customer fact is recorded first, as the panel records an override (who, when,
      // from, to, why); sent again after a failed save it changes nothing (the fact already holds it).
      for (const c of changedPrefills(draft))
        await call('overrideIssueCustomer', {
          issueKey: item.issueKey,
          field: c.field,
          to: c.to,
          reason: draft.overrideReason.trim(),
        });
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
      aria-labelledby={labelledBy}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack space="space.200">
        <SelectInput
          path="kind"
          label={t('triage.kind')}
          errors={errorsAt(errors, 'kind')}
          value={draft.kind}
          placeholder={t('triage.kind.choose')}
          options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          onChange={(v) => set({ kind: v as TriageDraft['kind'] })}
        />
        <ClassificationFields issueKey={item.issueKey} {...part} />
        <GradeAnswers options={options} {...part} />
        <DispatchFields issueKey={item.issueKey} {...part} />
        <PrefillNote options={options} {...part} />
        <GradePreview state={preview} options={options} />

        <SaveProblems errors={errors} dimensionIds={dimensionIds} />
        {failure === null ? null : (
          <ErrorState error={failure} titleKey="triage.saveFailed" params={{ issueKey: item.issueKey }} />
        )}
        <Box>
          <Button appearance="primary" type="submit" isDisabled={saving} testId="triage-save">
            {saving ? t('triage.saving') : t('triage.save')}
          </Button>
        </Box>
      </Stack>
    </form>
  );
}

/** How many problems the last save had, and in words those no field shows. */
function SaveProblems({ errors, dimensionIds }: { errors: readonly ShownError[]; dimensionIds: string[] }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  if (errors.length === 0) return null;
  const elsewhere = errors.filter((e) => !isFieldPath(e.path, dimensionIds));
  return (
    <Notice appearance="error" role="alert" testId="triage-problems">
      <Text weight="medium">{t('triage.problems', { count: errors.length })}</Text>
      {elsewhere.map((e, i) => (
        <Text key={i} as="p">
          {errorText(e)}
        </Text>
      ))}
    </Notice>
  );
}
