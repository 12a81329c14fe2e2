/**
 * `previewGrade` answers within a bounded amount of work, whatever draft a caller sends (issue 13,
 * section 3): before, a draft with a sparse calendar and huge budgets walked the calendar until Forge
 * stopped the resolver at 25 s (in the sandbox it blocked every user for minutes). Budgets are capped
 * by validation (MAX_SLA_MINUTES) and one preview's five deadlines share a CalendarWork bound; the
 * work is counted in calendar steps (days generated, week runs skipped), not timed.
 */
import { gradingAdminResolver } from '../../src/index';
import { PREVIEW_MAX_CALENDAR_STEPS } from '../../src/app/grading/gradingAdmin';
import { CalendarWork, DEFAULT_GRADING_TABLE, MAX_SLA_MINUTES, type GradingTable } from '../../src/domain';
import { harness, invokeResolver } from '../../platform-doubles';

const { jira } = harness();
const AGENT = 'acc-agent';
const ANSWERS = {
  businessImpact: 'outage',
  duration: 'h1to4',
  scope: 'large',
  customerTier: 'standard',
  sensitivity: 'none',
};
const START = '2026-03-02T01:00:00.000Z';

beforeEach(() => {
  jira.seedUser({ accountId: AGENT, displayName: 'Li Na' });
});

/** Every grade's response and resolution set to `minutes` on `calendarId`, lines split by percent. */
function tableWith(minutes: number, calendarId: string): GradingTable {
  const sla = Object.fromEntries(
    Object.keys(DEFAULT_GRADING_TABLE.sla).map((grade) => [
      grade,
      {
        responseMinutes: minutes,
        resolutionMinutes: minutes,
        calendarId,
        ola: { unit: 'percent', lines: { L1: { amount: 20 }, L2: { amount: 30 }, L3: { amount: 50 } } },
      },
    ]),
  );
  return { ...DEFAULT_GRADING_TABLE, sla } as GradingTable;
}

/** One working minute a week, in a zone with daylight saving: the most steps per working minute a calendar allows. */
const SPARSE = { timeZone: 'America/New_York', week: { mon: [['09:00', '09:01']] } };

function preview(draft: unknown) {
  return invokeResolver(
    gradingAdminResolver,
    'previewGrade',
    { answers: ANSWERS, startAt: START, draft },
    { accountId: AGENT },
  ) as Promise<{ success: boolean; data?: unknown; errors?: Array<{ code: string; path?: string }> }>;
}

let steps: jest.SpyInstance;
beforeEach(() => {
  steps = jest.spyOn(CalendarWork.prototype, 'step');
});
afterEach(() => steps.mockRestore());

describe('previewGrade does bounded work', () => {
  it('refuses budgets above MAX_SLA_MINUTES before walking any calendar', async () => {
    const answer = await preview({ table: tableWith(MAX_SLA_MINUTES + 1, 'sparse'), calendars: { sparse: SPARSE } });
    expect(answer.success).toBe(false);
    expect(answer.errors?.map((e) => e.code)).toContain('SLA_MINUTES_TOO_LARGE');
    expect(steps).not.toHaveBeenCalled();
  });

  it('with the worst allowed draft (largest budgets, sparsest calendar) stops at the step bound with CALENDAR_WORK_LIMIT', async () => {
    const answer = await preview({ table: tableWith(MAX_SLA_MINUTES, 'sparse'), calendars: { sparse: SPARSE } });
    expect(answer).toMatchObject({ success: false, errors: [{ code: 'CALENDAR_WORK_LIMIT' }] });
    // The one step past the bound is the one that throws.
    expect(steps.mock.calls.length).toBe(PREVIEW_MAX_CALENDAR_STEPS + 1);
  });

  it('the largest budget on a built-in calendar is answered, far below the bound', async () => {
    const answer = await preview({ table: tableWith(MAX_SLA_MINUTES, 'cn-mainland-2026') });
    expect(answer.success).toBe(true);
    expect(steps.mock.calls.length).toBeGreaterThan(0);
    expect(steps.mock.calls.length).toBeLessThan(PREVIEW_MAX_CALENDAR_STEPS / 5);
  });
});
