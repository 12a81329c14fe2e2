import { Box, Text, xcss } from '@atlaskit/primitives';
import type { IssueItrState } from '../../../src/contract/issuePanel';
import { useI18n } from '../../shared/i18n/react';

/** The line clock's status, and a stopped clock's outcome (a response clock has the same words). */
export type ItrStatus = IssueItrState['status'] | 'met' | 'breached';

/**
 * The SLA status as a lozenge. The words carry the meaning (colour only repeats it), so it reads
 * the same to screen readers, in high-contrast mode and for colour-blind users.
 */
const base = xcss({
  display: 'inline-flex',
  alignItems: 'center',
  borderRadius: 'radius.small',
  paddingInline: 'space.050',
  paddingBlock: 'space.0',
  whiteSpace: 'nowrap',
});

const appearance: Record<ItrStatus, ReturnType<typeof xcss>> = {
  onTrack: xcss({ backgroundColor: 'color.background.success' }),
  warning: xcss({ backgroundColor: 'color.background.warning' }),
  overdue: xcss({ backgroundColor: 'color.background.danger' }),
  notStarted: xcss({ backgroundColor: 'color.background.neutral' }),
  paused: xcss({ backgroundColor: 'color.background.information' }),
  done: xcss({ backgroundColor: 'color.background.neutral' }),
  met: xcss({ backgroundColor: 'color.background.success' }),
  breached: xcss({ backgroundColor: 'color.background.danger' }),
};

const textColor = {
  onTrack: 'color.text.success',
  warning: 'color.text.warning',
  overdue: 'color.text.danger',
  notStarted: 'color.text.subtle',
  paused: 'color.text.information',
  done: 'color.text.subtle',
  met: 'color.text.success',
  breached: 'color.text.danger',
} as const satisfies Record<ItrStatus, string>;

export function StatusLozenge({ status }: { status: ItrStatus }) {
  const { t } = useI18n();
  const label = t(`status.${status}`);
  return (
    <Box as="span" xcss={[base, appearance[status]]} testId={`itr-status-${status}`}>
      <Text size="small" weight="bold" color={textColor[status]}>
        {label}
      </Text>
    </Box>
  );
}
