import { useState } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { CalendarSet } from '../../../../src/contract/gradingAdmin';
import { useI18n } from '../../../shared/i18n/react';
import { formatOverrides, formatWindows, parseList, parseOverrides, parseWindows, type Edit } from '../draft';
import { EditButton, ParsedField, PathIssues, TextField } from '../fields';
import { cardStyles } from './cardStyles';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
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
  const { t } = useI18n();
  const [newId, setNewId] = useState('');
  return (
    <Stack space="space.200">
      <Text size="small" color="color.text.subtle">
        {t('gradingAdmin.calendarsHint', { ids: builtIn.join(', ') })}
      </Text>
      <PathIssues path="calendars" />
      {Object.entries(calendars).map(([id, cal]) => (
        <CalendarCard key={id} id={id} calendar={cal} edit={edit} />
      ))}
      <Inline space="space.100" alignBlock="start">
        <TextField
          path="newCalendarId"
          label={t('gradingAdmin.newCalendarId')}
          placeholder={t('gradingAdmin.newCalendarId')}
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
  const base = `calendars.${id}`;
  return (
    <Box xcss={cardStyles}>
      <Stack space="space.100">
        <Inline spread="space-between" alignBlock="center">
          <Text weight="bold">{id}</Text>
          <EditButton onClick={() => edit([id], undefined)}>{t('gradingAdmin.remove')}</EditButton>
        </Inline>
        <PathIssues path={base} />
        <Inline space="space.100" alignBlock="center">
          <Text size="small">{t('gradingAdmin.timeZone')}</Text>
          <TextField
            path={`${base}.timeZone`}
            label={t('gradingAdmin.timeZone')}
            width="16em"
            value={cal.timeZone}
            onChange={(v) => edit([id, 'timeZone'], v)}
          />
        </Inline>
        {WEEKDAYS.map((day) => (
          <Inline key={day} space="space.100" alignBlock="start">
            <Box xcss={xcss({ minWidth: 'size.1000' })}>
              <Text size="small">{t(`gradingAdmin.day.${day}`)}</Text>
            </Box>
            <ParsedField<unknown>
              path={`${base}.week.${day}`}
              below
              label={t('gradingAdmin.windowsOf', { day: t(`gradingAdmin.day.${day}`), calendar: id })}
              placeholder="09:00-12:00, 13:30-18:00"
              value={cal.week[day]}
              format={formatWindows}
              parse={(s) => (s.trim() === '' ? undefined : parseWindows(s))}
              onChange={(v) => edit([id, 'week', day], v)}
            />
          </Inline>
        ))}
        <Text size="small">{t('gradingAdmin.holidays')}</Text>
        <ParsedField<unknown>
          path={`${base}.holidays`}
          below
          multiline
          label={t('gradingAdmin.holidays')}
          placeholder="2026-10-01, 2026-10-02"
          value={cal.holidays}
          format={(v) => (Array.isArray(v) ? v.join(', ') : '')}
          parse={(s) => (s.trim() === '' ? undefined : parseList(s))}
          onChange={(v) => edit([id, 'holidays'], v)}
        />
        <Text size="small">{t('gradingAdmin.overrideDays')}</Text>
        <ParsedField<unknown>
          path={`${base}.overrides`}
          below
          multiline
          label={t('gradingAdmin.overrideDays')}
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
