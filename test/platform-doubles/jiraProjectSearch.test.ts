/**
 * The Jira double's project search (`GET /rest/api/3/project/search`, platform-v3 "Get projects paginated",
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-projects/#api-rest-api-3-project-search-get)
 * through the real `@forge/api`: only projects the caller may browse, `query` a literal case-insensitive
 * match on key or name, `orderBy` one of the documented values (anything else refused with 400, "Returned
 * if the request is not valid"), offset pages with `isLast`, `maxResults` above 100 read as 100.
 */
import api, { route } from '@forge/api';
import { harness } from '../../platform-doubles/index';

const { jira, runtime } = harness();
const ADMIN = 'acc-admin';
const AGENT = 'acc-agent';

const search = (accountId: string, q: URLSearchParams) =>
  runtime.runAs(accountId, () => api.asUser().requestJira(route`/rest/api/3/project/search?${q}`));

type Page = {
  startAt: number;
  maxResults: number;
  isLast: boolean;
  total: number;
  values: Array<{ key: string; name: string }>;
};

beforeEach(() => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Ada Admin', groups: ['jira-administrators'] });
  jira.seedUser({ accountId: AGENT, displayName: 'Li Na' });
  jira.seedProject({ key: 'ITR', name: 'IT Requests', browsers: [ADMIN, AGENT] });
  jira.seedProject({ key: 'RND', name: 'Research and development', browsers: [ADMIN, AGENT] });
  jira.seedProject({ key: 'SEC', name: 'Security desk', browsers: [ADMIN] });
  for (let n = 1; n <= 105; n++) jira.seedProject({ key: `P${n}`, name: `Project ${n}`, browsers: [ADMIN] });
});

describe('GET /project/search (searchProjects)', () => {
  it('lists what the caller may browse whose key or name contains the query, any case, by name', async () => {
    const res = await search(AGENT, new URLSearchParams({ query: 'r', orderBy: 'name' }));
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page;
    expect(page.values.map((p) => p.name)).toEqual(['IT Requests', 'Research and development']);
    const sec = (await (await search(AGENT, new URLSearchParams({ query: 'security' }))).json()) as Page;
    expect(sec).toMatchObject({ values: [], isLast: true, total: 0 });
    const admin = (await (await search(ADMIN, new URLSearchParams({ query: 'SEC' }))).json()) as Page;
    expect(admin.values.map((p) => p.key)).toEqual(['SEC']);
  });

  it('pages by offset, isLast on the last page, and reads maxResults above 100 as 100', async () => {
    const first = (await (await search(ADMIN, new URLSearchParams({ maxResults: '500' }))).json()) as Page;
    expect(first).toMatchObject({ startAt: 0, maxResults: 100, isLast: false, total: 108 });
    expect(first.values).toHaveLength(100);
    const last = (await (
      await search(ADMIN, new URLSearchParams({ startAt: '100', maxResults: '50' }))
    ).json()) as Page;
    expect(last).toMatchObject({ startAt: 100, isLast: true });
    expect(last.values).toHaveLength(8);
  });

  it('refuses an orderBy the operation does not document (400)', async () => {
    const res = await search(ADMIN, new URLSearchParams({ orderBy: 'summary' }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errorMessages: string[] }).errorMessages[0]).toMatch(/orderBy/);
    expect((await search(ADMIN, new URLSearchParams({ orderBy: '-name' }))).status).toBe(200);
  });
});
