import type { GradeId, ItrKindId, SupportLineId } from './ids';

/** What the ITR issue panel shows: computed on the server from the issue's fields and the config. */
export interface IssueItrState {
  issueKey: string;
  kind: ItrKindId | null;
  grade: GradeId | null;
  /**
   * The grade's name in both UI languages, from the grading table in force (the UI picks by locale);
   * null when ungraded or the table no longer defines the grade (the UI then shows the raw id).
   */
  gradeLabel: { en: string; 'zh-CN': string } | null;
  gradingTableVersion: number | null;
  line: SupportLineId | null;
  lineEnteredAt: string | null; // ISO instant
  dueAt: string | null; // ISO instant
  warnAt: string | null; // ISO instant
  /** Set while waiting for the customer stops the line's clock (then dueAt/warnAt are null). */
  pausedSince: string | null; // ISO instant
  /**
   * Working minutes of the line's budget left; with `pausedSince` what the clock will resume with;
   * with `done` what was left when the issue became done (the clock's final state).
   */
  remainingMinutes: number | null;
  /** `done`: resolved or in a Done-category status; the clocks have stopped (no due or warning time). */
  status: 'onTrack' | 'warning' | 'overdue' | 'notStarted' | 'paused' | 'done';
}

export interface IssuePanelFunctions {
  getIssueItrState: { payload: { issueKey: string }; result: IssueItrState };
}
