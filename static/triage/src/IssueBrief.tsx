import { useCallback, useEffect, useState } from 'react';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { TriageIssueDetail } from '../../../src/contract';
import { call } from '../../shared/api';
import { toApiError, type ApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/react';
import { personName } from '../../shared/people';

/**
 * The issue as its submitter reported it: who and when (in the user's zone), and the description as
 * plain text. React renders it as text, so markup in a description is shown, never interpreted.
 */
export function IssueBrief({ issueKey }: { issueKey: string }) {
  const { t, formatDateTime, formatRelative } = useI18n();
  const [detail, setDetail] = useState<TriageIssueDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setDetail(await call('getTriageIssue', { issueKey }));
    } catch (e) {
      setError(toApiError(e));
    }
  }, [issueKey]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error !== null)
    return (
      <ErrorState error={error} titleKey="triage.detail.loadFailed" params={{ issueKey }} onRetry={() => void load()} />
    );
  if (detail === null) return <Text color="color.text.subtle">{t('triage.detail.loading')}</Text>;
  return (
    <Stack space="space.150" testId="triage-brief">
      <Text size="small" color="color.text.subtle" testId="triage-brief-submitted">
        {t('triage.detail.submitted', {
          who: personName(t, detail.submitterName),
          time: formatDateTime(detail.created) ?? '',
          relative: formatRelative(detail.created, Date.now()) ?? '',
        })}
      </Text>
      <Stack space="space.050">
        <Text weight="semibold" as="strong">
          {t('triage.detail.description')}
        </Text>
        <Box xcss={descriptionStyles} testId="triage-brief-description">
          {detail.description === '' ? (
            <Text color="color.text.subtle">{t('triage.detail.noDescription')}</Text>
          ) : (
            <Text>{detail.description}</Text>
          )}
        </Box>
      </Stack>
    </Stack>
  );
}

// Line breaks of the description are kept; long words wrap instead of widening the pane.
const descriptionStyles = xcss({
  whiteSpace: 'pre-wrap',
  overflowWrap: 'anywhere',
  backgroundColor: 'color.background.neutral.subtle',
  borderRadius: 'radius.small',
  padding: 'space.100',
});
