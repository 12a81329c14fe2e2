import type { GradeSla } from '../sla/sla.types';

/**
 * Working minutes in one business day on `cn-mainland-2026` (09:00–12:00 and 13:30–18:00 = 7.5 h), so
 * "3 business days" below means three of that calendar's working days. Change it with the calendar.
 */
export const CN_BUSINESS_DAY_MINUTES = 3 * 60 + 4.5 * 60;

/**
 * Default promise per grade of DEFAULT_GRADING_TABLE. Critical runs round the clock (`always-on`);
 * the other grades count office time on `cn-mainland-2026` (most users of ITR work in mainland China;
 * admins elsewhere switch the calendar). Shares: Critical and Major give L1 a quarter so experts are
 * reached soon; Minor gives L1 and L2 equal parts (most minor issues are solved near the customer);
 * Suggestion gives L3 half, as suggestions mostly end as requirements for R&D.
 */
export const DEFAULT_SLA = {
  critical: {
    responseMinutes: 30,
    resolutionMinutes: 24 * 60,
    calendarId: 'always-on',
    ola: { unit: 'percent', lines: { L1: { amount: 25 }, L2: { amount: 35 }, L3: { amount: 40 } } },
  },
  major: {
    responseMinutes: 2 * 60,
    resolutionMinutes: 3 * CN_BUSINESS_DAY_MINUTES,
    calendarId: 'cn-mainland-2026',
    ola: { unit: 'percent', lines: { L1: { amount: 25 }, L2: { amount: 35 }, L3: { amount: 40 } } },
  },
  minor: {
    responseMinutes: CN_BUSINESS_DAY_MINUTES,
    resolutionMinutes: 5 * CN_BUSINESS_DAY_MINUTES,
    calendarId: 'cn-mainland-2026',
    ola: { unit: 'percent', lines: { L1: { amount: 30 }, L2: { amount: 30 }, L3: { amount: 40 } } },
  },
  suggestion: {
    responseMinutes: 2 * CN_BUSINESS_DAY_MINUTES,
    resolutionMinutes: 20 * CN_BUSINESS_DAY_MINUTES,
    calendarId: 'cn-mainland-2026',
    ola: { unit: 'percent', lines: { L1: { amount: 20 }, L2: { amount: 30 }, L3: { amount: 50 } } },
  },
} as const satisfies Record<string, GradeSla>;
