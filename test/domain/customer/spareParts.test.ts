import fc from 'fast-check';
import {
  nextSparePartStep,
  recordSparePartStep,
  SPARE_PART_STEPS,
  sparePartState,
  summarizeSpareParts,
  type SparePartStepRecord,
} from '../../../src/domain/customer';

const T0 = Date.parse('2026-12-01T08:00:00Z');
const at = (minutes: number): Date => new Date(T0 + minutes * 60_000);

function flow(upTo: number, gapMinutes = 60): SparePartStepRecord[] {
  return SPARE_PART_STEPS.slice(0, upTo).map((step, i) => ({
    step,
    by: 'acc-1',
    at: at(i * gapMinutes).toISOString(),
  }));
}

describe('spare-part steps', () => {
  it('runs requested → shipped → received → returned → repaired in order', () => {
    let steps: SparePartStepRecord[] = [];
    for (const [i, step] of SPARE_PART_STEPS.entries()) {
      expect(nextSparePartStep(steps)).toBe(step);
      const d = recordSparePartStep(steps, step, 'acc-1', at(i * 10));
      if (!d.ok) throw new Error(d.code);
      steps = d.steps;
    }
    expect(nextSparePartStep(steps)).toBeNull();
    expect(sparePartState(steps)).toBe('repaired');
  });

  it.each([
    [0, 'shipped', 'SPARE_PART_STEP_OUT_OF_ORDER', 'requested'],
    [1, 'received', 'SPARE_PART_STEP_OUT_OF_ORDER', 'shipped'],
    [2, 'shipped', 'SPARE_PART_STEP_OUT_OF_ORDER', 'received'],
    [3, 'repaired', 'SPARE_PART_STEP_OUT_OF_ORDER', 'returned'],
    [5, 'repaired', 'SPARE_PART_FINISHED', null],
  ] as const)('after %i steps, %s is refused with %s', (done, step, code, expected) => {
    expect(recordSparePartStep(flow(done), step, 'acc-1', at(1000))).toEqual({ ok: false, code, expected });
  });

  it('refuses a step dated before the previous one, accepts the same instant', () => {
    const steps = flow(2, 60); // shipped at +60
    expect(recordSparePartStep(steps, 'received', 'a', at(59))).toMatchObject({
      ok: false,
      code: 'SPARE_PART_STEP_BEFORE_PREVIOUS',
    });
    expect(recordSparePartStep(steps, 'received', 'a', at(60)).ok).toBe(true);
  });

  it('property: any accepted sequence is a prefix of the flow with non-decreasing times', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...SPARE_PART_STEPS), fc.integer({ min: -100, max: 100 })), {
          maxLength: 12,
        }),
        (attempts) => {
          let steps: SparePartStepRecord[] = [];
          let t = 0;
          for (const [step, dt] of attempts) {
            const d = recordSparePartStep(steps, step, 'a', at(t + dt));
            if (d.ok) {
              steps = d.steps;
              t += dt;
            }
          }
          expect(steps.map((s) => s.step)).toEqual(SPARE_PART_STEPS.slice(0, steps.length));
          for (let i = 1; i < steps.length; i++)
            expect(Date.parse(steps[i]!.at)).toBeGreaterThanOrEqual(Date.parse(steps[i - 1]!.at));
        },
      ),
    );
  });

  it('summarizes counts and median step times', () => {
    const s = summarizeSpareParts([flow(2, 60), flow(2, 120), flow(4, 30), flow(5, 10), flow(1), []]);
    expect(s).toEqual({
      inTransit: 2,
      returned: 1,
      repaired: 1,
      medianMinutes: { shipped: 45, received: 20, returned: 20, repaired: 10 },
    });
    // shipped gaps: 60, 120, 30, 10 → median (30+60)/2 = 45
  });

  it('summary of nothing has null medians', () => {
    expect(summarizeSpareParts([]).medianMinutes).toEqual({
      shipped: null,
      received: null,
      returned: null,
      repaired: null,
    });
  });
});
