/** ConfigStore through the real `@forge/kvs` and the KVS double. */
import { ConfigStore, ConfigStoreError, ConfigStoreErrorCode } from '../../src/adapters/kvs';
import type { ConfigCodec } from '../../src/adapters/kvs';
import { harness } from '../../platform-doubles';

const { kvs } = harness();

interface GradingV2 {
  grades: string[];
  defaultGrade: string;
}

/** v1 stored `grades` only; v2 added `defaultGrade` (the last grade). */
const gradingCodec: ConfigCodec<GradingV2> = {
  schemaVersion: 2,
  parse(raw) {
    if (typeof raw !== 'object' || raw === null) throw new Error('not an object');
    const r = raw as Record<string, unknown>;
    const grades = r['grades'];
    if (!Array.isArray(grades) || !grades.every((g): g is string => typeof g === 'string'))
      throw new Error('grades must be strings');
    if (typeof r['defaultGrade'] !== 'string' || !grades.includes(r['defaultGrade']))
      throw new Error('defaultGrade must be one of grades');
    return { grades, defaultGrade: r['defaultGrade'] };
  },
  upgrades: {
    1: (old) => {
      const grades = (old as { grades: string[] }).grades;
      return { grades, defaultGrade: grades[grades.length - 1] };
    },
  },
};

async function caught(p: Promise<unknown>): Promise<ConfigStoreError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ConfigStoreError) return e;
    throw e;
  }
  throw new Error('expected a ConfigStoreError');
}

const store = new ConfigStore({ prefix: 'config:', now: () => new Date('2026-03-02T10:00:00Z') });

describe('ConfigStore', () => {
  it('writes an envelope and reads it back typed', async () => {
    const saved = await store.set(
      'grading',
      { grades: ['Critical', 'Major', 'Minor'], defaultGrade: 'Minor' },
      gradingCodec,
      { updatedBy: 'admin-1' },
    );
    expect(saved).toMatchObject({ revision: 1, schemaVersion: 2, updatedAt: '2026-03-02T10:00:00.000Z' });
    expect(kvs.peek('config:grading')).toMatchObject({ schemaVersion: 2, revision: 1, updatedBy: 'admin-1' });
    const read = await store.get('grading', gradingCodec);
    expect(read?.value).toEqual({ grades: ['Critical', 'Major', 'Minor'], defaultGrade: 'Minor' });
  });

  it('reads undefined for a config never written', async () => {
    expect(await store.get('nothing', gradingCodec)).toBeUndefined();
  });

  it('upgrades an older schema on read', async () => {
    kvs.seed('config:grading', {
      schemaVersion: 1,
      revision: 4,
      updatedAt: '2025-01-01T00:00:00.000Z',
      value: { grades: ['A', 'B'] },
    });
    const read = await store.get('grading', gradingCodec);
    expect(read).toMatchObject({ value: { grades: ['A', 'B'], defaultGrade: 'B' }, revision: 4, schemaVersion: 2 });
  });

  it('refuses data written by a newer schema, and data that fails validation', async () => {
    kvs.seed('config:grading', { schemaVersion: 3, revision: 1, updatedAt: '2027-01-01T00:00:00.000Z', value: {} });
    expect((await caught(store.get('grading', gradingCodec))).code).toBe(ConfigStoreErrorCode.TooNew);
    kvs.seed('config:grading', {
      schemaVersion: 2,
      revision: 1,
      updatedAt: '2026-01-01T00:00:00.000Z',
      value: { grades: ['A'], defaultGrade: 'Z' },
    });
    expect((await caught(store.get('grading', gradingCodec))).code).toBe(ConfigStoreErrorCode.Invalid);
  });

  it('refuses a write over a newer revision (optimistic concurrency)', async () => {
    await store.set('grading', { grades: ['A'], defaultGrade: 'A' }, gradingCodec, { expectedRevision: 0 });
    await store.set('grading', { grades: ['A', 'B'], defaultGrade: 'B' }, gradingCodec, { expectedRevision: 1 });
    const e = await caught(
      store.set('grading', { grades: ['C'], defaultGrade: 'C' }, gradingCodec, { expectedRevision: 1 }),
    );
    expect(e.code).toBe(ConfigStoreErrorCode.RevisionConflict);
  });

  it('rejects names KVS would refuse, and wraps KVS failures', async () => {
    expect((await caught(store.set('a/b', { grades: ['A'], defaultGrade: 'A' }, gradingCodec))).code).toBe(
      ConfigStoreErrorCode.BadName,
    );
    kvs.failNext(1, { status: 429, code: 'RATE_LIMIT_EXCEEDED', path: '/api/v1/get' });
    const e = await caught(store.get('grading', gradingCodec));
    expect(e.code).toBe(ConfigStoreErrorCode.Storage);
    expect(e.message).toMatch(/RATE_LIMIT_EXCEEDED/);
  });

  it('lists config names under its prefix across pages', async () => {
    kvs.maxPageSize = 20;
    for (let i = 0; i < 45; i++)
      await store.set(`calendar-${String(i).padStart(2, '0')}`, { grades: ['A'], defaultGrade: 'A' }, gradingCodec);
    await new ConfigStore({ prefix: 'other:' }).set('x', { grades: ['A'], defaultGrade: 'A' }, gradingCodec);
    const names = await store.list();
    expect(names).toHaveLength(45);
    expect(names[0]).toBe('calendar-00');
  });
});
