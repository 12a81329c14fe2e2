import {
  type BusinessCalendar,
  CalendarErrorCode,
  defaultCalendarById,
  workingMinutesBetween,
} from '../../../src/domain/calendar';
import { at, everyDay, monToFri, ZNUNY_8_TO_12_14_TO_17, ZNUNY_VACATION_DAYS } from './calendars.fixtures';

const vacation = { holidays: ZNUNY_VACATION_DAYS };
const h = (hours: number, minutes = 0, seconds = 0): number => hours * 60 + minutes + seconds / 60;

interface Row {
  name: string;
  calendar: BusinessCalendar;
  from: string;
  to: string;
  minutes: number;
}
const rows = (list: Array<[string, BusinessCalendar, string, string, number]>): Row[] =>
  list.map(([name, calendar, from, to, minutes]) => ({ name, calendar, from, to, minutes }));

function expectMinutes({ calendar, from, to, minutes }: Row): void {
  expect(workingMinutesBetween(calendar, at(from), at(to))).toBe(minutes);
}

const cal9 = monToFri('Europe/Berlin', ZNUNY_8_TO_12_14_TO_17, vacation);

describe('workingMinutesBetween', () => {
  // Origin: znuny/Znuny scripts/test/DateTime/DeltaWorkingTime.t (local strings written with offsets).
  describe('Znuny delta working time cases', () => {
    it.each(
      rows([
        [
          'swapped start and end -> 0',
          { ...everyDay('Europe/Berlin'), ...vacation },
          '2015-12-28T17:10:14+01:00',
          '2015-12-23T08:10:15+01:00',
          0,
        ],
        [
          '2d 8h 59m 59s around the clock over Christmas',
          { ...everyDay('Europe/Berlin'), ...vacation },
          '2015-12-23T08:10:15+01:00',
          '2015-12-28T17:10:14+01:00',
          205199 / 60,
        ],
        ['15h via Berlin calendar 9', cal9, '2015-03-27T11:00:00Z', '2015-03-31T07:00:00Z', h(15)],
        [
          '2h via calendar 9: the calendar zone moves the second hour to the next day',
          cal9,
          '2015-03-26T16:00:00Z',
          '2015-03-27T08:00:00Z',
          h(2),
        ],
        [
          '5h around the clock',
          { ...everyDay('Europe/Berlin'), ...vacation },
          '2015-02-17T22:35:49+01:00',
          '2015-02-18T03:35:49+01:00',
          h(5),
        ],
        [
          '2d 30m around the clock',
          { ...everyDay('Europe/Berlin'), ...vacation },
          '2015-02-17T22:35:49+01:00',
          '2015-02-19T23:05:49+01:00',
          h(48, 30),
        ],
        [
          '2d across DST start: 49 wall-clock hours are 48 real ones',
          { ...everyDay('Europe/Berlin'), ...vacation },
          '2016-03-26T22:24:39+01:00',
          '2016-03-28T23:24:39+02:00',
          h(48),
        ],
        [
          '4d 22h around the clock',
          { ...everyDay('Europe/Berlin'), ...vacation },
          '2016-02-01T12:15:41+01:00',
          '2016-02-06T10:15:41+01:00',
          h(118),
        ],
        [
          '1d 21h, 8-12 and 14-17 every day',
          { ...everyDay('Europe/Berlin', ZNUNY_8_TO_12_14_TO_17), ...vacation },
          '2016-02-01T12:15:41+01:00',
          '2016-02-06T12:15:41+01:00',
          h(45),
        ],
        [
          '16h over the DST-start weekend',
          monToFri('Europe/Berlin', ZNUNY_8_TO_12_14_TO_17, vacation),
          '2016-03-25T12:15:41+01:00',
          '2016-03-29T10:15:41+02:00',
          h(16),
        ],
        [
          '1d 10h over the DST-start weekend',
          monToFri('Europe/Berlin', ZNUNY_8_TO_12_14_TO_17, vacation),
          '2016-03-24T12:15:41+01:00',
          '2016-03-30T10:15:41+02:00',
          h(34),
        ],
        [
          '5h across the lunch break',
          monToFri('Europe/Berlin', ZNUNY_8_TO_12_14_TO_17, vacation),
          '2016-03-25T08:15:41+01:00',
          '2016-03-25T14:15:41+01:00',
          h(5),
        ],
        [
          '6h from opening',
          monToFri('Europe/Berlin', ZNUNY_8_TO_12_14_TO_17, vacation),
          '2016-03-25T08:00:00+01:00',
          '2016-03-25T15:00:00+01:00',
          h(6),
        ],
        ['90d in UTC', everyDay('UTC'), '2015-02-17T12:00:00Z', '2015-05-18T12:00:00Z', h(2160)],
        [
          '89d 23h in Berlin: the DST day is short',
          everyDay('Europe/Berlin'),
          '2015-02-17T12:00:00+01:00',
          '2015-05-18T12:00:00+02:00',
          h(2159),
        ],
        [
          '5h, Sao Paulo DST end at midnight',
          everyDay('America/Sao_Paulo'),
          '2015-02-21T22:00:00-02:00',
          '2015-02-22T02:00:00-03:00',
          h(5),
        ],
        [
          '4d 7h 20m 15s, Sao Paulo DST end',
          everyDay('America/Sao_Paulo'),
          '2015-02-20T22:10:05-02:00',
          '2015-02-25T04:30:20-03:00',
          h(4 * 24 + 7, 20, 15),
        ],
        [
          '5h, Sao Paulo DST start at midnight',
          everyDay('America/Sao_Paulo'),
          '2015-10-17T22:00:00-03:00',
          '2015-10-18T04:00:00-02:00',
          h(5),
        ],
      ]),
    )('$name', expectMinutes);
  });

  // Origin: zammad/zammad spec/models/ticket/escalation_examples.rb ("*_in_min" statistics).
  describe('Zammad escalation statistics', () => {
    const berlin8to18 = monToFri('Europe/Berlin', [['08:00', '18:00']]);
    it.each(
      rows([
        ['first response in time', berlin8to18, '2013-03-21T09:30:00Z', '2013-03-21T10:00:00Z', 30],
        ['first response late', berlin8to18, '2013-03-21T09:30:00Z', '2013-03-21T14:00:00Z', 270],
        ['update in time', berlin8to18, '2013-03-21T09:30:00Z', '2013-03-21T11:00:00Z', 90],
        ['update late', berlin8to18, '2013-03-21T09:30:00Z', '2013-03-21T12:00:00Z', 150],
        ['closed in time', berlin8to18, '2013-03-21T09:30:00Z', '2013-03-21T11:30:00Z', 120],
        ['closed late', berlin8to18, '2013-03-21T09:30:00Z', '2013-03-21T13:00:00Z', 210],
        [
          'holiday 2016-11-01 counts nothing',
          monToFri('Europe/Berlin', [['08:00', '20:00']], { holidays: ['2016-11-01'] }),
          '2016-11-01T13:56:21Z',
          '2016-11-02T09:00:00Z',
          120,
        ],
      ]),
    )('$name', expectMinutes);
  });

  describe('daylight saving and zones', () => {
    it.each(
      rows([
        [
          'New York 2026-03-08 is 23 h',
          everyDay('America/New_York'),
          '2026-03-08T05:00:00Z',
          '2026-03-09T04:00:00Z',
          h(23),
        ],
        [
          'New York 2026-11-01 is 25 h',
          everyDay('America/New_York'),
          '2026-11-01T04:00:00Z',
          '2026-11-02T05:00:00Z',
          h(25),
        ],
        [
          'New York Sunday-only 00:00-24:00, whole spring-forward weekend',
          { timeZone: 'America/New_York', week: { sun: [['00:00', '24:00']] } },
          '2026-03-07T00:00:00Z',
          '2026-03-10T00:00:00Z',
          h(23),
        ],
        [
          'New York Sunday-only 00:00-24:00, whole fall-back weekend',
          { timeZone: 'America/New_York', week: { sun: [['00:00', '24:00']] } },
          '2026-10-31T00:00:00Z',
          '2026-11-03T00:00:00Z',
          h(25),
        ],
        [
          'New York window 01:30-03:30 on spring-forward day: 1 real hour',
          { timeZone: 'America/New_York', week: { sun: [['01:30', '03:30']] } },
          '2026-03-08T00:00:00Z',
          '2026-03-09T00:00:00Z',
          60,
        ],
        [
          'New York window 01:30-02:30 on fall-back day: 30 min EDT + 60 min EST',
          { timeZone: 'America/New_York', week: { sun: [['01:30', '02:30']] } },
          '2026-11-01T00:00:00Z',
          '2026-11-02T00:00:00Z',
          90,
        ],
        ['Berlin 2026-03-29 is 23 h', everyDay('Europe/Berlin'), '2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z', h(23)],
        ['Berlin 2026-10-25 is 25 h', everyDay('Europe/Berlin'), '2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z', h(25)],
        [
          'Berlin only the repeated hour 02:00-03:00 on 2026-10-25',
          { timeZone: 'Europe/Berlin', week: { sun: [['02:00', '03:00']] } },
          '2026-10-24T00:00:00Z',
          '2026-10-26T00:00:00Z',
          120,
        ],
        [
          'Adelaide 2026-04-05 is 25 h',
          everyDay('Australia/Adelaide'),
          '2026-04-04T13:30:00Z',
          '2026-04-05T14:30:00Z',
          h(25),
        ],
        [
          'Adelaide 2026-10-04 is 23 h',
          everyDay('Australia/Adelaide'),
          '2026-10-03T14:30:00Z',
          '2026-10-04T13:30:00Z',
          h(23),
        ],
        [
          'Kolkata 09:30-18:00 Mon-Fri, one week',
          monToFri('Asia/Kolkata', [['09:30', '18:00']]),
          '2026-01-04T18:30:00Z',
          '2026-01-11T18:30:00Z',
          5 * h(8, 30),
        ],
        [
          'sub-minute precision: 30 s',
          monToFri('UTC', [['09:00', '17:00']]),
          '2026-01-05T09:00:00Z',
          '2026-01-05T09:00:30Z',
          0.5,
        ],
        [
          'one millisecond',
          monToFri('UTC', [['09:00', '17:00']]),
          '2026-01-05T09:00:00.000Z',
          '2026-01-05T09:00:00.001Z',
          1 / 60_000,
        ],
        [
          'from inside a window to inside the next day',
          monToFri('UTC', [['09:00', '17:00']]),
          '2026-01-05T16:00:00Z',
          '2026-01-06T10:00:00Z',
          120,
        ],
        [
          'equal instants -> 0',
          monToFri('UTC', [['09:00', '17:00']]),
          '2026-01-05T10:00:00Z',
          '2026-01-05T10:00:00Z',
          0,
        ],
        [
          'the JSDoc example',
          { timeZone: 'America/New_York', week: { mon: [['09:00', '17:00']] } },
          '2026-01-05T14:30:00Z',
          '2026-01-06T00:00:00Z',
          450,
        ],
      ]),
    )('$name', expectMinutes);
  });

  describe('default calendars over 2026', () => {
    it.each([
      // 248 working days in mainland China in 2026: 261 weekdays - 19 weekday holidays + 6 make-up days.
      ['cn-mainland-2026', '2025-12-31T16:00:00Z', '2026-12-31T16:00:00Z', 248 * 450],
      ['us-eastern', '2026-01-01T05:00:00Z', '2027-01-01T05:00:00Z', 261 * 480],
      ['eu-berlin', '2025-12-31T23:00:00Z', '2026-12-31T23:00:00Z', 261 * 510],
      ['always-on', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', 365 * 1440],
      ['cn-mainland-2026', '2026-02-13T01:00:00Z', '2026-02-28T10:00:00Z', 7 * 450], // Feb 13, make-up 14th, 24th-27th, make-up 28th
    ])('%s from %s to %s', (id, from, to, minutes) => {
      const calendar = defaultCalendarById(id)?.calendar as BusinessCalendar;
      expect(workingMinutesBetween(calendar, at(from), at(to))).toBe(minutes);
    });

    it('a calendar with no working time counts 0 over decades without looping', () => {
      expect(
        workingMinutesBetween({ timeZone: 'UTC', week: {} }, at('2000-01-01T00:00:00Z'), at('2100-01-01T00:00:00Z')),
      ).toBe(0);
    });
  });

  describe('errors', () => {
    it('invalid dates -> CALENDAR_BAD_INSTANT', () => {
      expect(() => workingMinutesBetween(everyDay('UTC'), at('x'), at('2026-01-01T00:00:00Z'))).toThrow(
        expect.objectContaining({ code: CalendarErrorCode.BadInstant }),
      );
      expect(() => workingMinutesBetween(everyDay('UTC'), at('2026-01-01T00:00:00Z'), at('x'))).toThrow(
        expect.objectContaining({ code: CalendarErrorCode.BadInstant }),
      );
    });

    it('an invalid calendar -> CALENDAR_INVALID', () => {
      const bad = {
        timeZone: 'UTC',
        week: {
          mon: [
            ['09:00', '12:00'],
            ['11:00', '13:00'],
          ],
        },
      } as BusinessCalendar;
      expect(() => workingMinutesBetween(bad, at('2026-01-01T00:00:00Z'), at('2026-01-02T00:00:00Z'))).toThrow(
        expect.objectContaining({
          code: CalendarErrorCode.Invalid,
          issues: [expect.objectContaining({ code: CalendarErrorCode.Overlap, path: 'week.mon[1]' })],
        }),
      );
    });
  });
});
