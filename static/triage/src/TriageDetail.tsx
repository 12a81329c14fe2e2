import { Box, Stack, xcss } from '@atlaskit/primitives';
import type { TriageListItem, TriageOptions } from '../../../src/contract';
import { History } from './History';
import { ReassignForm } from './ReassignForm';
import { TriageForm, type TriageFormProps } from './TriageForm';

/**
 * The selected issue: the triage form, forward/escalate, and its history. Each form is keyed by the
 * issue, so selecting another issue starts them afresh (the draft itself is kept by the page).
 */
export function TriageDetail({
  item,
  options,
  historyVersion,
  onReassigned,
  ...form
}: Omit<TriageFormProps, 'item' | 'options'> & {
  item: TriageListItem;
  options: TriageOptions;
  /** Bumped when the page knows the history changed, so it is read again. */
  historyVersion: number;
  onReassigned: (ownerName: string, acceptBy: string) => void;
}) {
  return (
    <Box xcss={panelStyles} testId="triage-detail">
      <Stack space="space.400">
        <TriageForm key={item.issueKey} item={item} options={options} {...form} />
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
});
