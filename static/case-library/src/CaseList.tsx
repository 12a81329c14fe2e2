import { Box, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import { useI18n } from '../../shared/i18n/react';
import { listStyles } from './caseLibraryStyles';
import type { Row } from './cases';
import { Highlighted } from '../../shared/Highlighted';

/** The cases found: title (matches highlighted when searching), status, product, language, tags, helpful count. */
export function CaseList({ rows, onOpen }: { rows: Row[]; onOpen: (id: number) => void }) {
  const { t } = useI18n();
  if (rows.length === 0) return <Text color="color.text.subtle">{t('cases.empty')}</Text>;
  return (
    <Stack space="space.100">
      <Text size="small" color="color.text.subtlest">
        {t('cases.count', { count: rows.length })}
      </Text>
      <Box as="ul" xcss={listStyles} testId="case-list">
        {rows.map(({ case: c, hit }) => (
          <Box as="li" key={c.id} xcss={itemStyles} testId="case-row">
            <Pressable xcss={rowButtonStyles} onClick={() => onOpen(c.id)}>
              <Stack space="space.050">
                <Text weight="bold">{hit ? <Highlighted segments={hit.highlights.title} /> : c.title}</Text>
                {hit ? (
                  <Text size="small" color="color.text.subtle">
                    <Highlighted segments={hit.highlights.symptom} />
                  </Text>
                ) : null}
                <Text size="small" color="color.text.subtlest">
                  {[
                    t(`cases.status.${c.status}`),
                    c.product,
                    c.language === 'zh-CN' || c.language === 'en' ? t(`cases.language.${c.language}`) : '',
                    c.tags.join(', '),
                    t('cases.helpfulCount', { count: c.helpfulCount }),
                  ]
                    .filter((x) => x)
                    .join(' · ')}
                </Text>
              </Stack>
            </Pressable>
          </Box>
        ))}
      </Box>
    </Stack>
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
