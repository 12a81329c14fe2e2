/**
 * Hand-off on the issue panel (itr-process §7: ITR feeds IPD and LTC): "Send to R&D" / "Send to sales"
 * (each confirmed first) create a linked issue in the admin-configured project; the list shows the
 * linked items and their status. Only customer-safe facts are copied (the server decides, §4).
 * Self-contained: the panel mounts it with `<Handoff issueKey=… />`.
 */
import { useCallback, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { HandoffItem } from '../../../../src/contract/analytics';
import { type ApiError, call } from '../../../shared/api';
import { toApiError } from '../../../shared/errors';
import { errorMessageKey } from '../../../shared/i18n';
import { useI18n } from '../../../shared/i18n/react';
import { headingStyles, itemListStyles, itemStyles, sectionStyles } from '../panelSectionStyles';

type Target = HandoffItem['target'];

export function Handoff({ issueKey }: { issueKey: string }) {
  const { t } = useI18n();
  const [items, setItems] = useState<HandoffItem[] | null>(null);
  const [confirming, setConfirming] = useState<Target | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    try {
      setItems(await call('listHandoffs', { issueKey }));
    } catch (e) {
      setError(toApiError(e));
    }
  }, [issueKey]);
  useEffect(() => {
    void load();
  }, [load]);

  const send = async (target: Target) => {
    setBusy(true);
    setError(null);
    try {
      const item = await call('sendHandoff', { issueKey, target });
      setItems((list) => [...(list ?? []).filter((i) => i.key !== item.key), item]);
      setNotice(t('handoff.sent', { key: item.key }));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };

  const label = t('handoff.title');
  const errorKey = error === null ? null : errorMessageKey(error.code);
  return (
    <Box as="section" aria-label={label} testId="handoff" xcss={sectionStyles}>
      <Stack space="space.100">
        <Box as="h3" xcss={headingStyles}>
          {label}
        </Box>
        {confirming === null ? (
          <Inline space="space.100">
            <Button isDisabled={busy} onClick={() => setConfirming('rnd')}>
              {t('handoff.sendRnd')}
            </Button>
            <Button isDisabled={busy} onClick={() => setConfirming('sales')}>
              {t('handoff.sendSales')}
            </Button>
          </Inline>
        ) : (
          <Box
            role="alertdialog"
            aria-label={t(confirming === 'rnd' ? 'handoff.sendRnd' : 'handoff.sendSales')}
            xcss={confirmStyles}
          >
            <Stack space="space.100">
              <Text>{t(confirming === 'rnd' ? 'handoff.confirmRnd' : 'handoff.confirmSales')}</Text>
              <Inline space="space.100">
                <Button appearance="primary" isLoading={busy} onClick={() => void send(confirming)}>
                  {t('handoff.confirm')}
                </Button>
                <Button isDisabled={busy} onClick={() => setConfirming(null)}>
                  {t('handoff.cancel')}
                </Button>
              </Inline>
            </Stack>
          </Box>
        )}
        {items === null ? null : items.length === 0 ? (
          <Text color="color.text.subtlest">{t('handoff.none')}</Text>
        ) : (
          <Box as="ul" xcss={itemListStyles} testId="handoff-list">
            {items.map((i) => (
              <Box as="li" key={i.key} xcss={itemStyles}>
                <Inline space="space.100" alignBlock="center">
                  <Text weight="medium">{t(i.target === 'rnd' ? 'handoff.target.rnd' : 'handoff.target.sales')}</Text>
                  <Text>{i.key}</Text>
                  <Text color="color.text.subtle">{i.status ?? t('handoff.noStatus')}</Text>
                </Inline>
              </Box>
            ))}
          </Box>
        )}
        {notice !== null ? <Box role="status">{notice}</Box> : null}
        {error !== null && errorKey !== null ? (
          <Text size="small" color="color.text.danger">
            {errorKey === 'errorCode.unknown' ? `${t(errorKey)} (${error.code})` : t(errorKey, error.params)}
          </Text>
        ) : null}
      </Stack>
    </Box>
  );
}

const confirmStyles = xcss({
  padding: 'space.100',
  borderRadius: 'radius.small',
  backgroundColor: 'color.background.warning',
});
