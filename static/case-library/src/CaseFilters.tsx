import { Box, Inline } from '@atlaskit/primitives';
import { useI18n } from '../../shared/i18n/react';
import { LANGUAGES, STATUSES, type Filters } from './cases';
import { Button, inputStyle, Select } from './ui';

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
    <>
      <Box
        as="form"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Inline space="space.100" alignBlock="center">
          <input
            type="search"
            aria-label={t('cases.search.label')}
            placeholder={t('cases.search.placeholder')}
            value={text}
            style={inputStyle('60%')}
            onChange={(e) => onText(e.target.value)}
          />
          <Button kind="primary" onClick={onSearch}>
            {t('cases.search.button')}
          </Button>
        </Inline>
      </Box>
      <Inline space="space.150" alignBlock="center" shouldWrap>
        <Select
          label={t('cases.filter.status')}
          value={filters.status}
          options={[
            { value: 'any', label: `${t('cases.filter.status')}: ${t('cases.filter.any')}` },
            ...STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) })),
          ]}
          onChange={(v) => setFilters((f) => ({ ...f, status: v as Filters['status'] }))}
        />
        <Select
          label={t('cases.filter.language')}
          value={filters.language}
          options={[
            { value: '', label: `${t('cases.filter.language')}: ${t('cases.filter.any')}` },
            ...LANGUAGES.map((l) => ({ value: l, label: t(`cases.language.${l}`) })),
          ]}
          onChange={(v) => setFilters((f) => ({ ...f, language: v as Filters['language'] }))}
        />
        <input
          type="text"
          aria-label={t('cases.filter.product')}
          placeholder={t('cases.filter.product')}
          value={filters.product}
          style={inputStyle('12em')}
          onChange={(e) => setFilters((f) => ({ ...f, product: e.target.value }))}
        />
        <input
          type="text"
          aria-label={t('cases.filter.tag')}
          placeholder={t('cases.filter.tag')}
          value={filters.tag}
          style={inputStyle('10em')}
          onChange={(e) => setFilters((f) => ({ ...f, tag: e.target.value }))}
        />
      </Inline>
    </>
  );
}
