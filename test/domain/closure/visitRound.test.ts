/** A resolution and the return visit (issue 14): a new round only for a later resolution after a recorded visit. */
import { visitOnResolution, type CurrentVisit, type VisitOnResolution } from '../../../src/domain/closure';

const resolved = new Date('2026-03-02T10:00:00Z');
const later = new Date('2026-03-05T09:00:00Z');
const earlier = new Date('2026-03-01T09:00:00Z');

describe('visitOnResolution', () => {
  it.each<[string, CurrentVisit | null, Date, VisitOnResolution]>([
    ['first resolution: open the visit', null, resolved, 'open'],
    [
      'resolved again before the visit was made: the same visit waits',
      { status: 'open', resolvedAt: resolved },
      later,
      'keep',
    ],
    [
      'the event delivered twice: the same resolution keeps its recorded visit',
      { status: 'done', resolvedAt: resolved },
      resolved,
      'keep',
    ],
    ['Resolved → Closed (same episode, older start): keep', { status: 'done', resolvedAt: resolved }, earlier, 'keep'],
    [
      'reopened and resolved again after the recorded visit: a new round',
      { status: 'done', resolvedAt: resolved },
      later,
      'newRound',
    ],
  ])('%s', (_label, current, since, expected) => {
    expect(visitOnResolution(current, since)).toBe(expected);
  });
});
