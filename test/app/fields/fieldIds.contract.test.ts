/**
 * The app finds its own fields by their full extension ARI (app id and environment from the runtime's
 * app context), once per installation: a cached answer costs no Jira request, a reinstall looks again.
 */
import { jiraAsApp } from '../../../src/adapters/jira';
import { APP_FIELD_IDS_KEY } from '../../../src/adapters/kvs';
import { lookUpClosureFieldIds } from '../../../src/app/closure/closureFields';
import { FieldsNotInstalledError, lookUpFieldIds } from '../../../src/app/fields/fieldIds';
import { ITR_FIELDS } from '../../../src/app/fields/itrFields';
import { harness } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';

const { jira, kvs, runtime } = harness();
const LIST = 'GET /rest/api/3/field';
const OTHER_ENVIRONMENT = { appId: runtime.appContext.appId, environmentId: '99999999-7777-4888-8999-000000000000' };
const OTHER_APP = { appId: '22222222-2222-4333-8444-555555555555', environmentId: runtime.appContext.environmentId };

describe('app field ids', () => {
  it('takes only fields whose ARI names this app and environment, not a same-key field of another', async () => {
    const ids = defineItrFields(jira);
    // Listed after the app's own, so a match on the module key alone would end on one of them.
    jira.defineField({
      id: 'customfield_10001',
      name: 'ITR kind (staging)',
      type: 'string',
      forgeModuleKey: ITR_FIELDS.kind.moduleKey,
      forgeOwner: OTHER_ENVIRONMENT,
    });
    jira.defineField({
      id: 'customfield_10002',
      name: 'Kind (other app)',
      type: 'string',
      forgeModuleKey: ITR_FIELDS.kind.moduleKey,
      forgeOwner: OTHER_APP,
    });
    expect((await lookUpFieldIds(jiraAsApp())).kind).toBe(ids.kind);
  });

  it('says which modules are missing when only another environment has them', async () => {
    jira.defineField({
      id: 'customfield_10001',
      name: 'ITR kind (staging)',
      type: 'string',
      forgeModuleKey: ITR_FIELDS.kind.moduleKey,
      forgeOwner: OTHER_ENVIRONMENT,
    });
    await expect(lookUpFieldIds(jiraAsApp())).rejects.toEqual(
      expect.objectContaining({ code: 'FIELDS_NOT_INSTALLED', missing: expect.arrayContaining(['itr-kind']) }),
    );
    await expect(lookUpFieldIds(jiraAsApp())).rejects.toBeInstanceOf(FieldsNotInstalledError);
    expect(kvs.peek(APP_FIELD_IDS_KEY)).toBeUndefined(); // a failed look-up is never cached
  });

  it('lists the fields once per installation: later look-ups (closure fields too) ask Jira nothing', async () => {
    const ids = defineItrFields(jira);
    await lookUpFieldIds(jiraAsApp());
    expect(jira.requestCount(LIST)).toBe(1);
    expect(await lookUpFieldIds(jiraAsApp())).toEqual(ids);
    expect((await lookUpClosureFieldIds(jiraAsApp())).visitOpen).toBe(ids.visitOpen);
    expect(jira.requestCount(LIST)).toBe(1);
  });

  it('looks again after a reinstall (a new installation, even relinked to the old storage)', async () => {
    defineItrFields(jira);
    await lookUpFieldIds(jiraAsApp());
    // The relinked storage still holds the old installation's record; the fields have new ids.
    jira.model.fields.clear();
    const fresh = defineItrFields(jira, 20100);
    runtime.appContext = { ...runtime.appContext, installationId: '0bbbbbbb-bbbb-4ccc-8ddd-eeeeeeeeeeee' };
    expect((await lookUpFieldIds(jiraAsApp())).kind).toBe(fresh.kind);
    expect(jira.requestCount(LIST)).toBe(2);
  });

  it('looks again when a deploy added a field module the record lacks', async () => {
    const ids = defineItrFields(jira);
    await lookUpFieldIds(jiraAsApp());
    const stored = kvs.peek(APP_FIELD_IDS_KEY) as { ids: Record<string, string> };
    delete stored.ids[ITR_FIELDS.rootCauseComplete.moduleKey]; // as written by the previous version
    kvs.seed(APP_FIELD_IDS_KEY, stored);
    expect((await lookUpFieldIds(jiraAsApp())).rootCauseComplete).toBe(ids.rootCauseComplete);
    expect(jira.requestCount(LIST)).toBe(2);
  });

  it('still answers when KVS fails (the cache only saves a request)', async () => {
    const ids = defineItrFields(jira);
    kvs.failNext(2, { status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(await lookUpFieldIds(jiraAsApp())).toEqual(ids);
    expect(jira.requestCount(LIST)).toBe(1);
  });
});
