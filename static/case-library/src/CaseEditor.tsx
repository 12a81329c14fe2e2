import { useState } from 'react';
import { Box, Inline, Stack } from '@atlaskit/primitives';
import type { CaseContent, CaseStatus } from '../../../src/contract/cases';
import type { ApiError } from '../../shared/api';
import { Button } from '../../shared/Button';
import { toApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/react';
import { LANGUAGES, STATUSES } from './cases';
import { Field, LabelledSelect } from './ui';

/** A case's content as a form (tags as one comma-separated line); a refused save keeps what was typed. */
export function CaseEditor({
  initial,
  onSave,
  onCancel,
}: {
  initial: CaseContent;
  onSave: (content: CaseContent) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<CaseContent>(initial);
  const [tags, setTags] = useState(initial.tags.join(', '));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const untitled = draft.title.trim() === '';
  const set = (k: keyof CaseContent) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSave({
        ...draft,
        tags: tags
          .split(',')
          .map((x) => x.trim())
          .filter((x) => x),
      });
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const text = (k: 'environment' | 'rootCause' | 'shortTermMeasure' | 'longTermMeasure') => (
    <Field name={k} label={t(`cases.field.${k}`)} value={draft[k]} onChange={set(k)} multiline />
  );
  return (
    <Box
      as="form"
      testId="case-editor"
      onSubmit={(e) => {
        e.preventDefault();
        // Enter in a field submits too: not while Save is disabled or already saving.
        if (!untitled && !busy) void save();
      }}
    >
      <Stack space="space.150">
        <Field name="title" label={t('cases.field.title')} value={draft.title} onChange={set('title')} />
        <Field
          name="symptom"
          label={t('cases.field.symptom')}
          value={draft.symptom}
          onChange={set('symptom')}
          multiline
        />
        <Inline space="space.150" shouldWrap>
          <Field name="product" label={t('cases.field.product')} value={draft.product} onChange={set('product')} />
          <Field
            name="productVersion"
            label={t('cases.field.productVersion')}
            value={draft.productVersion}
            onChange={set('productVersion')}
          />
        </Inline>
        {text('environment')}
        {text('rootCause')}
        {text('shortTermMeasure')}
        {text('longTermMeasure')}
        <Field name="tags" label={t('cases.field.tags')} value={tags} onChange={setTags} />
        <Inline space="space.150" alignBlock="end" shouldWrap>
          <LabelledSelect
            label={t('cases.field.status')}
            value={draft.status}
            options={STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))}
            onChange={(v) => setDraft((d) => ({ ...d, status: v as CaseStatus }))}
          />
          <LabelledSelect
            label={t('cases.field.language')}
            value={draft.language}
            options={[
              { value: '', label: t('cases.filter.any') },
              ...LANGUAGES.map((l) => ({ value: l, label: t(`cases.language.${l}`) })),
            ]}
            onChange={set('language')}
          />
        </Inline>
        {error !== null ? <ErrorState error={error} titleKey="cases.saveFailed" headingLevel="h3" /> : null}
        <Inline space="space.100">
          <Button appearance="primary" type="submit" isDisabled={untitled} isLoading={busy}>
            {t('cases.save')}
          </Button>
          <Button onClick={onCancel}>{t('cases.cancel')}</Button>
        </Inline>
      </Stack>
    </Box>
  );
}
