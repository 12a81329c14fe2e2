/**
 * The admin page's "Customers" subpage (Jira admins; the server checks again): import customers and
 * their installed products from a CSV, search them by name, id or serial, and erase one customer's
 * data everywhere the app holds it (personal data: the contact), after a confirmation.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { CustomerErasure, CustomerList, CustomerListItem } from '../../../../src/contract/customers';
import { call } from '../../../shared/api';
import { Button } from '../../../shared/Button';
import { ConfirmDialog } from '../../../shared/ConfirmDialog';
import { baseInputStyle } from '../../../shared/controls';
import { ErrorState } from '../../../shared/ErrorState';
import { toApiError, type ApiError } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n/react';
import { captionStyle, cellStyle, headStyle, tableStyle } from '../../../shared/tableStyles';
import { CustomerImport } from './CustomerImport';

export function CustomersPage() {
  const { t } = useI18n();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [list, setList] = useState<CustomerList | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [erasing, setErasing] = useState<CustomerListItem | null>(null);
  const [erased, setErased] = useState<CustomerErasure | null>(null);

  const load = useCallback(() => {
    void call('listCustomers', { query })
      .then((l) => {
        setList(l);
        setError(null);
      })
      .catch((e: unknown) => setError(toApiError(e)));
  }, [query]);
  useEffect(load, [load]);

  const erase = async (c: CustomerListItem) => {
    setErasing(null);
    try {
      setErased(await call('eraseCustomer', { customerId: c.customerId, confirm: true }));
      load();
    } catch (e) {
      setError(toApiError(e));
    }
  };

  return (
    <Stack space="space.300" testId="customers-page">
      <Box as="section" aria-label={t('customers.import.title')}>
        <Stack space="space.100">
          <Text weight="bold">{t('customers.import.title')}</Text>
          <CustomerImport onImported={load} />
        </Stack>
      </Box>
      <Box as="section" aria-label={t('customers.list.title')}>
        <Stack space="space.150">
          <Text weight="bold">{t('customers.list.title')}</Text>
          <Inline space="space.100" alignBlock="center">
            <label htmlFor={searchId}>
              <Text weight="medium">{t('customers.list.search')}</Text>
            </label>
            <input
              id={searchId}
              type="search"
              value={query}
              data-testid="customers-search"
              style={baseInputStyle()}
              onChange={(e) => setQuery(e.target.value)}
            />
          </Inline>
          {error !== null ? <ErrorState error={error} headingLevel="h3" onRetry={load} /> : null}
          {erased !== null ? (
            <Box role="status" testId="customer-erased">
              <Text>{t('customers.erase.done', { ...erased })}</Text>
            </Box>
          ) : null}
          {list === null ? null : list.items.length === 0 ? (
            <Text testId="customers-empty">{t('customers.list.empty')}</Text>
          ) : (
            <table style={tableStyle} data-testid="customers-table">
              <caption style={captionStyle}>{t('customers.list.count', { count: list.total })}</caption>
              <thead>
                <tr>
                  <th style={headStyle}>{t('customers.column.customer_id')}</th>
                  <th style={headStyle}>{t('customers.column.name')}</th>
                  <th style={headStyle}>{t('customers.column.tier')}</th>
                  <th style={headStyle}>{t('customers.column.region')}</th>
                  <th style={headStyle}>{t('customers.list.products')}</th>
                  <th style={headStyle}>{t('customers.list.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((c) => (
                  <tr key={c.customerId}>
                    <td style={cellStyle}>{c.customerId}</td>
                    <td style={cellStyle}>{c.name}</td>
                    <td style={cellStyle}>{c.tier}</td>
                    <td style={cellStyle}>{c.region}</td>
                    <td style={cellStyle}>{c.productCount}</td>
                    <td style={cellStyle}>
                      <Button
                        appearance="danger"
                        spacing="compact"
                        label={t('customers.erase.label', { name: c.name })}
                        onClick={() => setErasing(c)}
                        testId={`customer-erase-${c.customerId}`}
                      >
                        {t('customers.erase.action')}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Stack>
      </Box>
      <ConfirmDialog
        open={erasing !== null}
        title={t('customers.erase.confirmTitle', { name: erasing?.name ?? '' })}
        confirmLabel={t('customers.erase.action')}
        cancelLabel={t('customers.cancel')}
        onConfirm={() => erasing !== null && void erase(erasing)}
        onCancel={() => setErasing(null)}
        testId="customer-erase-confirm"
      >
        <Text>{t('customers.erase.confirmBody')}</Text>
      </ConfirmDialog>
    </Stack>
  );
}
