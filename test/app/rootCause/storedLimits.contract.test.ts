/**
 * A root-cause draft is saved while storage can hold it (nothing typed is lost); what it cannot hold is
 * refused whole with VALUE_TOO_LONG and the saved version stays (src/domain/storageLimits.ts).
 */
import { issuePanelResolver } from '../../../src/index';
import { runMigrations } from '../../../src/adapters/sql';
import { STORED_LIMITS } from '../../../src/domain/storageLimits';
import { storageRefusal } from '../../../src/app/rootCause/rootCauseHandlers';
import { harness, invokeResolver } from '../../../platform-doubles';
import { defineClosureFields } from '../closure/closureFields.fixtures';

const { jira, sql } = harness();
const ENGINEER = 'acc-engineer';
const panel = (key: string) => ({ accountId: ENGINEER, context: { extension: { issue: { key } } } });
const draft = {
  whys: ['The router rebooted', 'Its firmware leaked memory'],
  rootCause: 'Customer misuse of the console',
  shortTermMeasure: 'Rolled back the firmware',
  longTermMeasure: 'A 72-hour soak test gates every release',
  technicalZero: 'Leak fixed in 4.3.1',
  managementZero: 'Checklist owner added the gate',
};
const save = (d: unknown) =>
  invokeResolver(issuePanelResolver, 'saveRootCause', { issueKey: 'ITR-7', draft: d }, panel('ITR-7'));

beforeEach(async () => {
  await runMigrations();
  await sql.raw('DELETE FROM root_cause_version');
  jira.seedUser({ accountId: ENGINEER, displayName: 'Li Lei' });
  const ids = defineClosureFields(jira);
  jira.seedIssue({ key: 'ITR-7', fields: { [ids.classification]: 'problem' } });
});

describe('saveRootCause against storage', () => {
  it('stores an override reason at its column whole and refuses one over it, the saved version kept', async () => {
    const max = STORED_LIMITS.rootCauseOverrideReason.max;
    expect(await save({ ...draft, overrideReason: '理'.repeat(max) })).toMatchObject({
      success: true,
      data: { versions: 1, draft: { overrideReason: '理'.repeat(max) } },
    });
    expect(await save({ ...draft, overrideReason: '理'.repeat(max + 1) })).toEqual({
      success: false,
      errors: [
        expect.objectContaining({
          code: 'VALUE_TOO_LONG',
          path: 'overrideReason',
          params: { field: 'overrideReason', size: max + 1, max, unit: 'chars' },
        }),
      ],
    });
    expect(
      await invokeResolver(issuePanelResolver, 'getRootCause', { issueKey: 'ITR-7' }, panel('ITR-7')),
    ).toMatchObject({ success: true, data: { versions: 1, draft: { overrideReason: '理'.repeat(max) } } });
  });

  it('saves a draft over the check’s limits (reported, not lost) and refuses one over a Forge SQL request', async () => {
    const long = { ...draft, rootCause: 'x'.repeat(10_001) };
    expect(await save(long)).toMatchObject({
      success: true,
      data: {
        complete: false,
        issues: expect.arrayContaining([{ code: 'ROOT_CAUSE_TOO_LONG', path: 'rootCause' }]),
        versions: 1,
      },
    });
    // The resolver's own payload cap (PAYLOAD_TOO_LARGE) comes first today; the draft's storage check
    // stands on its own should that cap or the draft's encoding change.
    const huge = { ...draft, whys: Array.from({ length: 100 }, () => '理'.repeat(5_000)) };
    expect(storageRefusal(huge)).toMatchObject({
      code: 'VALUE_TOO_LONG',
      path: 'draft',
      params: { unit: 'bytes', max: STORED_LIMITS.rootCauseDraft.max },
    });
    expect(storageRefusal(long)).toBeUndefined();
    expect(await save(huge)).toMatchObject({ success: false });
    expect(
      await invokeResolver(issuePanelResolver, 'getRootCause', { issueKey: 'ITR-7' }, panel('ITR-7')),
    ).toMatchObject({ success: true, data: { versions: 1, draft: { rootCause: long.rootCause } } });
  });
});
