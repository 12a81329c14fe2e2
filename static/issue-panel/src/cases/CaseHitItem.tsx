import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import type { CaseHit } from '../../../../src/contract/cases';
import type { MessageKey } from '../../../shared/i18n';
import { useI18n } from '../../../shared/i18n/react';
import { selectedStyles, smallButtonStyles } from './caseStyles';
import { Highlighted } from '../../../shared/Highlighted';

export type CaseMark = 'helped' | 'notRelevant';

/** One suggested case: its title (opening it), why it matched, and the agent's mark. */
export function CaseHitItem({
  hit,
  isOpen,
  mark,
  onToggle,
  onMark,
}: {
  hit: CaseHit;
  isOpen: boolean;
  mark: CaseMark | undefined;
  onToggle: () => void;
  onMark: (helped: boolean) => void;
}) {
  const { t } = useI18n();
  return (
    <Box as="li" testId="case-hit" xcss={itemStyles}>
      <Stack space="space.050">
        <Pressable xcss={titleButtonStyles} aria-expanded={isOpen} onClick={onToggle}>
          <Text weight="medium">
            <Highlighted segments={hit.highlights.title} />
          </Text>
        </Pressable>
        {hit.matchedTerms.length > 0 ? (
          <Text size="small" color="color.text.subtlest" testId="case-why">
            {t('cases.matched', { terms: hit.matchedTerms.slice(0, 6).join(', ') })}
          </Text>
        ) : null}
        {isOpen ? <CaseBody hit={hit} /> : null}
        <Inline space="space.100">
          <Pressable
            xcss={mark === 'helped' ? selectedStyles : smallButtonStyles}
            aria-pressed={mark === 'helped'}
            onClick={() => onMark(true)}
          >
            {t('cases.suggest.helped')}
          </Pressable>
          <Pressable
            xcss={mark === 'notRelevant' ? selectedStyles : smallButtonStyles}
            aria-pressed={mark === 'notRelevant'}
            onClick={() => onMark(false)}
          >
            {t('cases.suggest.notRelevant')}
          </Pressable>
        </Inline>
      </Stack>
    </Box>
  );
}

/** An opened case: the symptom (matches marked), then its root cause and measures when written. */
function CaseBody({ hit }: { hit: CaseHit }) {
  const { t } = useI18n();
  const c = hit.case;
  const parts: Array<[MessageKey, string]> = [
    ['cases.field.rootCause', c.rootCause],
    ['cases.field.shortTermMeasure', c.shortTermMeasure],
    ['cases.field.longTermMeasure', c.longTermMeasure],
  ];
  return (
    <Stack space="space.050" testId="case-body">
      <Text size="small">
        <Highlighted segments={hit.highlights.symptom} />
      </Text>
      {parts
        .filter(([, v]) => v.trim() !== '')
        .map(([k, v]) => (
          <Text key={k} size="small">
            <Text as="strong" size="small" weight="medium">
              {t(k)}:
            </Text>{' '}
            {v}
          </Text>
        ))}
    </Stack>
  );
}

const itemStyles = xcss({
  padding: 'space.075',
  borderRadius: 'radius.small',
  backgroundColor: 'color.background.neutral.subtle',
});
const titleButtonStyles = xcss({
  backgroundColor: 'color.background.neutral.subtle',
  color: 'color.link',
  padding: 'space.0',
  textAlign: 'start',
  ':hover': { textDecoration: 'underline' },
});
