import fc from 'fast-check';
import {
  lineBudget,
  lineBudgets,
  lineMinutes,
  SlaErrorCode,
  type GradeSla,
  type SlaByGrade,
} from '../../../src/domain/sla';
import type { SupportLine } from '../../../src/domain/supportLine';
import { DEFAULT_SLA } from '../../../src/domain/defaults';
import type { DomainError } from '../../../src/domain/validation';

/** Follow-the-sun: L1 in Shanghai, L2 in Berlin, L3 in New York; L2 warns later than default. */
const FOLLOW_THE_SUN: SlaByGrade = {
  major: {
    responseMinutes: 60,
    resolutionMinutes: 1500,
    calendarId: 'cn-mainland-2026',
    ola: {
      unit: 'minutes',
      lines: {
        L1: { amount: 300 },
        L2: { amount: 500, calendarId: 'eu-berlin', warningFraction: 0.9 },
        L3: { amount: 700, calendarId: 'us-eastern' },
      },
    },
  },
};

describe('lineBudget', () => {
  it.each<[string, SlaByGrade, string, SupportLine, number, string, number]>([
    // percent of 1440 min: 25 % / 35 % / 40 %
    ['critical L1', DEFAULT_SLA, 'critical', 'L1', 360, 'always-on', 0.75],
    ['critical L2', DEFAULT_SLA, 'critical', 'L2', 504, 'always-on', 0.75],
    ['critical L3', DEFAULT_SLA, 'critical', 'L3', 576, 'always-on', 0.75],
    // 3 CN business days = 1350 min: 337.5 and 472.5 round down, L3 takes the remainder (541)
    ['major L1 rounds down', DEFAULT_SLA, 'major', 'L1', 337, 'cn-mainland-2026', 0.75],
    ['major L2 rounds down', DEFAULT_SLA, 'major', 'L2', 472, 'cn-mainland-2026', 0.75],
    ['major L3 takes the remainder', DEFAULT_SLA, 'major', 'L3', 541, 'cn-mainland-2026', 0.75],
    ['minutes L1 uses the SLA calendar', FOLLOW_THE_SUN, 'major', 'L1', 300, 'cn-mainland-2026', 0.75],
    ['minutes L2 has its own calendar and warning', FOLLOW_THE_SUN, 'major', 'L2', 500, 'eu-berlin', 0.9],
    ['minutes L3 has its own calendar', FOLLOW_THE_SUN, 'major', 'L3', 700, 'us-eastern', 0.75],
  ])('%s', (_name, sla, grade, line, minutes, calendarId, warningFraction) => {
    expect(lineBudget({ sla }, grade, line)).toEqual({ line, minutes, calendarId, warningFraction });
  });

  it('lists all three lines in order', () => {
    expect(lineBudgets({ sla: DEFAULT_SLA }, 'minor').map((b) => [b.line, b.minutes])).toEqual([
      ['L1', 675],
      ['L2', 675],
      ['L3', 900],
    ]);
  });

  it.each(['unknown', 'toString', '__proto__'])('throws a DomainError for grade %p without SLA', (grade) => {
    expect(() => lineBudget({ sla: DEFAULT_SLA }, grade, 'L1')).toThrow(
      expect.objectContaining({ code: SlaErrorCode.GradeWithoutSla }) as DomainError,
    );
  });

  it('percentage budgets always add up to exactly the resolution minutes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 100_000 }),
        fc.integer({ min: 1, max: 98 }),
        fc.integer({ min: 1, max: 98 }),
        (resolutionMinutes, a, b) => {
          fc.pre(a + b < 100);
          const sla: GradeSla = {
            responseMinutes: 1,
            resolutionMinutes,
            calendarId: 'always-on',
            ola: { unit: 'percent', lines: { L1: { amount: a }, L2: { amount: b }, L3: { amount: 100 - a - b } } },
          };
          const m = lineMinutes(sla);
          expect(m.L1 + m.L2 + m.L3).toBe(resolutionMinutes);
          // Rounding moves less than one minute per line away from the exact share.
          expect(Math.abs(m.L1 - (resolutionMinutes * a) / 100)).toBeLessThan(1);
          expect(Math.abs(m.L2 - (resolutionMinutes * b) / 100)).toBeLessThan(1);
          expect(Math.abs(m.L3 - (resolutionMinutes * (100 - a - b)) / 100)).toBeLessThan(2);
        },
      ),
    );
  });
});
