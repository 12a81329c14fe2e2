/**
 * Inputs of the grading admin page. Each input names the `path` the server uses for it
 * (`dimensions[0].options[1].score`, `calendars.office.week.mon`), so a validation issue with that path
 * (or one below it) is shown right under the input, which is then marked invalid for assistive tech.
 */
import { createContext, useContext, useEffect, useId, useState, type ReactNode } from 'react';
import { Pressable, Stack } from '@atlaskit/primitives';
import type { ValidationIssue } from '../../../src/contract/gradingAdmin';
import { baseInputStyle, buttonStyles, FieldMessages, primaryButtonStyles, SelectOptions } from '../../shared/controls';
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

const inputStyle = (invalid: boolean, width: string): React.CSSProperties => ({
  ...baseInputStyle(invalid),
  width,
  minWidth: 0,
});

interface FieldProps<T> {
  path: string;
  label: string;
  value: T;
  onChange: (value: unknown) => void;
  format: (value: T) => string;
  /** Text → draft value. Unparseable text goes to the draft as is, so the server names the problem. */
  parse: (text: string) => unknown;
  /** Also show issues below the path (lists such as a day's windows). */
  below?: boolean;
  width?: string;
  multiline?: boolean;
  placeholder?: string;
}

export function ParsedField<T>({
  path,
  label,
  value,
  onChange,
  format,
  parse,
  below = false,
  width = '100%',
  multiline = false,
  placeholder,
}: FieldProps<T>) {
  const { issues, readOnly } = useContext(EditContext);
  const [text, setText] = useState(() => format(value));
  const id = useId();
  // The draft changed from elsewhere (reload, restore, import): show it, unless it is what the text says.
  useEffect(() => {
    setText((current) => (format(parse(current) as T) === format(value) ? current : format(value)));
    // Keyed on value alone: format and parse are new functions on every render.
  }, [value]);
  const mine = issuesAt(issues, path, below);
  const common = {
    'aria-label': label,
    'aria-invalid': mine.length > 0,
    'aria-describedby': mine.length > 0 ? `${id}-issues` : undefined,
    'data-path': path,
    readOnly,
    value: text,
    placeholder,
    style: inputStyle(mine.length > 0, width),
  };
  const change = (next: string) => {
    setText(next);
    onChange(parse(next));
  };
  return (
    <Stack space="space.025">
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => change(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => change(e.target.value)} />
      )}
      <IssueList issues={mine} id={`${id}-issues`} />
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
  return (
    <ParsedField<unknown>
      width="8em"
      {...props}
      format={(v) => (v === null || v === undefined ? '' : String(v))}
      parse={parseNumber}
    />
  );
}

export function SelectField({
  path,
  label,
  value,
  options,
  onChange,
}: {
  path: string;
  label: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (value: string) => void;
}) {
  const { issues, readOnly } = useContext(EditContext);
  const mine = issuesAt(issues, path, false);
  const id = useId();
  return (
    <Stack space="space.025">
      <select
        aria-label={label}
        aria-invalid={mine.length > 0}
        aria-describedby={mine.length > 0 ? `${id}-issues` : undefined}
        data-path={path}
        disabled={readOnly}
        value={value}
        style={inputStyle(mine.length > 0, 'auto')}
        onChange={(e) => onChange(e.target.value)}
      >
        <SelectOptions options={options} />
      </select>
      <IssueList issues={mine} id={`${id}-issues`} />
    </Stack>
  );
}

export function Button({
  children,
  onClick,
  primary = false,
  disabled = false,
  label,
}: {
  children: ReactNode;
  onClick: () => void;
  primary?: boolean;
  disabled?: boolean;
  label?: string;
}) {
  return (
    <Pressable
      xcss={primary ? primaryButtonStyles : buttonStyles}
      isDisabled={disabled}
      aria-label={label}
      onClick={() => onClick()}
    >
      {children}
    </Pressable>
  );
}

/** An editing button hidden from people who may not edit (the server refuses them anyway). */
export function EditButton(props: Parameters<typeof Button>[0]) {
  const { readOnly } = useContext(EditContext);
  return readOnly ? null : <Button {...props} />;
}
