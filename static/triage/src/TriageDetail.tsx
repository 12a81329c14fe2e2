import { useEffect, useRef } from 'react';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { TriageListItem, TriageOptions } from '../../../src/contract';
import { useI18n } from '../../shared/i18n/react';
import { Heading } from './controls';
import { History } from './History';
import { IssueBrief } from './IssueBrief';
import { CUSTOMER_TIER_DIMENSION, prefillFromFacts } from './draft';
import { IssueCustomer } from './IssueCustomer';
import { ReassignForm } from './ReassignForm';
import { TriageForm, type TriageFormProps } from './TriageForm';

/**
 * The selected issue (the right-hand pane): what was reported and by whom, the triage form with its
 * live preview (the keyboard goes from the heading to its first field), its customer and product
 * (picking one fills the form's answers), forward/escalate, and its history. Each form is keyed by the issue, so selecting
 * another issue starts them afresh (the draft itself is kept by the page).
 */
export function TriageDetail({
  item,
  options,
  historyVersion,
  onReassigned,
  focusRequest,
  ...form
}: Omit<TriageFormProps, 'item' | 'options' | 'labelledBy'> & {
  item: TriageListItem;
  options: TriageOptions;
  /** Bumped when the page knows the history changed, so it is read again. */
  historyVersion: number;
  onReassigned: (ownerName: string, acceptBy: string) => void;
  /** Bumped when the user opens the issue (Enter or a click in the queue): the keyboard comes here. */
  focusRequest: number;
}) {
  const { t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = `triage-form-title-${item.issueKey}`;

  useEffect(() => {
    if (focusRequest > 0) headingRef.current?.focus();
  }, [focusRequest]);

  return (
    <Box xcss={panelStyles} testId="triage-detail" as="section" aria-labelledby={titleId}>
      <Stack space="space.300">
        <Stack space="space.100">
          <Heading size="medium" as="h2" id={titleId} tabIndex={-1} ref={headingRef}>
            {t('triage.form.title', { issueKey: item.issueKey })}
          </Heading>
          <Text weight="medium">{item.summary}</Text>
          <IssueBrief key={item.issueKey} issueKey={item.issueKey} />
        </Stack>
        <TriageForm key={item.issueKey} item={item} options={options} labelledBy={titleId} {...form} />
        {/* The customer and product: picking one fills the form's warranty, product, region and tier. */}
        <IssueCustomer
          key={`customer-${item.issueKey}`}
          issueKey={item.issueKey}
          onPicked={(facts) =>
            form.onDraft(
              prefillFromFacts(
                form.draft,
                facts,
                options.dimensions.find((d) => d.id === CUSTOMER_TIER_DIMENSION)?.options.map((o) => o.id) ?? [],
              ),
            )
          }
        />
        <ReassignForm
          key={`reassign-${item.issueKey}`}
          issueKey={item.issueKey}
          onRefused={form.onRefused}
          onDone={onReassigned}
        />
        <History issueKey={item.issueKey} version={historyVersion} />
      </Stack>
    </Box>
  );
}

const panelStyles = xcss({
  borderColor: 'color.border',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderRadius: 'radius.medium',
  padding: 'space.200',
  minWidth: '0',
});
