/**
 * The grading preview's "accepted at" is a wall clock in the reader's zone: datetime-local text ↔ an
 * instant, pinned to real offsets and daylight-saving days (static/grading-admin/src/grading/zonedTime.ts).
 */
import { instantOf, wallClock } from '../../static/grading-admin/src/grading/zonedTime';

describe('wallClock / instantOf', () => {
  it.each([
    ['Asia/Shanghai (UTC+8, no DST)', 'Asia/Shanghai', '2026-12-07T02:10', '2026-12-06T18:10:00.000Z'],
    ['UTC itself', 'UTC', '2026-12-07T02:10', '2026-12-07T02:10:00.000Z'],
    ['New York in winter (UTC-5)', 'America/New_York', '2026-01-15T09:00', '2026-01-15T14:00:00.000Z'],
    ['New York in summer (UTC-4)', 'America/New_York', '2026-07-15T09:00', '2026-07-15T13:00:00.000Z'],
    ['Berlin on the day clocks go back (after)', 'Europe/Berlin', '2026-10-25T12:00', '2026-10-25T11:00:00.000Z'],
    ['Berlin the day before (CEST)', 'Europe/Berlin', '2026-10-24T12:00', '2026-10-24T10:00:00.000Z'],
  ])('%s', (_name, zone, local, iso) => {
    expect(instantOf(local, zone)).toBe(iso);
    expect(wallClock(Date.parse(iso), zone)).toBe(local);
  });

  it('puts a wall time the spring jump skips (02:30 in New York, 2026-03-08) on the reading an hour before', () => {
    const iso = instantOf('2026-03-08T02:30', 'America/New_York');
    expect(iso).toBe('2026-03-08T06:30:00.000Z');
    expect(wallClock(Date.parse(iso ?? ''), 'America/New_York')).toBe('2026-03-08T01:30');
  });

  it('answers null for text that is no time', () => {
    expect(instantOf('', 'Asia/Shanghai')).toBeNull();
    expect(instantOf('2026-13-40T99:99', 'Asia/Shanghai')).toBeNull();
    expect(instantOf('yesterday', null)).toBeNull();
  });
});
