/**
 * Every resolver function of every resolver src/index.ts exports, called as every role, through the
 * exported handler (real @forge/resolver, real SDKs, Jira/KVS/queue doubles, MariaDB). The outcome
 * comes from one table; a refusal is the envelope with NOT_AUTHORIZED or ISSUE_NOT_FOUND (never a
 * throw) and writes nothing: no Jira write, no KVS change, no queue push, no SQL row.
 */
import { runMigrations } from '../../src/adapters/sql';
import { invokeResolver } from '../harness';
import { PANEL_ISSUE, VALID_PAYLOADS } from './payloads';
import { isEnvelope, RESOLVERS, ROLE_IDS, ROLES, seedSecuritySite, snapshot, type RoleName } from './site';

const A = 'allowed' as const;
const R = 'refused' as const;
type Outcome = typeof A | typeof R;
type Row = Record<RoleName, Outcome>;

// Columns: admin, triage, supervisor, agent (L1), outsider (cannot browse ITR), anonymous (no accountId).
const row = (admin: Outcome, triage: Outcome, supervisor: Outcome, agent: Outcome, outsider: Outcome, anonymous: Outcome): Row => ({ admin, triage, supervisor, agent, outsider, anonymous });
const ADMIN_ONLY = row(A, R, R, R, R, R);
const TRIAGE = row(A, A, R, R, R, R);
const BROWSERS = row(A, A, A, A, R, R);
const SUPERVISORS = row(A, R, A, R, R, R);
/** Any signed-in user; no anonymous caller reaches any function (src/entry/guard.ts). */
const ANY_USER = row(A, A, A, A, A, R);

/** The table: who may call what. Keys are `<export>.<functionKey>`. */
const TABLE: Record<string, Row> = {
  'issuePanelResolver.getIssueItrState': BROWSERS,
  'issuePanelResolver.getLineHistory': BROWSERS,
  'issuePanelResolver.getRootCause': BROWSERS,
  'issuePanelResolver.saveRootCause': BROWSERS, // EDIT_ISSUES on the issue (every browser here)
  'triageResolver.getTriageOptions': TRIAGE,
  'triageResolver.listTriage': TRIAGE,
  'triageResolver.triageIssue': TRIAGE,
  // The issue's owner may accept or pass it on too; ITR-4's owner is the L2 engineer, not our agent.
  'triageResolver.reassignIssue': TRIAGE,
  'triageResolver.acceptIssue': TRIAGE,
  'triageResolver.getClassificationHistory': BROWSERS,
  'triageResolver.startRegrade': ADMIN_ONLY,
  'triageResolver.getRegradeProgress': ADMIN_ONLY,
  'setupResolver.listSetupProjects': ADMIN_ONLY,
  'setupResolver.previewSetup': ADMIN_ONLY,
  'setupResolver.runSetup': ADMIN_ONLY,
  'setupResolver.resumeSetup': ADMIN_ONLY,
  'setupResolver.getSetupStatus': ADMIN_ONLY,
  'gradingAdminResolver.startEscalationRecalculation': ADMIN_ONLY,
  'gradingAdminResolver.getEscalationRecalculation': ANY_USER, // reading the grading config is open (triage and the panel show it); changing it is not
  'gradingAdminResolver.startRegrade': ADMIN_ONLY,
  'gradingAdminResolver.getRegradeProgress': ADMIN_ONLY,
  'gradingAdminResolver.getGradingAdmin': ANY_USER, // reading the grading config is open (triage and the panel show it); changing it is not
  'gradingAdminResolver.listGradingVersions': ANY_USER, // reading the grading config is open (triage and the panel show it); changing it is not
  'gradingAdminResolver.exportGradingConfig': ANY_USER, // reading the grading config is open (triage and the panel show it); changing it is not
  'gradingAdminResolver.validateGradingDraft': ANY_USER, // reading the grading config is open (triage and the panel show it); changing it is not
  'gradingAdminResolver.previewGrade': ANY_USER, // reading the grading config is open (triage and the panel show it); changing it is not
  'gradingAdminResolver.saveGradingTable': ADMIN_ONLY,
  'gradingAdminResolver.restoreGradingVersion': ADMIN_ONLY,
  'gradingAdminResolver.importGradingConfig': ADMIN_ONLY,
  'gradingAdminResolver.saveCalendars': ADMIN_ONLY,
  'caseLibraryResolver.searchCases': ANY_USER,
  'caseLibraryResolver.listCases': ANY_USER,
  'caseLibraryResolver.suggestCases': BROWSERS,
  'caseLibraryResolver.getCase': ANY_USER,
  'caseLibraryResolver.saveCase': ANY_USER,
  'caseLibraryResolver.retireCase': ANY_USER,
  'caseLibraryResolver.createCaseFromIssue': BROWSERS,
  'caseLibraryResolver.markCaseHelpful': BROWSERS,
  'caseLibraryResolver.markCaseNotRelevant': BROWSERS,
  'returnVisitsResolver.listReturnVisits': SUPERVISORS,
  'returnVisitsResolver.recordReturnVisit': SUPERVISORS,
  'returnVisitsResolver.getClosureAdmin': ADMIN_ONLY,
  'returnVisitsResolver.saveReturnVisitSettings': ADMIN_ONLY,
  'returnVisitsResolver.setFallbackClosers': ADMIN_ONLY,
  'returnVisitsResolver.publishCloseProperty': ADMIN_ONLY,
  'supervisionResolver.getSupervisionReport': BROWSERS,
  'supervisionResolver.getWeeklyReport': ANY_USER,
  'supervisionResolver.startAnalyticsBackfill': ADMIN_ONLY,
  'supervisionResolver.getAnalyticsBackfill': ADMIN_ONLY,
  'supervisionGadgetResolver.getGadgetNumbers': ANY_USER, // counted by a JQL search as the caller: an outsider sees 0s
};

const OBSERVED: Array<{ name: string; role: string; expected: string; got: string }> = [];
afterAll(() => {
  // SECURITY_MATRIX_OUT=file writes what each role got, to review the table against.
  if (process.env['SECURITY_MATRIX_OUT']) require('node:fs').writeFileSync(process.env['SECURITY_MATRIX_OUT'], JSON.stringify(OBSERVED, null, 1));
});
/**
 * Refusal codes: the two generic ones, and the role-specific ones the UI translates
 * (TRIAGE_NOT_OWNER: neither triage nor the issue's owner; VISIT_NOT_SUPERVISOR: not in the
 * supervising groups; ROOT_CAUSE_NOT_EDITOR: no EDIT_ISSUES on the issue).
 */
const REFUSAL_CODES = ['NOT_AUTHORIZED', 'ISSUE_NOT_FOUND', 'TRIAGE_NOT_OWNER', 'VISIT_NOT_SUPERVISOR', 'ROOT_CAUSE_NOT_EDITOR'];

/**
 * Known deviations from the table, in areas other engineers are finishing (reported, not fixed here):
 * the test expects what the code does today, so it fails the day one is fixed: then delete the line.
 * Key `<export>.<functionKey>/<role>`, value the answer's first code (or 'ok').
 */
const KNOWN_DEVIATIONS: Record<string, string> = {
  // Case library: a user who cannot browse the issue gets Jira's raw JIRA_NOT_FOUND, not ISSUE_NOT_FOUND.
  'caseLibraryResolver.suggestCases/outsider': 'JIRA_NOT_FOUND',
  'caseLibraryResolver.createCaseFromIssue/outsider': 'JIRA_NOT_FOUND',
  // Case library: feedback is recorded against an issue the caller cannot see (no browse check on issueKey).
  'caseLibraryResolver.markCaseHelpful/outsider': 'ok',
  'caseLibraryResolver.markCaseNotRelevant/outsider': 'ok',
  // Supervision: aggregates come from the SQL projection of every project, not only those the caller may browse.
  'supervisionResolver.getSupervisionReport/outsider': 'ok',
};
const CASES = RESOLVERS.flatMap((r) => r.keys.map((key) => ({ resolver: r.name, key, handler: r.handler })));

beforeAll(async () => {
  await runMigrations();
});
beforeEach(() => {
  seedSecuritySite();
});

/** The panel's context carries its issue, as Jira sends it. */
const contextFor = (resolver: string): Record<string, unknown> =>
  resolver === 'issuePanelResolver' ? { extension: { issue: { key: PANEL_ISSUE }, type: 'jira:issuePanel' } } : {};

describe('the table is complete', () => {
  it('names every resolver function src/index.ts exports, and nothing else', () => {
    expect(RESOLVERS.map((r) => r.name).sort()).toEqual([...new Set(Object.keys(TABLE).map((k) => k.split('.')[0]))].sort());
    expect(CASES.map((c) => `${c.resolver}.${c.key}`).sort()).toEqual(Object.keys(TABLE).sort());
    for (const c of CASES) expect([c.key, VALID_PAYLOADS[c.key] !== undefined]).toEqual([c.key, true]);
  });

  it('an unknown function key is refused by the resolver itself (the key lists above are the real ones)', async () => {
    for (const r of RESOLVERS) await expect(invokeResolver(r.handler, 'noSuchFunction', {}, { accountId: ROLE_IDS.admin })).rejects.toThrow(/no definition/);
  });
});

describe.each(ROLES)('as %s', (role) => {
  it.each(CASES.map((c) => [`${c.resolver}.${c.key}`, c] as const))('%s', async (name, c) => {
    const expected = TABLE[name]![role];
    const before = await snapshot();
    let answer: unknown;
    try {
      answer = await invokeResolver(c.handler, c.key, VALID_PAYLOADS[c.key], { ...(ROLE_IDS[role] !== undefined ? { accountId: ROLE_IDS[role] } : {}), context: contextFor(c.resolver) });
    } catch (e) {
      throw new Error(`${name} as ${role} threw instead of answering the envelope: ${e instanceof Error ? e.stack : String(e)}`);
    }
    expect(isEnvelope(answer)).toBe(true);
    const env = answer as { success: boolean; errors?: Array<{ code: string }> };
    const refused = !env.success && REFUSAL_CODES.includes(env.errors?.[0]?.code ?? '');
    OBSERVED.push({ name, role, expected, got: env.success ? 'ok' : env.errors?.[0]?.code ?? '?' });
    const known = KNOWN_DEVIATIONS[`${name}/${role}`];
    if (known !== undefined) {
      expect({ name, role, got: env.success ? 'ok' : env.errors?.[0]?.code }).toEqual({ name, role, got: known });
    } else {
      expect({ name, role, outcome: refused ? R : A, answer: refused === (expected === R) ? 'as expected' : answer }).toEqual({ name, role, outcome: expected, answer: 'as expected' });
    }
    if (refused || (!env.success && known !== undefined)) expect(await snapshot()).toEqual(before);
  });
});

describe('identity comes from the invocation context, never the payload', () => {
  it.each([
    ['gradingAdminResolver', 'saveGradingTable'],
    ['setupResolver', 'runSetup'],
    ['returnVisitsResolver', 'setFallbackClosers'],
    ['triageResolver', 'triageIssue'],
  ])('%s.%s as an agent with an admin accountId in the payload and the context fields is refused', async (resolver, key) => {
    const r = RESOLVERS.find((x) => x.name === resolver)!;
    const before = await snapshot();
    const forged = { ...VALID_PAYLOADS[key], accountId: ROLE_IDS.admin, principal: { accountId: ROLE_IDS.admin }, context: { accountId: ROLE_IDS.admin } };
    const answer = await invokeResolver(r.handler, key, forged, { accountId: ROLE_IDS.agent, context: { accountId: ROLE_IDS.admin } });
    expect(answer).toMatchObject({ success: false, errors: [{ code: 'NOT_AUTHORIZED' }] });
    expect(await snapshot()).toEqual(before);
  });
});
