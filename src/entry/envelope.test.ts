/**
 * The one place the resolver envelope is built: a value answers `{success: true, data}`, a thrown error
 * `{success: false, errors}` with the error's problems, its own code, or INTERNAL_ERROR.
 */
import { ConfigStoreError, ConfigStoreErrorCode } from '../adapters/kvs';
import { JiraError, JiraErrorCode } from '../adapters/jira';
import { NotAuthorizedError } from '../app/auth/authorization';
import { ItrError } from '../app/itrError';
import { DomainError } from '../domain';
import { answer, answering, errorsOf } from './envelope';

describe('answer', () => {
  it('answers a value as data, synchronous or not', async () => {
    expect(await answer(() => 42, 'f')).toEqual({ success: true, data: 42 });
    expect(await answer(() => Promise.resolve({ a: null }), 'f')).toEqual({ success: true, data: { a: null } });
  });

  it('answers a refusal with its problems, silently (a refusal is an answer, not news)', async () => {
    const warn = jest.spyOn(console, 'warn');
    const error = jest.spyOn(console, 'error');
    try {
      const refused = await answer(() => {
        throw ItrError.of([
          { code: 'TRIAGE_INVALID_KIND', path: 'kind', message: 'no kind' },
          { code: 'VALUE_TOO_LONG', path: 'product', message: 'long', params: { max: 64 } },
        ]);
      }, 'triageIssue');
      expect(refused).toEqual({
        success: false,
        errors: [
          { code: 'TRIAGE_INVALID_KIND', path: 'kind', message: 'no kind' },
          { code: 'VALUE_TOO_LONG', path: 'product', message: 'long', params: { max: 64 } },
        ],
      });
      expect(warn).not.toHaveBeenCalled();
      expect(error).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });

  it('answers INTERNAL_ERROR for an error without a code, and logs it', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await answer(() => Promise.reject(new TypeError('x is undefined')), 'getCase')).toEqual({
        success: false,
        errors: [{ code: 'INTERNAL_ERROR', message: 'x is undefined' }],
      });
      expect(error).toHaveBeenCalledWith('resolver getCase: x is undefined');
    } finally {
      error.mockRestore();
    }
  });
});

describe('errorsOf', () => {
  const jira = (code: JiraErrorCode, status: number) =>
    new JiraError({ code, status, method: 'GET', path: '/rest/api/3/issue/ITR-1', attempts: 1 });

  it.each([
    [
      'a refusal, with its path and params',
      new ItrError('INVALID_PAYLOAD', 'bad', { path: 'id', params: { n: 1 } }),
      { code: 'INVALID_PAYLOAD', message: 'bad', path: 'id', params: { n: 1 } },
    ],
    [
      'NOT_AUTHORIZED, naming what it needs',
      new NotAuthorizedError('ADMINISTER'),
      {
        code: 'NOT_AUTHORIZED',
        message: 'This needs the Jira permission ADMINISTER',
        params: { required: 'ADMINISTER' },
      },
    ],
    ['a Jira failure, by its code', jira(JiraErrorCode.RateLimited, 429), { code: 'JIRA_RATE_LIMITED' }],
    [
      'a storage failure, by its code',
      new ConfigStoreError(ConfigStoreErrorCode.RevisionConflict, 'stale', 'x'),
      { code: 'CONFIG_REVISION_CONFLICT', message: 'CONFIG_REVISION_CONFLICT: stale' },
    ],
    ['a domain rule, by its code', new DomainError('CALENDAR_BAD_ZONE', 'zone'), { code: 'CALENDAR_BAD_ZONE' }],
    [
      'a code the UI does not know, as INTERNAL_ERROR',
      new DomainError('SOMETHING_NEW', 'new'),
      { code: 'INTERNAL_ERROR' },
    ],
    ['a thrown string, as INTERNAL_ERROR', 'boom', { code: 'INTERNAL_ERROR', message: 'boom' }],
  ])('%s', (_label, error, expected) => {
    const errors = errorsOf(error);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject(expected);
  });
});

describe('answering', () => {
  it('turns a map of functions into functions answering the envelope', async () => {
    const map = answering({
      double: (payload) => 2 * Number(payload),
      fail: () => Promise.reject(new ItrError('NOT_READY', 'wait')),
    });
    expect(await map['double']!(21, {})).toEqual({ success: true, data: 42 });
    expect(await map['fail']!(undefined, {})).toEqual({
      success: false,
      errors: [{ code: 'NOT_READY', message: 'wait' }],
    });
  });
});
