/**
 * Return visits (回访, itr-process.md §6): the queue of the supervising role, the global page's "Return
 * visits" subpage. Open visits newest first, each recorded with the customer's satisfaction (1–5),
 * whether they consider it solved and their words; recorded visits, also newest first, show a flag when
 * the customer's view differs from the internal one. Both tabs are paged. Typed text survives every
 * refusal. The closing settings are the admin page's (static/grading-admin/src/closing).
 */
import { useCallback, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { ReturnVisitPage } from '../../../src/contract/closure';
import { call } from '../../shared/api';
import type { ForgeContext } from '../../shared/bridge';
import type { ShownError } from '../../shared/errors';
import { useI18n } from '../../shared/i18n/react';
import { TabBar } from '../../shared/TabBar';
import { VisitCard } from './VisitCard';
import { toError, useErrorText } from './visitErrors';

type VisitStatus = 'open' | 'done';

export function ReturnVisitsPage({ context }: { context: ForgeContext }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [status, setStatus] = useState<VisitStatus>('open');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<ReturnVisitPage | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ShownError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async (s: VisitStatus, from: number) => {
    setError(null);
    setLoading(true);
    try {
      const answer = await call('listReturnVisits', { status: s, offset: from });
      // The last visit of a later page was recorded (or taken by someone else): show the page before.
      if (answer.visits.length === 0 && from > 0) setOffset(Math.max(0, from - answer.pageSize));
      else setPage(answer);
    } catch (e) {
      setError(toError(e));
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load(status, offset);
  }, [load, status, offset]);
  const show = (s: VisitStatus) => {
    setStatus(s);
    setOffset(0);
    setPage(null);
  };
  return (
    <Box padding="space.300">
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
            <TabBar<VisitStatus>
              idPrefix="visits"
              label={t('visits.tabs')}
              selected={status}
              onSelect={show}
              tabs={(['open', 'done'] as const).map((id) => ({
                id,
                label: t(id === 'open' ? 'visits.open' : 'visits.done'),
              }))}
            />
            {notice !== null ? (
              <Box role="status" testId="visits-notice">
                <Text>{notice}</Text>
              </Box>
            ) : null}
            <div role="tabpanel" id={`visits-panel-${status}`} aria-labelledby={`visits-tab-${status}`}>
              <Stack space="space.200">
                {page === null && loading ? (
                  <Box role="status">
                    <Text color="color.text.subtle">{t('visits.loading')}</Text>
                  </Box>
                ) : null}
                {page !== null && page.visits.length === 0 ? (
                  <Text color="color.text.subtle">{t('visits.empty')}</Text>
                ) : null}
                {(page?.visits ?? []).map((v) => (
                  <VisitCard
                    key={v.issueId}
                    visit={v}
                    siteUrl={context.siteUrl}
                    onRecorded={(done) => {
                      setNotice(t('visits.recorded', { issueKey: done.issueKey }));
                      // The page is read again: the visit leaves this tab and the next older one moves up.
                      void load(status, offset);
                    }}
                  />
                ))}
                {page !== null && page.total > page.pageSize ? (
                  <Pager page={page} busy={loading} onOffset={setOffset} />
                ) : null}
              </Stack>
            </div>
          </Stack>
        )}
      </Stack>
    </Box>
  );
}

/** Where this page lies among all visits of the tab, and the way to the newer and older ones. */
function Pager({ page, busy, onOffset }: { page: ReturnVisitPage; busy: boolean; onOffset: (offset: number) => void }) {
  const { t } = useI18n();
  const from = page.offset + 1;
  const to = page.offset + page.visits.length;
  return (
    <nav aria-label={t('visits.pages')} data-testid="visits-pager">
      <Inline space="space.150" alignBlock="center" shouldWrap>
        <Button
          testId="visits-previous"
          isDisabled={busy || page.offset === 0}
          onClick={() => onOffset(Math.max(0, page.offset - page.pageSize))}
        >
          {t('visits.previous')}
        </Button>
        <Text testId="visits-range" color="color.text.subtle">
          {t('visits.range', { from: Math.min(from, page.total), to, total: page.total })}
        </Text>
        <Button
          testId="visits-next"
          isDisabled={busy || to >= page.total}
          onClick={() => onOffset(page.offset + page.pageSize)}
        >
          {t('visits.next')}
        </Button>
      </Inline>
    </nav>
  );
}
