/**
 * Which failures a trigger or consumer hands back for a retry and which stop its job (issue 13):
 * passing ones get an InvocationError (Jira's Retry-After on a 429), the others a stable reason code.
 */
import { JiraError, JiraErrorCode, codeForStatus } from '../../../src/adapters/jira/jira.errors';
import { ConfigStoreError, ConfigStoreErrorCode } from '../../../src/adapters/kvs/kvs.errors';
import { classifyConsumerFailure, retryLater, settleConsumerFailure } from '../../../src/adapters/queue';
import { QueueError, QueueErrorCode } from '../../../src/adapters/queue/queue.errors';
import { SqlError, SqlErrorCode } from '../../../src/app/ports/storageErrors';
import { DomainError } from '../../../src/domain';

/** What `new InvocationError(…)` is at run time (its constructor returns its JSON). */
const RETRY = { _retry: true };
const jira = (status: number, retryAfterSeconds?: number): JiraError =>
  new JiraError({
    code: codeForStatus(status),
    status,
    method: 'POST',
    path: '/rest/api/3/app/field/value',
    attempts: 1,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  });
const sql = (code: SqlErrorCode): SqlError => new SqlError(code, 'x', 'SELECT 1');
const kvs = (code: ConfigStoreErrorCode): ConfigStoreError => new ConfigStoreError(code, 'x', 'gradingTable');

describe('classifyConsumerFailure', () => {
  it.each<[string, unknown]>([
    ['Jira 500', jira(500)],
    ['Jira 503', jira(503)],
    ['Jira no answer', jira(0)],
    ['SQL connection lost', sql(SqlErrorCode.Unknown)],
    ['SQL timed out', sql(SqlErrorCode.TimedOut)],
    ['SQL deadlock', sql(SqlErrorCode.Execution)],
    ['SQL DDL rate', sql(SqlErrorCode.RateLimited)],
    ['KVS outage', kvs(ConfigStoreErrorCode.Storage)],
    ['KVS revision conflict', kvs(ConfigStoreErrorCode.RevisionConflict)],
    ['config from a newer version (a deploy in progress)', kvs(ConfigStoreErrorCode.TooNew)],
    ['queue push refused', new QueueError(QueueErrorCode.PushFailed, 'x')],
  ])('passing: %s → InvocationError after 30 s', (_name, error) => {
    const f = classifyConsumerFailure(error);
    expect(f.kind).toBe('passing');
    expect(f.kind === 'passing' && f.retry).toMatchObject(RETRY);
    expect(retryLater(error)?.retryOptions?.retryAfter).toBe(30);
  });

  it('Jira 429 keeps its Retry-After, capped at 900 s', () => {
    expect(retryLater(jira(429, 120))?.retryOptions?.retryAfter).toBe(120);
    expect(retryLater(jira(429, 5000))?.retryOptions?.retryAfter).toBe(900);
  });

  it.each<[string, unknown, string, string]>([
    ['Jira 400', jira(400), 'JIRA_REFUSED', JiraErrorCode.BadRequest],
    ['Jira 422', jira(422), 'JIRA_REFUSED', JiraErrorCode.BadRequest],
    ['Jira 401', jira(401), 'JIRA_FORBIDDEN', JiraErrorCode.Unauthorized],
    ['Jira 403', jira(403), 'JIRA_FORBIDDEN', JiraErrorCode.Forbidden],
    ['Jira 404', jira(404), 'JIRA_NOT_FOUND', JiraErrorCode.NotFound],
    ['Jira 2xx off its schema', jira(302), 'UNEXPECTED', JiraErrorCode.Unexpected],
    ['invalid stored config', kvs(ConfigStoreErrorCode.Invalid), 'CONFIG_INVALID', ConfigStoreErrorCode.Invalid],
    [
      'a rule the domain refuses',
      new DomainError('GRADING_TABLE_INVALID', 'x'),
      'CONFIG_INVALID',
      'GRADING_TABLE_INVALID',
    ],
    ['SQL query policy', sql(SqlErrorCode.PolicyViolation), 'SQL_REFUSED', SqlErrorCode.PolicyViolation],
    ['SQL request too large', sql(SqlErrorCode.RequestTooLarge), 'SQL_REFUSED', SqlErrorCode.RequestTooLarge],
    ['a defect', new TypeError('x is undefined'), 'UNEXPECTED', 'TypeError'],
  ])('permanent: %s → %s', (_name, error, code, errorCode) => {
    expect(classifyConsumerFailure(error)).toEqual({ kind: 'permanent', code, errorCode });
    expect(retryLater(error)).toBeUndefined();
  });
});

describe('settleConsumerFailure', () => {
  const now = (): Date => new Date('2026-03-01T10:00:00.000Z');
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('a passing failure is handed back and the job is left alone', async () => {
    const marked: unknown[] = [];
    const out = await settleConsumerFailure('c', jira(503), (f) => Promise.resolve(void marked.push(f)), now);
    expect(out).toMatchObject(RETRY);
    expect(marked).toEqual([]);
  });

  it('a permanent failure is recorded on the job and the event acknowledged', async () => {
    const marked: unknown[] = [];
    const out = await settleConsumerFailure('c', jira(403), (f) => Promise.resolve(void marked.push(f)), now);
    expect(out).toBeUndefined();
    expect(marked).toEqual([{ code: 'JIRA_FORBIDDEN', errorCode: 'JIRA_FORBIDDEN', at: '2026-03-01T10:00:00.000Z' }]);
  });

  it('when recording the failure meets a KVS outage, the event is handed back to record it next time', async () => {
    const out = await settleConsumerFailure(
      'c',
      jira(403),
      async () => Promise.reject(kvs(ConfigStoreErrorCode.Storage)),
      now,
    );
    expect(out).toMatchObject(RETRY);
  });
});
