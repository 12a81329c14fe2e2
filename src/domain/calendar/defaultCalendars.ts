import type { BusinessCalendar, Weekday, Window } from './businessCalendar.types';

/** A ready-made calendar admins can pick, named in both languages the app ships. */
export interface DefaultCalendar {
  readonly id: string;
  readonly name: { readonly en: string; readonly 'zh-CN': string };
  readonly calendar: BusinessCalendar;
}

function weekdays(windows: Window[]): Partial<Record<Weekday, Window[]>> {
  return { mon: windows, tue: windows, wed: windows, thu: windows, fri: windows };
}

/** Every day from `first` to `last` inclusive, both "YYYY-MM-DD" in one month. */
function dateRange(first: string, last: string): string[] {
  const prefix = first.slice(0, 8);
  const days: string[] = [];
  for (let day = Number(first.slice(8)); day <= Number(last.slice(8)); day++)
    days.push(`${prefix}${String(day).padStart(2, '0')}`);
  return days;
}

const CN_WORKDAY: Window[] = [
  ['09:00', '12:00'],
  ['13:30', '18:00'],
];

/**
 * PRC public holidays 2026 and make-up workdays (调休), from 国务院办公厅关于2026年部分节假日安排的通知
 * (State Council notice of 2025-11-04, as published by Xinhua). Weekend days inside a break are
 * listed too, so each holiday reads as one block. Make-up workdays are overrides with the usual
 * hours: they fall on weekends, where the week has none.
 */
const CN_HOLIDAYS_2026: string[] = [
  ...dateRange('2026-01-01', '2026-01-03'), // 元旦 New Year's Day
  ...dateRange('2026-02-15', '2026-02-23'), // 春节 Spring Festival
  ...dateRange('2026-04-04', '2026-04-06'), // 清明节 Qingming
  ...dateRange('2026-05-01', '2026-05-05'), // 劳动节 Labour Day
  ...dateRange('2026-06-19', '2026-06-21'), // 端午节 Dragon Boat Festival
  ...dateRange('2026-09-25', '2026-09-27'), // 中秋节 Mid-Autumn Festival
  ...dateRange('2026-10-01', '2026-10-07'), // 国庆节 National Day
];

const CN_MAKEUP_WORKDAYS_2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

const ALL_DAY: Window[] = [['00:00', '24:00']];

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Frozen: the calculations cache per calendar object, so a shared default must never change
 * under them. Copy one (structuredClone) to customise it.
 */
export const DEFAULT_CALENDARS: readonly DefaultCalendar[] = deepFreeze([
  {
    id: 'cn-mainland-2026',
    name: {
      en: 'Mainland China 2026 (public holidays and make-up workdays)',
      'zh-CN': '中国大陆 2026（法定节假日及调休）',
    },
    calendar: {
      timeZone: 'Asia/Shanghai',
      week: weekdays(CN_WORKDAY),
      holidays: CN_HOLIDAYS_2026,
      overrides: Object.fromEntries(CN_MAKEUP_WORKDAYS_2026.map((date) => [date, CN_WORKDAY])),
    },
  },
  {
    id: 'us-eastern',
    name: {
      en: 'US Eastern business hours (9:00–17:00, Mon–Fri)',
      'zh-CN': '美国东部工作时间（周一至周五 9:00–17:00）',
    },
    calendar: { timeZone: 'America/New_York', week: weekdays([['09:00', '17:00']]) },
  },
  {
    id: 'eu-berlin',
    name: { en: 'Berlin business hours (8:00–16:30, Mon–Fri)', 'zh-CN': '柏林工作时间（周一至周五 8:00–16:30）' },
    calendar: { timeZone: 'Europe/Berlin', week: weekdays([['08:00', '16:30']]) },
  },
  {
    id: 'always-on',
    name: { en: 'Always on (24×7)', 'zh-CN': '全天候（7×24 小时）' },
    calendar: {
      timeZone: 'UTC',
      week: { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY },
    },
  },
]);

export function defaultCalendarById(id: string): DefaultCalendar | undefined {
  return DEFAULT_CALENDARS.find((entry) => entry.id === id);
}
