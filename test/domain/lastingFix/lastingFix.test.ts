/** Lasting fixes (issue 17): state, what a request must hold, and the one reminder. */
import fc from 'fast-check';
import {
  dayIn,
  isDay,
  lastingFixRequestProblems,
  lastingFixState,
  reminderDue,
  type LastingFixState,
} from '../../../src/domain/lastingFix/lastingFix';

describe('lastingFixState', () => {
  it.each<[string, boolean, string, string, LastingFixState]>([
    ['open before its due day', false, '2026-12-10', '2026-12-07', 'open'],
    ['open on its due day (not late yet)', false, '2026-12-07', '2026-12-07', 'open'],
    ['overdue the day after', false, '2026-12-07', '2026-12-08', 'overdue'],
    ['overdue across a year end', false, '2026-12-31', '2027-01-01', 'overdue'],
    ['done before its due day', true, '2026-12-10', '2026-12-07', 'done'],
    ['done late is still done (not overdue)', true, '2026-12-01', '2026-12-07', 'done'],
  ])('%s', (_label, done, dueDate, today, expected) => {
    expect(lastingFixState({ done, dueDate, today })).toBe(expected);
  });

  it('agrees with a date-arithmetic oracle for any pair of days', () => {
    const day = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(day, day, fc.boolean(), (due, now, done) => {
        const dueDate = due.toISOString().slice(0, 10);
        const today = now.toISOString().slice(0, 10);
        const late = Date.parse(today) > Date.parse(dueDate);
        expect(lastingFixState({ done, dueDate, today })).toBe(done ? 'done' : late ? 'overdue' : 'open');
      }),
    );
  });
});

describe('isDay / dayIn', () => {
  it.each([
    ['2026-12-07', true],
    ['2028-02-29', true],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-1-5', false],
    ['07/12/2026', false],
    ['', false],
    [20261207, false],
  ])('isDay(%p) is %p', (v, ok) => {
    expect(isDay(v)).toBe(ok);
  });

  it.each([
    ['2026-12-07T15:59:59Z', 'Asia/Shanghai', '2026-12-07'],
    ['2026-12-07T16:00:00Z', 'Asia/Shanghai', '2026-12-08'],
    ['2026-12-07T16:00:00Z', 'UTC', '2026-12-07'],
    ['2026-03-08T07:30:00Z', 'America/Los_Angeles', '2026-03-07'], // the night US daylight saving starts
  ])('dayIn(%s, %s) is %s', (instant, zone, day) => {
    expect(dayIn(new Date(instant), zone)).toBe(day);
  });
});

describe('lastingFixRequestProblems', () => {
  const ok = {
    assignee: 'acc-1',
    dueDate: '2026-12-20',
    summary: 'Add a watchdog test to the build',
    today: '2026-12-07',
  };

  it('accepts a complete request due today or later', () => {
    expect(lastingFixRequestProblems(ok)).toEqual([]);
    expect(lastingFixRequestProblems({ ...ok, dueDate: '2026-12-07' })).toEqual([]);
  });

  it.each([
    [
      'a past due date (Jira would take it; the app does not)',
      { dueDate: '2026-12-06' },
      ['LASTING_FIX_DUE_DATE_PAST'],
    ],
    ['a malformed due date', { dueDate: '2026-12-32' }, ['LASTING_FIX_DUE_DATE_INVALID']],
    ['no assignee', { assignee: null }, ['LASTING_FIX_ASSIGNEE_REQUIRED']],
    ['a blank summary', { summary: '  ' }, ['LASTING_FIX_SUMMARY_REQUIRED']],
    [
      'everything wrong at once, each reported',
      { summary: '', assignee: '', dueDate: 'soon' },
      ['LASTING_FIX_SUMMARY_REQUIRED', 'LASTING_FIX_ASSIGNEE_REQUIRED', 'LASTING_FIX_DUE_DATE_INVALID'],
    ],
  ])('refuses %s', (_label, change, codes) => {
    expect(lastingFixRequestProblems({ ...ok, ...change }).map((p) => p.code)).toEqual(codes);
  });
});

describe('reminderDue', () => {
  const at = new Date('2026-12-07T01:00:00Z');
  it.each<[string, { done: boolean; dueDate: string; today: string; remindedAt: Date | null }, boolean]>([
    ['not yet due', { done: false, dueDate: '2026-12-08', today: '2026-12-07', remindedAt: null }, false],
    ['due today, never reminded', { done: false, dueDate: '2026-12-07', today: '2026-12-07', remindedAt: null }, true],
    ['overdue, never reminded', { done: false, dueDate: '2026-12-01', today: '2026-12-07', remindedAt: null }, true],
    [
      'due, already reminded: once only',
      { done: false, dueDate: '2026-12-07', today: '2026-12-09', remindedAt: at },
      false,
    ],
    ['done: nothing to remind', { done: true, dueDate: '2026-12-01', today: '2026-12-07', remindedAt: null }, false],
  ])('%s → %p', (_label, fix, expected) => {
    expect(reminderDue(fix)).toBe(expected);
  });

  it('reminds at most once over any run of sweeps', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 30 }), (offsets) => {
        let remindedAt: Date | null = null;
        let sent = 0;
        for (const o of [...offsets].sort((a, b) => a - b)) {
          const today = new Date(Date.UTC(2026, 11, 1 + o)).toISOString().slice(0, 10);
          if (reminderDue({ done: false, dueDate: '2026-12-15', today, remindedAt })) {
            sent++;
            remindedAt = new Date(Date.UTC(2026, 11, 1 + o));
          }
        }
        expect(sent).toBe(offsets.some((o) => o >= 14) ? 1 : 0);
      }),
    );
  });
});
