/**
 * What the design system's selects announce to screen readers, in the user's language (react-select's
 * own messages are English: "option Draft, selected."). A choice is announced by name; the number of
 * results is left to the page (the people picker's status line says it), so nothing is said twice.
 */
import type { SelectProps } from '@atlaskit/select';
import { useI18n } from './i18n/react';

export type SelectLiveMessages<Option, IsMulti extends boolean> = NonNullable<
  SelectProps<Option, IsMulti>['ariaLiveMessages']
>;

export function useSelectLiveMessages<Option, IsMulti extends boolean = false>(): SelectLiveMessages<Option, IsMulti> {
  const { t } = useI18n();
  return {
    onChange: ({ action, label }) => (action === 'select-option' ? t('select.chosen', { name: label }) : ''),
    onFilter: () => '',
  };
}
