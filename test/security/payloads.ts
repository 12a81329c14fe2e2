/**
 * One valid payload per resolver function (on the demo site of ./site.ts). The authorization and fuzz
 * tests both use it; a function missing here fails the completeness test.
 */
import { DEFAULT_GRADING_TABLE } from '../../src/domain';
import { DEMO_FIELD_IDS, DEMO_USERS } from '../../sandbox/demoSite';

const TOM = DEMO_USERS.find((u) => u.role === 'L2')!.accountId;
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
const caseContent = {
  title: 'Kiosk freezes',
  symptom: 'The kiosk freezes after reboot',
  product: '',
  productVersion: '',
  environment: '',
  rootCause: '',
  shortTermMeasure: '',
  longTermMeasure: '',
  language: '',
  tags: [],
  status: 'published',
};
const rootCauseDraft = {
  whys: ['The router rebooted', 'Its firmware leaked memory', 'The soak test is too short'],
  rootCause: 'Firmware memory leak',
  shortTermMeasure: 'Rolled back the firmware',
  longTermMeasure: 'A 72-hour soak test gates every release',
  technicalZero: 'Leak fixed in 4.3.1',
  managementZero: 'Checklist owner added the gate',
};

/** The issue the issue-panel calls are about (ITR-4: graded, at L2, in progress). */
export const PANEL_ISSUE = 'ITR-4';

/** The rule the closure-rule pages are opened for (the platform puts it in `context.moduleKey`). */
export const CLOSURE_RULE_MODULE = 'itr-close-validator';

/** The invocation context Jira gives each resolver's page: the panel's issue, the workflow rule's module. */
export const contextFor = (resolver: string): Record<string, unknown> =>
  resolver === 'issuePanelResolver'
    ? { extension: { issue: { key: PANEL_ISSUE }, type: 'jira:issuePanel' } }
    : resolver === 'closureRuleResolver'
      ? { moduleKey: CLOSURE_RULE_MODULE }
      : {};

/** A closure rule's saved configuration on the demo site (what setup attaches). */
const closureRuleConfig = {
  submitter: DEMO_FIELD_IDS.submitter,
  visitOpen: DEMO_FIELD_IDS.visitOpen,
  rootCause: DEMO_FIELD_IDS.rootCauseComplete,
  classification: DEMO_FIELD_IDS.classification,
  fallback: [TOM],
};

export const VALID_PAYLOADS: Record<string, Record<string, unknown>> = {
  // people pickers (every page that picks people)
  searchPeople: { query: 'li', kinds: ['user', 'group'] },
  // issue panel
  getIssueItrState: { issueKey: PANEL_ISSUE },
  getLineHistory: { issueKey: PANEL_ISSUE },
  getRootCause: { issueKey: PANEL_ISSUE },
  saveRootCause: { issueKey: PANEL_ISSUE, draft: rootCauseDraft },
  sendHandoff: { issueKey: PANEL_ISSUE, target: 'rnd' },
  listHandoffs: { issueKey: PANEL_ISSUE },
  getLastingFixes: { issueKey: PANEL_ISSUE },
  createLastingFix: {
    issueKey: PANEL_ISSUE,
    kind: 'longTerm',
    summary: 'Add a VAT rounding test to the release checklist',
    assignee: '5b10ac8d82e05b22cc7d4ef5',
    dueDate: '2099-12-31',
  },
  getLastingFixCounts: {},
  getAssessment: { issueKey: PANEL_ISSUE },
  saveAssessment: {
    issueKey: PANEL_ISSUE,
    assessment: { expectedValue: 'Two more sites', cost: '10 engineer-days', decision: 'pending', reason: '' },
  },
  acceptFromPanel: { issueKey: PANEL_ISSUE },
  declineFromPanel: { issueKey: PANEL_ISSUE, reason: 'Not my product: the VAT module belongs to finance' },
  saveForwardReason: { issueKey: PANEL_ISSUE, entryId: '1', reason: 'Tom knows the VAT module' },
  closeFromPanel: { issueKey: PANEL_ISSUE },
  // decisions on the panel (issue 17, src/app/decisions)
  getDecisions: { issueKey: PANEL_ISSUE },
  openDecision: { issueKey: PANEL_ISSUE, proposal: 'Replace the board on site', money: false },
  signDecision: { issueKey: PANEL_ISSUE, role: 'sales', level: 1, verdict: 'agree', note: '' },
  requestCost: { issueKey: PANEL_ISSUE, kind: 'onSiteVisit', amountMinor: 100, currency: 'CNY', description: 'Visit' },
  moveCost: { issueKey: PANEL_ISSUE, costId: '1', move: 'approve', note: '' },
  askSubmitter: { issueKey: PANEL_ISSUE, question: 'Which firmware version?' },
  answerSubmitter: { issueKey: PANEL_ISSUE, answer: 'Firmware 2.3.1' },
  // the case-library habit on the panel (issue 17, src/app/cases/caseHabit.ts); ITR-4 is not resolved,
  // so an allowed caller gets CASE_DECISION_NOT_RESOLVED, after the permission checks
  getCaseHabit: { issueKey: PANEL_ISSUE },
  saveCaseDecision: { issueKey: PANEL_ISSUE, decision: 'none', reason: 'A one-off wiring fault' },
  // the issue's customer and spare parts (issue 17, src/app/customers/issueCustomer.ts; panel and triage page)
  searchCustomerProducts: { issueKey: PANEL_ISSUE, query: 'SN-' },
  getIssueCustomer: { issueKey: PANEL_ISSUE },
  pickIssueCustomer: { issueKey: PANEL_ISSUE, customerId: 'C-1', serial: 'SN-1' },
  overrideIssueCustomer: { issueKey: PANEL_ISSUE, field: 'tier', to: 'strategic', reason: 'Contract 2026-88' },
  getSpareParts: { issueKey: PANEL_ISSUE },
  recordSparePartStep: { issueKey: PANEL_ISSUE, step: 'requested' },
  // triage
  getTriageOptions: {},
  listTriage: {},
  triageIssue: {
    issueKey: 'ITR-10',
    kind: 'technicalService',
    classification: { facts: HABIT },
    answers: OUTAGE,
    warranty: 'in',
    product: 'Router X1',
    customerTier: 'standard',
  },
  reassignIssue: { issueKey: 'ITR-4', mode: 'forward', toAccountId: TOM, reason: 'Tom knows the VAT module' },
  acceptIssue: { issueKey: 'ITR-4' },
  getClassificationHistory: { issueKey: 'ITR-4' },
  getTriageIssue: { issueKey: 'ITR-10' },
  previewTriage: { issueKey: 'ITR-10', answers: OUTAGE, line: 'L1' },
  startRegrade: { confirm: true },
  getRegradeProgress: {},
  // setup
  listSetupProjects: {},
  previewSetup: { projectKeys: ['ITR'] },
  runSetup: { projectKeys: ['ITR'] },
  resumeSetup: {},
  getSetupStatus: {},
  runSiteCheck: {},
  // setup page: backup and restore in pages and chunks, the audit log
  exportBackupPage: {},
  startBackupRestore: {
    chunkCount: 1,
    byteCount: 2,
    sha256: '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
  },
  uploadBackupChunk: { restoreId: 'restore-00000000-0000-4000-8000-000000000000', index: 0, text: '{}' },
  previewBackupRestore: { restoreId: 'restore-00000000-0000-4000-8000-000000000000' },
  commitBackupRestore: { restoreId: 'restore-00000000-0000-4000-8000-000000000000', confirm: true },
  getBackupRestoreStatus: {},
  listAuditLog: { limit: 10 },
  // grading admin (+ escalation recalculation)
  startEscalationRecalculation: { confirm: true },
  getEscalationRecalculation: {},
  getGradingAdmin: {},
  listGradingVersions: {},
  exportGradingConfig: {},
  validateGradingDraft: { table: DEFAULT_GRADING_TABLE },
  previewGrade: { answers: OUTAGE, startAt: '2026-11-23T09:00:00.000Z' },
  saveGradingTable: { table: DEFAULT_GRADING_TABLE, expectedRevision: 0, comment: 'same again' },
  restoreGradingVersion: { version: 1, expectedRevision: 0 },
  importGradingConfig: {
    json: JSON.stringify({ table: DEFAULT_GRADING_TABLE }),
    expectedRevision: 0,
    expectedCalendarsRevision: 0,
  },
  saveCalendars: { calendars: {}, expectedRevision: 0 },
  exportBackup: {},
  // the Customers subpage of the admin page (issue 17, src/app/customers)
  startCustomerImport: {
    chunkCount: 1,
    byteCount: 2,
    sha256: '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
  },
  uploadCustomerImportChunk: { importId: 'import-00000000-0000-4000-8000-000000000000', index: 0, text: 'id' },
  previewCustomerImport: { importId: 'import-00000000-0000-4000-8000-000000000000' },
  commitCustomerImport: { importId: 'import-00000000-0000-4000-8000-000000000000', confirm: true },
  getCustomerImportStatus: { importId: 'import-00000000-0000-4000-8000-000000000000' },
  listCustomers: { query: 'Acme', offset: 0 },
  getCustomer: { customerId: 'C-1' },
  eraseCustomer: { customerId: 'C-1', confirm: true },
  // each line's target share of resolution (support-lines subpage, src/app/settings/lineTargets.ts)
  getLineTargets: {},
  saveLineTargets: { expectedRevision: 0, targets: { L1: 0.8, L2: 0.8, L3: 0.8 } },
  // the product glossary of cross-language case search (src/app/cases/caseGlossary.ts)
  getCaseGlossary: {},
  saveCaseGlossary: { expectedRevision: 0, entries: [{ en: 'Falcon POS', zh: '猎鹰收银' }] },
  importCaseGlossary: { expectedRevision: 0, csv: 'en,zh\nFalcon POS,猎鹰收银\n' },
  exportCaseGlossary: {},
  // settings tabs of the grading admin page (src/app/settings)
  getSupervisionSettings: {},
  getDecisionSettings: {},
  saveDecisionSettings: {
    expectedRevision: 0,
    settings: {
      grades: ['critical'],
      crossDepartment: true,
      roleGroups: {
        sales: ['itr-l1'],
        technical: ['itr-l2'],
        delivery: ['itr-l1'],
        finance: ['itr-l2'],
        procurement: ['itr-l2'],
      },
      qualityGroup: null,
      costApproverGroups: ['itr-l2'],
    },
  },
  saveSupervisionSettings: {
    expectedRevision: 0,
    settings: {
      personFigureGroups: ['itr-l2'],
      departments: [{ accountId: TOM, department: 'Headquarters' }],
      ipd: { projectKey: 'NET', issueType: 'Task' },
      ltc: null,
    },
  },
  searchTargetProjects: { query: 'IT' },
  getTargetIssueTypes: { projectKey: 'ITR' },
  getSupportLineSettings: {},
  saveSupportLineSettings: {
    expectedRevision: 0,
    settings: {
      lines: {
        L1: {
          assignment: { mode: 'unassigned', notifyGroup: null },
          statusName: null,
          notifyAccountIds: [],
          notifyGroups: ['itr-l1'],
        },
        L2: {
          assignment: { mode: 'person', accountId: TOM },
          statusName: null,
          notifyAccountIds: [],
          notifyGroups: [],
        },
        L3: {
          assignment: { mode: 'unassigned', notifyGroup: null },
          statusName: null,
          notifyAccountIds: [],
          notifyGroups: [],
        },
      },
      managementAccountIds: [],
      managementGroups: [],
      locale: 'en',
    },
  },
  getClockSettings: {},
  saveClockSettings: {
    expectedRevision: 0,
    settings: { pauseStatuses: ['Waiting for Customer'], untriagedGrade: null, projectGrades: {} },
  },
  restoreBackup: {
    document: {
      format: 'itr-backup',
      schemaVersion: 1,
      exportedAt: '2026-01-01T00:00:00.000Z',
      exportedBy: null,
      config: {},
      cases: [],
    },
    confirm: true,
  },
  // case library
  searchCases: { text: 'kiosk' },
  listCases: {},
  suggestCases: { issueKey: 'ITR-4' },
  getCase: { id: 1 },
  saveCase: { content: caseContent },
  retireCase: { id: 1, confirm: true },
  createCaseFromIssue: { issueKey: 'ITR-12' },
  markCaseHelpful: { id: 1, issueKey: 'ITR-4' },
  markCaseNotRelevant: { id: 1, issueKey: 'ITR-4' },
  getCaseSearchIssue: { issueKey: 'ITR-4' },
  // return visits / closing admin
  listReturnVisits: {},
  recordReturnVisit: {
    issueId: '10011',
    satisfaction: 5,
    resolvedInCustomersView: true,
    customerWords: 'All good now',
  },
  getClosureAdmin: {},
  saveReturnVisitSettings: {
    expectedRevision: 0,
    sampleRatePercent: 20,
    alwaysGrades: ['critical'],
    supervisorGroups: ['itr-supervisors'],
  },
  setFallbackClosers: { expectedRevision: 0, accountIds: [TOM], reason: 'Submitter left the company' },
  publishCloseProperty: {},
  // supervision
  getSupervisionChart: {
    chart: 'totals',
    filter: { from: '2026-11-01T00:00:00.000Z', to: '2026-11-23T00:00:00.000Z' },
  },
  getWeeklyReport: {},
  getCostSummary: {},
  getSparePartSummary: {},
  startAnalyticsBackfill: {},
  getAnalyticsBackfill: {},
  getGadgetNumbers: {},
  // the close/resolve rules' create/edit/view pages
  getClosureRuleConfig: {},
  describeClosureRuleConfig: { config: closureRuleConfig },
};
