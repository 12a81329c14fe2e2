/**
 * Small building blocks of the case library page on the design system: labelled text fields and
 * selects, and a case's status as a lozenge. Design tokens only (dark mode comes from the shared
 * mount's theme).
 */
import { useId } from 'react';
import Lozenge from '@atlaskit/lozenge';
import { Box, Stack, xcss } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import type { CaseStatus } from '../../../src/contract/cases';
import { baseInputStyle, FieldLabel } from '../../shared/controls';
import { useI18n } from '../../shared/i18n/react';
import { useSelectLiveMessages } from '../../shared/selectMessages';
import { STATUS_APPEARANCE } from './cases';

/** A case's status, translated, in its lozenge colour. */
export function StatusLozenge({ status }: { status: CaseStatus }) {
  const { t } = useI18n();
  return <Lozenge appearance={STATUS_APPEARANCE[status]}>{t(`cases.status.${status}`)}</Lozenge>;
}

/** A labelled text field; `multiline` is a textarea (the design system's text area is not installed). */
export function Field({
  label,
  value,
  onChange,
  multiline = false,
  name,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  name: string;
}) {
  const id = useId();
  return (
    <Stack space="space.050">
      <FieldLabel htmlFor={id} subtle>
        {label}
      </FieldLabel>
      {multiline ? (
        <textarea
          id={id}
          name={name}
          rows={3}
          value={value}
          style={{ ...baseInputStyle(), width: '100%', boxSizing: 'border-box', resize: 'vertical' }}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <Textfield id={id} name={name} value={value} onChange={(e) => onChange(e.currentTarget.value)} />
      )}
    </Stack>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

/** A labelled single select (the design system's Select): the label is visible above it. */
export function LabelledSelect({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  testId?: string;
}) {
  const id = useId();
  const liveMessages = useSelectLiveMessages<SelectOption>();
  return (
    <Box xcss={selectBoxStyles}>
      <Stack space="space.050">
        <FieldLabel htmlFor={id} subtle>
          {label}
        </FieldLabel>
        <Select<SelectOption>
          inputId={id}
          options={options}
          value={options.find((o) => o.value === value) ?? null}
          isSearchable={false}
          ariaLiveMessages={liveMessages}
          onChange={(o) => {
            if (o !== null) onChange(o.value);
          }}
          {...(testId === undefined ? {} : { testId })}
        />
      </Stack>
    </Box>
  );
}

const selectBoxStyles = xcss({ minWidth: '12em' });
