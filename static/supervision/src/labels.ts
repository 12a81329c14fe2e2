/**
 * What a chart shows in place of the codes and keys its data holds: kinds and support lines from the
 * catalogue, grades and customer tiers by the grading table's names (sent with the chart), periods and
 * cycle-time buckets as dates and durations in the user's language. Products, regions and departments
 * are names people typed: shown as they are.
 */
import type { CodeLabels } from '../../../src/contract/analytics';
import type { I18n, MessageKey } from '../../shared/i18n';

export type Granularity = 'day' | 'week' | 'month';

/** The ITR kinds in the process's order. */
export const KIND_ORDER: readonly string[] = ['technicalService', 'nonTechnicalService', 'spareParts', 'complaint'];
const KINDS = new Set(KIND_ORDER);
const LINES = new Set(['L1', 'L2', 'L3']);
/** Cycle buckets from this many hours on read in days ("2–3 d"), below it in hours. */
const DAYS_FROM_HOURS = 48;

export interface ChartLabels {
  /** An ITR kind; a null kind is "(none)". */
  kind: (code: string | null) => string;
  /** A support line (L1…L3) by its name. */
  line: (code: string) => string;
  /** A grade or customer tier by the grading table's name; a code the table no longer has, as stored. */
  coded: (code: string | null, labels: CodeLabels) => string;
  /** Free text (product, region): itself, or "(none)". */
  free: (value: string | null) => string;
  /** A period label of the server ("2026-03", "2026-03-02") on an axis: short. */
  periodShort: (period: string, granularity: Granularity) => string;
  /** The same in a table or a bar's name: with the year, and "Week of …" for weeks. */
  periodLong: (period: string, granularity: Granularity) => string;
  /** A cycle-time bucket: "under 1 h", "4–8 h", "2–3 d", "90 d or more". */
  cycleBucket: (fromHours: number, toHours: number | null) => string;
  /** A count in the user's number format. */
  count: (n: number) => string;
  /** A fraction 0–1 as a percentage with at most one decimal. */
  percent: (x: number) => string;
}

/** The start of a period label as a UTC date, or null when it is not one. */
export function periodStart(period: string): Date | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(period);
  if (m === null) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls "2026-13" over into 2027: only a date that reads back the same is one.
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? d : null;
}

/** One set of formatters per I18n (Intl constructors are slow, and every chart asks on every render). */
const cache = new WeakMap<I18n, ChartLabels>();

export function chartLabels(i18n: I18n): ChartLabels {
  const known = cache.get(i18n);
  if (known !== undefined) return known;
  const labels = makeLabels(i18n);
  cache.set(i18n, labels);
  return labels;
}

function makeLabels(i18n: I18n): ChartLabels {
  const { t, formatLocale, locale } = i18n;
  // A period is a calendar day or month of the server's UTC grouping, not an instant: formatted in UTC so
  // it keeps its date in every zone (no time is shown).
  const fmt = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(formatLocale, { ...options, timeZone: 'UTC' });
  const monthShort = fmt({ year: 'numeric', month: 'short' });
  const dayShort = fmt({ month: 'short', day: 'numeric' });
  const dayLong = fmt({ year: 'numeric', month: 'short', day: 'numeric' });
  const number = new Intl.NumberFormat(formatLocale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(formatLocale, { style: 'percent', maximumFractionDigits: 1 });
  return {
    kind: (code) => (code === null ? t('sup.none') : KINDS.has(code) ? t(`kind.${code}` as MessageKey) : code),
    line: (code) => (LINES.has(code) ? t(`line.${code}` as MessageKey) : code),
    coded: (code, labels) => {
      if (code === null) return t('sup.none');
      const label = labels[code];
      return label === undefined ? code : label[locale];
    },
    free: (value) => value ?? t('sup.none'),
    periodShort: (period, g) => {
      const d = periodStart(period);
      if (d === null) return period;
      return g === 'month' ? monthShort.format(d) : dayShort.format(d);
    },
    periodLong: (period, g) => {
      const d = periodStart(period);
      if (d === null) return period;
      if (g === 'month') return monthShort.format(d);
      return g === 'week' ? t('sup.period.week', { date: dayLong.format(d) }) : dayLong.format(d);
    },
    cycleBucket: (from, to) => {
      if (from === 0 && to !== null) return t('sup.cycle.under', { to: number.format(to) });
      // The open-ended last bucket starts at 90 days (CYCLE_BUCKET_UPPER_HOURS): always in days.
      if (to === null) return t('sup.cycle.over', { from: number.format(from / 24) });
      return from >= DAYS_FROM_HOURS
        ? t('sup.cycle.days', { from: number.format(from / 24), to: number.format(to / 24) })
        : t('sup.cycle.hours', { from: number.format(from), to: number.format(to) });
    },
    count: (n) => number.format(n),
    percent: (x) => percent.format(x),
  };
}
