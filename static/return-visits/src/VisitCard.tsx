import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ReturnVisit } from '../../../src/contract/closure';
import { useI18n } from '../../shared/i18n/react';
import { VisitForm } from './VisitForm';
import { cardStyles } from './visitStyles';

/** One visit: the issue, why it is visited, the internal view; the form while open, the customer's view once recorded. */
export function VisitCard({ visit, onRecorded }: { visit: ReturnVisit; onRecorded: (v: ReturnVisit) => void }) {
  const { t, formatDateTime } = useI18n();
  return (
    <Box xcss={cardStyles} testId="visit-card" data-issue={visit.issueKey}>
      <Stack space="space.100">
        <Inline space="space.200" shouldWrap>
          <Text weight="bold">{visit.issueKey}</Text>
          <Text>{t(`visits.reason.${visit.reason}`)}</Text>
          <Text color="color.text.subtle">
            {t('visits.resolvedAt')}: {formatDateTime(visit.resolvedAt) ?? visit.resolvedAt}
          </Text>
        </Inline>
        <Text>
          {t('visits.internalView')}: {visit.internalView}
        </Text>
        {visit.status === 'open' ? (
          <VisitForm visit={visit} onRecorded={onRecorded} />
        ) : (
          <Stack space="space.050">
            <Text testId="visit-customer-view">
              {t('visits.customerView', {
                satisfaction: visit.satisfaction ?? '',
                solved: visit.resolvedInCustomersView ? t('visits.solved') : t('visits.notSolved'),
              })}
            </Text>
            <Text>“{visit.customerWords}”</Text>
            {visit.viewsDiffer ? (
              <Box xcss={differStyles} testId="visit-differs">
                <Text>{t('visits.differs')}</Text>
              </Box>
            ) : null}
          </Stack>
        )}
      </Stack>
    </Box>
  );
}

const differStyles = xcss({
  backgroundColor: 'color.background.warning',
  borderRadius: 'radius.small',
  padding: 'space.100',
});
