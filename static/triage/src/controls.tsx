/**
 * Form controls of the triage page: native inputs (keyboard and screen readers for free) styled with
 * design tokens, each with a visible label and its errors right under it (`aria-invalid`,
 * `aria-describedby`). `data-path` names the server's error path for the input.
 */
import { forwardRef, useId, type ReactNode } from 'react';
import { Box, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { ResolverError } from '../../../src/contract/envelope';
import {
  baseInputStyle,
  buttonStyles,
  FieldLabel,
  FieldMessages,
  primaryButtonStyles,
  SelectOptions,
} from '../../shared/controls';
import { errorMessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';

export function useErrorText(): (e: ResolverError) => string {
  const { t } = useI18n();
  return (e) => {
    const key = errorMessageKey(e.code);
    return key === 'errorCode.unknown' ? `${t(key)} (${e.code})` : t(key, e.params ?? {});
  };
}

export function FieldErrors({ errors, id }: { errors: readonly ResolverError[]; id: string }) {
  const text = useErrorText();
  return <FieldMessages messages={errors.map(text)} id={id} testId="field-error" />;
}

export const inputStyle = (invalid: boolean): React.CSSProperties => ({
  ...baseInputStyle(invalid),
  maxWidth: '100%',
});

export const fieldsetStyle: React.CSSProperties = {
  border: `${token('border.width')} solid ${token('color.border')}`,
  borderRadius: token('radius.medium'),
  padding: token('space.150'),
  margin: 0,
  minWidth: 0,
};

interface Common {
  path: string;
  label: string;
  errors: readonly ResolverError[];
}

function useDescribed(errors: readonly ResolverError[]) {
  const id = useId();
  return { id, errId: `${id}-err`, invalid: errors.length > 0 };
}

export function TextInput({
  path,
  label,
  errors,
  value,
  onChange,
  multiline = false,
}: Common & { value: string; onChange: (v: string) => void; multiline?: boolean }) {
  const { id, errId, invalid } = useDescribed(errors);
  const props = {
    id,
    'data-path': path,
    'aria-invalid': invalid,
    'aria-describedby': invalid ? errId : undefined,
    value,
    style: { ...inputStyle(invalid), width: '100%' },
  };
  return (
    <Stack space="space.050">
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      {multiline ? (
        <textarea {...props} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...props} type="text" onChange={(e) => onChange(e.target.value)} />
      )}
      <FieldErrors errors={errors} id={errId} />
    </Stack>
  );
}

export function SelectInput({
  path,
  label,
  errors,
  value,
  options,
  onChange,
  hint,
}: Common & {
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (v: string) => void;
  hint?: string;
}) {
  const { id, errId, invalid } = useDescribed(errors);
  return (
    <Stack space="space.050">
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      {hint === undefined ? null : (
        <Text size="small" color="color.text.subtle">
          {hint}
        </Text>
      )}
      <select
        id={id}
        data-path={path}
        aria-invalid={invalid}
        aria-describedby={invalid ? errId : undefined}
        value={value}
        style={inputStyle(invalid)}
        onChange={(e) => onChange(e.target.value)}
      >
        <SelectOptions options={options} />
      </select>
      <FieldErrors errors={errors} id={errId} />
    </Stack>
  );
}

export function Checkbox({
  label,
  checked,
  onChange,
  path,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  path: string;
}) {
  const id = useId();
  return (
    <Box>
      <input id={id} type="checkbox" data-path={path} checked={checked} onChange={(e) => onChange(e.target.checked)} />{' '}
      <label htmlFor={id}>{label}</label>
    </Box>
  );
}

export function Radio({
  name,
  label,
  checked,
  onChange,
  value,
}: {
  name: string;
  label: string;
  checked: boolean;
  onChange: () => void;
  value: string;
}) {
  const id = useId();
  return (
    <Box>
      <input id={id} type="radio" name={name} value={value} checked={checked} onChange={() => onChange()} />{' '}
      <label htmlFor={id}>{label}</label>
    </Box>
  );
}

export function Fieldset({
  legend,
  children,
  path,
  errors,
}: {
  legend: string;
  children: ReactNode;
  path?: string;
  errors?: readonly ResolverError[];
}) {
  const errId = useId();
  const mine = errors ?? [];
  return (
    <fieldset
      style={fieldsetStyle}
      data-path={path}
      aria-invalid={mine.length > 0 ? true : undefined}
      aria-describedby={mine.length > 0 ? errId : undefined}
    >
      <legend>
        <Text weight="semibold">{legend}</Text>
      </legend>
      <Stack space="space.100">
        {children}
        <FieldErrors errors={mine} id={errId} />
      </Stack>
    </fieldset>
  );
}

/** A button on Pressable, which brings the design system's focus ring. */
export function Button({
  children,
  onClick,
  primary = false,
  disabled = false,
  type = 'button',
}: {
  children: ReactNode;
  onClick?: () => void;
  primary?: boolean;
  disabled?: boolean;
  type?: 'button' | 'submit';
}) {
  return (
    <Pressable
      xcss={primary ? primaryButtonStyles : buttonStyles}
      isDisabled={disabled}
      type={type}
      {...(onClick === undefined ? {} : { onClick: () => onClick() })}
    >
      {children}
    </Pressable>
  );
}

const noticeStyles = xcss({
  backgroundColor: 'color.background.success',
  borderRadius: 'radius.medium',
  padding: 'space.150',
});

/** A success message that takes focus (announced, and the keyboard lands next to what changed). */
export const SuccessNotice = forwardRef<HTMLDivElement, { children: ReactNode }>(function SuccessNotice(
  { children },
  ref,
) {
  return (
    <Box ref={ref} xcss={noticeStyles} role="status" tabIndex={-1} testId="triage-notice">
      <Text>{children}</Text>
    </Box>
  );
});

/** A native heading (h1–h3, for the document outline) in the design system's heading font. */
export function Heading({
  as: Tag,
  size,
  id,
  children,
}: {
  as: 'h1' | 'h2' | 'h3';
  size: 'large' | 'medium' | 'small';
  id?: string;
  children: ReactNode;
}) {
  return (
    <Tag
      id={id}
      style={{
        font: {
          large: token('font.heading.large'),
          medium: token('font.heading.medium'),
          small: token('font.heading.small'),
        }[size],
        color: token('color.text'),
        margin: 0,
      }}
    >
      {children}
    </Tag>
  );
}
