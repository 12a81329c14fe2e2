/**
 * Every resolver function the Custom UI may call, by key: the union of each area's map. Keys are unique
 * across the app, so one typed `call()` in static/shared/api.ts serves every page.
 * An area adds `export interface XxxFunctions { key: { payload; result } }` in its own file and joins it here.
 */
import type { GradingAdminFunctions } from './gradingAdmin';
import type { IssuePanelFunctions } from './issuePanel';
import type { SetupFunctions } from './setup';
import type { EscalationAdminFunctions, EscalationFunctions } from './escalation';
import type { TriageFunctions } from './triage';
import type { CaseLibraryFunctions } from './cases';
import type { SupervisionFunctions } from './analytics';
import type { ClosureAdminFunctions, ReturnVisitsFunctions, RootCauseFunctions } from './closure';
import type { BackupFunctions } from './backup';
import type { AuditFunctions } from './audit';
import type { SettingsFunctions } from './settings';
import type { SiteCheckFunctions } from './siteCheck';
import type { ClosureRuleFunctions } from './closureRules';
import type { PeopleFunctions } from './people';
import type { ClockSettingsFunctions } from './clockSettings';
import type { CaseHabitFunctions, LineTargetFunctions } from './caseHabit';
import type { CustomerFunctions, IssueCustomerFunctions, SparePartSupervisionFunctions } from './customers';
import type { LastingFixFunctions } from './lastingFix';
import type { DecisionAdminFunctions, DecisionFunctions, DecisionSupervisionFunctions } from './decisions';
import type { RequirementFunctions } from './requirement';
import type { CaseGlossaryFunctions } from './caseGlossary';

export type { ResolverError, ResolverResult } from './envelope';
export type { GradeId, ItrKindId, SupportLineId } from './ids';
export type * from './issuePanel';
export type * from './gradingAdmin';
export type * from './setup';
export type * from './escalation';
export type * from './triage';
export type * from './cases';
export type * from './analytics';
export type * from './closure';
export type * from './backup';
export type * from './audit';
export type * from './settings';
export type * from './siteCheck';
export type * from './closureRules';
export type * from './jobs';
export type * from './people';
export type * from './clockSettings';
export type * from './caseHabit';
export type * from './customers';
export type * from './lastingFix';
export type * from './decisions';
export type * from './requirement';
export type * from './caseGlossary';

export interface ResolverFunctions
  extends IssuePanelFunctions,
    SetupFunctions,
    GradingAdminFunctions,
    TriageFunctions,
    EscalationFunctions,
    EscalationAdminFunctions,
    SupervisionFunctions,
    CaseLibraryFunctions,
    ReturnVisitsFunctions,
    ClosureAdminFunctions,
    RootCauseFunctions,
    BackupFunctions,
    AuditFunctions,
    SettingsFunctions,
    SiteCheckFunctions,
    ClosureRuleFunctions,
    PeopleFunctions,
    ClockSettingsFunctions,
    CaseHabitFunctions,
    LineTargetFunctions,
    CustomerFunctions,
    IssueCustomerFunctions,
    SparePartSupervisionFunctions,
    LastingFixFunctions,
    DecisionFunctions,
    DecisionAdminFunctions,
    DecisionSupervisionFunctions,
    RequirementFunctions,
    CaseGlossaryFunctions {}
