import { useCallback, useEffect, useRef, useState } from 'react';
import { Box, Inline, Pressable, Stack, Text } from '@atlaskit/primitives';
import type { AuditEntry, AuditPage } from '../../../src/contract/audit';
import { call } from '../../shared/api';
import { buttonStyles } from '../../shared/controls';
import { toApiError, type ApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { personName } from '../../shared/people';
import { sectionStyles } from './sectionStyles';

/** Entries per page. Range 5–100; default 25 (the server's default too). */
const PAGE_SIZE = 25;

/**
 * "Audit log" on the setup page: every destructive action, newest first, a page at a time. Paging
 * buttons are native buttons in the tab order; focus moves to the table's caption on a page change.
 */
export function AuditLog() {
  const { t, formatDateTime } = useI18n();
  // `cursors[i]` is the `before` of page i (undefined: the newest page).
  const [cursors, setCursors] = useState<Array<number | undefined>>([undefined]);
  const [page, setPage] = useState<AuditPage | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const caption = useRef<HTMLTableCaptionElement>(null);
  const moved = useRef(false);

  const load = useCallback(async (before: number | undefined) => {
    setError(null);
    try {
      setPage(await call('listAuditLog', before === undefined ? { limit: PAGE_SIZE } : { before, limit: PAGE_SIZE }));
    } catch (e) {
      setError(toApiError(e));
    }
  }, []);

  const index = cursors.length - 1;
  useEffect(() => {
    void load(cursors[index]);
  }, [cursors, index, load]);

  useEffect(() => {
    if (moved.current && page !== null) caption.current?.focus();
  }, [page]);

  const go = (next: Array<number | undefined>) => {
    moved.current = true;
    setPage(null); // no caption of the next page over the rows of the last one
    setCursors(next);
  };

  return (
    <Box as="section" xcss={sectionStyles} testId="audit-section">
      <Stack space="space.150">
        <h2>{t('audit.title')}</h2>
        <Text as="p">{t('audit.intro')}</Text>
        {error !== null ? (
          <ErrorState error={error} titleKey="audit.title" onRetry={() => void load(cursors[index])} />
        ) : null}
        {page === null && error === null ? <Text as="p">{t('audit.loading')}</Text> : null}
        {page !== null && page.entries.length === 0 && index === 0 ? (
          <Text as="p" testId="audit-empty">
            {t('audit.empty')}
          </Text>
        ) : null}
        {page !== null && page.entries.length > 0 ? (
          <table data-testid="audit-table">
            <caption ref={caption} tabIndex={-1}>
              {t('audit.page', { page: index + 1 })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.col.when')}</th>
                <th scope="col">{t('audit.col.who')}</th>
                <th scope="col">{t('audit.col.action')}</th>
                <th scope="col">{t('audit.col.target')}</th>
                <th scope="col">{t('audit.col.details')}</th>
              </tr>
            </thead>
            <tbody>
              {page.entries.map((e) => (
                <Row key={e.id} entry={e} when={formatDateTime(e.at) ?? e.at} />
              ))}
            </tbody>
          </table>
        ) : null}
        <Inline space="space.100">
          <Pressable
            xcss={buttonStyles}
            isDisabled={index === 0}
            onClick={() => go(cursors.slice(0, -1))}
            testId="audit-newer"
          >
            {t('audit.newer')}
          </Pressable>
          <Pressable
            xcss={buttonStyles}
            isDisabled={page?.nextBefore == null}
            onClick={() => page?.nextBefore != null && go([...cursors, page.nextBefore])}
            testId="audit-older"
          >
            {t('audit.older')}
          </Pressable>
        </Inline>
      </Stack>
    </Box>
  );
}

function Row({ entry, when }: { entry: AuditEntry; when: string }) {
  const { t } = useI18n();
  return (
    <tr data-action={entry.action}>
      <td>{when}</td>
      <td>
        {entry.actorAccountId === null
          ? '—'
          : entry.actorAccountId === 'app'
            ? t('people.app')
            : personName(t, entry.actorName)}
      </td>
      <td>{t(`audit.action.${entry.action}` as MessageKey)}</td>
      <td>{entry.target}</td>
      <td>{t(`audit.summary.${entry.action}` as MessageKey, entry.params).trim()}</td>
    </tr>
  );
}
