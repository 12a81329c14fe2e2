/**
 * Triage values are held to the columns that store them (src/domain/storageLimits.ts, issue 13 §3):
 * over the limit refused with a code, at the limit stored whole, and a refusal loses nothing saved.
 */
import { handler as triageResolver } from '../../../src/entry/triageFunctions';
import { runMigrations } from '../../../src/adapters/sql';
import { STORED_LIMITS } from '../../../src/domain/storageLimits';
import { harness, invokeResolver } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';

const { jira, sql } = harness();
const TRIAGER = 'acc-triager';
const OWNER = 'acc-owner';
const SUPERVISOR = 'acc-supervisor';
const OUTAGE = {
  businessImpact: 'outage',
  duration: 'h1to4',
  scope: 'large',
  customerTier: 'standard',
  sensitivity: 'none',
};
const HABIT = {
  failsWithinSpecification: false,
  contractOrProcessNotFollowed: false,
  expectedByUserHabitOrIndustryNorm: true,
};
const call = (functionKey: string, payload: unknown, accountId: string) =>
  invokeResolver(triageResolver, functionKey, payload, { accountId });
// '𠀀' is one character (a code point) but two UTF-16 units: the limits count characters as SQL does.
const text = (n: number): string => '𠀀'.repeat(n);

let ids: ReturnType<typeof defineItrFields>;
beforeEach(async () => {
  await runMigrations();
  await sql.raw('DELETE FROM classification_history');
  await sql.raw('DELETE FROM triage_dispatch');
  jira.seedUser({ accountId: TRIAGER, displayName: 'Zhao Triage', groups: ['itr-triage'] });
  jira.seedUser({ accountId: OWNER, displayName: 'Owner' });
  jira.seedUser({ accountId: SUPERVISOR, displayName: 'Supervisor' });
  ids = defineItrFields(jira);
});

const decision = (issueKey: string, over: Record<string, unknown> = {}) => ({
  issueKey,
  kind: 'technicalService',
  classification: { facts: HABIT },
  answers: OUTAGE,
  ownerAccountId: OWNER,
  ...over,
});
const history = async (key: string) =>
  ((await call('getClassificationHistory', { issueKey: key }, TRIAGER)) as { data: Array<Record<string, unknown>> })
    .data;

describe('customer tier (itr_issue_fact.customer_tier VARCHAR(64))', () => {
  it('refuses 65 characters, stores 64 whole, and keeps the saved tier after a refusal', async () => {
    expect(STORED_LIMITS.customerTier.max).toBe(64);
    jira.seedIssue({ key: 'ITR-1' });
    expect(await call('triageIssue', decision('ITR-1', { customerTier: text(64) }), TRIAGER)).toMatchObject({
      success: true,
    });
    expect(jira.issue('ITR-1').fields[ids.customerTier]).toBe(text(64));
    expect(await call('triageIssue', decision('ITR-1', { customerTier: text(65) }), TRIAGER)).toEqual({
      success: false,
      errors: [expect.objectContaining({ code: 'TRIAGE_INVALID_TEXT', path: 'customerTier', params: { max: 64 } })],
    });
    expect(jira.issue('ITR-1').fields[ids.customerTier]).toBe(text(64));
  });
});

describe('a justification against the rule (classification_history.reason VARCHAR(2000) with its prefix)', () => {
  const against = (justification: string) => ({
    classification: { facts: HABIT, chosen: 'requirement', justification },
  });

  it('stores one at the limit whole and refuses one over it with VALUE_TOO_LONG, nothing saved changed', async () => {
    const max = STORED_LIMITS.classificationJustification.max;
    jira.seedIssue({ key: 'ITR-2' });
    expect(await call('triageIssue', decision('ITR-2', against(text(max))), TRIAGER)).toMatchObject({
      success: true,
      data: { classification: 'requirement' },
    });
    const stored = (await history('ITR-2')).filter((h) => h['field'] === 'classification');
    expect(stored.map((h) => h['reason'])).toEqual([`CLASSIFICATION_CHOSEN_AGAINST_RULE: ${text(max)}`]);

    expect(await call('triageIssue', decision('ITR-2', against(text(max + 1))), TRIAGER)).toEqual({
      success: false,
      errors: [
        expect.objectContaining({
          code: 'VALUE_TOO_LONG',
          path: 'classification.justification',
          params: { field: 'classification.justification', size: max + 1, max, unit: 'chars' },
        }),
      ],
    });
    expect(jira.issue('ITR-2').fields[ids.classification]).toBe('requirement');
    expect((await history('ITR-2')).filter((h) => h['field'] === 'classification')).toEqual(stored);
  });
});

describe('a reassignment reason (stored as "<mode>: <reason>")', () => {
  it('stores one at the limit whole and refuses one over it with VALUE_TOO_LONG, the owner unchanged', async () => {
    const max = STORED_LIMITS.triageReason.max;
    expect(max + 'escalate: '.length).toBe(2000);
    jira.seedIssue({ key: 'ITR-3' });
    await call('triageIssue', decision('ITR-3'), TRIAGER);
    const over = await call(
      'reassignIssue',
      { issueKey: 'ITR-3', mode: 'escalate', toAccountId: SUPERVISOR, reason: text(max + 1) },
      OWNER,
    );
    expect(over).toEqual({
      success: false,
      errors: [
        expect.objectContaining({
          code: 'VALUE_TOO_LONG',
          path: 'reason',
          params: { field: 'reason', size: max + 1, max, unit: 'chars' },
        }),
      ],
    });
    expect(jira.issue('ITR-3').fields[ids.owner]).toEqual({ accountId: OWNER });
    expect((await history('ITR-3')).filter((h) => h['field'] === 'owner')).toHaveLength(1);

    expect(
      await call(
        'reassignIssue',
        { issueKey: 'ITR-3', mode: 'escalate', toAccountId: SUPERVISOR, reason: text(max) },
        OWNER,
      ),
    ).toMatchObject({ success: true });
    expect((await history('ITR-3')).at(-1)).toMatchObject({
      field: 'owner',
      newValue: SUPERVISOR,
      reason: `escalate: ${text(max)}`,
    });
  });
});
