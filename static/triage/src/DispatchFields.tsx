import { Inline } from '@atlaskit/primitives';
import { useI18n } from '../../shared/i18n/react';
import { SelectInput, TextInput } from './controls';
import { errorsAt, LINES, type DraftPartProps, type TriageDraft } from './draft';
import { PersonInput, projectOf } from './PersonInput';

/** Where the issue goes: line, warranty, owner (picked by name), product and region. */
export function DispatchFields({ issueKey, draft, errors, set }: DraftPartProps & { issueKey: string }) {
  const { t } = useI18n();
  return (
    <>
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
        projectKey={projectOf(issueKey)}
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
    </>
  );
}
