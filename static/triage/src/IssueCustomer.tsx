import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { CustomerProductHit, IssueCustomerFacts, IssueCustomerField } from '../../../src/contract';
import { call } from '../../shared/api';
import { toApiError, type ApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { personName } from '../../shared/people';
import { Heading, TextInput } from './controls';

const SEARCH_DELAY_MS = 300;

/**
 * The issue's customer and product instance (issue 17): search the customers' installed products by
 * customer name, id or serial number, pick one, and see what filled itself (tier, region, warranty at
 * the issue's creation, compliance) with any override recorded since; a pick is told to `onPicked`, so
 * the triage form fills its own answers from it. The page remounts it per issue.
 * Keyboard: typing searches (Enter at once); ArrowDown goes to the results, arrows walk them, Enter picks.
 */
export function IssueCustomer({
  issueKey,
  onPicked,
}: {
  issueKey: string;
  /** Told the facts of a product just picked (the triage form fills its answers from them). */
  onPicked?: (facts: IssueCustomerFacts) => void;
}) {
  const { t } = useI18n();
  const [facts, setFacts] = useState<IssueCustomerFacts | null | undefined>(undefined);
  // Whether the viewer may change the issue's customer (EDIT_ISSUES, from the read): no search otherwise.
  const [canEdit, setCanEdit] = useState(false);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<{ query: string; items: CustomerProductHit[] } | null>(null);
  const [failure, setFailure] = useState<{ titleKey: MessageKey; error: ApiError } | null>(null);
  const [busy, setBusy] = useState(false);
  const asked = useRef(0);
  // The latest callback: the pick answers after a round trip, by when the form's draft may have moved on.
  const picked = useRef(onPicked);
  picked.current = onPicked;
  const resultsRef = useRef<HTMLUListElement>(null);
  const titleId = `triage-customer-title-${issueKey}`;

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const read = await call('getIssueCustomer', { issueKey });
      setFacts(read.facts);
      setCanEdit(read.canEdit);
    } catch (e) {
      setLoadError(toApiError(e));
    }
  }, [issueKey]);

  useEffect(() => {
    void load();
  }, [load]);

  const search = useCallback(
    async (q: string) => {
      const n = ++asked.current;
      if (q.trim().length < 2) {
        setHits(null);
        return;
      }
      try {
        // The search is for this issue: the server shows customers only to who may edit it.
        const items = await call('searchCustomerProducts', { issueKey, query: q });
        if (n === asked.current) {
          setHits({ query: q.trim(), items });
          setFailure(null);
        }
      } catch (e) {
        if (n === asked.current) setFailure({ titleKey: 'triage.customer.searchFailed', error: toApiError(e) });
      }
    },
    [issueKey],
  );

  useEffect(() => {
    const timer = setTimeout(() => void search(query), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, search]);

  const pick = async (hit: CustomerProductHit) => {
    setBusy(true);
    setFailure(null);
    try {
      const chosen = await call('pickIssueCustomer', { issueKey, customerId: hit.customerId, serial: hit.serial });
      setFacts(chosen);
      picked.current?.(chosen);
      asked.current++;
      setHits(null);
      setQuery('');
    } catch (e) {
      setFailure({ titleKey: 'triage.customer.pickFailed', error: toApiError(e) });
    } finally {
      setBusy(false);
    }
  };

  const resultButtons = () => Array.from(resultsRef.current?.querySelectorAll('button') ?? []);
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const buttons = resultButtons();
    if (buttons.length === 0) return;
    const at = buttons.findIndex((b) => b === document.activeElement);
    const next = at === -1 ? 0 : Math.min(buttons.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)));
    e.preventDefault();
    buttons[next]?.focus();
  };

  return (
    <Box as="section" aria-labelledby={titleId} testId="triage-customer">
      <Stack space="space.150">
        <Heading size="small" as="h3" id={titleId}>
          {t('triage.customer.title')}
        </Heading>
        {loadError !== null ? (
          <ErrorState
            error={loadError}
            titleKey="triage.customer.loadFailed"
            params={{ issueKey }}
            headingLevel="h4"
            onRetry={() => void load()}
          />
        ) : facts === undefined ? (
          <Text color="color.text.subtle">{t('triage.customer.loading')}</Text>
        ) : facts === null ? (
          <Text color="color.text.subtle" testId="triage-customer-none">
            {t('triage.customer.none')}
          </Text>
        ) : (
          <Facts facts={facts} />
        )}
        {!canEdit ? (
          facts === undefined ? null : (
            <Text color="color.text.subtle" testId="triage-customer-read-only">
              {t('triage.customer.readOnly')}
            </Text>
          )
        ) : (
          <Box
            as="form"
            role="search"
            aria-labelledby={titleId}
            onKeyDown={onKeyDown}
            onSubmit={(e) => {
              e.preventDefault();
              void search(query);
            }}
          >
            <Stack space="space.100">
              <TextInput
                path="customerQuery"
                label={t('triage.customer.search')}
                errors={[]}
                value={query}
                onChange={setQuery}
              />
              {hits === null ? null : hits.items.length === 0 ? (
                <Text color="color.text.subtle" testId="triage-customer-nohits">
                  {t('triage.customer.noHits', { query: hits.query })}
                </Text>
              ) : (
                <ul
                  ref={resultsRef}
                  aria-label={t('triage.customer.results')}
                  data-testid="triage-customer-hits"
                  style={{ listStyle: 'none', margin: 0, padding: 0 }}
                >
                  {hits.items.map((h) => (
                    <li key={`${h.customerId}\u0000${h.serial}`}>
                      <Button
                        appearance="subtle"
                        isDisabled={busy}
                        onClick={() => void pick(h)}
                        testId={`triage-customer-hit-${h.serial}`}
                      >
                        {t('triage.customer.hit', { name: h.name, product: h.product, serial: h.serial })}
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
            </Stack>
          </Box>
        )}
        {failure === null ? null : (
          <ErrorState error={failure.error} titleKey={failure.titleKey} params={{ issueKey }} headingLevel="h4" />
        )}
      </Stack>
    </Box>
  );
}

const FIELD_KEY: Record<IssueCustomerField, MessageKey> = {
  tier: 'triage.customer.tier',
  region: 'triage.customer.region',
  warranty: 'triage.customer.warranty',
  compliant: 'triage.customer.compliance',
};

function Facts({ facts }: { facts: IssueCustomerFacts }) {
  const { t, formatDateTime } = useI18n();
  const warranty = (v: string) =>
    v === 'in' ? t('triage.customer.warranty.in') : v === 'out' ? t('triage.customer.warranty.out') : v;
  const compliance = (v: string) =>
    v === 'yes' ? t('triage.customer.compliant.yes') : v === 'no' ? t('triage.customer.compliant.no') : v;
  const shown = (field: IssueCustomerField, v: string) =>
    field === 'warranty' ? warranty(v) : field === 'compliant' ? compliance(v) : v;
  const rows: Array<[string, MessageKey, string]> = [
    ['name', 'triage.customer.customer', facts.name ?? t('triage.customer.unknown')],
    ['product', 'triage.customer.product', facts.product ?? t('triage.customer.unknown')],
    ['serial', 'triage.customer.serial', facts.serial],
    ['tier', 'triage.customer.tier', facts.tier],
    ['region', 'triage.customer.region', facts.region],
    ['warranty', 'triage.customer.warranty', warranty(facts.warranty)],
    ['compliance', 'triage.customer.compliance', compliance(facts.compliant ? 'yes' : 'no')],
  ];
  return (
    <Stack space="space.100" testId="triage-customer-facts">
      <Box as="dl" xcss={factsStyles}>
        {rows.map(([id, label, value]) => (
          <Inline key={id} space="space.100">
            <Box as="dt">
              <Text weight="semibold">{t(label)}</Text>
            </Box>
            <Box as="dd" xcss={ddStyles} testId={`triage-customer-${id}`}>
              <Text>{value}</Text>
            </Box>
          </Inline>
        ))}
      </Box>
      <Text size="small" color="color.text.subtle">
        {t('triage.customer.warrantyHelp')}
      </Text>
      <Text size="small" color="color.text.subtle" testId="triage-customer-picked">
        {t('triage.customer.picked', {
          who: personName(t, facts.pickedByName),
          time: formatDateTime(facts.pickedAt) ?? '',
        })}
      </Text>
      {facts.overrides.length === 0 ? null : (
        <ul data-testid="triage-customer-overrides" style={{ margin: 0 }}>
          {facts.overrides.map((o, i) => (
            <li key={i}>
              <Text size="small">
                {t('triage.customer.override', {
                  field: t(FIELD_KEY[o.field]),
                  who: personName(t, o.byName),
                  time: formatDateTime(o.at) ?? '',
                  from: shown(o.field, o.from),
                  to: shown(o.field, o.to),
                  reason: o.reason,
                })}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </Stack>
  );
}

const factsStyles = xcss({ margin: 'space.0' });
const ddStyles = xcss({ margin: 'space.0' });
