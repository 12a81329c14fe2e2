import { useCallback, useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { AuditActionCode, AuditEntry, AuditPage } from '../../../src/contract/audit';
import { call } from '../../shared/api';
import { toApiError, type ApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { personName } from '../../shared/people';
import { auditText } from './auditText';
import { sectionStyles } from './sectionStyles';
import { captionStyle, cellStyle, headStyle, tableStyle } from '../../shared/tableStyles';

/** Entries per page. Range 5–100; default 25 (the server's default too). */
const PAGE_SIZE = 25;

/** Each action's name (exhaustive, so a new action is named before it can be shown). */
const ACTIONS: Readonly<Record<AuditActionCode, MessageKey>> = {
  'backup.restore.start': 'audit.action.backup.restore.start',
  'backup.restore.complete': 'audit.action.backup.restore.complete',
  'grading.publish': 'audit.action.grading.publish',
  'grading.restoreVersion': 'audit.action.grading.restoreVersion',
  'regrade.start': 'audit.action.regrade.start',
  'escalation.recalculate': 'audit.action.escalation.recalculate',
  'case.save': 'audit.action.case.save',
  'case.retire': 'audit.action.case.retire',
  'closure.fallbackClosers': 'audit.action.closure.fallbackClosers',
  'settings.save': 'audit.action.settings.save',
  'setup.run': 'audit.action.setup.run',
  'customer.import': 'audit.action.customer.import',
  'customer.erase': 'audit.action.customer.erase',
};

/**
 * "Audit log" on the setup page: every destructive action, newest first, a page at a time. It reads
 * the newest page again when `round` changes (this page ran setup or a restore) and when the admin
 * comes back to the page (another page or tab may have published a grading table meanwhile), so no
 * reload is needed. Focus moves to the table's caption on a page change.
 */
export function AuditLog({ round }: { round: number }) {
  const { t } = useI18n();
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

  // An action on this page: back to the newest entries, where it was recorded.
  useEffect(() => {
    if (round > 0) setCursors([undefined]);
  }, [round]);

  // Back on the page: the current page again, quietly (the rows stay until the answer arrives).
  const reloadCurrent = useRef<() => void>(() => undefined);
  reloadCurrent.current = () => void load(cursors[index]);
  useEffect(() => {
    const again = () => {
      if (document.visibilityState === 'visible') reloadCurrent.current();
    };
    window.addEventListener('focus', again);
    document.addEventListener('visibilitychange', again);
    return () => {
      window.removeEventListener('focus', again);
      document.removeEventListener('visibilitychange', again);
    };
  }, []);

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
          <table data-testid="audit-table" style={tableStyle}>
            <caption ref={caption} tabIndex={-1} style={captionStyle}>
              {t('audit.page', { page: index + 1 })}
            </caption>
            <thead>
              <tr>
                <th scope="col" style={headStyle}>
                  {t('audit.col.when')}
                </th>
                <th scope="col" style={headStyle}>
                  {t('audit.col.who')}
                </th>
                <th scope="col" style={headStyle}>
                  {t('audit.col.action')}
                </th>
                <th scope="col" style={headStyle}>
                  {t('audit.col.target')}
                </th>
                <th scope="col" style={headStyle}>
                  {t('audit.col.details')}
                </th>
              </tr>
            </thead>
            <tbody>
              {page.entries.map((e) => (
                <Row key={e.id} entry={e} />
              ))}
            </tbody>
          </table>
        ) : null}
        <Inline space="space.100">
          <Button isDisabled={index === 0} onClick={() => go(cursors.slice(0, -1))} testId="audit-newer">
            {t('audit.newer')}
          </Button>
          <Button
            isDisabled={page?.nextBefore == null}
            onClick={() => page?.nextBefore != null && go([...cursors, page.nextBefore])}
            testId="audit-older"
          >
            {t('audit.older')}
          </Button>
          <Button appearance="subtle" onClick={() => void load(cursors[index])} testId="audit-refresh">
            {t('common.refresh')}
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}

function Row({ entry }: { entry: AuditEntry }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { what, details } = auditText(entry, i18n);
  const action = (ACTIONS as Readonly<Record<string, MessageKey | undefined>>)[entry.action];
  return (
    <tr data-action={entry.action}>
      <td style={cellStyle}>{i18n.formatDateTime(entry.at) ?? '—'}</td>
      <td style={cellStyle}>
        {entry.actorAccountId === null
          ? '—'
          : entry.actorAccountId === 'app'
            ? t('people.app')
            : personName(t, entry.actorName)}
      </td>
      <td style={cellStyle}>{action === undefined ? '—' : t(action)}</td>
      <td style={cellStyle} data-col="what">
        {what}
      </td>
      <td style={cellStyle}>{details}</td>
    </tr>
  );
}
