/**
 * The app's storage ports: each use case reaches Forge SQL only through these interfaces, never a SQL
 * module (scripts/checks/dependencyRules.ts enforces it). The entry file installs the SQL
 * implementations (src/adapters/sql/repositories.ts) once per runtime; a test may install others.
 */
import type { AuditLogRepository } from './auditLog';
import type { CaseHabitRepository } from './caseHabit';
import type { CaseIndex } from './caseIndex';
import type { CaseRepository } from './cases';
import type { ClassificationHistoryRepository } from './classificationHistory';
import type { CustomerRepository } from './customers';
import type { DecisionRepository } from './decisions';
import type { DispatchRepository } from './dispatches';
import type { EscalationActionRepository } from './escalationActions';
import type { EscalationAuditRepository } from './escalationAudit';
import type { FactRepository } from './facts';
import type { HandoffRepository } from './handoffs';
import type { LastingFixRepository } from './lastingFixes';
import type { LineHistoryRepository } from './lineHistory';
import type { LinePauseRepository } from './linePauses';
import type { RequirementAssessmentRepository } from './requirementAssessments';
import type { ResponseAlertRepository } from './responseAlerts';
import type { RestoreJournal } from './restoreJournal';
import type { ReturnVisitRepository } from './returnVisits';
import type { RootCauseRepository } from './rootCauses';
import type { SchemaRepository } from './schema';

export interface Repositories {
  auditLog: AuditLogRepository;
  caseHabit: CaseHabitRepository;
  caseIndex: CaseIndex;
  cases: CaseRepository;
  classificationHistory: ClassificationHistoryRepository;
  customers: CustomerRepository;
  decisions: DecisionRepository;
  dispatches: DispatchRepository;
  escalationActions: EscalationActionRepository;
  escalationAudit: EscalationAuditRepository;
  facts: FactRepository;
  handoffs: HandoffRepository;
  lastingFixes: LastingFixRepository;
  lineHistory: LineHistoryRepository;
  linePauses: LinePauseRepository;
  requirementAssessments: RequirementAssessmentRepository;
  responseAlerts: ResponseAlertRepository;
  /** The journal of chunked restores, its timestamps from `now`. */
  restoreJournal: (now: () => Date) => RestoreJournal;
  returnVisits: ReturnVisitRepository;
  rootCauses: RootCauseRepository;
  schema: SchemaRepository;
}

/** A use case ran before the entry file installed the repositories: a wiring bug, never user input. */
export class RepositoriesNotInstalledError extends Error {
  readonly code = 'REPOSITORIES_NOT_INSTALLED';
  constructor() {
    super('REPOSITORIES_NOT_INSTALLED: the entry file must install the repositories before a use case runs');
    this.name = 'RepositoriesNotInstalledError';
  }
}

let installed: Repositories | undefined;

/** Called by the composition root (src/entry/composition.ts) and by tests that bring their own. */
export function installRepositories(r: Repositories): void {
  installed = r;
}

export function repositories(): Repositories {
  if (installed === undefined) throw new RepositoriesNotInstalledError();
  return installed;
}
