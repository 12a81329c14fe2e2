import type { GradeId, ItrKindId, SupportLineId } from './ids';

/** What the ITR issue panel shows: computed on the server from the issue's fields and the config. */
export interface IssueItrState {
  issueKey: string;
  kind: ItrKindId | null;
  grade: GradeId | null;
  gradingTableVersion: number | null;
  line: SupportLineId | null;
  lineEnteredAt: string | null; // ISO instant
  dueAt: string | null; // ISO instant
  warnAt: string | null; // ISO instant
  status: 'onTrack' | 'warning' | 'overdue' | 'notStarted';
}

export interface IssuePanelFunctions {
  getIssueItrState: { payload: { issueKey: string }; result: IssueItrState };
}
