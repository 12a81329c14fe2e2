/** The Forge SQL implementation of every storage port of the app (src/app/ports). */
import type { Repositories } from '../../app/ports';
import { sqlClassificationHistory } from './classificationHistoryRepository';
import { sqlDispatches } from './dispatchRepository';
import { sqlEscalationActions } from './escalationActionRepository';
import { sqlEscalationAudit } from './escalationAuditRepository';
import { sqlHandoffs } from './handoffRepository';
import { sqlLineHistory } from './lineHistoryRepository';
import { sqlLinePauses } from './linePauseRepository';
import { sqlResponseAlerts } from './responseAlertRepository';
import { sqlReturnVisits } from './returnVisitRepository';
import { sqlRootCauses } from './rootCauseRepository';

export const sqlRepositories: Repositories = {
  classificationHistory: sqlClassificationHistory,
  dispatches: sqlDispatches,
  escalationActions: sqlEscalationActions,
  escalationAudit: sqlEscalationAudit,
  handoffs: sqlHandoffs,
  lineHistory: sqlLineHistory,
  linePauses: sqlLinePauses,
  responseAlerts: sqlResponseAlerts,
  returnVisits: sqlReturnVisits,
  rootCauses: sqlRootCauses,
};
