import { Box, Stack, Text } from '@atlaskit/primitives';
import type { TriageOptions } from '../../../src/contract';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { TextInput } from './controls';
import { changedPrefills, CUSTOMER_TIER_DIMENSION, errorsAt, type DraftPartProps, type PrefillChange } from './draft';

const FIELD: Record<PrefillChange['field'], MessageKey> = {
  tier: 'triage.customer.tier',
  region: 'triage.customer.region',
  warranty: 'triage.customer.warranty',
  compliant: 'triage.customer.compliance',
};

/**
 * Says which answers picking the product filled in (issue 17); once the agent changes one, lists each
 * change (from → to, by name) and asks why: on save each is recorded as an override of the customer
 * facts, with who, when and this reason, as the issue panel records one.
 */
export function PrefillNote({ options, draft, errors, set }: DraftPartProps & { options: TriageOptions }) {
  const { t, locale } = useI18n();
  if (draft.prefill === null) return null;
  const changes = changedPrefills(draft);
  const tierLabel = (id: string): string => {
    const label = options.dimensions.find((d) => d.id === CUSTOMER_TIER_DIMENSION)?.options.find((o) => o.id === id)
      ?.label[locale];
    // The shipped labels say "Strategic: …"; the name before the colon is enough here.
    return label === undefined ? id : (label.split(/[:：]/)[0] ?? label).trim();
  };
  const shown = (c: PrefillChange, v: string): string =>
    c.field === 'warranty'
      ? v === 'in'
        ? t('triage.warranty.in')
        : t('triage.warranty.out')
      : c.field === 'tier'
        ? tierLabel(v)
        : v;
  return (
    <Box testId="triage-prefill">
      <Stack space="space.100">
        <Text size="small" color="color.text.subtle">
          {t('triage.prefill.note')}
        </Text>
        {changes.length === 0 ? null : (
          <>
            <ul data-testid="triage-prefill-changes" style={{ margin: 0 }}>
              {changes.map((c) => (
                <li key={c.field}>
                  <Text>
                    {t('triage.prefill.change', {
                      field: t(FIELD[c.field]),
                      from: shown(c, c.from),
                      to: shown(c, c.to),
                    })}
                  </Text>
                </li>
              ))}
            </ul>
            <TextInput
              path="overrideReason"
              label={t('triage.prefill.reason')}
              errors={errorsAt(errors, 'overrideReason')}
              value={draft.overrideReason}
              onChange={(v) => set({ overrideReason: v })}
              multiline
            />
          </>
        )}
      </Stack>
    </Box>
  );
}
