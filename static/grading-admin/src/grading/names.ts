import { useI18n } from '../../../shared/i18n/react';
import { useLocalized, type Label } from './useLocalized';

/**
 * What the accessible names call a dimension, option, grade or override: its label in the reader's
 * language, else its id, else its place ("Dimension 2"), so every field says whose it is.
 */
export function useOwnerName(): (label: Label | undefined, id: string, fallback: string) => string {
  const localized = useLocalized();
  return (label, id, fallback) => localized(label, '') || id || fallback;
}

/** "{owner}: {field}", the accessible name of one field of a row. */
export function useFieldName(): (owner: string, field: string) => string {
  const { t } = useI18n();
  return (owner, field) => t('gradingAdmin.aria.field', { owner, field });
}
