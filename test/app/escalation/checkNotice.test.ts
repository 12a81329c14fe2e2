/**
 * What a claimed escalation side effect says and to whom (src/app/escalation/checkNotice.ts), one row per
 * kind of claim: warning, escalation (holder looked up in this run, or taken over from a run that died),
 * breach, and the claims there is nothing to say about. Critical on the 24×7 calendar, entered at T0.
 */
import type { ItrConfig } from '../../../src/app/config/itrConfig';
import type { OwnedAction } from '../../../src/app/ports/escalationActions';
import { noticeOf, type CheckNotice } from '../../../src/app/escalation/checkNotice';
import { UNREAD_ISSUE, type IssueInJira } from '../../../src/app/escalation/jiraMove';
import type { EscalationIssue } from '../../../src/app/escalation/lineClock';
import { DEFAULT_ESCALATION_SETTINGS, type EscalationSettings } from '../../../src/app/escalation/settings';
import { DEFAULT_CALENDARS, DEFAULT_GRADING_TABLE, type LineHolder } from '../../../src/domain';

const T0 = new Date('2026-03-02T08:00:00Z');

const config: ItrConfig = {
  gradingTable: DEFAULT_GRADING_TABLE,
  calendars: new Map(DEFAULT_CALENDARS.map((c) => [c.id, c.calendar])),
};

const settings: EscalationSettings = {
  ...DEFAULT_ESCALATION_SETTINGS,
  lines: {
    L1: { ...DEFAULT_ESCALATION_SETTINGS.lines.L1, notifyAccountIds: ['acc-lead-l1'] },
    L2: {
      assignment: { mode: 'person', accountId: 'acc-l2' },
      statusName: 'Escalated',
      notifyAccountIds: ['acc-lead-l2'],
      notifyGroups: ['l2-watchers'],
    },
    L3: DEFAULT_ESCALATION_SETTINGS.lines.L3,
  },
  managementAccountIds: ['acc-manager'],
  managementGroups: ['itr-management'],
};

/** As read back by the run: in Jira's "In Progress", which may move to "Escalated". */
const inProgress: IssueInJira = {
  assigneeAccountId: 'acc-l1',
  statusName: 'In Progress',
  transitions: [{ id: '31', name: 'Escalate', toStatusName: 'Escalated', hasScreen: false, screenFieldIds: undefined }],
};

function issueOn(line: EscalationIssue['line'], owner: string | null): EscalationIssue & { jira: IssueInJira } {
  return {
    id: '10001',
    key: 'ITR-1',
    grade: 'critical',
    line,
    enteredAt: T0,
    dueAt: null,
    warnAt: null,
    warnedLine: null,
    breachedAt: null,
    ownerAccountId: owner,
    jira: inProgress,
  };
}

const warnL1: OwnedAction = { id: 1, issueId: '10001', action: 'warn', line: 'L1', lineEnteredAt: T0, toLine: null };
const escalateL1: OwnedAction = { ...warnL1, id: 2, action: 'escalate', toLine: 'L2' };
const breachL3: OwnedAction = { ...warnL1, id: 3, action: 'breach', line: 'L3' };

const moveTo = (holder: string | null, unassignedGroup: string | null): CheckNotice['move'] => ({
  plan: {
    holder,
    transition: { id: '31', withAssignee: false, statusName: 'Escalated' },
    putAssignee: true,
    statusNotMoved: null,
  },
  unassignedGroup,
});

interface Row {
  name: string;
  action: OwnedAction;
  issue: (EscalationIssue & { jira: IssueInJira }) | undefined;
  /** Holders looked up by this run, by issue id. */
  decided?: Array<[string, LineHolder]>;
  subject?: RegExp;
  users?: string[];
  groups?: string[];
  move?: CheckNotice['move'];
  /** No notice at all: the claim is only marked done. */
  none?: true;
}

const ROWS: Row[] = [
  {
    name: 'a warning: the line L1 notification list, mentioned; no move',
    action: warnL1,
    issue: issueOn('L1', 'acc-l1'),
    subject: /^\[ITR\] ITR-1 is about to time out on /,
    users: ['acc-lead-l1'],
    groups: [],
    move: null,
  },
  {
    name: 'an escalation this run decided: the new holder first, then L2 list; assignee and status move with it',
    action: escalateL1,
    issue: issueOn('L1', 'acc-l1'),
    decided: [['10001', { holder: 'acc-l2', notifyGroup: null }]],
    subject: /^\[ITR\] ITR-1 escalated to /,
    users: ['acc-l2', 'acc-lead-l2'],
    groups: ['l2-watchers'],
    move: moveTo('acc-l2', null),
  },
  {
    name: 'an escalation nobody could take: the group told instead is notified and named in the comment',
    action: escalateL1,
    issue: issueOn('L1', 'acc-l1'),
    decided: [['10001', { holder: null, notifyGroup: 'l2-team' }]],
    users: ['acc-lead-l2'],
    groups: ['l2-watchers', 'l2-team'],
    move: moveTo(null, 'l2-team'),
  },
  {
    name: 'an escalation taken over from a run that died after writing: the owner field it wrote holds it',
    action: escalateL1,
    issue: { ...issueOn('L2', 'acc-l2'), jira: UNREAD_ISSUE },
    users: ['acc-l2', 'acc-lead-l2'],
    groups: ['l2-watchers'],
    move: {
      plan: { holder: 'acc-l2', transition: null, putAssignee: true, statusNotMoved: 'Escalated' },
      unassignedGroup: null,
    },
  },
  {
    name: 'an escalation taken over after the issue moved on: a plain comment, no move',
    action: escalateL1,
    issue: issueOn('L3', 'acc-l3'),
    users: ['acc-lead-l2'],
    groups: ['l2-watchers'],
    move: null,
  },
  {
    name: 'a breach: management, people mentioned and groups notified',
    action: breachL3,
    issue: issueOn('L3', 'acc-l3'),
    subject: /^\[ITR\] ITR-1 breached the promise to the customer$/,
    users: ['acc-manager'],
    groups: ['itr-management'],
    move: null,
  },
  { name: 'the issue was not read back (closed since): nothing to say', action: warnL1, issue: undefined, none: true },
  {
    name: 'the issue lost its grade: nothing to say',
    action: warnL1,
    issue: { ...issueOn('L1', 'acc-l1'), grade: null },
    none: true,
  },
];

describe('noticeOf', () => {
  it.each(ROWS)('$name', (row) => {
    const notice = noticeOf(row.action, row.issue, {
      config,
      settings,
      pauses: new Map(),
      decidedHolders: new Map(row.decided ?? []),
    });
    if (row.none === true) {
      expect(notice).toBeNull();
      return;
    }
    expect(notice).toMatchObject({ users: row.users, groups: row.groups, move: row.move });
    if (row.subject !== undefined) expect(notice?.message.subject).toMatch(row.subject);
  });

  it("dates a warning by the line's due time, pushed out by the line's pauses", () => {
    const pauses = new Map([['10001', [{ line: 'L1' as const, from: T0, to: new Date(T0.getTime() + 3_600_000) }]]]);
    const notice = noticeOf(warnL1, issueOn('L1', 'acc-l1'), {
      config,
      settings,
      pauses,
      decidedHolders: new Map(),
    });
    // L1 has 360 minutes from 08:00, plus the hour paused: 15:00.
    expect(notice?.message.text).toContain('2026-03-02 15:00 UTC');
  });
});
