import { addWorkingTime, type BusinessCalendar, workingMinutesBetween } from '../../../src/domain/calendar';
import * as validation from '../../../src/domain/calendar/validateCalendar';

describe('calendar validation cache', () => {
  it('validates each calendar object once, however often it is used', () => {
    const spy = jest.spyOn(validation, 'validateCalendar');
    const cal: BusinessCalendar = { timeZone: 'Europe/Berlin', week: { mon: [['09:00', '17:00']] } };
    const start = new Date('2026-01-05T08:00:00Z');
    for (let i = 0; i < 5; i++) {
      addWorkingTime(cal, start, 60);
      workingMinutesBetween(cal, start, new Date('2026-01-06T08:00:00Z'));
    }
    expect(spy).toHaveBeenCalledTimes(1);
    // An equal but distinct object is validated on its own.
    addWorkingTime({ ...cal }, start, 60);
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });

  it('keeps throwing for an invalid calendar (failures are not cached as valid)', () => {
    const bad = { timeZone: 'UTC', week: { mon: [['17:00', '09:00']] } } as BusinessCalendar;
    expect(() => addWorkingTime(bad, new Date(0), 1)).toThrow('week.mon[0]');
    expect(() => addWorkingTime(bad, new Date(0), 1)).toThrow('week.mon[0]');
  });
});
