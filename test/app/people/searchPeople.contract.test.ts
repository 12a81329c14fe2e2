/**
 * `searchPeople` through every exported resolver whose page picks people: Jira is searched as the
 * caller (display names and avatars; only what Jira shows that person), only people are offered, and a
 * bad payload is refused with a stable code before Jira is asked.
 */
import { handler as gradingAdminResolver } from '../../../src/entry/grading-admin-resolver';
import { handler as issuePanelResolver } from '../../../src/entry/issue-panel-resolver';
import { handler as itrHomeResolver } from '../../../src/entry/itr-home-resolver';
import { PEOPLE_QUERY_MAX, PEOPLE_RESULT_MAX, PeopleSearchErrorCode } from '../../../src/app/people/peopleSearch';
import type { ResolverResult } from '../../../src/contract/envelope';
import type { PeopleSearchResult } from '../../../src/contract/people';
import { harness, invokeResolver } from '../../../platform-doubles';

const { jira } = harness();

const ADMIN = 'acc-admin';
const BOB = 'acc-bob';
const LI = 'acc-li';
const GONE = 'acc-gone';
const VIEWER = 'acc-viewer';
/** No Browse users and groups: Jira shows them nobody, and a group only by its exact name. */
const OUTSIDER = 'acc-outsider';

type Handler = Parameters<typeof invokeResolver>[0];
const RESOLVERS: Array<[string, Handler]> = [
  ['grading admin (support lines, departments, fallback closers)', gradingAdminResolver as Handler],
  ['ITR home (triage owner, reassign target)', itrHomeResolver as Handler],
  ['issue panel (forward / escalate target)', issuePanelResolver as Handler],
];

const search = (
  handler: Handler,
  payload: unknown,
  accountId: string | undefined,
): Promise<ResolverResult<PeopleSearchResult>> =>
  invokeResolver(handler, 'searchPeople', payload, accountId === undefined ? {} : { accountId }) as Promise<
    ResolverResult<PeopleSearchResult>
  >;

function data(r: ResolverResult<PeopleSearchResult>): PeopleSearchResult {
  if (!r.success) throw new Error(`expected success, got ${JSON.stringify(r.errors)}`);
  return r.data;
}

beforeEach(() => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Ada Admin', groups: ['jira-administrators'] });
  jira.seedUser({ accountId: BOB, displayName: 'Bob Stone', emailAddress: 'bob@example.com', groups: ['itr-l2'] });
  jira.seedUser({ accountId: LI, displayName: '李伟', emailAddress: 'wei.li@example.com', groups: ['itr-l2'] });
  jira.seedUser({ accountId: GONE, displayName: 'Bob Gone', active: false, groups: ['itr-l2'] });
  jira.seedUser({ accountId: VIEWER, displayName: 'Bob Viewer', projectPermissions: { ITR: ['BROWSE_PROJECTS'] } });
  jira.seedUser({ accountId: OUTSIDER, displayName: 'Olga Outsider', globalPermissions: [] });
  jira.seedProject({ key: 'ITR' });
  jira.seedProject({ key: 'SEC', browsers: [ADMIN] });
});

describe.each(RESOLVERS)('searchPeople on the %s resolver', (_page, handler) => {
  it('finds people with display names and avatars, and groups by name, asking Jira as the caller', async () => {
    const found = data(await search(handler, { query: 'bob', kinds: ['user', 'group'] }, LI));
    expect(found.users).toEqual([
      { accountId: BOB, displayName: 'Bob Stone', avatarUrl: expect.stringMatching(/^https:\/\//) },
      { accountId: VIEWER, displayName: 'Bob Viewer', avatarUrl: expect.stringMatching(/^https:\/\//) },
    ]); // Bob Gone is inactive
    expect(found.groups).toEqual([]);
    expect(data(await search(handler, { query: 'L2', kinds: ['group'] }, LI)).groups).toEqual([
      { groupId: expect.any(String), name: 'itr-l2' },
    ]);
    expect(data(await search(handler, { query: '李', kinds: ['user'] }, BOB)).users.map((u) => u.displayName)).toEqual([
      '李伟',
    ]);
    expect(jira.calls.every((c) => c.actor === 'user')).toBe(true);
    expect(new Set(jira.calls.map((c) => c.accountId))).toEqual(new Set([LI, BOB]));
  });

  it('gives an outsider only what Jira lets them see: nobody, and a group only by its exact name', async () => {
    expect(data(await search(handler, { query: 'bob', kinds: ['user', 'group'] }, OUTSIDER))).toEqual({
      users: [],
      groups: [],
    });
    expect(data(await search(handler, { query: 'itr', kinds: ['group'] }, OUTSIDER)).groups).toEqual([]);
    expect(
      data(await search(handler, { query: 'itr-l2', kinds: ['group'] }, OUTSIDER)).groups.map((g) => g.name),
    ).toEqual(['itr-l2']);
  });

  it('offers only people: never the app’s own account', async () => {
    expect(data(await search(handler, { query: 'ITR', kinds: ['user'] }, ADMIN)).users).toEqual([]);
    expect(jira.requestCount('GET /rest/api/3/user/search')).toBe(1);
  });

  it('offers only people assignable in a project, and says so when the caller cannot see the project', async () => {
    const assignable = data(await search(handler, { query: 'bob', kinds: ['user'], assignableInProject: 'ITR' }, LI));
    expect(assignable.users.map((u) => u.displayName)).toEqual(['Bob Stone']); // Bob Viewer holds no Assignable User
    const hidden = await search(handler, { query: 'ada', kinds: ['user'], assignableInProject: 'SEC' }, LI);
    expect(hidden).toEqual({
      success: false,
      errors: [
        expect.objectContaining({
          code: PeopleSearchErrorCode.ProjectNotFound,
          path: 'assignableInProject',
          params: { project: 'SEC' },
        }),
      ],
    });
  });

  it('looks at a wider window for assignable people, so non-assignable matches do not crowd them out', async () => {
    for (let i = 0; i < PEOPLE_RESULT_MAX; i++)
      jira.seedUser({
        accountId: `acc-c${i}`,
        displayName: `Carl ${String(i).padStart(2, '0')}`,
        projectPermissions: { ITR: ['BROWSE_PROJECTS'] },
      });
    jira.seedUser({ accountId: 'acc-cz', displayName: 'Carl Zhou' });
    const found = data(await search(handler, { query: 'carl', kinds: ['user'], assignableInProject: 'ITR' }, LI));
    expect(found.users.map((u) => u.displayName)).toEqual(['Carl Zhou']);
  });

  it.each([
    ['no payload', null, PeopleSearchErrorCode.QueryInvalid],
    ['an empty query', { query: '   ', kinds: ['user'] }, PeopleSearchErrorCode.QueryInvalid],
    [
      'a query over the limit',
      { query: '伟'.repeat(PEOPLE_QUERY_MAX + 1), kinds: ['user'] },
      PeopleSearchErrorCode.QueryInvalid,
    ],
    ['a query that is not text', { query: 42, kinds: ['user'] }, PeopleSearchErrorCode.QueryInvalid],
    ['no kinds', { query: 'bob', kinds: [] }, PeopleSearchErrorCode.KindsInvalid],
    ['an unknown kind', { query: 'bob', kinds: ['user', 'robot'] }, PeopleSearchErrorCode.KindsInvalid],
    [
      'a project that is not a key',
      { query: 'bob', kinds: ['user'], assignableInProject: 'itr project' },
      PeopleSearchErrorCode.ProjectInvalid,
    ],
    [
      'a project for groups only',
      { query: 'bob', kinds: ['group'], assignableInProject: 'ITR' },
      PeopleSearchErrorCode.ProjectInvalid,
    ],
  ])('refuses %s with a code, before asking Jira', async (_what, payload, code) => {
    const r = await search(handler, payload, BOB);
    expect(r).toEqual({ success: false, errors: [expect.objectContaining({ code })] });
    expect(jira.requestCount()).toBe(0);
  });

  it('takes a query of exactly the limit, counted in characters', async () => {
    expect(await search(handler, { query: '伟'.repeat(PEOPLE_QUERY_MAX), kinds: ['user'] }, BOB)).toEqual({
      success: true,
      data: { users: [], groups: [] },
    });
  });

  it('refuses a call without a signed-in user', async () => {
    expect(await search(handler, { query: 'bob', kinds: ['user'] }, undefined)).toEqual({
      success: false,
      errors: [expect.objectContaining({ code: 'NOT_AUTHORIZED' })],
    });
  });
});
