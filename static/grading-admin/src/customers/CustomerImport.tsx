/**
 * "Import customers" on the Customers subpage: choose a CSV, see its upload progress, then either
 * every problem with its row (nothing is imported) or what the import will add and change; Import
 * (confirmed) queues it and the section shows the rows applied until it is done.
 */
import { useEffect, useId, useState } from 'react';
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { CustomerImportPreview, CustomerImportStatus } from '../../../../src/contract/customers';
import { call } from '../../../shared/api';
import { Button } from '../../../shared/Button';
import { ConfirmDialog } from '../../../shared/ConfirmDialog';
import { ErrorState } from '../../../shared/ErrorState';
import { toApiError, type ApiError } from '../../../shared/errors';
import type { MessageKey } from '../../../shared/i18n';
import { useI18n } from '../../../shared/i18n/react';
import { captionStyle, cellStyle, headStyle, tableStyle } from '../../../shared/tableStyles';
import { uploadCustomerCsv } from './customerImportFile';

/** How often progress is read while the queue applies the file (ms). Range 500–5000; default 1000. */
const POLL_MS = 1000;

type Phase =
  | { name: 'idle' }
  | { name: 'uploading'; done: number; total: number }
  | { name: 'preview'; preview: CustomerImportPreview }
  | { name: 'applying'; status: CustomerImportStatus }
  | { name: 'done'; status: CustomerImportStatus }
  | { name: 'error'; error: ApiError };

export function CustomerImport({ onImported }: { onImported: () => void }) {
  const { t } = useI18n();
  const inputId = useId();
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const [confirming, setConfirming] = useState(false);
  const fail = (e: unknown) => setPhase({ name: 'error', error: toApiError(e) });

  const applyingId = phase.name === 'applying' ? phase.status.importId : null;
  useEffect(() => {
    if (applyingId === null) return;
    const timer = setInterval(() => {
      void call('getCustomerImportStatus', { importId: applyingId })
        .then((s) => {
          if (s === null) return;
          if (s.state === 'done') {
            setPhase({ name: 'done', status: s });
            onImported();
          } else if (s.state === 'failed') setPhase({ name: 'error', error: toApiError(new Error(s.errorCode ?? '')) });
          else setPhase({ name: 'applying', status: s });
        })
        .catch(fail);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [applyingId, onImported]);

  const choose = async (file: File | undefined) => {
    if (file === undefined) return;
    setPhase({ name: 'uploading', done: 0, total: 1 });
    try {
      const preview = await uploadCustomerCsv(await file.text(), (done, total) =>
        setPhase({ name: 'uploading', done, total }),
      );
      setPhase({ name: 'preview', preview });
    } catch (e) {
      fail(e);
    }
  };

  const commit = async (importId: string) => {
    setConfirming(false);
    try {
      setPhase({ name: 'applying', status: await call('commitCustomerImport', { importId, confirm: true }) });
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Stack space="space.150" testId="customer-import">
      <Text>{t('customers.import.help')}</Text>
      {/* While a file uploads or applies, no second one can be chosen: the field is gone, not disabled. */}
      {phase.name === 'uploading' || phase.name === 'applying' ? null : (
        <Stack space="space.050">
          <label htmlFor={inputId}>
            <Text weight="medium">{t('customers.import.choose')}</Text>
          </label>
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            data-testid="customer-import-file"
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        </Stack>
      )}
      {phase.name === 'uploading' ? (
        <Box role="status">
          <Text>{t('customers.import.uploading', { done: phase.done, total: phase.total })}</Text>
        </Box>
      ) : null}
      {phase.name === 'preview' && !phase.preview.ok ? <Problems preview={phase.preview} /> : null}
      {phase.name === 'preview' && phase.preview.ok ? (
        <Stack space="space.100" testId="customer-import-preview">
          <Text>
            {t('customers.import.preview', {
              rows: phase.preview.rowCount,
              customers: phase.preview.customers,
              customersAdded: phase.preview.customersAdded,
              productsAdded: phase.preview.productsAdded,
              productsChanged: phase.preview.productsChanged,
            })}
          </Text>
          <Box>
            <Button appearance="primary" onClick={() => setConfirming(true)} testId="customer-import-commit">
              {t('customers.import.commit')}
            </Button>
          </Box>
          <ConfirmDialog
            open={confirming}
            title={t('customers.import.confirmTitle')}
            confirmLabel={t('customers.import.commit')}
            cancelLabel={t('customers.cancel')}
            appearance="warning"
            onConfirm={() => void commit(phase.preview.importId)}
            onCancel={() => setConfirming(false)}
          >
            <Text>{t('customers.import.confirmBody', { rows: phase.preview.rowCount })}</Text>
          </ConfirmDialog>
        </Stack>
      ) : null}
      {phase.name === 'applying' ? (
        <Box role="status" testId="customer-import-progress">
          <Text>
            {t('customers.import.applying', { done: phase.status.rowsApplied, total: phase.status.rowCount })}
          </Text>
        </Box>
      ) : null}
      {phase.name === 'done' ? (
        <Box role="status" testId="customer-import-done">
          <Text>{t('customers.import.done', { rows: phase.status.rowCount, customers: phase.status.customers })}</Text>
        </Box>
      ) : null}
      {phase.name === 'error' ? (
        <ErrorState error={phase.error} titleKey="customers.import.failed" headingLevel="h3" />
      ) : null}
    </Stack>
  );
}

function Problems({ preview }: { preview: CustomerImportPreview }) {
  const { t } = useI18n();
  return (
    <Stack space="space.100" testId="customer-import-problems">
      <Box role="alert">
        <Text color="color.text.danger">{t('customers.import.refused', { count: preview.problemCount })}</Text>
      </Box>
      <table style={tableStyle}>
        <caption style={captionStyle}>{t('customers.import.problems')}</caption>
        <thead>
          <tr>
            <th style={headStyle}>{t('customers.import.row')}</th>
            <th style={headStyle}>{t('customers.import.column')}</th>
            <th style={headStyle}>{t('customers.import.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.problems.map((p, i) => (
            <tr key={i}>
              <td style={cellStyle}>{p.row}</td>
              <td style={cellStyle}>{p.column === null ? '—' : t(`customers.column.${p.column}` as MessageKey)}</td>
              <td style={cellStyle}>{t(`customers.problem.${p.code}` as MessageKey, { ...(p.params ?? {}) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.problemCount > preview.problems.length ? (
        <Text size="small">
          {t('customers.import.more', { count: preview.problemCount - preview.problems.length })}
        </Text>
      ) : null}
    </Stack>
  );
}
