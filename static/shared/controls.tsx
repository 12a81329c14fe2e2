/**
 * Form building blocks shared by the pages (case library, grading admin, triage, return visits):
 * the native input's look, a field's visible label, a select's options and the error messages shown
 * right under a field. Design tokens only (dark mode comes from the shared mount's theme).
 * Buttons: the shared `Button` (./Button.tsx, the design system's button); the xcss button styles below
 * remain only until the last Pressable using them moves to it.
 */
import type { ReactNode } from 'react';
import { Box, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';

/** @deprecated A plain Pressable does not look disabled when it is: use `Button` from ./Button.tsx. */
export const buttonStyles = xcss({
  backgroundColor: 'color.background.neutral',
  color: 'color.text',
  borderRadius: 'radius.small',
  paddingBlock: 'space.075',
  paddingInline: 'space.150',
  font: 'font.body',
  fontWeight: 'font.weight.medium',
  ':hover': { backgroundColor: 'color.background.neutral.hovered' },
  ':active': { backgroundColor: 'color.background.neutral.pressed' },
});

/** @deprecated Use `Button` from ./Button.tsx with `appearance="primary"`. */
export const primaryButtonStyles = xcss({
  backgroundColor: 'color.background.brand.bold',
  color: 'color.text.inverse',
  borderRadius: 'radius.small',
  paddingBlock: 'space.075',
  paddingInline: 'space.150',
  font: 'font.body',
  fontWeight: 'font.weight.medium',
  ':hover': { backgroundColor: 'color.background.brand.bold.hovered' },
  ':active': { backgroundColor: 'color.background.brand.bold.pressed' },
});

/** @deprecated Use `Button` from ./Button.tsx with `appearance="danger"`. */
export const dangerButtonStyles = xcss({
  backgroundColor: 'color.background.danger.bold',
  color: 'color.text.inverse',
  borderRadius: 'radius.small',
  paddingBlock: 'space.075',
  paddingInline: 'space.150',
  font: 'font.body',
  fontWeight: 'font.weight.medium',
  ':hover': { backgroundColor: 'color.background.danger.bold.hovered' },
});

/** The look of a native input, textarea or select; an invalid one gets the danger border. */
export function baseInputStyle(invalid = false): React.CSSProperties {
  return {
    font: token('font.body'),
    color: token('color.text'),
    backgroundColor: token('color.background.input'),
    border: `${token('border.width')} solid ${invalid ? token('color.border.danger') : token('color.border.input')}`,
    borderRadius: token('radius.small'),
    paddingBlock: token('space.050'),
    paddingInline: token('space.075'),
  };
}

/** A field's visible label, tied to its input by `htmlFor`. */
export function FieldLabel({
  htmlFor,
  subtle = false,
  children,
}: {
  htmlFor: string;
  subtle?: boolean;
  children: ReactNode;
}) {
  return (
    <label htmlFor={htmlFor}>
      {subtle ? (
        <Text weight="medium" color="color.text.subtle">
          {children}
        </Text>
      ) : (
        <Text weight="medium">{children}</Text>
      )}
    </label>
  );
}

/** The `<option>`s of a native select. */
export function SelectOptions({ options }: { options: ReadonlyArray<{ value: string; label: string }> }) {
  return (
    <>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}

/** Error messages under a field (nothing when there are none); `id` is what the field's `aria-describedby` names. */
export function FieldMessages({
  messages,
  id,
  testId,
}: {
  messages: readonly string[];
  id?: string | undefined;
  testId: string;
}) {
  if (messages.length === 0) return null;
  return (
    <Box id={id} testId={testId}>
      {messages.map((m, i) => (
        <Text key={i} size="small" color="color.text.danger">
          {m}
        </Text>
      ))}
    </Box>
  );
}
