import type { SupportLine } from '../supportLine';

/** Grade ids are admin-defined strings (matching `GradeId` in src/contract/ids.ts). */
export type GradeId = string;

/**
 * Fraction of a line's budget after which the line is warned. Range (0, 1]; 1 means warn only
 * when the time is up. Default 0.75: a quarter of the budget is left to act on the warning.
 */
export const DEFAULT_WARNING_FRACTION = 0.75;

/** One line's share of the resolution time (the OLA). */
export interface OlaLineShare {
  /** Percent of the resolution time (unit 'percent', > 0) or working minutes (unit 'minutes', integer > 0). */
  amount: number;
  /** Calendar the line works on; defaults to the SLA's. Lets lines in other regions follow the sun. */
  calendarId?: string;
  /** Overrides DEFAULT_WARNING_FRACTION for this line; range (0, 1]. */
  warningFraction?: number;
}

/**
 * How the promise to the customer is divided among the lines. The OLA must carry the SLA: shares sum to
 * 100 % or to exactly the resolution minutes. With per-line calendars the minutes are each line's own
 * working minutes, so the sum is a budget check, not a wall-clock guarantee.
 */
export interface OlaSplit {
  unit: 'percent' | 'minutes';
  lines: Readonly<Record<SupportLine, OlaLineShare>>;
}

/** The promise made to the customer for one grade. Minutes are working minutes on `calendarId`. */
export interface GradeSla {
  /** Time to first response (acceptance); integer > 0, at most `resolutionMinutes`. */
  responseMinutes: number;
  /** Time to resolution, split among the lines by `ola`; integer > 0. */
  resolutionMinutes: number;
  calendarId: string;
  ola: OlaSplit;
}

export type SlaByGrade = Readonly<Record<GradeId, GradeSla>>;

/** A line's budget for one grade, ready for `lineDeadlines`. */
export interface LineBudget {
  line: SupportLine;
  /** Whole working minutes on `calendarId`. */
  minutes: number;
  calendarId: string;
  warningFraction: number;
}

/**
 * Waiting for the customer (or another pause the process allows): `[from, to)`. `to: null` means the
 * pause is still running, so the line's clock is stopped.
 */
export interface Pause {
  from: Date;
  to: Date | null;
}
