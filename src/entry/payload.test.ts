/**
 * The payload parsers every entry point shares: each returns the value in its type or throws the coded
 * refusal INVALID_PAYLOAD naming the field, table-driven over good and hostile values.
 */
import { ItrError } from '../app/itrError';
import {
  accountId,
  accountIds,
  callerOf,
  fieldsOf,
  isoInstant,
  issueKey,
  limit,
  numericId,
  oneOf,
  optionalJobId,
  optionalText,
  text,
  wholeNumber,
} from './payload';

/** The refusal `run` throws, as the envelope would answer it. */
function refusalOf(run: () => unknown): { code: string; path?: string; params?: Record<string, unknown> } {
  try {
    run();
  } catch (e) {
    if (e instanceof ItrError) return { ...e.problems[0] };
    throw e;
  }
  throw new Error('no refusal');
}

describe('fieldsOf and callerOf', () => {
  it.each([
    [{ a: 1 }, { a: 1 }],
    [null, {}],
    [undefined, {}],
    [[1, 2], {}],
    ['text', {}],
  ])('the fields of %j are %j', (payload, fields) => expect(fieldsOf(payload)).toEqual(fields));

  it('takes the caller from the context only', () => {
    expect(callerOf({ accountId: 'acc-1' })).toBe('acc-1');
    expect(callerOf({ accountId: 7 })).toBeUndefined();
    expect(callerOf({})).toBeUndefined();
  });
});

describe('issueKey: the domain rule isIssueKey', () => {
  it.each(['ITR-12', 'AB2-7', 'ABCDEFGHIJ-1'])('accepts %s', (key) => expect(issueKey({ issueKey: key })).toBe(key));

  it.each([
    ['no payload', undefined],
    ['no key', {}],
    ['a number', { issueKey: 12 }],
    ['lower case', { issueKey: 'itr-12' }],
    ['a leading zero', { issueKey: 'ITR-012' }],
    ['an injection attempt', { issueKey: 'ITR-1 OR project = SECRET' }],
  ])('refuses %s, naming the field and echoing the value', (_label, payload) => {
    expect(refusalOf(() => issueKey(payload))).toMatchObject({ code: 'INVALID_PAYLOAD', path: 'issueKey' });
  });

  it('echoes at most 64 characters of a refused value', () => {
    const echoed = refusalOf(() => issueKey({ issueKey: 'x'.repeat(3_000_000) })).params?.['issueKey'];
    expect(echoed).toBe('x'.repeat(64));
  });

  it('reads another field when named', () => {
    expect(issueKey({ source: 'SUP-3' }, 'source')).toBe('SUP-3');
    expect(refusalOf(() => issueKey({ issueKey: 'SUP-3' }, 'source'))).toMatchObject({ path: 'source' });
  });
});

describe('accountId and accountIds: the domain rule isAccountId', () => {
  it('accepts account ids', () => {
    expect(accountId({ to: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077' }, 'to')).toMatch(/^557058:/);
    expect(accountIds({ ids: ['a', 'b', 'a'] }, 'ids', 3)).toEqual(['a', 'b', 'a']);
    expect(accountIds({ ids: [] }, 'ids', 3)).toEqual([]);
  });

  it.each([
    ['text with a space', { to: 'acc 1' }],
    ['empty text', { to: '' }],
    ['129 characters', { to: 'a'.repeat(129) }],
    ['a number', { to: 5 }],
  ])('refuses %s', (_label, payload) => {
    expect(refusalOf(() => accountId(payload, 'to'))).toMatchObject({ code: 'INVALID_PAYLOAD', path: 'to' });
  });

  it.each([
    ['more than the maximum', { ids: ['a', 'b', 'c', 'd'] }],
    ['one malformed id', { ids: ['a', 'b c'] }],
    ['not a list', { ids: 'a' }],
  ])('refuses a list with %s', (_label, payload) => {
    expect(refusalOf(() => accountIds(payload, 'ids', 3))).toMatchObject({ code: 'INVALID_PAYLOAD', path: 'ids' });
  });
});

describe('numericId: a positive long as text', () => {
  it.each(['1', '10012', '9223372036854775807'])('accepts %s', (id) => expect(numericId({ id }, 'id')).toBe(id));

  it.each([['0'], ['012'], ['12345678901234567890'], ['1e3'], [' 1'], [12]])('refuses %j', (id) => {
    expect(refusalOf(() => numericId({ id }, 'id'))).toMatchObject({ code: 'INVALID_PAYLOAD', path: 'id' });
  });
});

describe('wholeNumber and limit: integers within bounds', () => {
  it.each([
    [{ n: 0 }, { min: 0 }, 0],
    [{ n: 7 }, { min: 1, max: 7 }, 7],
    [{ n: 1 }, { min: 1, max: 7 }, 1],
  ])('%j within %j is %d', (payload, bounds, value) => expect(wholeNumber(payload, 'n', bounds)).toBe(value));

  it.each([
    ['below the minimum', { n: -1 }],
    ['above the maximum', { n: 8 }],
    ['a fraction', { n: 2.5 }],
    ['text', { n: '3' }],
    ['absent', {}],
    ['NaN (null after JSON)', { n: null }],
  ])('refuses %s', (_label, payload) => {
    expect(refusalOf(() => wholeNumber(payload, 'n', { min: 0, max: 7 }))).toMatchObject({
      code: 'INVALID_PAYLOAD',
      path: 'n',
    });
  });

  it('leaves an absent limit to the use case, and refuses one out of 1–max (never clamps it)', () => {
    expect(limit({}, 50)).toBeUndefined();
    expect(limit({ limit: 50 }, 50)).toBe(50);
    expect(refusalOf(() => limit({ limit: 51 }, 50))).toMatchObject({ code: 'INVALID_PAYLOAD', path: 'limit' });
    expect(refusalOf(() => limit({ limit: 0 }, 50))).toMatchObject({ code: 'INVALID_PAYLOAD', path: 'limit' });
  });
});

describe('isoInstant: ISO 8601 with its zone', () => {
  it.each([
    ['2026-11-23T09:00:00.000Z', '2026-11-23T09:00:00.000Z'],
    ['2026-11-23T09:00Z', '2026-11-23T09:00:00.000Z'],
    ['2026-11-23T17:00:00+08:00', '2026-11-23T09:00:00.000Z'],
  ])('reads %s as %s', (value, iso) => expect(isoInstant({ at: value }, 'at').toISOString()).toBe(iso));

  it.each([
    ['a time without a zone (the server would pick one)', '2026-11-23T09:00:00'],
    ['a date alone', '2026-11-23'],
    ['an impossible date', '2026-13-45T09:00:00Z'],
    ['words', 'tomorrow'],
    ['a number', 1_700_000_000_000],
  ])('refuses %s', (_label, value) => {
    expect(refusalOf(() => isoInstant({ at: value }, 'at'))).toMatchObject({ code: 'INVALID_PAYLOAD', path: 'at' });
  });
});

describe('text, optionalText, oneOf and optionalJobId', () => {
  it('reads text, even empty (whether empty is allowed is the use case’s rule)', () => {
    expect(text({ t: '' }, 't')).toBe('');
    expect(optionalText({}, 't')).toBeUndefined();
    expect(refusalOf(() => text({ t: 3 }, 't'))).toMatchObject({ path: 't' });
    expect(refusalOf(() => optionalText({ t: null }, 't'))).toMatchObject({ path: 't' });
  });

  it('reads one of a few words', () => {
    expect(oneOf({ mode: 'forward' }, 'mode', ['forward', 'escalate'])).toBe('forward');
    expect(refusalOf(() => oneOf({ mode: 'FORWARD' }, 'mode', ['forward', 'escalate']))).toMatchObject({
      path: 'mode',
    });
  });

  it('reads a job id the app made, or none', () => {
    expect(optionalJobId({})).toBeUndefined();
    expect(optionalJobId({ jobId: 'f58131cb-b67d-43c7-b30d-6b58d40bd077' })).toBe(
      'f58131cb-b67d-43c7-b30d-6b58d40bd077',
    );
    expect(refusalOf(() => optionalJobId({ jobId: 'job:../../x' }))).toMatchObject({ path: 'jobId' });
  });
});
