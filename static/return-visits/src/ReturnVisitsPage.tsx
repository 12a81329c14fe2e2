/**
 * Return visits (回访, itr-process.md §6): the queue of open visits for the supervising role, each
 * recorded with the customer's satisfaction (1–5), whether they consider it solved and their words;
 * recorded visits show a flag when the customer's view differs from the internal one. Jira admins also
 * see the administration: sampling rate, always-visited grades, supervising groups, fallback closers
 * (with who/when/why) and publishing the close rules' app property. Typed text survives every refusal.
 */
import { useCallback, useEffect, useState } from 'react';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ReturnVisit } from '../../../src/contract/closure';
import { call } from '../../shared/api';
import type { ForgeContext } from '../../shared/bridge';
import type { ShownError } from '../../shared/errors';
import { useI18n } from '../../shared/i18n/react';
import { personName } from '../../shared/people';
import { TabBar } from '../../shared/TabBar';
import { FallbackClosersFields } from './FallbackClosersFields';
import { useClosureAdmin } from './useClosureAdmin';
import { VisitCard } from './VisitCard';
import { toError, useErrorText } from './visitErrors';
import { VisitSettingsFields } from './VisitSettingsFields';
import { cardStyles } from './visitStyles';

const pageStyles = xcss({ padding: 'space.300' });

/** For Jira admins: the visits' settings, the fallback closers with their history, publishing the close property. */
function AdminArea() {
  const { t, formatDateTime } = useI18n();
  const errorText = useErrorText();
  const { state, error, saved, run } = useClosureAdmin();
  if (state === null) return error === null ? null : <Text color="color.text.danger">{errorText(error)}</Text>;
  return (
    <Box as="section" aria-label={t('visits.admin')} testId="visits-admin" xcss={cardStyles}>
      <Stack space="space.150">
        <Text weight="bold">{t('visits.admin')}</Text>
        <Text testId="visits-published">
          {state.published === null
            ? t('visits.notPublished')
            : t('visits.published', { submitter: state.published.submitter })}
        </Text>
        <VisitSettingsFields state={state} run={run} />
        <FallbackClosersFields state={state} run={run} />
        {error !== null ? <Text color="color.text.danger">{errorText(error)}</Text> : null}
        {saved ? <Text>{t('visits.saved')}</Text> : null}
        <Stack space="space.050" testId="fallback-history">
          {state.fallbackHistory.map((h, i) => (
            <Text key={i} size="small">
              {t('visits.history', {
                at: formatDateTime(h.at) ?? h.at,
                by: personName(t, state.displayNames[h.by]),
                names: h.accountIds.map((id) => personName(t, state.displayNames[id])).join(', '),
                reason: h.reason,
              })}
            </Text>
          ))}
        </Stack>
      </Stack>
    </Box>
  );
}

export function ReturnVisitsPage(_props: { context: ForgeContext }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [status, setStatus] = useState<'open' | 'done'>('open');
  const [visits, setVisits] = useState<ReturnVisit[] | null>(null);
  const [isAdmin, setIsAdmin] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async (s: 'open' | 'done') => {
    setError(null);
    try {
      const r = await call('listReturnVisits', { status: s });
      setVisits(r.visits);
      setIsAdmin(r.isAdmin);
    } catch (e) {
      setError(toError(e));
    }
  }, []);
  useEffect(() => {
    void load(status);
  }, [load, status]);
  return (
    <Box xcss={pageStyles}>
      <Stack space="space.200">
        <Text as="strong" size="large" weight="bold">
          {t('visits.title')}
        </Text>
        {error !== null ? (
          <Text color="color.text.danger" testId="visits-error">
            {errorText(error)}
          </Text>
        ) : null}
        {error?.code === 'VISIT_NOT_SUPERVISOR' ? null : (
          <Stack space="space.200">
            <TabBar<'open' | 'done'>
              idPrefix="visits"
              label={t('visits.tabs')}
              selected={status}
              onSelect={setStatus}
              tabs={(['open', 'done'] as const).map((id) => ({
                id,
                label: t(id === 'open' ? 'visits.open' : 'visits.done'),
              }))}
            />
            {notice !== null ? <Text testId="visits-notice">{notice}</Text> : null}
            <div role="tabpanel" id={`visits-panel-${status}`} aria-labelledby={`visits-tab-${status}`}>
              <Stack space="space.200">
                {visits !== null && visits.length === 0 ? (
                  <Text color="color.text.subtle">{t('visits.empty')}</Text>
                ) : null}
                {(visits ?? []).map((v) => (
                  <VisitCard
                    key={v.issueId}
                    visit={v}
                    onRecorded={(done) => {
                      setNotice(t('visits.recorded', { issueKey: done.issueKey }));
                      setVisits((all) => (all ?? []).filter((x) => x.issueId !== done.issueId));
                    }}
                  />
                ))}
              </Stack>
            </div>
            {isAdmin ? <AdminArea /> : null}
          </Stack>
        )}
      </Stack>
    </Box>
  );
}
