/** The KVS double through the real `@forge/kvs`. */
import { Filter, FilterConditions, ForgeKvsAPIError, kvs, MetadataField, Sort, WhereConditions } from '@forge/kvs';
import { harness } from '../../platform-doubles/index';
import { KVS_MAX_VALUE_BYTES } from '../../platform-doubles/kvsDouble';

const { kvs: store } = harness();

async function kvsError(p: Promise<unknown>): Promise<ForgeKvsAPIError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ForgeKvsAPIError) return e;
    throw e;
  }
  throw new Error('expected a ForgeKvsAPIError');
}

describe('key-value store', () => {
  it('sets, gets, deletes; a missing key reads as undefined', async () => {
    await kvs.set('config:grading', { version: 1 });
    expect(await kvs.get('config:grading')).toEqual({ version: 1 });
    await kvs.delete('config:grading');
    expect(await kvs.get('config:grading')).toBeUndefined();
  });

  it('returns metadata when asked', async () => {
    store.setNow(Date.parse('2026-01-01T00:00:00Z'));
    await kvs.set('k', 'v');
    const got = await kvs.get('k', { metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT] });
    expect(got).toEqual({
      key: 'k',
      value: 'v',
      createdAt: Date.parse('2026-01-01T00:00:00Z'),
      updatedAt: Date.parse('2026-01-01T00:00:00Z'),
    });
  });

  it('queries by key prefix in key order, page by page with a cursor', async () => {
    for (let i = 0; i < 25; i++) await kvs.set(`line:${String(i).padStart(2, '0')}`, i);
    await kvs.set('other', 0);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      let q = kvs.query().where('key', WhereConditions.beginsWith('line:')).limit(10);
      if (cursor !== undefined) q = q.cursor(cursor);
      const page = await q.getMany();
      seen.push(...page.results.map((r) => r.key));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== undefined);
    expect(pages).toBe(3);
    expect(seen).toEqual([...seen].sort());
    expect(seen).toHaveLength(25);
  });

  it('caps pages at maxPageSize whatever limit asks', async () => {
    store.maxPageSize = 20;
    for (let i = 0; i < 30; i++) await kvs.set(`p:${String(i).padStart(2, '0')}`, i);
    const page = await kvs.query().where('key', WhereConditions.beginsWith('p:')).limit(100).getMany();
    expect(page.results).toHaveLength(20);
    expect(page.nextCursor).toBeDefined();
  });

  it('enforces key format, key length and value size with the documented codes', async () => {
    expect((await kvsError(kvs.set('has/slash', 1))).code).toBe('INVALID_KEY');
    expect((await kvsError(kvs.set('k'.repeat(501), 1))).code).toBe('KEY_TOO_LONG');
    expect((await kvsError(kvs.set('big', 'x'.repeat(KVS_MAX_VALUE_BYTES)))).code).toBe('MAX_SIZE');
    await expect(kvs.set('k'.repeat(500), 1)).resolves.toBeUndefined();
  });

  it('honours keyPolicy FAIL_IF_EXISTS and returnValue', async () => {
    await kvs.set('once', 1);
    expect((await kvsError(kvs.set('once', 2, { keyPolicy: 'FAIL_IF_EXISTS' }))).code).toBe('KEY_ALREADY_EXISTS');
    const previous = await kvs.set('once', 3, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
    expect(previous).toEqual({ key: 'once', value: 1 });
  });

  it('expires values after their ttl', async () => {
    store.setNow(1_000_000);
    await kvs.set('lease', 'mine', { ttl: { value: 5, unit: 'MINUTES' } });
    store.setNow(1_000_000 + 5 * 60_000 - 1);
    expect(await kvs.get('lease')).toBe('mine');
    store.setNow(1_000_000 + 5 * 60_000);
    expect(await kvs.get('lease')).toBeUndefined();
  });

  it('keeps secrets apart from queryable keys', async () => {
    await kvs.setSecret('token', 's3cret');
    expect(await kvs.getSecret('token')).toBe('s3cret');
    expect(await kvs.get('token')).toBeUndefined();
    expect((await kvs.query().getMany()).results).toEqual([]);
  });

  it('runs transactions all-or-nothing, at most 25 operations', async () => {
    await kvs.transact().set('a', 1).set('b', 2).delete('c').execute();
    expect(store.keys()).toEqual(['a', 'b']);
    let tx = kvs.transact();
    for (let i = 0; i < 26; i++) tx = tx.set(`t${i}`, i);
    expect((await kvsError(tx.execute())).code).toBe('BAD_REQUEST');
    expect(store.keys()).toEqual(['a', 'b']);
  });

  it('injects write conflicts and concurrent writers', async () => {
    store.injectConflict();
    expect((await kvsError(kvs.set('x', 1))).code).toBe('CONFLICT');
    await kvs.set('x', 1);
    store.beforeNextRequest(() => store.seed('x', 99));
    expect(await kvs.get('x')).toBe(99);
  });

  it('batches sets and gets, reporting failures per key', async () => {
    const set = await kvs.batchSet([
      { key: 'ok', value: 1 },
      { key: 'bad/key', value: 2 },
    ]);
    expect(set.successfulKeys).toEqual([{ key: 'ok' }]);
    expect(set.failedKeys[0]?.error.code).toBe('INVALID_KEY');
    const got = await kvs.batchGet([{ key: 'ok' }, { key: 'missing' }]);
    expect(got.successfulKeys).toEqual([{ key: 'ok', value: 1 }]);
    expect(got.failedKeys[0]?.error.code).toBe('KEY_NOT_FOUND');
  });
});

describe('custom entities', () => {
  beforeEach(() => {
    store.defineEntity('line-entry', { indexes: { 'by-issue': { partition: ['issueId'], range: 'enteredAt' } } });
  });

  it('stores entities and queries an index by partition, range and filter', async () => {
    const entity = kvs.entity<{ issueId: string; enteredAt: number; line: string }>('line-entry');
    await entity.set('e1', { issueId: '10001', enteredAt: 3, line: 'L1' });
    await entity.set('e2', { issueId: '10001', enteredAt: 1, line: 'L2' });
    await entity.set('e3', { issueId: '10002', enteredAt: 2, line: 'L1' });
    const page = await entity
      .query()
      .index('by-issue', { partition: ['10001'] })
      .where(WhereConditions.greaterThan(0))
      .filters(
        new Filter<{ issueId: string; enteredAt: number; line: string }>().and(
          'line',
          FilterConditions.beginsWith('L'),
        ),
      )
      .sort(Sort.DESC)
      .getMany();
    expect(page.results.map((r) => r.key)).toEqual(['e1', 'e2']);
  });

  it('refuses an entity the test did not define (as an undeclared manifest entity)', async () => {
    expect((await kvsError(kvs.entity('nope').set('k', { a: 1 }))).code).toBe('BAD_REQUEST');
  });
});
