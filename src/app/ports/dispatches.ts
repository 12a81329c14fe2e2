/**
 * When an issue was last dispatched to its owner: the start of the acceptance clock. Only the app
 * writes it (an issue property any editor may write broke the triage queue, issue 13).
 * SQL: src/adapters/sql/dispatchRepository.ts.
 */
export interface Dispatch {
  dispatchedAt: Date;
  ownerAccountId: string | null;
  by: string;
}

export interface DispatchRepository {
  /** The dispatches of these issues (a triage page holds at most 50), by issue id. */
  readDispatches: (issueIds: readonly string[]) => Promise<Map<string, Dispatch>>;
  /** Starts (or restarts) an issue's acceptance clock. */
  recordDispatch: (issueId: string, d: Dispatch) => Promise<void>;
  /** Issues awaiting an answer with no dispatch: their clock starts at `at`, once. */
  startMissingClocks: (issueIds: readonly string[], at: Date, by: string) => Promise<void>;
}
