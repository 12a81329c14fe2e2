import { ApiError } from '../../static/shared/errors';

const invokeResolver = jest.fn<Promise<unknown>, [string, Record<string, unknown>]>();
jest.mock('../../static/shared/bridge', () => ({
  invokeResolver: (name: string, payload: Record<string, unknown>) => invokeResolver(name, payload),
}));

// Imported after the mock so call() goes through the stand-in bridge.
import { call, unwrap } from '../../static/shared/api';
import { onTrackTechnicalServiceAtL2 } from './issueItrState.fixtures';

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the call to fail');
}

describe('call', () => {
  beforeEach(() => invokeResolver.mockReset());

  it("invokes the resolver by function key and returns the envelope's data", async () => {
    invokeResolver.mockResolvedValue({ success: true, data: onTrackTechnicalServiceAtL2 });
    await expect(call('getIssueItrState', { issueKey: 'ITR-42' })).resolves.toEqual(onTrackTechnicalServiceAtL2);
    expect(invokeResolver).toHaveBeenCalledWith('getIssueItrState', { issueKey: 'ITR-42' });
  });

  it("throws the first error's code and params, keeping all errors", async () => {
    const errors = [
      { code: 'INVALID_PAYLOAD', message: 'bad key', path: 'issueKey', params: { issueKey: 'x' } },
      { code: 'OTHER', message: 'second' },
    ];
    invokeResolver.mockResolvedValue({ success: false, errors });
    const error = await caught(call('getIssueItrState', { issueKey: 'x' }));
    expect(error.code).toBe('INVALID_PAYLOAD');
    expect(error.params).toEqual({ issueKey: 'x' });
    expect(error.message).toBe('bad key');
    expect(error.errors).toEqual(errors);
  });

  it('turns a failing bridge call into UI_INVOKE_FAILED naming the function', async () => {
    const cause = new Error('network down');
    invokeResolver.mockRejectedValue(cause);
    const error = await caught(call('getIssueItrState', { issueKey: 'ITR-1' }));
    expect(error.code).toBe('UI_INVOKE_FAILED');
    expect(error.params).toEqual({ functionKey: 'getIssueItrState' });
    expect(error.cause).toBe(cause);
  });

  it('passes an ApiError from the bridge layer through unchanged', async () => {
    invokeResolver.mockRejectedValue(new ApiError('UI_BRIDGE_UNAVAILABLE', 'no bridge'));
    expect((await caught(call('getIssueItrState', { issueKey: 'ITR-1' }))).code).toBe('UI_BRIDGE_UNAVAILABLE');
  });
});

describe('unwrap', () => {
  it.each([
    ['undefined', undefined],
    ['a bare value', 42],
    ['data without the envelope', onTrackTechnicalServiceAtL2],
    ['success without data', { success: true }],
    ['failure without errors', { success: false, errors: [] }],
    ['errors without codes', { success: false, errors: [{ message: 'x' }] }],
  ])('rejects %s as UI_MALFORMED_RESPONSE', (_name, answer) => {
    expect(() => unwrap('getIssueItrState', answer)).toThrow(
      expect.objectContaining({ code: 'UI_MALFORMED_RESPONSE', params: { functionKey: 'getIssueItrState' } }),
    );
  });

  it('returns data that is null when the resolver says so', () => {
    expect(unwrap('f', { success: true, data: null })).toBeNull();
  });
});
