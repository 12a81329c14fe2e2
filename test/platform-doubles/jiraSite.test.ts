/**
 * The Jira double on a realistic site: what Jira refuses there, the double refuses too. App `string`
 * fields have no text search; the app's user is bound by the permission scheme; whoever may edit an
 * issue may write its entity properties (and nobody else); the field list is one unpaged array.
 */
import api, { route } from '@forge/api';
import { jiraAsApp } from '../../src/adapters/jira';
import { lookUpFieldIds } from '../../src/app/fields/fieldIds';
import { defineItrFields } from '../fixtures/itrFields';
import { harness } from '../../platform-doubles/index';
import { loadSiteProfile, type SiteProfile } from '../../platform-doubles/siteProfile';

const { jira, runtime } = harness();

type RequestJira = ReturnType<typeof api.asUser>['requestJira'];
/** `asUser()` inside an invocation by `accountId` (no impersonation). */
const asUser = (accountId: string): { requestJira: RequestJira } => ({
  requestJira: (...args: Parameters<RequestJira>) => runtime.runAs(accountId, () => api.asUser().requestJira(...args)),
});
const json = (body: unknown): { method: string; headers: Record<string, string>; body: string } => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});
const put = (body: unknown): { method: string; headers: Record<string, string>; body: string } => ({
  ...json(body),
  method: 'PUT',
});
const comment = {
  body: {
    type: 'doc',
    version: 1,
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Escalated to L2' }] }],
  },
};

let site: SiteProfile;
let ids: ReturnType<typeof defineItrFields>;
beforeEach(() => {
  ids = defineItrFields(jira);
  site = loadSiteProfile(jira);
  for (const key of ['P001', 'P005', 'P010'])
    jira.seedIssue({
      key: `${key}-1`,
      summary: 'Printer on fire',
      fields: { [ids.gradingAnswers]: 'scope=large;sensitivity=none' },
    });
});

describe('app string fields: exact comparison only', () => {
  // forge-docs: manifest-reference/modules/jira-custom-field ("Data types": a string field offers exact comparison)
  it.each(['~', '!~'])("refuses %s on an app string field with Jira's 400 and message", async (op) => {
    const res = await api
      .asApp()
      .requestJira(
        route`/rest/api/3/search/jql`,
        json({ jql: `"ITR grading answers" ${op} "scope=large"`, fields: ['summary'] }),
      );
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      errorMessages: [`The operator '${op}' is not supported by the 'ITR grading answers' field.`],
      errors: {},
    });
    const byId = await api
      .asApp()
      .requestJira(route`/rest/api/3/search/jql`, json({ jql: `cf[${ids.gradingAnswers.slice(12)}] ${op} "scope"` }));
    expect(byId.status).toBe(400);
    expect(jira.takeViolations()).toEqual([]); // Jira's own refusal, not a gap of the double
  });

  it('matches the whole value with = (the answers are one stable string), and keeps ~ on text fields', async () => {
    const exact = await api
      .asApp()
      .requestJira(
        route`/rest/api/3/search/jql`,
        json({ jql: `"ITR grading answers" = "scope=large;sensitivity=none"`, fields: ['summary'] }),
      );
    expect(((await exact.json()) as { issues: unknown[] }).issues).toHaveLength(2); // P010-1 is closed to the app
    const text = await api
      .asApp()
      .requestJira(route`/rest/api/3/search/jql`, json({ jql: 'summary ~ "printer"', fields: ['summary'] }));
    expect(text.status).toBe(200);
  });
});

describe('a site with 2,000 custom fields and 200 projects', () => {
  it("lists every field in one unpaged answer (GET /rest/api/3/field has no paging in Jira's spec)", async () => {
    const res = await api.asApp().requestJira(route`/rest/api/3/field`);
    const fields = (await res.json()) as Array<{ custom: boolean }>;
    expect(Array.isArray(fields)).toBe(true);
    expect(fields.filter((f) => f.custom)).toHaveLength(2000);
    expect(site.projectKeys).toHaveLength(200);
  });

  it('the app finds its 20 fields among them with one request, then none', async () => {
    expect(await lookUpFieldIds(jiraAsApp())).toEqual(ids);
    expect(await lookUpFieldIds(jiraAsApp())).toEqual(ids);
    expect(jira.requestCount('GET /rest/api/3/field')).toBe(1);
  });
});

describe('the permission scheme binds the app too', () => {
  it('hides a project the app may not browse: its issues are not found nor searched', async () => {
    expect(site.appCannotBrowse).toContain('P010');
    expect((await api.asApp().requestJira(route`/rest/api/3/issue/${'P010-1'}`)).status).toBe(404);
    const res = await api
      .asApp()
      .requestJira(route`/rest/api/3/search/jql`, json({ jql: 'project IN (P001, P010)', fields: ['summary'] }));
    expect(((await res.json()) as { issues: Array<{ key: string }> }).issues.map((i) => i.key)).toEqual(['P001-1']);
    expect((await api.asApp().requestJira(route`/rest/api/3/issue/${'P010-1'}/comment`, json(comment))).status).toBe(
      404,
    );
  });

  it('refuses the app a comment where it may browse but not comment, allows it elsewhere', async () => {
    expect(site.appCannotComment).toContain('P005');
    expect((await api.asApp().requestJira(route`/rest/api/3/issue/${'P005-1'}`)).status).toBe(200);
    expect((await api.asApp().requestJira(route`/rest/api/3/issue/${'P005-1'}/comment`, json(comment))).status).toBe(
      400,
    ); // the spec documents no 403 here
    expect((await api.asApp().requestJira(route`/rest/api/3/issue/${'P001-1'}/comment`, json(comment))).status).toBe(
      201,
    );
    expect(jira.issue('P005-1').comments).toHaveLength(0);
  });

  it('answers mypermissions for the app as the scheme says', async () => {
    const res = await api
      .asApp()
      .requestJira(route`/rest/api/3/mypermissions?projectKey=P005&permissions=ADD_COMMENTS,BROWSE_PROJECTS`);
    const body = (await res.json()) as { permissions: Record<string, { havePermission: boolean }> };
    expect(body.permissions['BROWSE_PROJECTS']?.havePermission).toBe(true);
    expect(body.permissions['ADD_COMMENTS']?.havePermission).toBe(false);
  });
});

describe('entity properties: whoever may edit the issue may write them', () => {
  const path = route`/rest/api/3/issue/${'P001-1'}/properties/${'itr-handoff'}`;

  it("lets an editor set and delete any property, the app's keys included", async () => {
    expect((await asUser(site.editor).requestJira(path, put({ target: 'SEC-9' }))).status).toBe(201);
    expect(jira.issue('P001-1').properties.get('itr-handoff')).toEqual({ target: 'SEC-9' });
    expect((await asUser(site.editor).requestJira(path, { method: 'DELETE' })).status).toBe(204);
  });

  it('refuses a user who may browse but not edit, for set and delete', async () => {
    jira.seedIssue({ key: 'P001-2', properties: { 'itr-handoff': { target: 'P001-1' } } });
    const other = route`/rest/api/3/issue/${'P001-2'}/properties/${'itr-handoff'}`;
    expect((await asUser(site.viewer).requestJira(path, put({ target: 'SEC-9' }))).status).toBe(403);
    expect((await asUser(site.viewer).requestJira(other, { method: 'DELETE' })).status).toBe(404); // as the spec says
    expect(jira.issue('P001-1').properties.has('itr-handoff')).toBe(false);
    expect(jira.issue('P001-2').properties.get('itr-handoff')).toEqual({ target: 'P001-1' });
  });
});
