import { Inline } from '@atlaskit/primitives';
import { useI18n } from '../../../shared/i18n/react';
import type { Edit, Key } from '../draft';
import { TextField } from '../fields';
import type { Label } from './useLocalized';

/** A label's English and Chinese text, side by side. */
export function LabelFields({
  base,
  path,
  value,
  edit,
}: {
  base: string;
  path: readonly Key[];
  value: Label | undefined;
  edit: Edit;
}) {
  const { t } = useI18n();
  return (
    <Inline space="space.100">
      <TextField
        path={`${base}.en`}
        label={t('gradingAdmin.labelEn')}
        placeholder="English"
        value={value?.en ?? ''}
        onChange={(v) => edit([...path, 'en'], v)}
      />
      <TextField
        path={`${base}.zh-CN`}
        label={t('gradingAdmin.labelZh')}
        placeholder="中文"
        value={value?.['zh-CN'] ?? ''}
        onChange={(v) => edit([...path, 'zh-CN'], v)}
      />
    </Inline>
  );
}
