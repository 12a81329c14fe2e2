/**
 * An issue is handed only to someone who may open it (issue 13, section 3): the new owner's account id
 * is checked for its format and, as the app, with `POST /rest/api/3/permissions/check` for browse
 * rights on the issue, before anything is written, in triageIssue and in reassignIssue.
 */
import { handler as triageResolver } from '../../../src/entry/triageFunctions';
import { runMigrations } from '../../../src/adapters/sql';
import { harness, invokeResolver } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';

const { jira, sql } = harness();
const TRIAGER = 'acc-triager';
const OWNER = 'acc-owner';
const OUTSIDER = 'acc-outsider';
const WRITE = 'POST /rest/api/3/app/field/value';
const CHECK = 'POST /rest/api/3/permissions/check';

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
const decision = (issueKey: string, ownerAccountId: string) => ({
  issueKey,
  kind: 'technicalService',
  classification: { facts: HABIT },
  answers: OUTAGE,
  ownerAccountId,
});

beforeEach(async () => {
  await runMigrations();
  await sql.raw('DELETE FROM classification_history');
  await sql.raw('DELETE FROM line_history');
  await sql.raw('DELETE FROM triage_dispatch');
  jira.seedUser({ accountId: TRIAGER, displayName: 'Zhao Triage', groups: ['itr-triage'] });
  jira.seedUser({ accountId: OWNER, displayName: 'Owner' });
  // Exists in Jira, but may not browse the ITR project.
  jira.seedUser({ accountId: OUTSIDER, displayName: 'Outsider' });
  jira.seedProject({ key: 'ITR', browsers: [TRIAGER, OWNER] });
  defineItrFields(jira);
  jira.seedIssue({ key: 'ITR-1' });
});

describe('triageIssue hands the issue only to someone who may browse it', () => {
  it('dispatches to an owner who may browse it, checked as the app', async () => {
    expect(await call('triageIssue', decision('ITR-1', OWNER), TRIAGER)).toMatchObject({ success: true });
    expect(jira.requestCount(CHECK)).toBe(1);
  });

  it.each([
    ['who may not browse the issue', OUTSIDER, 'TRIAGE_OWNER_CANNOT_BROWSE'],
    ['Jira does not know', 'acc-nobody', 'TRIAGE_OWNER_CANNOT_BROWSE'],
    ['whose id is not an account id', 'Robert"); DROP', 'TRIAGE_OWNER_INVALID'],
    ['whose id is too long', 'a'.repeat(129), 'TRIAGE_OWNER_INVALID'],
  ])('refuses an owner %s, and writes nothing', async (_what, owner, code) => {
    expect(await call('triageIssue', decision('ITR-1', owner), TRIAGER)).toMatchObject({
      success: false,
      errors: [{ code, path: 'ownerAccountId' }],
    });
    expect(jira.requestCount(WRITE)).toBe(0);
    const dispatches = await sql.raw<Array<{ n: number | string }>>('SELECT COUNT(*) AS n FROM triage_dispatch');
    expect(Number(dispatches[0]?.n)).toBe(0);
  });
});

describe('reassignIssue passes the issue on only to someone who may browse it', () => {
  beforeEach(async () => {
    expect(await call('triageIssue', decision('ITR-1', OWNER), TRIAGER)).toMatchObject({ success: true });
  });

  it('refuses an outsider and a malformed id, and the owner stays', async () => {
    const writes = jira.requestCount(WRITE);
    expect(
      await call(
        'reassignIssue',
        { issueKey: 'ITR-1', mode: 'forward', toAccountId: OUTSIDER, reason: 'yours' },
        OWNER,
      ),
    ).toMatchObject({
      success: false,
      errors: [{ code: 'TRIAGE_OWNER_CANNOT_BROWSE', path: 'toAccountId' }],
    });
    expect(
      await call('reassignIssue', { issueKey: 'ITR-1', mode: 'forward', toAccountId: 'x y', reason: 'yours' }, OWNER),
    ).toMatchObject({
      success: false,
      errors: [{ code: 'TRIAGE_OWNER_INVALID', path: 'toAccountId' }],
    });
    expect(jira.requestCount(WRITE)).toBe(writes);
  });

  it('passes it to the triage user, who may browse it', async () => {
    expect(
      await call('reassignIssue', { issueKey: 'ITR-1', mode: 'forward', toAccountId: TRIAGER, reason: 'yours' }, OWNER),
    ).toMatchObject({ success: true, data: { ownerAccountId: TRIAGER } });
  });
});
