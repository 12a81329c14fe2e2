import { runInNewContext } from 'vm';
import {
  addWorkingTime,
  type BusinessCalendar,
  CalendarErrorCode,
  defaultCalendarById,
} from '../../../src/domain/calendar';
import { DomainError } from '../../../src/domain/validation';
import {
  at,
  everyDay,
  monToFri,
  RT_DEFAULT_HOURS,
  ZNUNY_8_TO_12_14_TO_17,
  ZNUNY_8_TO_17,
  ZNUNY_VACATION_DAYS,
} from './calendars.fixtures';

const vacation = { holidays: ZNUNY_VACATION_DAYS };
const h = (hours: number, minutes = 0, seconds = 0): number => hours * 60 + minutes + seconds / 60;

interface Row {
  name: string;
  calendar: BusinessCalendar;
  start: string;
  minutes: number;
  due: string;
}
const rows = (list: Array<[string, BusinessCalendar, string, number, string]>): Row[] =>
  list.map(([name, calendar, start, minutes, due]) => ({ name, calendar, start, minutes, due }));

function expectDue({ calendar, start, minutes, due }: Row): void {
  expect(addWorkingTime(calendar, at(start), minutes).toISOString()).toBe(at(due).toISOString());
}

describe('addWorkingTime', () => {
  // Origin: bestpractical/rt t/sla/business_hours.t, t/sla/starts.t, t/sla/timezone.t.
  // RT's due date = first business minute ("Starts") + business minutes; we add from creation.
  describe('Request Tracker SLA cases', () => {
    it.each(
      rows([
        [
          'Sunday-only hours, created Monday 00:00 -> next Sunday',
          { timeZone: 'UTC', week: { sun: [['09:00', '17:00']] } },
          '2007-01-01T00:00:00Z',
          60,
          '2007-01-07T10:00:00Z',
        ],
        [
          'Monday-only hours, created Monday 00:00 -> same morning',
          { timeZone: 'UTC', week: { mon: [['09:00', '17:00']] } },
          '2007-01-01T00:00:00Z',
          60,
          '2007-01-01T10:00:00Z',
        ],
        [
          'created inside hours',
          { timeZone: 'UTC', week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] } },
          '2007-01-01T13:15:00Z',
          60,
          '2007-01-01T14:15:00Z',
        ],
        [
          'created after hours -> next morning',
          { timeZone: 'UTC', week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] } },
          '2007-01-01T19:15:00Z',
          60,
          '2007-01-02T10:00:00Z',
        ],
        [
          'created on Saturday -> Monday',
          { timeZone: 'UTC', week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] } },
          '2007-01-06T13:15:00Z',
          60,
          '2007-01-08T10:00:00Z',
        ],
        [
          'New York queue: 17:00 local, 2 business hours span the night',
          monToFri('America/New_York', RT_DEFAULT_HOURS),
          '2007-01-01T22:00:00Z',
          120,
          '2007-01-02T15:00:00Z',
        ],
        [
          'Moscow queue: 01:00 local, starts at 09:00',
          monToFri('Europe/Moscow', RT_DEFAULT_HOURS),
          '2007-01-01T22:00:00Z',
          120,
          '2007-01-02T08:00:00Z',
        ],
      ]),
    )('$name', expectDue);
  });

  // Origin: znuny/Znuny scripts/test/DateTime/AddWorkingTime.t. Znuny hour lists are inclusive
  // ([8..17] = 08:00–18:00); its local start/end strings are written here with their offsets.
  describe('Znuny working-time cases', () => {
    it.each(
      rows([
        [
          '15h via Berlin calendar 9, over a weekend and the DST start',
          monToFri('Europe/Berlin', ZNUNY_8_TO_12_14_TO_17, vacation),
          '2015-03-27T11:00:00Z',
          h(15),
          '2015-03-31T07:00:00Z',
        ],
        [
          '90d 1h around the clock, across DST start and a May 1 holiday',
          { ...everyDay('Europe/Berlin'), ...vacation },
          '2015-02-17T12:00:00+01:00',
          h(90 * 24 + 1),
          '2015-05-19T14:00:00+02:00',
        ],
        [
          '6h around the clock in UTC',
          { ...everyDay('UTC'), ...vacation },
          '2015-02-21T22:00:00Z',
          h(6),
          '2015-02-22T04:00:00Z',
        ],
        [
          '5h, Sao Paulo DST ends at midnight (00 -> 23)',
          { ...everyDay('America/Sao_Paulo'), ...vacation },
          '2015-02-21T22:00:00-02:00',
          h(5),
          '2015-02-22T02:00:00-03:00',
        ],
        [
          '4d 5h 20m 15s, Sao Paulo DST end, with seconds',
          everyDay('America/Sao_Paulo'),
          '2015-02-21T22:10:05-02:00',
          h(4 * 24 + 5, 20, 15),
          '2015-02-26T02:30:20-03:00',
        ],
        [
          '7h, Sao Paulo DST starts at midnight (00 -> 01)',
          { ...everyDay('America/Sao_Paulo'), ...vacation },
          '2015-10-17T22:00:00-03:00',
          h(7),
          '2015-10-18T06:00:00-02:00',
        ],
        [
          '15h, Tehran DST end (+04:30 -> +03:30)',
          { ...everyDay('Asia/Tehran'), ...vacation },
          '2015-09-21T12:00:00+04:30',
          h(15),
          '2015-09-22T02:00:00+03:30',
        ],
        [
          '48h, Tehran DST end',
          { ...everyDay('Asia/Tehran'), ...vacation },
          '2015-09-20T12:00:00+04:30',
          h(48),
          '2015-09-22T11:00:00+03:30',
        ],
        [
          '17h, Tehran DST start (+03:30 -> +04:30)',
          { ...everyDay('Asia/Tehran'), ...vacation },
          '2015-03-21T12:00:00+03:30',
          h(17),
          '2015-03-22T06:00:00+04:30',
        ],
        [
          '1d 17h, Sydney DST end (+11 -> +10)',
          { ...everyDay('Australia/Sydney'), ...vacation },
          '2016-04-02T12:00:00+11:00',
          h(41),
          '2016-04-04T04:00:00+10:00',
        ],
        [
          '5h from Sunday, Mon-Fri 8-17',
          monToFri('Europe/Berlin', ZNUNY_8_TO_17, vacation),
          '2016-01-31T12:25:30+01:00',
          h(5),
          '2016-02-01T13:00:00+01:00',
        ],
        [
          '3.5h from 30 s before closing',
          monToFri('Europe/Berlin', ZNUNY_8_TO_17, vacation),
          '2016-02-01T16:59:30+01:00',
          h(3, 30),
          '2016-02-02T10:29:30+01:00',
        ],
        [
          '5h with a lunch break (8-12, 14-17)',
          monToFri('Europe/Berlin', ZNUNY_8_TO_12_14_TO_17, vacation),
          '2016-02-01T12:25:30+01:00',
          h(5),
          '2016-02-02T08:25:30+01:00',
        ],
        [
          '45h 25m 30s with a lunch break',
          monToFri('Europe/Berlin', ZNUNY_8_TO_12_14_TO_17, vacation),
          '2016-01-31T12:25:30+01:00',
          h(45, 25, 30),
          '2016-02-08T08:25:30+01:00',
        ],
        [
          '20h over Christmas holidays',
          monToFri('Europe/Berlin', ZNUNY_8_TO_12_14_TO_17, vacation),
          '2015-12-22T16:24:49+01:00',
          h(20),
          '2015-12-29T08:24:49+01:00',
        ],
        [
          '5h from Sunday midnight, Tehran, DST starts Monday',
          monToFri('Asia/Tehran', ZNUNY_8_TO_17, vacation),
          '2016-03-20T00:00:00+03:30',
          h(5),
          '2016-03-21T13:00:00+04:30',
        ],
        [
          '13h from Sunday midnight, Tehran',
          monToFri('Asia/Tehran', ZNUNY_8_TO_17, vacation),
          '2016-03-20T00:00:00+03:30',
          h(13),
          '2016-03-22T11:00:00+04:30',
        ],
        [
          '1d 5h around the clock, Tehran DST start',
          { ...everyDay('Asia/Tehran'), ...vacation },
          '2016-03-20T00:00:00+03:30',
          h(29),
          '2016-03-21T06:00:00+04:30',
        ],
        [
          '1d 5h Mon-Fri all day: Monday is 23 h long',
          monToFri('Asia/Tehran', [['00:00', '24:00']], vacation),
          '2016-03-20T00:00:00+03:30',
          h(29),
          '2016-03-22T06:00:00+04:30',
        ],
        [
          '5h at 22:00, Tehran DST end, Mon-Fri 8-17',
          monToFri('Asia/Tehran', ZNUNY_8_TO_17, vacation),
          '2016-09-20T22:00:00+04:30',
          h(5),
          '2016-09-21T13:00:00+03:30',
        ],
        [
          '5h at 22:00, Tehran DST end: the repeated hour counts twice',
          monToFri('Asia/Tehran', [['00:00', '24:00']], vacation),
          '2016-09-20T22:00:00+04:30',
          h(5),
          '2016-09-21T02:00:00+03:30',
        ],
        [
          '1m from Saturday',
          monToFri('Europe/Berlin', ZNUNY_8_TO_17, vacation),
          '2013-03-16T10:00:00+01:00',
          1,
          '2013-03-18T08:01:00+01:00',
        ],
      ]),
    )('$name', expectDue);
  });

  // Origin: zammad/zammad spec/models/ticket/escalation_examples.rb (calendar zone Europe/Berlin,
  // ticket times in UTC). Zammad keeps whole minutes, so starts here are whole minutes.
  describe('Zammad escalation cases', () => {
    const berlin8to18 = monToFri('Europe/Berlin', [['08:00', '18:00']]);
    const berlin8to20WithHoliday = monToFri('Europe/Berlin', [['08:00', '20:00']], { holidays: ['2016-11-01'] });
    it.each(
      rows([
        ['first response 60 min', berlin8to18, '2013-03-21T09:30:00Z', 60, '2013-03-21T10:30:00Z'],
        ['update 120 min', berlin8to18, '2013-03-21T09:30:00Z', 120, '2013-03-21T11:30:00Z'],
        ['solution 180 min', berlin8to18, '2013-03-21T09:30:00Z', 180, '2013-03-21T12:30:00Z'],
        [
          'update after the customer wrote again (12:05 + 120)',
          berlin8to18,
          '2013-03-21T12:05:00Z',
          120,
          '2013-03-21T14:05:00Z',
        ],
        [
          'ticket created on a public holiday: first response next day',
          berlin8to20WithHoliday,
          '2016-11-01T13:56:21Z',
          120,
          '2016-11-02T09:00:00Z',
        ],
        [
          'ticket created on a public holiday: update time 20 h',
          berlin8to20WithHoliday,
          '2016-11-01T13:56:21Z',
          1200,
          '2016-11-03T15:00:00Z',
        ],
        [
          'customer follow-up a week later: 20 h',
          berlin8to20WithHoliday,
          '2016-11-07T13:26:00Z',
          1200,
          '2016-11-09T09:26:00Z',
        ],
        [
          'every day 9-18 in summer time',
          everyDay('Europe/Berlin', [['09:00', '18:00']]),
          '2013-06-04T09:00:00Z',
          120,
          '2013-06-04T11:00:00Z',
        ],
      ]),
    )('$name', expectDue);
  });

  describe('daylight saving in America/New_York (2026-03-08 spring forward, 2026-11-01 fall back)', () => {
    const sundayOnly = (windows: Array<[string, string]>): BusinessCalendar => ({
      timeZone: 'America/New_York',
      week: { sun: windows },
    });
    it.each(
      rows([
        [
          '24x7: 24 working hours from local midnight end at 01:00 next day (day is 23 h)',
          everyDay('America/New_York'),
          '2026-03-08T05:00:00Z',
          h(24),
          '2026-03-09T05:00:00Z',
        ],
        [
          '24x7: 24 working hours from local midnight end at 23:00 same day (day is 25 h)',
          everyDay('America/New_York'),
          '2026-11-01T04:00:00Z',
          h(24),
          '2026-11-02T04:00:00Z',
        ],
        [
          'window 00:00-24:00 on spring-forward day holds 23 h',
          sundayOnly([['00:00', '24:00']]),
          '2026-03-07T12:00:00Z',
          h(23),
          '2026-03-09T04:00:00Z',
        ],
        [
          'window 00:00-24:00 on fall-back day holds 25 h',
          sundayOnly([['00:00', '24:00']]),
          '2026-10-31T12:00:00Z',
          h(25),
          '2026-11-02T05:00:00Z',
        ],
        [
          'window starting in the skipped hour (02:30) starts at 03:00 EDT',
          sundayOnly([['02:30', '03:30']]),
          '2026-03-08T06:00:00Z',
          10,
          '2026-03-08T07:10:00Z',
        ],
        [
          'window inside the skipped hour is empty: next Sunday',
          sundayOnly([['02:00', '03:00']]),
          '2026-03-08T00:00:00Z',
          10,
          '2026-03-15T06:10:00Z',
        ],
        [
          'repeated hour 01:00-01:30: first pass (EDT) then second pass (EST)',
          sundayOnly([['01:00', '01:30']]),
          '2026-11-01T04:00:00Z',
          45,
          '2026-11-01T06:15:00Z',
        ],
        [
          'business hours: Friday 16:00 EST + 2h -> Monday 10:00 EDT',
          defaultCalendarById('us-eastern')?.calendar as BusinessCalendar,
          '2026-03-06T21:00:00Z',
          120,
          '2026-03-09T14:00:00Z',
        ],
        [
          'business hours: Friday 16:00 EDT + 2h -> Monday 10:00 EST',
          defaultCalendarById('us-eastern')?.calendar as BusinessCalendar,
          '2026-10-30T20:00:00Z',
          120,
          '2026-11-02T15:00:00Z',
        ],
      ]),
    )('$name', expectDue);
  });

  describe('daylight saving in Europe/Berlin (2026-03-29, 2026-10-25)', () => {
    const sunday = (windows: Array<[string, string]>): BusinessCalendar => ({
      timeZone: 'Europe/Berlin',
      week: { sun: windows },
    });
    it.each(
      rows([
        [
          'window 02:00-03:00 on spring-forward day does not exist: next Sunday',
          sunday([['02:00', '03:00']]),
          '2026-03-28T12:00:00Z',
          1,
          '2026-04-05T00:01:00Z',
        ],
        [
          'window 02:00-03:00 on fall-back day lasts 2 h',
          sunday([['02:00', '03:00']]),
          '2026-10-24T12:00:00Z',
          120,
          '2026-10-25T02:00:00Z',
        ],
        [
          '24x7 across spring forward equals real time',
          everyDay('Europe/Berlin'),
          '2026-03-28T23:00:00Z',
          h(48),
          '2026-03-30T23:00:00Z',
        ],
        [
          'eu-berlin: Friday 15:30 CEST + 2h -> Monday 09:00 CET',
          defaultCalendarById('eu-berlin')?.calendar as BusinessCalendar,
          '2026-10-23T13:30:00Z',
          120,
          '2026-10-26T08:00:00Z',
        ],
      ]),
    )('$name', expectDue);
  });

  describe('zones with non-hour offsets', () => {
    it.each(
      rows([
        [
          'Kolkata (+05:30): Friday 17:00 + 2h over a weekend',
          monToFri('Asia/Kolkata', [['09:30', '18:00']]),
          '2026-01-09T11:30:00Z',
          120,
          '2026-01-12T05:00:00Z',
        ],
        [
          'Adelaide 24x7 across DST end (+10:30 -> +09:30)',
          everyDay('Australia/Adelaide'),
          '2026-04-04T13:30:00Z',
          h(25),
          '2026-04-05T14:30:00Z',
        ],
        [
          'Adelaide 9-17 Mon-Fri across DST start: Friday 16:00 ACST + 2h -> Monday 10:00 ACDT',
          monToFri('Australia/Adelaide', [['09:00', '17:00']]),
          '2026-10-02T06:30:00Z',
          120,
          '2026-10-04T23:30:00Z',
        ],
        [
          'Lord Howe moves by 30 min: 24 working hours on 2026-10-04 span 23.5 h of day',
          { timeZone: 'Australia/Lord_Howe', week: { sun: [['00:00', '24:00']] } },
          '2026-10-03T13:30:00Z',
          h(23, 30),
          '2026-10-04T13:00:00Z',
        ],
      ]),
    )('$name', expectDue);
  });

  describe('Asia/Shanghai with 2026 public holidays and make-up workdays (cn-mainland-2026)', () => {
    const cn = defaultCalendarById('cn-mainland-2026')?.calendar as BusinessCalendar;
    it.each(
      rows([
        ['before lunch, finishes after lunch', cn, '2026-03-02T03:30:00Z', 60, '2026-03-02T06:00:00Z'],
        ['starting in the lunch break counts from 13:30', cn, '2026-03-02T04:15:00Z', 1, '2026-03-02T05:31:00Z'],
        [
          'Friday 17:00 + 2h -> Saturday 2026-02-14, a make-up workday (调休)',
          cn,
          '2026-02-13T09:00:00Z',
          120,
          '2026-02-14T02:00:00Z',
        ],
        [
          'Saturday make-up day, then the 9-day Spring Festival break',
          cn,
          '2026-02-14T09:00:00Z',
          120,
          '2026-02-24T02:00:00Z',
        ],
        [
          'Sunday 2026-01-04 is a make-up workday after New Year',
          cn,
          '2026-01-01T00:00:00Z',
          60,
          '2026-01-04T02:00:00Z',
        ],
        [
          'National Day week: Wednesday 17:00 + 2h -> Thursday 2026-10-08',
          cn,
          '2026-09-30T09:00:00Z',
          120,
          '2026-10-08T02:00:00Z',
        ],
        ['Sunday 2026-09-20 is a make-up workday', cn, '2026-09-19T00:00:00Z', 60, '2026-09-20T02:00:00Z'],
        [
          'a month of work: 22 days x 7.5 h from New Year',
          cn,
          '2026-01-01T00:00:00Z',
          22 * 450,
          '2026-02-02T10:00:00Z',
        ],
      ]),
    )('$name', expectDue);

    it('a day off by override wins over the week', () => {
      const cal: BusinessCalendar = {
        timeZone: 'Asia/Shanghai',
        week: { thu: [['09:00', '18:00']] },
        overrides: { '2026-10-08': [] },
      };
      expect(addWorkingTime(cal, at('2026-10-07T16:00:00Z'), 60).toISOString()).toBe('2026-10-15T02:00:00.000Z');
    });

    it('an override wins over a holiday on the same date', () => {
      const cal: BusinessCalendar = {
        timeZone: 'Asia/Shanghai',
        week: {},
        holidays: ['2026-10-08'],
        overrides: { '2026-10-08': [['14:00', '15:00']] },
      };
      expect(addWorkingTime(cal, at('2026-10-07T16:00:00Z'), 30).toISOString()).toBe('2026-10-08T06:30:00.000Z');
    });
  });

  describe('24x7 equals elapsed real time', () => {
    const always = defaultCalendarById('always-on')?.calendar as BusinessCalendar;
    it.each([
      ['UTC default', always],
      ['New York', everyDay('America/New_York')],
      ['Berlin', everyDay('Europe/Berlin')],
      ['Adelaide', everyDay('Australia/Adelaide')],
    ])('%s: 3 years of minutes', (_name, calendar) => {
      const start = at('2025-12-31T12:34:56.789Z');
      const minutes = 3 * 365 * 1440 + 7;
      expect(addWorkingTime(calendar, start, minutes).getTime()).toBe(start.getTime() + minutes * 60_000);
    });
  });

  describe('edge cases and errors', () => {
    const berlin = monToFri('Europe/Berlin', [['08:00', '16:30']]);

    it('0 minutes returns the start itself, even outside working hours (a new Date)', () => {
      const start = at('2026-01-03T23:59:59.999Z');
      const due = addWorkingTime(berlin, start, 0);
      expect(due.getTime()).toBe(start.getTime());
      expect(due).not.toBe(start);
    });

    it('fractional minutes keep millisecond precision and round up', () => {
      expect(addWorkingTime(berlin, at('2026-01-05T07:00:00Z'), 0.5).toISOString()).toBe('2026-01-05T07:00:30.000Z');
      expect(addWorkingTime(berlin, at('2026-01-05T07:00:00Z'), 1 / 60_000).toISOString()).toBe(
        '2026-01-05T07:00:00.001Z',
      );
      expect(addWorkingTime(berlin, at('2026-01-05T07:00:00Z'), 0.1 / 60_000).toISOString()).toBe(
        '2026-01-05T07:00:00.001Z',
      );
    });

    it('lands exactly on the end of a window, not the start of the next', () => {
      expect(addWorkingTime(berlin, at('2026-01-05T07:00:00Z'), 510).toISOString()).toBe('2026-01-05T15:30:00.000Z');
      // A whole week of work ends on Friday's close, not Monday's opening.
      expect(addWorkingTime(berlin, at('2026-01-05T07:00:00Z'), 5 * 510).toISOString()).toBe(
        '2026-01-09T15:30:00.000Z',
      );
      expect(addWorkingTime(berlin, at('2026-01-05T07:00:00Z'), 50 * 5 * 510).toISOString()).toBe(
        '2026-12-18T15:30:00.000Z',
      );
    });

    it('the JSDoc example holds', () => {
      const cal: BusinessCalendar = {
        timeZone: 'Europe/Berlin',
        week: { mon: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
      };
      expect(addWorkingTime(cal, new Date('2026-01-02T15:00:00Z'), 120).toISOString()).toBe('2026-01-05T09:00:00.000Z');
    });

    it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '5' as unknown as number])(
      'minutes %p -> CALENDAR_BAD_MINUTES',
      (minutes) => {
        expect(() => addWorkingTime(berlin, at('2026-01-05T07:00:00Z'), minutes)).toThrow(
          expect.objectContaining({ code: CalendarErrorCode.BadMinutes }),
        );
      },
    );

    it('accepts a Date from another realm (vm context)', () => {
      const foreign = runInNewContext("new Date('2026-01-05T07:00:00Z')") as Date;
      expect(addWorkingTime(berlin, foreign, 60).toISOString()).toBe('2026-01-05T08:00:00.000Z');
    });

    it('an Invalid Date -> CALENDAR_BAD_INSTANT', () => {
      expect(() => addWorkingTime(berlin, new Date('not a date'), 5)).toThrow(
        expect.objectContaining({ code: CalendarErrorCode.BadInstant }),
      );
    });

    it('an invalid calendar -> CALENDAR_INVALID with every issue', () => {
      const bad = { timeZone: 'Nowhere/City', week: { mon: [['18:00', '09:00']] } } as BusinessCalendar;
      let error: unknown;
      try {
        addWorkingTime(bad, at('2026-01-05T07:00:00Z'), 5);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: CalendarErrorCode.Invalid });
      expect((error as DomainError).issues.map((i) => i.code)).toEqual([
        CalendarErrorCode.BadZone,
        CalendarErrorCode.ReversedWindow,
      ]);
    });

    it.each<[string, BusinessCalendar]>([
      ['an empty week', { timeZone: 'UTC', week: {} }],
      [
        'an empty week whose overrides are all past',
        { timeZone: 'UTC', week: {}, overrides: { '2025-12-01': [['09:00', '10:00']] } },
      ],
      [
        'days with no windows, only days off ahead',
        { timeZone: 'UTC', week: { mon: [], tue: [] }, overrides: { '2026-05-01': [] } },
      ],
      [
        'only a window that daylight saving skips every year',
        { timeZone: 'America/New_York', week: {}, overrides: { '2026-03-08': [['02:00', '03:00']] } },
      ],
    ])('no working time after the start (%s) -> CALENDAR_NO_WORKING_TIME, no endless loop', (_name, calendar) => {
      expect(() => addWorkingTime(calendar, at('2026-01-05T07:00:00Z'), 5)).toThrow(
        expect.objectContaining({ code: CalendarErrorCode.NoWorkingTime }),
      );
    });

    it('finds a lone future override in an otherwise empty calendar', () => {
      const cal: BusinessCalendar = { timeZone: 'UTC', week: {}, overrides: { '2030-06-01': [['09:00', '10:00']] } };
      expect(addWorkingTime(cal, at('2026-01-05T07:00:00Z'), 30).toISOString()).toBe('2030-06-01T09:30:00.000Z');
    });

    it('a result past the range of Date -> CALENDAR_OUT_OF_RANGE', () => {
      expect(() => addWorkingTime(everyDay('UTC'), at('+275000-01-01T00:00:00Z'), 1e9)).toThrow(
        expect.objectContaining({ code: CalendarErrorCode.OutOfRange }),
      );
    });
  });
});
