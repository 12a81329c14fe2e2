/**
 * Form controls of the triage page: the design system's Select and Textfield where they fit, native
 * checkboxes, radios and textareas (no Atlaskit package of theirs is installed) styled with design
 * tokens; each with a visible label and its errors right under it (`aria-invalid`,
 * `aria-describedby`). `data-path` names the server's error path of the field; `data-invalid` marks a
 * field with errors, so the form can move the keyboard to the first one.
 */
import { forwardRef, useId, type ReactNode } from 'react';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import ErrorIcon from '@atlaskit/icon/core/status-error';
import SuccessIcon from '@atlaskit/icon/core/status-success';
import WarningIcon from '@atlaskit/icon/core/status-warning';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { ShownError } from '../../shared/errors';
import { baseInputStyle, FieldLabel, FieldMessages } from '../../shared/controls';
import { errorMessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';

export function useErrorText(): (e: ShownError) => string {
  const { t } = useI18n();
  return (e) => {
    const key = errorMessageKey(e.code);
    return key === 'errorCode.unknown' ? `${t(key)} (${e.code})` : t(key, e.params ?? {});
  };
}

export function FieldErrors({ errors, id }: { errors: readonly ShownError[]; id: string }) {
  const text = useErrorText();
  return <FieldMessages messages={errors.map(text)} id={id} testId="field-error" />;
}

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
  errors: readonly ShownError[];
}

function useDescribed(errors: readonly ShownError[]) {
  const id = useId();
  return { id, errId: `${id}-err`, invalid: errors.length > 0 };
}

/** One line of text (Atlaskit Textfield), or several (a native textarea: no Atlaskit textarea is installed). */
export function TextInput({
  path,
  label,
  errors,
  value,
  onChange,
  multiline = false,
}: Common & { value: string; onChange: (v: string) => void; multiline?: boolean }) {
  const { id, errId, invalid } = useDescribed(errors);
  const described = invalid ? errId : undefined;
  return (
    <Stack space="space.050">
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      <div data-invalid={invalid || undefined}>
        {multiline ? (
          <textarea
            id={id}
            data-path={path}
            aria-invalid={invalid}
            aria-describedby={described}
            value={value}
            rows={3}
            style={{ ...baseInputStyle(invalid), width: '100%', maxWidth: '100%', boxSizing: 'border-box' }}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <Textfield
            id={id}
            data-path={path}
            isInvalid={invalid}
            aria-invalid={invalid}
            aria-describedby={described}
            value={value}
            onChange={(e) => onChange(e.currentTarget.value)}
          />
        )}
      </div>
      <FieldErrors errors={errors} id={errId} />
    </Stack>
  );
}

// Side by side in a row (line, warranty), a select keeps room for its longest choice.
const selectMinWidth = `calc(2.5 * ${token('space.1000')})`;

interface Choice {
  value: string;
  label: string;
}

/**
 * One choice among a few (Atlaskit Select). `value` '' with a `placeholder` means nothing chosen yet;
 * the screen-reader announcements react-select makes are given in the user's language.
 */
export function SelectInput({
  path,
  label,
  errors,
  value,
  options,
  onChange,
  hint,
  placeholder,
}: Common & {
  value: string;
  options: readonly Choice[];
  onChange: (v: string) => void;
  hint?: string;
  placeholder?: string;
}) {
  const { t } = useI18n();
  const { id, errId, invalid } = useDescribed(errors);
  const hintId = `${id}-hint`;
  const described = [hint === undefined ? null : hintId, invalid ? errId : null].filter((x) => x !== null).join(' ');
  return (
    <Stack space="space.050">
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      {hint === undefined ? null : (
        <Text size="small" color="color.text.subtle" id={hintId}>
          {hint}
        </Text>
      )}
      <div data-path={path} data-invalid={invalid || undefined} style={{ minWidth: selectMinWidth }}>
        <Select<Choice>
          inputId={id}
          options={options}
          value={options.find((o) => o.value === value) ?? null}
          onChange={(o) => onChange(o?.value ?? '')}
          isInvalid={invalid}
          aria-invalid={invalid}
          {...(described === '' ? {} : { descriptionId: described })}
          placeholder={placeholder ?? ''}
          menuPlacement="auto"
          noOptionsMessage={() => t('triage.select.noOptions')}
          screenReaderStatus={({ count }) => t('triage.select.results', { count })}
          ariaLiveMessages={{
            onChange: ({ label: chosen }) => t('triage.select.selected', { label: chosen }),
            onFilter: ({ resultsMessage }) => resultsMessage,
          }}
        />
      </div>
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
      <input
        id={id}
        type="checkbox"
        data-path={path}
        checked={checked}
        style={{ accentColor: token('color.background.selected.bold') }}
        onChange={(e) => onChange(e.target.checked)}
      />{' '}
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
      <input
        id={id}
        type="radio"
        name={name}
        value={value}
        checked={checked}
        style={{ accentColor: token('color.background.selected.bold') }}
        onChange={() => onChange()}
      />{' '}
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
  errors?: readonly ShownError[];
}) {
  const errId = useId();
  const mine = errors ?? [];
  return (
    <fieldset
      style={fieldsetStyle}
      data-path={path}
      data-invalid={mine.length > 0 || undefined}
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

const NOTICE_LOOK = {
  success: {
    icon: SuccessIcon,
    color: token('color.icon.success'),
    box: xcss({ backgroundColor: 'color.background.success' }),
  },
  warning: {
    icon: WarningIcon,
    color: token('color.icon.warning'),
    box: xcss({ backgroundColor: 'color.background.warning' }),
  },
  error: {
    icon: ErrorIcon,
    color: token('color.icon.danger'),
    box: xcss({ backgroundColor: 'color.background.danger' }),
  },
};
const noticeStyles = xcss({ borderRadius: 'radius.medium', padding: 'space.200' });

/**
 * A message shaped like the design system's section message (its icon and background by appearance).
 * Not @atlaskit/section-message itself: it brings the legacy button, link and heading packages, about
 * 70 KB gzip, which the page's bundle budget cannot afford. With `focusable` it can take focus (a
 * success after an action: it is announced, and the keyboard lands next to what changed).
 */
export const Notice = forwardRef<
  HTMLDivElement,
  {
    appearance: keyof typeof NOTICE_LOOK;
    children: ReactNode;
    testId: string;
    role?: 'status' | 'alert';
    focusable?: boolean;
  }
>(function Notice({ appearance, children, testId, role, focusable = false }, ref) {
  const look = NOTICE_LOOK[appearance];
  const Icon = look.icon;
  return (
    <Box
      ref={ref}
      {...(role === undefined ? {} : { role })}
      tabIndex={focusable ? -1 : undefined}
      testId={testId}
      xcss={[noticeStyles, look.box]}
    >
      <Inline space="space.150" alignBlock="start">
        {/* Decorative: the text says it, in the user's language (the icon's own name would be English). */}
        <Icon label="" color={look.color} />
        <Stack space="space.100">{children}</Stack>
      </Inline>
    </Box>
  );
});

/** A native heading (h1–h3, for the document outline) in the design system's heading font. */
export const Heading = forwardRef<
  HTMLHeadingElement,
  {
    as: 'h1' | 'h2' | 'h3';
    size: 'large' | 'medium' | 'small';
    id?: string;
    /** -1: the page may move the keyboard here (a heading is not a tab stop). */
    tabIndex?: -1;
    children: ReactNode;
  }
>(function Heading({ as: Tag, size, id, tabIndex, children }, ref) {
  return (
    <Tag
      ref={ref}
      id={id}
      tabIndex={tabIndex}
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
});
