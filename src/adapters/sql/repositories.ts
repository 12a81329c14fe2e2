/** The Forge SQL implementation of every storage port of the app (src/app/ports). */
import type { Repositories } from '../../app/ports';
import { sqlAuditLog } from './auditLogRepository';
import { sqlCaseHabit } from './caseHabitRepository';
import { sqlCaseIndex } from './caseIndexRepository';
import { sqlCases } from './caseRepository';
import { sqlClassificationHistory } from './classificationHistoryRepository';
import { sqlCustomers } from './customerRepository';
import { sqlDecisions } from './decisionRepository';
import { sqlDispatches } from './dispatchRepository';
import { sqlEscalationActions } from './escalationActionRepository';
import { sqlEscalationAudit } from './escalationAuditRepository';
import { sqlFacts } from './factRepository';
import { sqlHandoffs } from './handoffRepository';
import { sqlLastingFixes } from './lastingFixRepository';
import { sqlLineHistory } from './lineHistoryRepository';
import { sqlLinePauses } from './linePauseRepository';
import { sqlRequirementAssessments } from './requirementAssessmentRepository';
import { sqlResponseAlerts } from './responseAlertRepository';
import { SqlRestoreJournal } from './restoreJournalRepository';
import { sqlSchema } from './migrations';
import { sqlReturnVisits } from './returnVisitRepository';
import { sqlRootCauses } from './rootCauseRepository';

export const sqlRepositories: Repositories = {
  auditLog: sqlAuditLog,
  caseHabit: sqlCaseHabit,
  caseIndex: sqlCaseIndex,
  cases: sqlCases,
  classificationHistory: sqlClassificationHistory,
  customers: sqlCustomers,
  decisions: sqlDecisions,
  dispatches: sqlDispatches,
  escalationActions: sqlEscalationActions,
  escalationAudit: sqlEscalationAudit,
  facts: sqlFacts,
  handoffs: sqlHandoffs,
  lastingFixes: sqlLastingFixes,
  lineHistory: sqlLineHistory,
  linePauses: sqlLinePauses,
  requirementAssessments: sqlRequirementAssessments,
  responseAlerts: sqlResponseAlerts,
  restoreJournal: (now) => new SqlRestoreJournal(now),
  returnVisits: sqlReturnVisits,
  rootCauses: sqlRootCauses,
  schema: sqlSchema,
};
