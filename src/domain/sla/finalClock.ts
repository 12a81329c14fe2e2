import type { BusinessCalendar } from '../calendar/businessCalendar.types';
import { consumedWorkingMinutes } from './deadlines';
import type { Pause } from './sla.types';

/**
 * A clock's state once the issue is done (JSM's SLA panel: "met" with the time to spare, or "breached"
 * and by how much). Minutes are whole working minutes on the clock's calendar, paused time excluded.
 */
export type FinalClockState =
  | { outcome: 'met'; spareMinutes: number; stoppedAt: Date }
  | { outcome: 'breached'; overMinutes: number; stoppedAt: Date };

/**
 * Where the clock stood when it stopped: its stored due time (the one source of truth, as the app wrote
 * it to the field), or, when none is stored because the clock was paused as the issue became
 * done, its budget counted from its start.
 */
export type StoppedClock = { dueAt: Date } | { startedAt: Date; budgetMinutes: number };

export interface FinalClockInput {
  calendar: BusinessCalendar;
  clock: StoppedClock;
  /** When the clock stopped: the issue became done, or the owner accepted (response clock). */
  stoppedAt: Date;
  /** Waiting-for-customer pauses; they neither consume the budget nor count as time over. */
  pauses?: readonly Pause[];
}

/**
 * The final state of a stopped clock. The due instant is inclusive, as `lineClockStatus` has it:
 * stopping exactly at the due time is a breach by 0 minutes.
 *
 * @example
 * // 24×7 calendar, due 10:00, done 09:20: met with 40 minutes to spare.
 * finalClockState({ calendar: alwaysOn, clock: { dueAt: new Date('2026-03-02T10:00Z') }, stoppedAt: new Date('2026-03-02T09:20Z') })
 * // { outcome: 'met', spareMinutes: 40, stoppedAt: 2026-03-02T09:20Z }
 */
export function finalClockState(input: FinalClockInput): FinalClockState {
  const { calendar, clock, stoppedAt } = input;
  const pauses = input.pauses ?? [];
  if ('dueAt' in clock) {
    if (stoppedAt.getTime() < clock.dueAt.getTime()) {
      const spare = consumedWorkingMinutes({ calendar, enteredAt: stoppedAt, pauses, now: clock.dueAt });
      return { outcome: 'met', spareMinutes: Math.floor(spare), stoppedAt };
    }
    const over = consumedWorkingMinutes({ calendar, enteredAt: clock.dueAt, pauses, now: stoppedAt });
    return { outcome: 'breached', overMinutes: Math.ceil(over), stoppedAt };
  }
  const left =
    clock.budgetMinutes - consumedWorkingMinutes({ calendar, enteredAt: clock.startedAt, pauses, now: stoppedAt });
  return left > 0
    ? { outcome: 'met', spareMinutes: Math.floor(left), stoppedAt }
    : { outcome: 'breached', overMinutes: Math.ceil(-left), stoppedAt };
}
