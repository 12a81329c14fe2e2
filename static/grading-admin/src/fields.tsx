/**
 * Inputs of the grading admin page. Each input names the `path` the server uses for it
 * (`dimensions[0].options[1].score`, `calendars.office.week.mon`), so a validation issue with that path
 * (or one below it) is shown right under the input, which is then marked invalid for assistive tech.
 * Every input has an accessible name that says whose field it is ("Business impact, option 1 (Outage):
 * Score"), a visible label or column title, and its unit after it (h, min, %, ×).
 */
import { createContext, useContext, useEffect, useId, useState, type ReactNode } from 'react';
import AtlaskitButton from '@atlaskit/button/new';
import { Box, Stack, Text } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import type { ValidationIssue } from '../../../src/contract/gradingAdmin';
import { baseInputStyle, FieldMessages, SelectOptions } from '../../shared/controls';
import { errorMessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';

export interface EditContextValue {
  issues: readonly ValidationIssue[];
  readOnly: boolean;
}
export const EditContext = createContext<EditContextValue>({ issues: [], readOnly: true });

/** Issues at `path`, or (with `below`) anywhere under it: `path.x`, `path[0]`. */
export function issuesAt(issues: readonly ValidationIssue[], path: string, below: boolean): ValidationIssue[] {
  return issues.filter(
    (i) => i.path === path || (below && (i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`))),
  );
}

export function useIssueText(): (issue: ValidationIssue) => string {
  const { t } = useI18n();
  return (issue) => {
    const key = errorMessageKey(issue.code);
    return key === 'errorCode.unknown' ? issue.message : t(key, issue.params ?? {});
  };
}

export function IssueList({ issues, id }: { issues: readonly ValidationIssue[]; id?: string }) {
  const text = useIssueText();
  return <FieldMessages messages={issues.map(text)} id={id} testId="field-issues" />;
}

/** Issues reported for a whole group (e.g. `sla.major.ola.lines`), shown where the group is. */
export function PathIssues({ path }: { path: string }) {
  const { issues } = useContext(EditContext);
  return <IssueList issues={issuesAt(issues, path, false)} />;
}

/** A field's small visible label, tied to its input. */
export function SmallLabel({ htmlFor, children }: { htmlFor: string; children: ReactNode }) {
  return (
    <label htmlFor={htmlFor}>
      <Text size="small" weight="medium" color="color.text.subtle">
        {children}
      </Text>
    </label>
  );
}

/** A unit after a number ("h", "%", "×"), inside the field like Atlaskit's own adornments, on one line. */
export function Unit({ children }: { children: string }) {
  return (
    <Box paddingInlineEnd="space.100" aria-hidden="true" style={{ whiteSpace: 'nowrap' }}>
      <Text size="small" color="color.text.subtle">
        {children}
      </Text>
    </Box>
  );
}

interface FieldProps<T> {
  path: string;
  /** The accessible name: whose field this is and what it holds. */
  label: string;
  /** Shown above the field (and tied to it); the accessible name should contain it. */
  visibleLabel?: string;
  value: T;
  onChange: (value: unknown) => void;
  format: (value: T) => string;
  /** Text → draft value. Unparseable text goes to the draft as is, so the server names the problem too. */
  parse: (text: string) => unknown;
  /**
   * What is wrong with the text, in the user's language, or null: shown under the field at once
   * (instead of the server's words for the same path). The draft still gets the text, so Publish stays
   * refused until it is fixed, and nothing published changes.
   */
  check?: (text: string) => string | null;
  /** Also show issues below the path (lists such as a day's windows). */
  below?: boolean;
  /** A CSS width for the field (default the whole row). */
  width?: string;
  multiline?: boolean;
  placeholder?: string;
  /** The unit shown after the value ("h", "%", "×"). */
  unit?: string;
  /** The input's id, when a label elsewhere in the row names it (`<label htmlFor>`). */
  id?: string;
}

export function ParsedField<T>({
  path,
  label,
  visibleLabel,
  value,
  onChange,
  format,
  parse,
  check,
  below = false,
  width = '100%',
  multiline = false,
  placeholder,
  unit,
  id: givenId,
}: FieldProps<T>) {
  const { issues, readOnly } = useContext(EditContext);
  const [text, setText] = useState(() => format(value));
  const ownId = useId();
  const id = givenId ?? ownId;
  // The draft changed from elsewhere (reload, restore, import): show it, unless it is what the text says.
  useEffect(() => {
    setText((current) => (format(parse(current) as T) === format(value) ? current : format(value)));
    // Keyed on value alone: format and parse are new functions on every render.
  }, [value]);
  const local = check?.(text) ?? null;
  const mine = issuesAt(issues, path, below);
  const invalid = local !== null || mine.length > 0;
  const describedBy = invalid ? `${id}-issues` : undefined;
  const change = (next: string) => {
    setText(next);
    onChange(parse(next));
  };
  return (
    <Stack space="space.025">
      {visibleLabel === undefined ? null : <SmallLabel htmlFor={id}>{visibleLabel}</SmallLabel>}
      {multiline ? (
        <textarea
          id={id}
          aria-label={label}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          data-path={path}
          readOnly={readOnly}
          value={text}
          placeholder={placeholder}
          rows={3}
          style={{ ...baseInputStyle(invalid), width, minWidth: 0 }}
          onChange={(e) => change(e.target.value)}
        />
      ) : (
        <Box style={{ width, minWidth: 0 }}>
          {/* eslint-disable-next-line @atlaskit/design-system/no-readonly-or-disabled-inputs -- non-admins read the table in place */}
          <Textfield
            id={id}
            aria-label={label}
            aria-describedby={describedBy}
            data-path={path}
            isInvalid={invalid}
            isReadOnly={readOnly}
            isCompact
            value={text}
            {...(placeholder === undefined ? {} : { placeholder })}
            {...(unit === undefined ? {} : { elemAfterInput: <Unit>{unit}</Unit> })}
            onChange={(e) => change(e.currentTarget.value)}
          />
        </Box>
      )}
      {local !== null ? (
        <FieldMessages messages={[local]} id={`${id}-issues`} testId="field-issues" />
      ) : (
        <IssueList issues={mine} id={`${id}-issues`} />
      )}
    </Stack>
  );
}

export function TextField(props: Omit<FieldProps<string>, 'format' | 'parse'>) {
  return <ParsedField<string> {...props} format={(v) => (typeof v === 'string' ? v : '')} parse={(s) => s} />;
}

export function parseNumber(text: string): unknown {
  const s = text.trim();
  if (s === '') return null;
  const n = Number(s);
  return Number.isNaN(n) ? s : n;
}

export function NumberField(props: Omit<FieldProps<unknown>, 'format' | 'parse'>) {
  const { t } = useI18n();
  return (
    <ParsedField<unknown>
      width="9em"
      check={(text) =>
        text.trim() !== '' && Number.isNaN(Number(text.trim())) ? t('gradingAdmin.invalid.number') : null
      }
      {...props}
      format={(v) => (v === null || v === undefined ? '' : String(v))}
      parse={parseNumber}
    />
  );
}

export function SelectField({
  path,
  label,
  visibleLabel,
  value,
  options,
  onChange,
}: {
  path: string;
  label: string;
  visibleLabel?: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (value: string) => void;
}) {
  const { issues, readOnly } = useContext(EditContext);
  const mine = issuesAt(issues, path, false);
  const id = useId();
  return (
    <Stack space="space.025">
      {visibleLabel === undefined ? null : <SmallLabel htmlFor={id}>{visibleLabel}</SmallLabel>}
      <select
        id={id}
        aria-label={label}
        aria-invalid={mine.length > 0}
        aria-describedby={mine.length > 0 ? `${id}-issues` : undefined}
        data-path={path}
        disabled={readOnly}
        value={value}
        style={{ ...baseInputStyle(mine.length > 0), width: 'auto', maxWidth: '100%', alignSelf: 'flex-start' }}
        onChange={(e) => onChange(e.target.value)}
      >
        <SelectOptions options={options} />
      </select>
      <IssueList issues={mine} id={`${id}-issues`} />
    </Stack>
  );
}

/** Atlaskit's button; a disabled one looks disabled (the design system's disabled colours), not only inert. */
export function Button({
  children,
  onClick,
  primary = false,
  danger = false,
  disabled = false,
  label,
  testId,
}: {
  children: ReactNode;
  onClick: () => void;
  primary?: boolean;
  danger?: boolean;
  disabled?: boolean;
  /** An accessible name that says what the button acts on ("Remove Business impact"). */
  label?: string;
  testId?: string;
}) {
  return (
    <AtlaskitButton
      appearance={danger ? 'danger' : primary ? 'primary' : 'default'}
      isDisabled={disabled}
      {...(label === undefined ? {} : { 'aria-label': label })}
      {...(testId === undefined ? {} : { testId })}
      onClick={() => onClick()}
    >
      {children}
    </AtlaskitButton>
  );
}

/** An editing button hidden from people who may not edit (the server refuses them anyway). */
export function EditButton(props: Parameters<typeof Button>[0]) {
  const { readOnly } = useContext(EditContext);
  return readOnly ? null : <Button {...props} />;
}
