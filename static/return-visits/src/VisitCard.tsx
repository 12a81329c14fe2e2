import type { MouseEvent } from 'react';
import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ReturnVisit, ReturnVisitRow, VisitIssueDto } from '../../../src/contract/closure';
import { openInJira } from '../../shared/bridge';
import { useI18n } from '../../shared/i18n/react';
import { VisitForm } from './VisitForm';
import { personName } from '../../shared/people';
import { cardStyles } from './visitStyles';

/** Jira's status lozenge colours by status category. */
const LOZENGE: Record<NonNullable<VisitIssueDto['status']>['category'], ThemeAppearance> = {
  new: 'default',
  indeterminate: 'inprogress',
  done: 'success',
};

/**
 * One visit: the issue (key, summary, status and resolution as Jira names them for the viewer), why it
 * is visited, the customer and whom to call; the form while open, the customer's view once recorded.
 */
export function VisitCard({
  visit,
  siteUrl,
  onRecorded,
}: {
  visit: ReturnVisitRow;
  siteUrl: string;
  onRecorded: (v: ReturnVisit) => void;
}) {
  const { t, formatDateTime } = useI18n();
  const { issue } = visit;
  const browse = `/browse/${encodeURIComponent(visit.issueKey)}`;
  // A plain link for the address (copy, middle-click); a click opens the issue through Jira's router.
  const open = (e: MouseEvent) => {
    e.preventDefault();
    void openInJira(browse).catch(() => undefined);
  };
  return (
    <Box
      as="article"
      xcss={cardStyles}
      testId="visit-card"
      data-issue={visit.issueKey}
      data-resolved-at={visit.resolvedAt}
      data-visited-at={visit.visitedAt ?? undefined}
    >
      <Stack space="space.100">
        <Inline space="space.150" alignBlock="center" shouldWrap>
          <a href={`${siteUrl}${browse}`} onClick={open} data-testid="visit-issue-link">
            <Text weight="bold" color="color.link">
              {visit.issueKey}
            </Text>
          </a>
          {issue !== null ? <Text testId="visit-summary">{issue.summary}</Text> : null}
          {issue?.status != null ? (
            <Box testId="visit-status">
              <Lozenge appearance={LOZENGE[issue.status.category]}>{issue.status.name}</Lozenge>
            </Box>
          ) : null}
        </Inline>
        <Inline space="space.200" shouldWrap>
          <Text color="color.text.subtle">{t('visits.reason', { reason: t(`visits.reason.${visit.reason}`) })}</Text>
          <Text color="color.text.subtle">
            {t('visits.resolvedAt', { at: formatDateTime(visit.resolvedAt) ?? '' })}
          </Text>
          {issue !== null ? (
            <Text color="color.text.subtle" testId="visit-resolution">
              {t('visits.resolution', { resolution: issue.resolution ?? t('visits.unresolved') })}
            </Text>
          ) : null}
        </Inline>
        {issue === null ? (
          <Text color="color.text.subtle" testId="visit-hidden">
            {t('visits.hidden')}
          </Text>
        ) : (
          <IssueContact issue={issue} />
        )}
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
            {visit.visitedAt !== null ? (
              <Text color="color.text.subtle" testId="visit-recorded">
                {t('visits.recordedAt', {
                  at: formatDateTime(visit.visitedAt) ?? '',
                  by: personName(t, visit.visitedByName),
                })}
              </Text>
            ) : null}
            {visit.customerWords !== null && visit.customerWords !== '' ? <Text>“{visit.customerWords}”</Text> : null}
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

/** The customer as triage recorded them, and whom to call (the reporter's name and email as Jira shows them). */
function IssueContact({ issue }: { issue: VisitIssueDto }) {
  const { t, locale } = useI18n();
  const { customer, contact } = issue;
  const about = [customer.tier?.[locale] ?? null, customer.product, customer.region].filter(
    (x): x is string => x !== null,
  );
  return (
    <Stack space="space.050">
      <Text testId="visit-customer">
        {t('visits.customer', { customer: about.length > 0 ? about.join(' · ') : t('visits.customerUnknown') })}
      </Text>
      <Text testId="visit-contact">
        {t('visits.contact', { name: contact?.displayName ?? t('visits.contactUnknown') })}
        {contact?.emailAddress != null ? (
          <>
            {' · '}
            <a href={`mailto:${contact.emailAddress}`}>{contact.emailAddress}</a>
          </>
        ) : null}
      </Text>
    </Stack>
  );
}

const differStyles = xcss({
  backgroundColor: 'color.background.warning',
  borderRadius: 'radius.small',
  padding: 'space.100',
});
