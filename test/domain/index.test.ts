import * as domain from '../../src/domain';
import {
  type addWorkingTime,
  decideEscalation,
  defaultCalendarById,
  DEFAULT_GRADING_TABLE,
  gradeIssue,
  lineBudget,
  type workingMinutesBetween,
  type BusinessCalendar,
  type SupportLine,
  type Validated,
  type ValidationIssue,
  type Weekday,
  type Window,
} from '../../src/domain';
import { at } from './fixtures';

// Compile-time: the calendar API is re-exported with exactly these signatures.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const addSig: Same<typeof addWorkingTime, (cal: BusinessCalendar, start: Date, minutes: number) => Date> = true;
const betweenSig: Same<typeof workingMinutesBetween, (cal: BusinessCalendar, from: Date, to: Date) => number> = true;
const typesUsed: [Window, Weekday, Validated<number>, ValidationIssue] | undefined = undefined;

describe('src/domain index', () => {
  it.each([
    'addWorkingTime',
    'workingMinutesBetween',
    'DomainError',
    'ITR_KINDS',
    'classify',
    'recordClassification',
    'nextLine',
    'gradeIssue',
    'validateGradingTable',
    'scoreRange',
    'gradeSeverity',
    'lineBudget',
    'lineDeadlines',
    'consumedWorkingMinutes',
    'lineClockStatus',
    'decideEscalation',
    'acceptanceDecision',
    'DEFAULT_GRADING_TABLE',
    'DEFAULT_SLA',
    'REFERENCE_CALENDAR_IDS',
    'GradingErrorCode',
    'SlaErrorCode',
    'EscalationErrorCode',
    'ClassificationReason',
    'localize',
  ])('exports %s', (name) => {
    expect(addSig && betweenSig && typesUsed === undefined).toBe(true);
    expect(domain).toHaveProperty(name);
  });

  it('supports the whole flow: grade → OLA budget → escalation on reference calendars', () => {
    const graded = gradeIssue(DEFAULT_GRADING_TABLE, {
      businessImpact: 'severe',
      duration: 'h4to24',
      scope: 'medium',
      customerTier: 'standard',
      sensitivity: 'none',
    });
    expect(graded).toMatchObject({ ok: true, grade: 'major', score: 28 + 12 + 6 + 3 });
    if (!graded.ok) return;
    const calendarFor = (_line: SupportLine, id: string): BusinessCalendar | undefined =>
      defaultCalendarById(id)?.calendar;
    // Major L1 = 337 working minutes on cn-mainland-2026. Entered Fri 2026-03-06 16:00 Shanghai (08:00Z):
    // 120 min on Friday, 217 on Monday from 09:00 → 12:00 (180), then 13:30 + 37 = 14:07 Shanghai (06:07Z).
    const enteredAt = at('2026-03-06T08:00:00Z');
    const decision = decideEscalation({
      table: DEFAULT_GRADING_TABLE,
      grade: graded.grade,
      line: 'L1',
      enteredAt,
      pauses: [],
      now: at('2026-03-09T06:07:00Z'),
      calendarFor,
    });
    expect(lineBudget(DEFAULT_GRADING_TABLE, graded.grade, 'L1').minutes).toBe(337);
    expect(decision).toEqual({ action: 'escalate', from: 'L1', to: 'L2', dueAt: at('2026-03-09T06:07:00Z') });
  });
});
