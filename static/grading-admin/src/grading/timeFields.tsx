/**
 * Times as an admin thinks of them: hours and minutes (the table stores whole minutes), and shares as
 * percentages (the warning point is stored as a fraction, 0.75 = 75 %). Text the admin typed stays as
 * typed while it is wrong, with a message in their language under it; the draft then holds something
 * the server refuses too, so Publish stays refused and the table in force never changes by mistake.
 */
import { useContext, useEffect, useId, useState } from 'react';
import { Box, Inline, Stack } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { FieldMessages } from '../../../shared/controls';
import { useI18n } from '../../../shared/i18n/react';
import { EditContext, IssueList, issuesAt, ParsedField, SmallLabel, Unit } from '../fields';

const WHOLE = /^\d+$/;

/** Whole minutes as hours and minutes ("90" → 1 h, 30 min); anything else as nothing. */
export function splitMinutes(value: unknown): { hours: string; minutes: string } {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return { hours: '', minutes: '' };
  return { hours: String(Math.floor(value / 60)), minutes: String(value % 60) };
}

/**
 * Hours and minutes typed → whole minutes, or why not. Empty fields count as 0; both empty is no value
 * (the server then says the time is required).
 */
export function joinMinutes(
  hours: string,
  minutes: string,
): { ok: true; value: number | null } | { ok: false; problem: 'hours' | 'minutes' } {
  const h = hours.trim();
  const m = minutes.trim();
  if (h === '' && m === '') return { ok: true, value: null };
  if (h !== '' && !WHOLE.test(h)) return { ok: false, problem: 'hours' };
  if (m !== '' && (!WHOLE.test(m) || Number(m) > 59)) return { ok: false, problem: 'minutes' };
  return { ok: true, value: Number(h === '' ? 0 : h) * 60 + Number(m === '' ? 0 : m) };
}

/** What the draft holds for the fields' text: whole minutes, null, or (while wrong) the text as typed. */
function draftValue(text: { hours: string; minutes: string }): number | null | string {
  const j = joinMinutes(text.hours, text.minutes);
  // A wrong entry goes to the draft as typed: the server refuses it as well, so Publish stays refused.
  return j.ok ? j.value : `${text.hours} h ${text.minutes} min`;
}

/** Minutes in words: "1 h 30 min", "2 h", "45 min" (the preview and hints). */
export function useDuration(): (minutes: number) => string {
  const { t } = useI18n();
  return (total) => {
    const hours = Math.floor(total / 60);
    const minutes = total % 60;
    if (hours === 0) return t('gradingAdmin.duration.m', { minutes });
    if (minutes === 0) return t('gradingAdmin.duration.h', { hours });
    return t('gradingAdmin.duration.hm', { hours, minutes });
  };
}

/**
 * A time in whole minutes, entered as hours and minutes: two fields under one label, each named for
 * assistive tech ("Critical: Response time, hours"), with "h" and "min" after them.
 */
export function DurationField({
  path,
  label,
  visibleLabel,
  value,
  onChange,
}: {
  path: string;
  /** Whose time this is and which ("Critical: Response time"). */
  label: string;
  visibleLabel?: string;
  value: unknown;
  onChange: (value: unknown) => void;
}) {
  const { t } = useI18n();
  const { issues, readOnly } = useContext(EditContext);
  const [text, setText] = useState(() => splitMinutes(value));
  const id = useId();
  // The draft changed from elsewhere (discard, restore, import): show it, unless the fields already say it.
  useEffect(() => {
    setText((current) => (draftValue(current) === value ? current : splitMinutes(value)));
  }, [value]);
  const joined = joinMinutes(text.hours, text.minutes);
  const local = joined.ok
    ? null
    : t(joined.problem === 'hours' ? 'gradingAdmin.invalid.hours' : 'gradingAdmin.invalid.minutes');
  const mine = issuesAt(issues, path, false);
  const invalid = local !== null || mine.length > 0;
  const change = (next: { hours: string; minutes: string }) => {
    setText(next);
    onChange(draftValue(next));
  };
  const part = (which: 'hours' | 'minutes') => (
    <Box style={{ width: '8.5em' }}>
      {/* eslint-disable-next-line @atlaskit/design-system/no-readonly-or-disabled-inputs -- non-admins read the table in place */}
      <Textfield
        id={which === 'hours' ? id : undefined}
        aria-label={t('gradingAdmin.aria.part', { field: label, part: t(`gradingAdmin.${which}`) })}
        aria-describedby={invalid ? `${id}-issues` : undefined}
        data-path={path}
        data-part={which}
        inputMode="numeric"
        isInvalid={invalid}
        isReadOnly={readOnly}
        isCompact
        value={text[which]}
        elemAfterInput={<Unit>{t(which === 'hours' ? 'gradingAdmin.unit.h' : 'gradingAdmin.unit.min')}</Unit>}
        onChange={(e) => change({ ...text, [which]: e.currentTarget.value })}
      />
    </Box>
  );
  return (
    <Stack space="space.025">
      {visibleLabel === undefined ? null : <SmallLabel htmlFor={id}>{visibleLabel}</SmallLabel>}
      <Inline space="space.050" alignBlock="center">
        {part('hours')}
        {part('minutes')}
      </Inline>
      {local !== null ? (
        <FieldMessages messages={[local]} id={`${id}-issues`} testId="field-issues" />
      ) : (
        <IssueList issues={mine} id={`${id}-issues`} />
      )}
    </Stack>
  );
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * A share entered as a percentage with "%" after it. `fraction`: the draft holds 0–1 (0.75 for 75 %);
 * otherwise it holds the percentage itself. Empty is no value (the table's default applies where it has one).
 */
export function PercentField({
  path,
  label,
  visibleLabel,
  value,
  fraction,
  placeholder,
  onChange,
}: {
  path: string;
  label: string;
  visibleLabel?: string;
  value: unknown;
  fraction: boolean;
  placeholder?: string;
  onChange: (value: unknown) => void;
}) {
  const { t } = useI18n();
  const scale = fraction ? 100 : 1;
  const valid = (s: string): boolean => {
    const n = Number(s.trim());
    return s.trim() !== '' && !Number.isNaN(n) && n > 0 && n <= 100;
  };
  return (
    <ParsedField<unknown>
      path={path}
      label={label}
      {...(visibleLabel === undefined ? {} : { visibleLabel })}
      {...(placeholder === undefined ? {} : { placeholder })}
      width="7.5em"
      unit={t('gradingAdmin.unit.pct')}
      value={value}
      format={(v) =>
        typeof v === 'number' ? String(round2(v * scale)) : v === undefined || v === null ? '' : String(v)
      }
      parse={(s) => (s.trim() === '' ? undefined : valid(s) ? Number(s.trim()) / scale : s)}
      check={(s) => (s.trim() === '' || valid(s) ? null : t('gradingAdmin.invalid.percent'))}
      onChange={onChange}
    />
  );
}
