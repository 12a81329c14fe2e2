import { Box, Inline, Stack, xcss } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { Button } from '../../shared/Button';
import { useI18n } from '../../shared/i18n/react';
import { LANGUAGES, STATUSES, type Filters } from './cases';
import { Field, LabelledSelect } from './ui';

/** The search box (applied on Search or Enter) and the filters (applied as they change). */
export function CaseFilters({
  text,
  onText,
  onSubmit,
  onSearch,
  filters,
  setFilters,
}: {
  text: string;
  onText: (text: string) => void;
  /** Enter in the search box. */
  onSubmit: () => void;
  /** The Search button. */
  onSearch: () => void;
  filters: Filters;
  setFilters: (change: (f: Filters) => Filters) => void;
}) {
  const { t } = useI18n();
  return (
    <Stack space="space.150">
      <Box
        as="form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Inline space="space.100" alignBlock="center">
          <Box xcss={searchBoxStyles}>
            <Textfield
              type="search"
              aria-label={t('cases.search.label')}
              placeholder={t('cases.search.placeholder')}
              value={text}
              onChange={(e) => onText(e.currentTarget.value)}
            />
          </Box>
          <Button appearance="primary" onClick={onSearch}>
            {t('cases.search.button')}
          </Button>
        </Inline>
      </Box>
      <Inline space="space.150" alignBlock="start" shouldWrap>
        <LabelledSelect
          label={t('cases.filter.status')}
          value={filters.status}
          options={[
            { value: 'any', label: t('cases.filter.any') },
            ...STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) })),
          ]}
          onChange={(v) => setFilters((f) => ({ ...f, status: v as Filters['status'] }))}
          testId="filter-status"
        />
        <LabelledSelect
          label={t('cases.filter.language')}
          value={filters.language}
          options={[
            { value: '', label: t('cases.filter.any') },
            ...LANGUAGES.map((l) => ({ value: l, label: t(`cases.language.${l}`) })),
          ]}
          onChange={(v) => setFilters((f) => ({ ...f, language: v as Filters['language'] }))}
          testId="filter-language"
        />
        <Field
          name="product"
          label={t('cases.filter.product')}
          value={filters.product}
          onChange={(v) => setFilters((f) => ({ ...f, product: v }))}
        />
        <Field
          name="tag"
          label={t('cases.filter.tag')}
          value={filters.tag}
          onChange={(v) => setFilters((f) => ({ ...f, tag: v }))}
        />
      </Inline>
    </Stack>
  );
}

const searchBoxStyles = xcss({ flexGrow: 1, maxWidth: '40em' });
