import { Inline } from '@atlaskit/primitives';
import { useI18n } from '../../../shared/i18n/react';
import type { Edit, Key } from '../draft';
import { TextField } from '../fields';
import type { Label } from './useLocalized';

/**
 * A label's English and Chinese text, side by side, each named for whose label it is ("Business impact:
 * Label (English)"); with `visible`, the field names show above them too.
 */
export function LabelFields({
  base,
  path,
  owner,
  value,
  edit,
  visible = false,
}: {
  base: string;
  path: readonly Key[];
  /** What the label belongs to, for the accessible names. */
  owner: string;
  value: Label | undefined;
  edit: Edit;
  visible?: boolean;
}) {
  const { t } = useI18n();
  const field = (key: 'gradingAdmin.labelEn' | 'gradingAdmin.labelZh') => ({
    label: t('gradingAdmin.aria.field', { owner, field: t(key) }),
    ...(visible ? { visibleLabel: t(key) } : {}),
  });
  return (
    <Inline space="space.100" alignBlock="end">
      <TextField
        path={`${base}.en`}
        {...field('gradingAdmin.labelEn')}
        width="14em"
        value={value?.en ?? ''}
        onChange={(v) => edit([...path, 'en'], v)}
      />
      <TextField
        path={`${base}.zh-CN`}
        {...field('gradingAdmin.labelZh')}
        width="14em"
        value={value?.['zh-CN'] ?? ''}
        onChange={(v) => edit([...path, 'zh-CN'], v)}
      />
    </Inline>
  );
}
