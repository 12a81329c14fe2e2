/**
 * Lasting fixes (issue 17, itr-process.md §5 "fire prevention"): a problem's long-term measure, and the
 * follow-up (二次改进) of a return visit whose customer view differs from the internal one, each carried
 * by a linked Jira issue with an assignee and a due date, created from the issue panel as the caller.
 */
import type { PersonName } from './people';

export type LastingFixKindDto = 'longTerm' | 'followUp';
/** `done` once the linked issue is done; `overdue` while open after its due day; else `open`. */
export type LastingFixStateDto = 'open' | 'done' | 'overdue';

export interface LastingFixView {
  kind: LastingFixKindDto;
  /** The linked issue's key (a link the panel opens in Jira). */
  key: string;
  summary: string;
  assignee: PersonName;
  /** `YYYY-MM-DD`, a calendar day (no zone). */
  dueDate: string;
  /** The linked issue's status name as the viewer sees it; null when the viewer may not see it. */
  status: string | null;
  state: LastingFixStateDto;
}

export interface LastingFixPanel {
  issueKey: string;
  /** The admin chose where fixes are created (admin page, Supervision); false = creating is refused. */
  configured: boolean;
  /** The project fixes are created in (the assignee picker offers who may be assigned there). */
  projectKey: string | null;
  /** The viewer may edit the problem, so may create its fixes. */
  canEdit: boolean;
  /** A recorded return visit found the customer's view different from the internal one. */
  followUpOffered: boolean;
  /** The long-term measure as last saved in the root cause (a starting summary); '' when none. */
  longTermMeasure: string;
  fixes: LastingFixView[];
}

/** Problems of a department whose lasting fix is not done: still open, and among them overdue. */
export interface LastingFixDepartmentCount {
  /** Null for assignees without a department in the supervision settings. */
  department: string | null;
  open: number;
  overdue: number;
}

export interface LastingFixCounts {
  departments: LastingFixDepartmentCount[];
  open: number;
  overdue: number;
}

export interface LastingFixFunctions {
  getLastingFixes: { payload: { issueKey: string }; result: LastingFixPanel };
  createLastingFix: {
    payload: { issueKey: string; kind: LastingFixKindDto; summary: string; assignee: string; dueDate: string };
    result: LastingFixPanel;
  };
  getLastingFixCounts: { payload: Record<string, never>; result: LastingFixCounts };
}
