/**
 * Small building blocks of the case library page: buttons, inputs and highlighted text, styled with
 * design tokens only (dark mode comes from the shared mount's theme).
 */
import { useId, type ReactNode } from 'react';
import { Pressable, Stack } from '@atlaskit/primitives';
import {
  baseInputStyle,
  buttonStyles,
  dangerButtonStyles,
  FieldLabel,
  primaryButtonStyles,
  SelectOptions,
} from '../../shared/controls';

export function Button({
  children,
  onClick,
  kind = 'default',
  disabled = false,
  testId,
}: {
  children: ReactNode;
  onClick: () => void;
  kind?: 'default' | 'primary' | 'danger';
  disabled?: boolean;
  testId?: string;
}) {
  const styles = kind === 'primary' ? primaryButtonStyles : kind === 'danger' ? dangerButtonStyles : buttonStyles;
  return (
    <Pressable
      xcss={styles}
      isDisabled={disabled}
      {...(testId === undefined ? {} : { testId })}
      onClick={() => onClick()}
    >
      {children}
    </Pressable>
  );
}

export const inputStyle = (width = '100%'): React.CSSProperties => ({
  ...baseInputStyle(),
  width,
  minWidth: 0,
  boxSizing: 'border-box',
});

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
          style={inputStyle()}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          id={id}
          name={name}
          type="text"
          value={value}
          style={inputStyle()}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Stack>
  );
}

export function Select({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (value: string) => void;
}) {
  return (
    <select aria-label={label} value={value} style={inputStyle('auto')} onChange={(e) => onChange(e.target.value)}>
      <SelectOptions options={options} />
    </select>
  );
}
