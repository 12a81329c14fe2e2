import { useId, useState } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { CalendarSet } from '../../../../src/contract/gradingAdmin';
import { useI18n } from '../../../shared/i18n/react';
import { formatOverrides, formatWindows, parseList, parseOverrides, parseWindows, type Edit } from '../draft';
import { EditButton, ParsedField, PathIssues, SmallLabel, TextField } from '../fields';
import { useCalendarName } from './calendarNames';
import { cardStyles } from './cardStyles';
import { useFieldName } from './names';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Weekday = (typeof WEEKDAYS)[number];
type Calendar = CalendarSet[string];

/** What a new calendar starts as: office hours on weekdays, in China. */
const NEW_CALENDAR: Calendar = {
  timeZone: 'Asia/Shanghai',
  week: {
    mon: [['09:00', '18:00']],
    tue: [['09:00', '18:00']],
    wed: [['09:00', '18:00']],
    thu: [['09:00', '18:00']],
    fri: [['09:00', '18:00']],
  },
};

/** The site's own business calendars (the built-in ones are named, not edited), and adding one by id. */
export function CalendarsTab({ builtIn, calendars, edit }: { builtIn: string[]; calendars: CalendarSet; edit: Edit }) {
  const { t, formatLocale } = useI18n();
  const calendarName = useCalendarName();
  const [newId, setNewId] = useState('');
  const names = new Intl.ListFormat(formatLocale, { type: 'conjunction' }).format(builtIn.map(calendarName));
  return (
    <Stack space="space.200">
      <Text size="small" color="color.text.subtle">
        {t('gradingAdmin.calendarsHint', { ids: names })}
      </Text>
      <PathIssues path="calendars" />
      {Object.entries(calendars).map(([id, cal]) => (
        <CalendarCard key={id} id={id} calendar={cal} edit={edit} />
      ))}
      <Inline space="space.100" alignBlock="end">
        <TextField
          path="newCalendarId"
          label={t('gradingAdmin.newCalendarId')}
          visibleLabel={t('gradingAdmin.newCalendarId')}
          width="14em"
          value={newId}
          onChange={(v) => setNewId(String(v))}
        />
        <EditButton
          disabled={newId.trim() === '' || calendars[newId.trim()] !== undefined}
          onClick={() => {
            edit([newId.trim()], NEW_CALENDAR);
            setNewId('');
          }}
        >
          {t('gradingAdmin.addCalendar')}
        </EditButton>
      </Inline>
    </Stack>
  );
}

/** One calendar: its time zone, working windows per weekday, holidays and days with other hours. */
function CalendarCard({ id, calendar: cal, edit }: { id: string; calendar: Calendar; edit: Edit }) {
  const { t } = useI18n();
  const field = useFieldName();
  const base = `calendars.${id}`;
  return (
    <Box xcss={cardStyles} testId={`calendar-${id}`}>
      <Stack space="space.100">
        <Inline spread="space-between" alignBlock="center">
          <Text weight="bold">{id}</Text>
          <EditButton label={t('gradingAdmin.removeNamed', { name: id })} onClick={() => edit([id], undefined)}>
            {t('gradingAdmin.remove')}
          </EditButton>
        </Inline>
        <PathIssues path={base} />
        <TextField
          path={`${base}.timeZone`}
          label={field(id, t('gradingAdmin.timeZone'))}
          visibleLabel={t('gradingAdmin.timeZone')}
          width="16em"
          value={cal.timeZone}
          onChange={(v) => edit([id, 'timeZone'], v)}
        />
        {WEEKDAYS.map((day) => (
          <WeekdayRow key={day} id={id} day={day} calendar={cal} edit={edit} />
        ))}
        <ParsedField<unknown>
          path={`${base}.holidays`}
          below
          multiline
          label={field(id, t('gradingAdmin.holidays'))}
          visibleLabel={t('gradingAdmin.holidays')}
          placeholder="2026-10-01, 2026-10-02"
          value={cal.holidays}
          format={(v) => (Array.isArray(v) ? v.join(', ') : '')}
          parse={(s) => (s.trim() === '' ? undefined : parseList(s))}
          onChange={(v) => edit([id, 'holidays'], v)}
        />
        <ParsedField<unknown>
          path={`${base}.overrides`}
          below
          multiline
          label={field(id, t('gradingAdmin.overrideDays'))}
          visibleLabel={t('gradingAdmin.overrideDays')}
          placeholder={'2026-10-11: 09:00-18:00\n2026-10-08: off'}
          value={cal.overrides}
          format={formatOverrides}
          parse={(s) => (s.trim() === '' ? undefined : parseOverrides(s))}
          onChange={(v) => edit([id, 'overrides'], v)}
        />
      </Stack>
    </Box>
  );
}

/** A weekday's working hours, its visible day name the field's label. */
function WeekdayRow({ id, day, calendar, edit }: { id: string; day: Weekday; calendar: Calendar; edit: Edit }) {
  const { t } = useI18n();
  const inputId = useId();
  const dayName = t(`gradingAdmin.day.${day}`);
  return (
    <Inline space="space.100" alignBlock="start">
      <Box xcss={dayStyles}>
        <SmallLabel htmlFor={inputId}>{dayName}</SmallLabel>
      </Box>
      <ParsedField<unknown>
        id={inputId}
        path={`calendars.${id}.week.${day}`}
        below
        label={t('gradingAdmin.windowsOf', { day: dayName, calendar: id })}
        placeholder="09:00-12:00, 13:30-18:00"
        width="22em"
        value={calendar.week[day]}
        format={formatWindows}
        parse={(s) => (s.trim() === '' ? undefined : parseWindows(s))}
        onChange={(v) => edit([id, 'week', day], v)}
      />
    </Inline>
  );
}

const dayStyles = xcss({ minWidth: 'size.1000', paddingBlockStart: 'space.050' });
