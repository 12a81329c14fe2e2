/**
 * namesOf: display names through `GET /user/bulk`, in chunks, null for accounts Jira does not know.
 */
import { jiraAsApp, jiraAsUser } from '../../../src/adapters/jira';
import { namesOf, personName, USER_BULK_CHUNK } from '../../../src/app/people/displayNames';
import { harness } from '../../../platform-doubles';

const { jira, runtime } = harness();

beforeEach(() => {
  jira.seedUser({ accountId: 'acc-li', displayName: '李伟' });
  jira.seedUser({ accountId: 'acc-ann', displayName: 'Ann Lee', active: false });
});

it('names known accounts (inactive ones too) and answers null for an account Jira does not know', async () => {
  const names = await runtime.runAs('acc-li', () =>
    namesOf(jiraAsUser(), ['acc-li', 'acc-ann', 'acc-deleted', 'acc-li', '']),
  );
  expect([...names.entries()]).toEqual([
    ['acc-li', '李伟'],
    ['acc-ann', 'Ann Lee'],
    ['acc-deleted', null],
  ]);
  expect(personName(names, 'acc-deleted')).toEqual({ accountId: 'acc-deleted', displayName: null });
  expect(personName(names, 'acc-never-asked')).toEqual({ accountId: 'acc-never-asked', displayName: null });
  expect(jira.requestCount('GET /rest/api/3/user/bulk')).toBe(1);
});

it(`asks ${USER_BULK_CHUNK} ids per request, so a long list costs ⌈n / ${USER_BULK_CHUNK}⌉ requests`, async () => {
  const ids = Array.from({ length: 2 * USER_BULK_CHUNK + 1 }, (_, i) => `acc-${i}`);
  for (const id of ids.filter((_, i) => i % 2 === 0)) jira.seedUser({ accountId: id, displayName: `Person ${id}` });
  const names = await namesOf(jiraAsApp(), ids);
  expect(names.size).toBe(ids.length);
  expect(names.get('acc-0')).toBe('Person acc-0');
  expect(names.get('acc-1')).toBeNull();
  expect(names.get(`acc-${2 * USER_BULK_CHUNK}`)).toBe(`Person acc-${2 * USER_BULK_CHUNK}`);
  expect(jira.requestCount('GET /rest/api/3/user/bulk')).toBe(3);
});

it('asks nothing for an empty list', async () => {
  expect((await namesOf(jiraAsApp(), [])).size).toBe(0);
  expect(jira.requestCount()).toBe(0);
});
