/**
 * Who takes issues entering lines during one run (a consumer event, a line entry): the line's
 * assignment decided by the domain (src/domain/assignment), with what it needs asked of Jira at most
 * once per run — a group's members once per group, who may be assigned once per project — and the
 * lines' round-robin cursors read once and written once (`save`).
 */
import type { JiraClient, JiraDirectoryUser } from '../../adapters/jira';
import { JiraError, JiraErrorCode } from '../../adapters/jira';
import { lineHolder, type LineHolder, type SupportLine } from '../../domain';
import type { LineTurns, LineTurnStore } from './lineTurns';
import type { EscalationSettings } from './settings';

/**
 * Users per `/user/assignable/search` request (Jira's maximum). Jira takes that many candidates and
 * then keeps the assignable ones, so on a large site a member can be missing from the page although
 * assignable: members missing from it are asked for by name (a narrow query, so the filter is exact).
 */
export const ASSIGNABLE_PAGE = 1000;

/** The project key of an issue key (`ITR-12` → `ITR`). */
export function projectKeyOf(issueKey: string): string {
  const dash = issueKey.lastIndexOf('-');
  return dash > 0 ? issueKey.slice(0, dash) : issueKey;
}

export class LineHolders {
  private readonly members = new Map<string, Promise<JiraDirectoryUser[]>>();
  private readonly assignable = new Map<string, Promise<Set<string>>>();
  private readonly byName = new Map<string, Promise<boolean>>();
  private turns: LineTurns | undefined;
  private moved = false;

  constructor(
    private readonly jira: JiraClient,
    private readonly settings: EscalationSettings,
    private readonly store: LineTurnStore,
  ) {}

  /** Who takes an issue of `projectKey` entering `line` now; advances the line's turn for a group. */
  async holderFor(line: SupportLine, projectKey: string): Promise<LineHolder> {
    const assignment = this.settings.lines[line].assignment;
    switch (assignment.mode) {
      case 'unassigned':
        return lineHolder(assignment);
      case 'person': {
        const ok = await this.mayBeAssigned(projectKey, { accountId: assignment.accountId, displayName: null });
        return lineHolder(assignment, { personAssignable: () => ok });
      }
      case 'group': {
        const members = await this.groupMembers(assignment.group);
        const turns = await this.loadTurns();
        const verdicts = new Map<string, boolean>();
        for (const m of members) verdicts.set(m.accountId, await this.mayBeAssigned(projectKey, m));
        const decided = lineHolder(assignment, {
          group: {
            members: members.map((m) => m.accountId),
            assignable: (id) => verdicts.get(id) === true,
            cursor: turns[line],
          },
        });
        if (decided.cursor !== undefined && decided.cursor !== turns[line]) {
          turns[line] = decided.cursor;
          this.moved = true;
        }
        return decided;
      }
    }
  }

  /** Writes the turns moved in this run (one KVS write; none when no group took a turn). */
  async save(): Promise<void> {
    if (this.moved && this.turns !== undefined) await this.store.save(this.turns);
    this.moved = false;
  }

  private async loadTurns(): Promise<LineTurns> {
    this.turns ??= await this.store.load();
    return this.turns;
  }

  /** A group's active members; a group Jira no longer knows has none (the issue stays unassigned). */
  private groupMembers(group: string): Promise<JiraDirectoryUser[]> {
    let p = this.members.get(group);
    if (p === undefined) {
      p = this.jira.groupMembers(group).catch((e: unknown) => {
        if (e instanceof JiraError && e.code === JiraErrorCode.NotFound) return [];
        throw e;
      });
      this.members.set(group, p);
    }
    return p;
  }

  private async mayBeAssigned(
    projectKey: string,
    user: { accountId: string; displayName: string | null },
  ): Promise<boolean> {
    let page = this.assignable.get(projectKey);
    if (page === undefined) {
      page = this.jira
        .findAssignableUsers({ projectKey, max: ASSIGNABLE_PAGE })
        .then((users) => new Set(users.map((u) => u.accountId)));
      this.assignable.set(projectKey, page);
    }
    if ((await page).has(user.accountId)) return true;
    // Not in the page: ask for them by name (a line's person is known by id only: their name first).
    const key = `${projectKey}\u0000${user.accountId}`;
    let found = this.byName.get(key);
    if (found === undefined) {
      found = (async (): Promise<boolean> => {
        const name = user.displayName ?? (await this.jira.existingUsers([user.accountId]))[0]?.displayName;
        if (name === undefined || name === '') return false;
        const users = await this.jira.findAssignableUsers({ projectKey, query: name, max: 50 });
        return users.some((u) => u.accountId === user.accountId);
      })();
      this.byName.set(key, found);
    }
    return found;
  }
}
