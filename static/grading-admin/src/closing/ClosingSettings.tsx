/**
 * The admin page's "Return visits and closing" subpage (Jira admins; the server checks again): which
 * resolved issues get a return visit and who supervises them, the fallback closers with their history,
 * and publishing the close rules' app property. Moved here from the return-visit queue, so every
 * setting of the app is on its administration page.
 */
import { Box, Stack, Text } from '@atlaskit/primitives';
import { useErrorText } from '../../../return-visits/src/visitErrors';
import { cardStyles } from '../../../return-visits/src/visitStyles';
import { useI18n } from '../../../shared/i18n/react';
import { personName } from '../../../shared/people';
import { FallbackClosersFields } from './FallbackClosersFields';
import { useClosureAdmin } from './useClosureAdmin';
import { VisitSettingsFields } from './VisitSettingsFields';

export function ClosingSettings() {
  const { t, formatDateTime } = useI18n();
  const errorText = useErrorText();
  const { state, error, saved, run } = useClosureAdmin();
  if (state === null)
    return error === null ? (
      <Box role="status">
        <Text>{t('subpages.loading')}</Text>
      </Box>
    ) : (
      <Text color="color.text.danger">{errorText(error)}</Text>
    );
  return (
    <Stack space="space.200" testId="closing-settings">
      <Text testId="visits-published">
        {state.published === null
          ? t('visits.notPublished')
          : // The rules read the app's own submitter field (setup and the site check keep it so): named as Jira names it.
            t('visits.published', { field: t('field.title.itr-submitter') })}
      </Text>
      <Box as="section" aria-label={t('visits.settings')} xcss={cardStyles}>
        <Stack space="space.150">
          <Text weight="bold">{t('visits.settings')}</Text>
          <VisitSettingsFields state={state} run={run} />
        </Stack>
      </Box>
      <Box as="section" aria-label={t('visits.fallback')} xcss={cardStyles}>
        <Stack space="space.150">
          <FallbackClosersFields state={state} run={run} />
          <Stack space="space.050" testId="fallback-history">
            {state.fallbackHistory.map((h, i) => (
              <Text key={i} size="small">
                {t('visits.history', {
                  at: formatDateTime(h.at) ?? '',
                  by: personName(t, state.displayNames[h.by]),
                  names: h.accountIds.map((id) => personName(t, state.displayNames[id])).join(', '),
                  reason: h.reason,
                })}
              </Text>
            ))}
          </Stack>
        </Stack>
      </Box>
      {error !== null ? (
        <Box role="alert">
          <Text color="color.text.danger">{errorText(error)}</Text>
        </Box>
      ) : null}
      {saved ? (
        <Box role="status">
          <Text>{t('visits.saved')}</Text>
        </Box>
      ) : null}
    </Stack>
  );
}
