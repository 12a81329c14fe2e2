/**
 * The issue's customer facts and spare parts on the issue panel (issue 17): the customer and product
 * instance triage picked, with tier, region, warranty (保内/保外 at the issue's creation) and compliance,
 * every manual override (who by name, when in the viewer's zone, from → to, why) and a small form to
 * override one fact with a reason; then each spare part's steps (requested → shipped → received →
 * faulty part returned → repaired) with who and when, a button for the next step and one to request a
 * new part. The reads say whether the viewer may change the issue (EDIT_ISSUES, asked of Jira as the
 * viewer): a viewer who may not is offered no action and told why, up front. The server still decides
 * and refuses a skipped step; its refusal is shown in the viewer's language. Self-contained:
 * `<CustomerParts issueKey=… />`.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type {
  IssueCustomerFacts,
  IssueCustomerField,
  IssueCustomerOverride,
  SparePartStepView,
  SparePartView,
} from '../../../../src/contract/customers';
import { call } from '../../../shared/api';
import { Button } from '../../../shared/Button';
import { baseInputStyle, FieldLabel, SelectOptions } from '../../../shared/controls';
import { type ApiError, toApiError } from '../../../shared/errors';
import { ErrorState } from '../../../shared/ErrorState';
import type { MessageKey } from '../../../shared/i18n';
import { useI18n } from '../../../shared/i18n/react';
import { DateTime, listStyles, NotSet, Row } from '../DetailRows';
import { headingStyles, itemListStyles, itemStyles, sectionStyles } from '../panelSectionStyles';

type Step = SparePartStepView['step'];
const FIELDS: readonly IssueCustomerField[] = ['tier', 'region', 'warranty', 'compliant'];
const FIELD_LABEL: Record<IssueCustomerField, MessageKey> = {
  tier: 'customerParts.field.tier',
  region: 'customerParts.field.region',
  warranty: 'customerParts.field.warranty',
  compliant: 'customerParts.field.compliant',
};
const STEP_LABEL: Record<Step, MessageKey> = {
  requested: 'customerParts.step.requested',
  shipped: 'customerParts.step.shipped',
  received: 'customerParts.step.received',
  returned: 'customerParts.step.returned',
  repaired: 'customerParts.step.repaired',
};
const STEP_ACTION: Record<Step, MessageKey> = {
  requested: 'customerParts.record.requested',
  shipped: 'customerParts.record.shipped',
  received: 'customerParts.record.received',
  returned: 'customerParts.record.returned',
  repaired: 'customerParts.record.repaired',
};

/**
 * The issue's facts and parts, loaded together when the panel opens, and whether the viewer may change
 * them (both reads carry it; either saying no is enough to offer nothing).
 */
function useCustomerParts(issueKey: string) {
  const [facts, setFacts] = useState<IssueCustomerFacts | null | undefined>(undefined);
  const [parts, setParts] = useState<SparePartView[] | null>(null);
  const [canEdit, setCanEdit] = useState(false);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const [f, p] = await Promise.all([call('getIssueCustomer', { issueKey }), call('getSpareParts', { issueKey })]);
      setFacts(f.facts);
      setParts(p.parts);
      setCanEdit(f.canEdit && p.canEdit);
    } catch (e) {
      setLoadError(toApiError(e));
    }
  }, [issueKey]);
  useEffect(() => {
    void load();
  }, [load]);
  return { facts, setFacts, parts, setParts, canEdit, loadError, load };
}

export function CustomerParts({ issueKey }: { issueKey: string }) {
  const { t } = useI18n();
  const { facts, setFacts, parts, setParts, canEdit, loadError, load } = useCustomerParts(issueKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // The reads say whether the viewer may edit the issue (EDIT_ISSUES); should the server still refuse a
  // change (the permission was taken away meanwhile), the page stops offering too.
  const [refused, setRefused] = useState(false);
  const loaded = facts !== undefined && parts !== null;
  const readOnly = refused || (loaded && !canEdit);

  const act = async <T,>(run: () => Promise<T>, done: (v: T) => void): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      done(await run());
      return true;
    } catch (e) {
      const refusal = toApiError(e);
      if (refusal.code === 'NOT_AUTHORIZED') setRefused(true);
      else setError(refusal);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const title = t('customerParts.title');
  return (
    <Box as="section" aria-label={title} testId="customer-parts" xcss={sectionStyles}>
      <Stack space="space.150">
        <Box as="h3" xcss={headingStyles}>
          {title}
        </Box>
        {loadError !== null ? (
          <ErrorState error={loadError} params={{ issueKey }} headingLevel="h4" onRetry={() => void load()} />
        ) : facts === undefined || parts === null ? (
          <Box role="status">
            <Text color="color.text.subtlest">{t('customerParts.loading')}</Text>
          </Box>
        ) : (
          <>
            <Facts
              facts={facts}
              busy={busy}
              readOnly={readOnly}
              onOverride={(field, to, reason) =>
                act(() => call('overrideIssueCustomer', { issueKey, field, to, reason }), setFacts)
              }
            />
            <Parts
              parts={parts}
              busy={busy}
              readOnly={readOnly}
              onRecord={(partNo, step) =>
                void act(
                  () =>
                    call('recordSparePartStep', partNo === undefined ? { issueKey, step } : { issueKey, partNo, step }),
                  setParts,
                ).then(async (recorded) => {
                  // Refused (someone else recorded a step meanwhile): show the parts as they now are.
                  if (!recorded)
                    setParts(
                      await call('getSpareParts', { issueKey }).then(
                        (v) => v.parts,
                        () => parts,
                      ),
                    );
                })
              }
            />
          </>
        )}
        {readOnly ? (
          <Box role="status" testId="customer-parts-read-only">
            <Text color="color.text.subtle">{t('customerParts.readOnly')}</Text>
          </Box>
        ) : null}
        {error !== null ? (
          <Box testId="customer-parts-error">
            <ErrorState error={error} params={{ issueKey }} headingLevel="h4" />
          </Box>
        ) : null}
      </Stack>
    </Box>
  );
}

function useValueText() {
  const { t } = useI18n();
  return (field: IssueCustomerField, value: string): string => {
    if (field === 'warranty') return value === 'in' ? t('customerParts.warranty.in') : t('customerParts.warranty.out');
    if (field === 'compliant')
      return value === 'yes' ? t('customerParts.compliant.yes') : t('customerParts.compliant.no');
    return value;
  };
}

function Facts({
  facts,
  busy,
  readOnly,
  onOverride,
}: {
  facts: IssueCustomerFacts | null;
  busy: boolean;
  readOnly: boolean;
  onOverride: (field: IssueCustomerField, to: string, reason: string) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const valueText = useValueText();
  const [editing, setEditing] = useState(false);
  if (facts === null)
    return (
      <Text color="color.text.subtlest" testId="customer-facts-none">
        {t('customerParts.noCustomer')}
      </Text>
    );
  return (
    <Stack space="space.100">
      <Box as="dl" xcss={listStyles} testId="customer-facts">
        <Row label={t('customerParts.field.customer')}>
          {facts.name === null ? <NotSet /> : <Text>{facts.name}</Text>}
        </Row>
        <Row label={t('customerParts.field.product')}>
          <Text>{t('customerParts.productSerial', { product: facts.product ?? '—', serial: facts.serial })}</Text>
        </Row>
        <Row label={t('customerParts.field.tier')}>
          <Text>{facts.tier}</Text>
        </Row>
        <Row label={t('customerParts.field.region')}>
          <Text>{facts.region}</Text>
        </Row>
        <Row label={t('customerParts.field.warranty')}>
          <Text testId="customer-facts-warranty">{valueText('warranty', facts.warranty)}</Text>
        </Row>
        <Row label={t('customerParts.field.compliant')}>
          <Text>{valueText('compliant', facts.compliant ? 'yes' : 'no')}</Text>
        </Row>
        <Row label={t('customerParts.pickedBy')}>
          <Inline space="space.100" shouldWrap>
            <Text>{facts.pickedByName ?? t('people.unknownUser')}</Text>
            <DateTime iso={facts.pickedAt} />
          </Inline>
        </Row>
      </Box>
      {facts.overrides.length === 0 ? null : (
        <Stack space="space.050">
          <Text weight="medium">{t('customerParts.overrides')}</Text>
          <Box as="ul" xcss={itemListStyles} testId="customer-overrides">
            {facts.overrides.map((o, i) => (
              <OverrideLine key={i} o={o} />
            ))}
          </Box>
        </Stack>
      )}
      {readOnly ? null : editing ? (
        <OverrideForm
          facts={facts}
          busy={busy}
          onCancel={() => setEditing(false)}
          onSubmit={async (field, to, reason) => {
            if (await onOverride(field, to, reason)) setEditing(false);
          }}
        />
      ) : (
        <Inline>
          <Button testId="customer-override-open" onClick={() => setEditing(true)}>
            {t('customerParts.override')}
          </Button>
        </Inline>
      )}
    </Stack>
  );
}

function OverrideLine({ o }: { o: IssueCustomerOverride }) {
  const { t } = useI18n();
  const valueText = useValueText();
  return (
    <Box as="li" xcss={itemStyles}>
      <Stack space="space.025">
        <Text>
          {t('customerParts.overrideLine', {
            field: t(FIELD_LABEL[o.field]),
            from: valueText(o.field, o.from),
            to: valueText(o.field, o.to),
          })}
        </Text>
        <Inline space="space.100" shouldWrap>
          <Text color="color.text.subtle">{o.byName ?? t('people.unknownUser')}</Text>
          <DateTime iso={o.at} />
        </Inline>
        <Text color="color.text.subtle">{t('customerParts.because', { reason: o.reason })}</Text>
      </Stack>
    </Box>
  );
}

function OverrideForm({
  facts,
  busy,
  onCancel,
  onSubmit,
}: {
  facts: IssueCustomerFacts;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (field: IssueCustomerField, to: string, reason: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const valueText = useValueText();
  const ids = useId();
  const current = (f: IssueCustomerField): string =>
    f === 'warranty'
      ? facts.warranty === 'in'
        ? 'out'
        : 'in'
      : f === 'compliant'
        ? facts.compliant
          ? 'no'
          : 'yes'
        : facts[f];
  const [field, setField] = useState<IssueCustomerField>('tier');
  const [to, setTo] = useState(current('tier'));
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const choices = field === 'warranty' ? ['in', 'out'] : field === 'compliant' ? ['yes', 'no'] : null;
  return (
    <Box
      as="form"
      xcss={formStyles}
      testId="customer-override-form"
      aria-label={t('customerParts.override')}
      onSubmit={(e) => {
        e.preventDefault();
        if (to.trim() === '' || reason.trim() === '') {
          setMissing(true);
          return;
        }
        setMissing(false);
        void onSubmit(field, to, reason);
      }}
    >
      <Stack space="space.100">
        <Stack space="space.050">
          <FieldLabel htmlFor={`${ids}-field`}>{t('customerParts.form.field')}</FieldLabel>
          <select
            id={`${ids}-field`}
            data-path="field"
            style={{ ...baseInputStyle(), width: 'fit-content' }}
            value={field}
            onChange={(e) => {
              const f = FIELDS.find((x) => x === e.target.value) ?? 'tier';
              setField(f);
              setTo(current(f));
            }}
          >
            <SelectOptions options={FIELDS.map((f) => ({ value: f, label: t(FIELD_LABEL[f]) }))} />
          </select>
        </Stack>
        <Stack space="space.050">
          <FieldLabel htmlFor={`${ids}-to`}>{t('customerParts.form.to')}</FieldLabel>
          {choices === null ? (
            <input
              id={`${ids}-to`}
              data-path="to"
              maxLength={field === 'tier' ? 32 : 64}
              style={baseInputStyle(missing && to.trim() === '')}
              value={to}
              onChange={(e) => setTo(e.target.value)}
            />
          ) : (
            <select
              id={`${ids}-to`}
              data-path="to"
              style={{ ...baseInputStyle(), width: 'fit-content' }}
              value={to}
              onChange={(e) => setTo(e.target.value)}
            >
              <SelectOptions options={choices.map((c) => ({ value: c, label: valueText(field, c) }))} />
            </select>
          )}
        </Stack>
        <Stack space="space.050">
          <FieldLabel htmlFor={`${ids}-reason`}>{t('customerParts.form.reason')}</FieldLabel>
          <textarea
            id={`${ids}-reason`}
            data-path="reason"
            rows={2}
            maxLength={1000}
            style={baseInputStyle(missing && reason.trim() === '')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Stack>
        {missing ? (
          <Text size="small" color="color.text.danger" testId="customer-override-missing">
            {t('customerParts.form.required')}
          </Text>
        ) : null}
        <Inline space="space.100">
          <Button type="submit" appearance="primary" isLoading={busy} testId="customer-override-save">
            {t('customerParts.form.save')}
          </Button>
          <Button isDisabled={busy} onClick={onCancel}>
            {t('customerParts.form.cancel')}
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}

function Parts({
  parts,
  busy,
  readOnly,
  onRecord,
}: {
  parts: SparePartView[];
  busy: boolean;
  readOnly: boolean;
  onRecord: (partNo: number | undefined, step: Step) => void;
}) {
  const { t } = useI18n();
  return (
    <Stack space="space.100">
      <Text weight="medium">{t('customerParts.parts')}</Text>
      {parts.length === 0 ? <Text color="color.text.subtlest">{t('customerParts.noParts')}</Text> : null}
      {parts.map((p) => (
        <Box key={p.partNo} xcss={itemStyles} testId={`spare-part-${p.partNo}`}>
          <Stack space="space.075">
            <Text weight="medium">{t('customerParts.part', { n: p.partNo })}</Text>
            <Box as="ol" xcss={itemListStyles}>
              {p.steps.map((s) => (
                <Box as="li" key={s.step} testId={`spare-part-${p.partNo}-${s.step}`}>
                  <Inline space="space.100" shouldWrap>
                    <Text>{t(STEP_LABEL[s.step])}</Text>
                    <Text color="color.text.subtle">{s.byName ?? t('people.unknownUser')}</Text>
                    <DateTime iso={s.at} />
                  </Inline>
                </Box>
              ))}
            </Box>
            {p.next === null || readOnly ? null : (
              <Inline>
                <Button
                  testId={`spare-part-${p.partNo}-next`}
                  isDisabled={busy}
                  onClick={() => onRecord(p.partNo, p.next!)}
                >
                  {t(STEP_ACTION[p.next])}
                </Button>
              </Inline>
            )}
          </Stack>
        </Box>
      ))}
      {readOnly ? null : (
        <Inline>
          <Button testId="spare-part-request" isDisabled={busy} onClick={() => onRecord(undefined, 'requested')}>
            {t('customerParts.requestPart')}
          </Button>
        </Inline>
      )}
    </Stack>
  );
}

const formStyles = xcss({
  padding: 'space.100',
  borderRadius: 'radius.small',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderColor: 'color.border',
});
