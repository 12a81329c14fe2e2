/**
 * Who takes an issue entering a line: table-driven cases, and properties of the round robin against a
 * naive reference (walk the members in account-id order from just after the cursor).
 */
import fc from 'fast-check';
import { lineHolder, nextInTurn, turnOrder, type TurnInput } from '../../../src/domain';

const all = (): boolean => true;

describe('nextInTurn', () => {
  it.each<[string, TurnInput, { holder: string | null; cursor: string | null }]>([
    [
      'no cursor: the first in account-id order',
      { members: ['c', 'a', 'b'], assignable: all, cursor: null },
      { holder: 'a', cursor: 'a' },
    ],
    ['after the cursor', { members: ['c', 'a', 'b'], assignable: all, cursor: 'a' }, { holder: 'b', cursor: 'b' }],
    [
      'wraps around after the last',
      { members: ['c', 'a', 'b'], assignable: all, cursor: 'c' },
      { holder: 'a', cursor: 'a' },
    ],
    [
      'skips a member Jira cannot assign',
      { members: ['a', 'b', 'c'], assignable: (m) => m !== 'b', cursor: 'a' },
      { holder: 'c', cursor: 'c' },
    ],
    [
      'a cursor that left the group: the next id after it',
      { members: ['a', 'c'], assignable: all, cursor: 'b' },
      { holder: 'c', cursor: 'c' },
    ],
    [
      'nobody assignable: nobody, cursor kept',
      { members: ['a', 'b'], assignable: () => false, cursor: 'a' },
      { holder: null, cursor: 'a' },
    ],
    ['an empty group: nobody', { members: [], assignable: all, cursor: null }, { holder: null, cursor: null }],
    [
      'the only assignable member takes every turn',
      { members: ['a', 'b'], assignable: (m) => m === 'a', cursor: 'a' },
      { holder: 'a', cursor: 'a' },
    ],
  ])('%s', (_name, input, expected) => {
    expect(nextInTurn(input)).toEqual(expected);
  });
});

describe('lineHolder', () => {
  it.each([
    ['a person', { mode: 'person' as const, accountId: 'p' }, {}, { holder: 'p', notifyGroup: null }],
    [
      'a person Jira cannot assign in the project: nobody',
      { mode: 'person' as const, accountId: 'p' },
      { personAssignable: () => false },
      { holder: null, notifyGroup: null },
    ],
    [
      'unassigned, telling a group',
      { mode: 'unassigned' as const, notifyGroup: 'g' },
      {},
      { holder: null, notifyGroup: 'g' },
    ],
    [
      'unassigned, telling nobody',
      { mode: 'unassigned' as const, notifyGroup: null },
      {},
      { holder: null, notifyGroup: null },
    ],
    [
      'a group: the next turn, with the cursor to store',
      { mode: 'group' as const, group: 'g' },
      { group: { members: ['a', 'b'], assignable: all, cursor: 'a' } },
      { holder: 'b', notifyGroup: null, cursor: 'b' },
    ],
    [
      'a group nobody in can be assigned: unassigned, the group told',
      { mode: 'group' as const, group: 'g' },
      { group: { members: ['a'], assignable: () => false, cursor: null } },
      { holder: null, notifyGroup: 'g' },
    ],
  ])('%s', (_name, assignment, context, expected) => {
    expect(lineHolder(assignment, context)).toEqual(expected);
  });
});

/** The reference: walk the turn order from just after the cursor, wrapping, first assignable wins. */
function naiveNext(members: string[], assignable: Set<string>, cursor: string | null): string | null {
  const order = [...new Set(members)].sort();
  if (order.length === 0) return null;
  let start = 0;
  if (cursor !== null) {
    start = order.findIndex((m) => m > cursor);
    if (start < 0) start = 0;
  }
  for (let i = 0; i < order.length; i++) {
    const m = order[(start + i) % order.length]!;
    if (assignable.has(m)) return m;
  }
  return null;
}

const member = fc.stringMatching(/^[a-f0-9:]{1,6}$/);

describe('round robin properties', () => {
  it('agrees with the naive walk', () => {
    fc.assert(
      fc.property(
        fc.array(member, { maxLength: 12 }),
        fc.array(member, { maxLength: 12 }),
        fc.option(member, { nil: null }),
        (members, ok, cursor) => {
          const assignable = new Set(ok);
          const turn = nextInTurn({ members, assignable: (m) => assignable.has(m), cursor });
          expect(turn.holder).toBe(naiveNext(members, assignable, cursor));
        },
      ),
    );
  });

  it('never picks a member Jira cannot assign, and never someone outside the group', () => {
    fc.assert(
      fc.property(
        fc.array(member, { maxLength: 12 }),
        fc.array(member, { maxLength: 12 }),
        fc.option(member, { nil: null }),
        (members, ok, cursor) => {
          const turn = nextInTurn({ members, assignable: (m) => ok.includes(m), cursor });
          if (turn.holder !== null) {
            expect(members).toContain(turn.holder);
            expect(ok).toContain(turn.holder);
          } else expect(members.some((m) => ok.includes(m))).toBe(false);
        },
      ),
    );
  });

  it('k consecutive turns over k assignable members give each exactly one issue, whatever order Jira lists them in', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(member, { minLength: 1, maxLength: 10 }),
        fc.array(member, { maxLength: 5 }),
        fc.option(member, { nil: null }),
        (members, blocked, start) => {
          const assignable = (m: string): boolean => !blocked.includes(m);
          const eligible = members.filter(assignable);
          let cursor = start;
          const taken: string[] = [];
          for (let i = 0; i < eligible.length; i++) {
            const turn = nextInTurn({ members: i % 2 === 0 ? members : [...members].reverse(), assignable, cursor });
            taken.push(turn.holder!);
            cursor = turn.cursor;
          }
          expect([...taken].sort()).toEqual([...eligible].sort());
          expect(turnOrder(members)).toEqual([...members].sort());
        },
      ),
    );
  });
});
