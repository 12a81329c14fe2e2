import { useEffect, useRef, useState } from 'react';
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { ResolverError } from '../../../src/contract/envelope';
import type { TriageListItem, TriageOptions, TriageResult } from '../../../src/contract';
import { call } from '../../shared/api';
import { toApiError, type ApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/react';
import { ClassificationFields } from './ClassificationFields';
import { Button, Heading, SelectInput, useErrorText } from './controls';
import { DispatchFields } from './DispatchFields';
import { errorsAt, isFieldPath, KINDS, toDecision, type TriageDraft } from './draft';
import { GradeAnswers } from './GradeAnswers';

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
  const { t } = useI18n();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const set = (patch: Partial<TriageDraft>) => onDraft({ ...draft, ...patch });
  const part = { draft, errors, set };

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
        <ClassificationFields issueKey={item.issueKey} {...part} />
        <GradeAnswers options={options} {...part} />
        <DispatchFields issueKey={item.issueKey} {...part} />

        <SaveProblems errors={errors} dimensionIds={options.dimensions.map((d) => d.id)} />
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

/** How many problems the last save had, and in words those no field shows. */
function SaveProblems({ errors, dimensionIds }: { errors: readonly ResolverError[]; dimensionIds: string[] }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  if (errors.length === 0) return null;
  const elsewhere = errors.filter((e) => !isFieldPath(e.path, dimensionIds));
  return (
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
  );
}
