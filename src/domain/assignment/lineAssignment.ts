/**
 * Who takes an issue when it enters a support line (Jira's assignee and the ITR owner field, always
 * the same person): one person, a group whose members take turns, or nobody with a group told.
 * Pure: the caller brings the group's members, who of them Jira lets be assigned in the issue's
 * project, and the line's turn cursor; it stores the cursor this answers.
 */

/** A line's assignment as the admin sets it (same shape as `LineAssignment` in src/contract/settings.ts). */
export type LineAssignment =
  | { mode: 'person'; accountId: string }
  | { mode: 'group'; group: string }
  | { mode: 'unassigned'; notifyGroup: string | null };

export const LINE_ASSIGNMENT_MODES = ['person', 'group', 'unassigned'] as const;

/**
 * Where a group's turn stands: the account that took the last issue (not a position), so members
 * joining or leaving the group do not make anyone's turn come twice or be skipped.
 */
export type TurnCursor = string | null;

export interface TurnInput {
  /** The group's members, in any order (Jira pages them by name; the turn order is by account id). */
  members: readonly string[];
  /** Whether Jira lets this member be assigned issues in the project. */
  assignable(accountId: string): boolean;
  cursor: TurnCursor;
}

export interface Turn {
  /** Who takes the issue; null when no member may be assigned in the project. */
  holder: string | null;
  /** The cursor after this turn (unchanged when nobody was found). */
  cursor: TurnCursor;
}

/** The turn order: by account id, code point by code point (stable whatever order Jira answers in). */
export function turnOrder(members: readonly string[]): string[] {
  return [...new Set(members)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Round robin: the first assignable member after the cursor in turn order, wrapping around; members
 * Jira would refuse are skipped (their turn passes, it is not kept for later). A cursor that left
 * the group still places the turn: the next account id after it.
 *
 * @example nextInTurn({ members: ['b', 'a', 'c'], assignable: (m) => m !== 'b', cursor: 'a' }) // { holder: 'c', cursor: 'c' }
 */
export function nextInTurn(input: TurnInput): Turn {
  const order = turnOrder(input.members);
  const cursor = input.cursor;
  const start = cursor === null ? 0 : order.findIndex((m) => m > cursor);
  const from = start < 0 ? 0 : start;
  for (let i = 0; i < order.length; i++) {
    const member = order[(from + i) % order.length]!;
    if (input.assignable(member)) return { holder: member, cursor: member };
  }
  return { holder: null, cursor };
}

/** The outcome of entering a line: who holds it, which group to tell by email, and the new turn. */
export interface LineHolder {
  holder: string | null;
  /** A group told that the issue arrived (`/notify`); null = none beyond the line's notification lists. */
  notifyGroup: string | null;
  /** Present when the line's group took a turn: the cursor to store for the line. */
  cursor?: TurnCursor;
}

/**
 * Who takes an issue entering a line. `group` is needed only for a group assignment (members,
 * assignability in the project, the line's cursor). A person Jira would refuse in the project
 * is not assigned (the issue stays unassigned; the line's notifications still go out). A group with
 * no assignable member leaves the issue unassigned and tells the group instead.
 */
export function lineHolder(
  assignment: LineAssignment,
  context: { personAssignable?: (accountId: string) => boolean; group?: TurnInput } = {},
): LineHolder {
  switch (assignment.mode) {
    case 'person': {
      const ok = context.personAssignable?.(assignment.accountId) ?? true;
      return { holder: ok ? assignment.accountId : null, notifyGroup: null };
    }
    case 'unassigned':
      return { holder: null, notifyGroup: assignment.notifyGroup };
    case 'group': {
      if (context.group === undefined) return { holder: null, notifyGroup: assignment.group };
      const turn = nextInTurn(context.group);
      return turn.holder === null
        ? { holder: null, notifyGroup: assignment.group }
        : { holder: turn.holder, notifyGroup: null, cursor: turn.cursor };
    }
  }
}
