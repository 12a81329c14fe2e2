import { useEffect, useState } from 'react';
import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import { highlight } from '../../../src/domain/caseSearch/rank';
import { tokenize } from '../../../src/domain/caseSearch/tokenize';
import { Button } from '../../shared/Button';
import { Highlighted } from '../../shared/Highlighted';
import { useI18n } from '../../shared/i18n/react';
import { listStyles } from './caseLibraryStyles';
import { PAGE_SIZE, type Row } from './cases';
import { StatusLozenge } from './ui';

/**
 * The cases found, a page at a time: title (matches highlighted when searching), the words that
 * matched as the case writes them, status, product, language, tags and how often the case helped.
 */
export function CaseList({ rows, onOpen }: { rows: Row[]; onOpen: (row: Row) => void }) {
  const { t } = useI18n();
  const [page, setPage] = useState(0);
  // A new answer (search, filter, reload) starts at its first page.
  useEffect(() => setPage(0), [rows]);
  if (rows.length === 0) return <Text color="color.text.subtle">{t('cases.empty')}</Text>;
  const pages = Math.ceil(rows.length / PAGE_SIZE);
  const current = Math.min(page, pages - 1);
  const shown = rows.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const from = current * PAGE_SIZE + 1;
  return (
    <Stack space="space.100">
      <Text size="small" color="color.text.subtle" testId="case-count">
        {pages > 1
          ? t('cases.range', { from, to: from + shown.length - 1, count: rows.length })
          : t('cases.count', { count: rows.length })}
      </Text>
      <Box as="ul" xcss={listStyles} testId="case-list">
        {shown.map((row) => (
          <CaseRow key={row.case.id} row={row} onOpen={() => onOpen(row)} />
        ))}
      </Box>
      {pages > 1 ? (
        <Box as="nav" aria-label={t('cases.pages')} testId="case-paging">
          <Inline space="space.100" alignBlock="center">
            <Button isDisabled={current === 0} onClick={() => setPage(current - 1)}>
              {t('cases.previousPage')}
            </Button>
            <Button isDisabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
              {t('cases.nextPage')}
            </Button>
          </Inline>
        </Box>
      ) : null}
    </Stack>
  );
}

function CaseRow({ row: { case: c, hit }, onOpen }: { row: Row; onOpen: () => void }) {
  const { t } = useI18n();
  const facts = [
    c.product,
    c.language === 'zh-CN' || c.language === 'en' ? t(`cases.language.${c.language}`) : '',
    c.tags.join(', '),
    t('cases.helpfulCount', { count: c.helpfulCount }),
  ].filter((x) => x);
  const terms = hit ? hit.matchedTerms.flatMap((w) => tokenize(w).map((token) => token.term)) : [];
  return (
    <Box as="li" xcss={itemStyles} testId="case-row">
      <Pressable xcss={rowButtonStyles} onClick={onOpen}>
        <Stack space="space.050">
          <Inline space="space.100" alignBlock="center" shouldWrap>
            <Text weight="bold">{hit ? <Highlighted segments={hit.highlights.title} /> : c.title}</Text>
            <StatusLozenge status={c.status} />
          </Inline>
          {hit ? (
            <Text size="small" color="color.text.subtle">
              <Highlighted segments={hit.highlights.symptom} />
            </Text>
          ) : null}
          {hit && hit.matchedTerms.length > 0 ? (
            <Text size="small" color="color.text.subtle" testId="case-matched">
              {t('cases.matched', { terms: hit.matchedTerms.join(', ') })}
            </Text>
          ) : null}
          <Text size="small" color="color.text.subtle">
            {/* A match in the product or a tag (found in the other language too) is marked where it shows. */}
            {terms.length > 0 ? <Highlighted segments={highlight(facts.join(' · '), terms)} /> : facts.join(' · ')}
          </Text>
        </Stack>
      </Pressable>
    </Box>
  );
}

const itemStyles = xcss({
  borderBlockEndWidth: 'border.width',
  borderBlockEndStyle: 'solid',
  borderColor: 'color.border',
});
const rowButtonStyles = xcss({
  display: 'block',
  width: '100%',
  textAlign: 'start',
  backgroundColor: 'color.background.neutral.subtle',
  padding: 'space.100',
  ':hover': { backgroundColor: 'color.background.neutral.subtle.hovered' },
});
