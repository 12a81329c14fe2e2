import { calendarError, CalendarErrorCode } from './calendar.errors';

/**
 * A bound on how much calendar walking one request may do, shared by every calculation that request
 * makes. A step is one local day generated or one run of whole weeks skipped; the cost of a walk is
 * linear in them, and a sparse calendar (one working minute a week) with a large budget walks
 * centuries. Counting steps, not time, keeps the bound deterministic and testable.
 */
export class CalendarWork {
  private used = 0;

  /** @param maxSteps steps allowed in total; past it the walk stops with CALENDAR_WORK_LIMIT. */
  constructor(readonly maxSteps: number) {}

  get steps(): number {
    return this.used;
  }

  /** Counts one step; throws once the bound is passed. */
  step(): void {
    this.used += 1;
    if (this.used > this.maxSteps) {
      throw calendarError(
        CalendarErrorCode.WorkLimit,
        `the deadline lies too far ahead on this calendar (more than ${this.maxSteps} calendar steps)`,
      );
    }
  }
}
