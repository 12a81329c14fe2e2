/**
 * Contract of the `issue-panel-resolver` function: called through the handler the manifest names
 * (`index.issuePanelResolver`) with the platform's invocation shape, and its parsing on its own.
 */
import { issuePanelResolver } from '../../index';
import { handleGetIssueItrState, type GetIssueItrState } from '.';
import { ItrError } from '../../app/itrError';

/** What Jira sends for a Custom UI `invoke('getIssueItrState', { issueKey })` on an issue panel. */
const panelInvocation = (payload: unknown, issueKey = 'ITR-12') => ({
  call: { functionKey: 'getIssueItrState', payload },
  context: {
    moduleKey: 'itr-issue-panel',
    extension: {
      type: 'jira:issuePanel',
      issue: { key: issueKey, id: '10012', type: 'Task' },
      project: { key: 'ITR' },
    },
  },
});

describe('issuePanelResolver (as the manifest names it)', () => {
  // A malformed call never reaches the use case, so this needs no Jira behind it.
  it('answers the envelope with INVALID_PAYLOAD for a malformed issue key', async () => {
    const answer = await issuePanelResolver(panelInvocation({ issueKey: 'ITR 12' }), {
      principal: { accountId: '5b10ac8d82e05b22cc7d4ef5' },
    });
    expect(answer).toEqual({
      success: false,
      errors: [expect.objectContaining({ code: 'INVALID_PAYLOAD', path: 'issueKey' })],
    });
  });

  it('refuses a function key it does not define', async () => {
    await expect(
      issuePanelResolver({ call: { functionKey: 'deleteEverything', payload: {} }, context: {} }),
    ).rejects.toThrow("Resolver has no definition for 'deleteEverything'.");
  });
});

describe('handleGetIssueItrState', () => {
  const calls: Array<[string, string | undefined]> = [];
  const useCase: GetIssueItrState = (issueKey, accountId) => {
    calls.push([issueKey, accountId]);
    return Promise.reject(new ItrError('ISSUE_NOT_FOUND', 'stub: only the parsing is under test'));
  };
  beforeEach(() => {
    calls.length = 0;
  });

  it('passes the issue key and the acting account to the use case', async () => {
    await handleGetIssueItrState(
      { issueKey: 'ITR-12' },
      { accountId: 'acc-1', extension: { issue: { key: 'ITR-12' } } },
      useCase,
    );
    expect(calls).toEqual([['ITR-12', 'acc-1']]);
  });

  it('works without an issue context (e.g. called from another module) and without a user', async () => {
    await handleGetIssueItrState({ issueKey: 'AB2-7' }, {}, useCase);
    expect(calls).toEqual([['AB2-7', undefined]]);
  });

  it.each([
    ['no payload', undefined],
    ['no key', {}],
    ['a number', { issueKey: 12 }],
    ['lower case', { issueKey: 'itr-12' }],
    ['no number', { issueKey: 'ITR-' }],
    ['leading zero', { issueKey: 'ITR-012' }],
    ['an injection attempt', { issueKey: 'ITR-1 OR project = SECRET' }],
  ])('answers INVALID_PAYLOAD for %s, without calling the use case', async (_label, payload) => {
    const answer = await handleGetIssueItrState(payload, {}, useCase);
    expect(answer).toEqual({
      success: false,
      errors: [expect.objectContaining({ code: 'INVALID_PAYLOAD', path: 'issueKey' })],
    });
    expect(calls).toEqual([]);
  });

  it("refuses a key other than the panel's own issue", async () => {
    const answer = await handleGetIssueItrState(
      { issueKey: 'HR-1' },
      { extension: { issue: { key: 'ITR-12' } } },
      useCase,
    );
    expect(answer).toEqual({
      success: false,
      errors: [expect.objectContaining({ code: 'INVALID_PAYLOAD', path: 'issueKey' })],
    });
    expect(calls).toEqual([]);
  });
});
