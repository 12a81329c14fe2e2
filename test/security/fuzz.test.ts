/**
 * Property-based fuzzing of every entry src/index.ts exports (fast-check, fixed seed): hostile payloads
 * — huge strings (up to 3 MB), deep nesting, wrong types, RTL/emoji/CJK/NUL text, `__proto__` and
 * `constructor` keys — alone and spliced into each function's valid payload.
 * Resolvers must answer the envelope (never throw); triggers and consumers must return (an
 * `InvocationError` is a typed retry) and never throw; a call that fails must write nothing
 * (Jira writes, KVS, queue pushes, SQL rows compared before/after); nothing pollutes Object.prototype.
 */
import fc from 'fast-check';
import { runMigrations } from '../../src/adapters/sql';
import { invokeFunction, invokeResolver } from '../../platform-doubles';
import { contextFor, VALID_PAYLOADS } from './payloads';
import { FUNCTIONS, isEnvelope, RESOLVERS, ROLE_IDS, seedSecuritySite, snapshot, type StateSnapshot } from './site';

const SEED = 20261123;
/** Runs per resolver function; × ~50 functions ≈ 2,000 payloads, plus the huge ones and the events. */
const RUNS_PER_FUNCTION = Number(process.env['FUZZ_RUNS'] ?? 40);
const RUNS_PER_EVENT_HANDLER = Number(process.env['FUZZ_EVENT_RUNS'] ?? 120);

const nastyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    '\u0000',
    'a\u0000b',
    '\u202Eevil\u202C',
    'مرحبا بالعالم',
    '🔥💥🧨'.repeat(20),
    '漢字かなカナ한국어',
    '\uD800',
    '\uDFFF\uD800',
    'ITR-1',
    'ITR-0',
    "ITR-1' OR 1=1 --",
    '${jndi:ldap://x}',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    'NaN',
    '-1',
    '1e309',
    '__proto__',
    'constructor',
  ),
);
const scalar = fc.oneof(
  nastyText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(-0),
  fc.bigInt().map(String),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);
const pollutionKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf');
const hostileObject = fc.dictionary(fc.oneof(nastyText, pollutionKeys), scalar, { maxKeys: 6 });
const deep = fc.integer({ min: 10, max: 2_000 }).map((depth) => {
  let v: unknown = { leaf: true };
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? { nested: v } : [v];
  return v;
});
const huge = fc
  .tuple(fc.constantFrom('x', '汉', '🧨', '\u0000', 'ب'), fc.constantFrom(300_000, 1_000_000, 3_000_000))
  .map(([c, n]) => c.repeat(Math.ceil(n / Buffer.byteLength(c))));
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  {
    weight: 2,
    arbitrary: fc.anything({ maxDepth: 4, maxKeys: 5, withNullPrototype: true, withMap: false, withSet: false }),
  },
  { weight: 2, arbitrary: hostileObject },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 8 }) },
  { weight: 1, arbitrary: deep },
);
/** A JSON round trip, as the bridge delivers it (undefined dropped, -0 → 0, NaN → null). */
/** `depth` levels of arrays around an empty object. */
const nest = (depth: number): unknown => {
  let v: unknown = {};
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};
const json = (v: unknown): unknown => {
  const text = JSON.stringify(v);
  return text === undefined ? undefined : JSON.parse(text);
};
const withProtoKey = (p: Record<string, unknown>): unknown =>
  JSON.parse(
    `{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, ${JSON.stringify(p).slice(1)}`.replace(
      /, }$/,
      '}',
    ),
  );

const payloadFor = (key: string): fc.Arbitrary<unknown> => {
  const valid = VALID_PAYLOADS[key] ?? {};
  const keys = Object.keys(valid);
  return fc.oneof(
    { weight: 2, arbitrary: hostileValue.map(json) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(keys.length > 0 ? fc.constantFrom(...keys) : nastyText, hostileValue)
        .map(([k, v]) => json({ ...valid, [k]: v })),
    },
    { weight: 1, arbitrary: fc.constant(valid).map((v) => withProtoKey(v)) },
  );
};

beforeAll(async () => {
  await runMigrations();
});
beforeEach(() => {
  seedSecuritySite();
});
afterEach(() => {
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

// Each function once, through the first resolver exposing it (the routing resolvers add no parsing of their own).
const CASES = RESOLVERS.flatMap((r) => r.keys.map((key) => ({ resolver: r.name, key, handler: r.handler }))).filter(
  (c, i, all) => all.findIndex((d) => d.key === c.key) === i,
);

describe('resolvers: hostile payloads answer the envelope and a failed call writes nothing', () => {
  it.each(CASES.map((c) => [`${c.resolver}.${c.key}`, c] as const))('%s', async (name, c) => {
    await fc.assert(
      fc.asyncProperty(payloadFor(c.key), async (payload) => {
        const before = await snapshot();
        let answer: unknown;
        try {
          answer = await invokeResolver(c.handler, c.key, payload, {
            accountId: ROLE_IDS.admin,
            context: contextFor(c.resolver),
          });
        } catch (e) {
          throw new Error(`${name} threw: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
        }
        expect(isEnvelope(answer)).toBe(true);
        const env = answer as { success: boolean; errors?: Array<{ code: string }> };
        if (!env.success) {
          expect(env.errors?.[0]?.code).not.toBe('INTERNAL_ERROR');
          expect(await snapshot()).toEqual(before);
        }
      }),
      { seed: SEED, numRuns: RUNS_PER_FUNCTION, endOnFailure: true },
    );
  });

  it.each(CASES.map((c) => [`${c.resolver}.${c.key}`, c] as const))(
    '%s: a 3 MB field is PAYLOAD_TOO_LARGE, 2,000 levels deep is INVALID_PAYLOAD, before any read',
    async (_name, c) => {
      const valid = VALID_PAYLOADS[c.key] ?? {};
      const field = Object.keys(valid)[0] ?? 'text';
      const before = await snapshot();
      const calls = (await import('../../platform-doubles')).harness().jira.calls.length;
      const big = await invokeResolver(
        c.handler,
        c.key,
        { ...valid, [field]: '汉'.repeat(1_000_000) },
        { accountId: ROLE_IDS.admin, context: contextFor(c.resolver) },
      );
      expect(big).toMatchObject({ success: false, errors: [{ code: 'PAYLOAD_TOO_LARGE' }] });
      const deepPayload = fc.sample(
        deep.filter((d) => JSON.stringify(d).length > 0),
        { seed: SEED, numRuns: 1 },
      )[0];
      const nested = await invokeResolver(
        c.handler,
        c.key,
        { ...valid, [field]: nest(40), extra: deepPayload },
        { accountId: ROLE_IDS.admin, context: contextFor(c.resolver) },
      );
      expect(nested).toMatchObject({ success: false, errors: [{ code: 'INVALID_PAYLOAD' }] });
      expect((await import('../../platform-doubles')).harness().jira.calls.length).toBe(calls);
      expect(await snapshot()).toEqual(before);
    },
  );
});

const hostileEvent: fc.Arbitrary<unknown> = fc.oneof(
  hostileValue.map(json),
  fc.record({ body: hostileValue }).map(json),
  fc
    .record({
      issue: fc.oneof(hostileObject, fc.record({ id: scalar, key: scalar })),
      atlassianId: scalar,
      changelog: fc.oneof(hostileValue, fc.record({ items: fc.array(hostileObject, { maxLength: 4 }) })),
    })
    .map(json),
  fc
    .record({
      body: fc.record({
        kind: fc.constantFrom('check', 'recalculate', 'step'),
        jobId: scalar,
        issueIds: fc.array(scalar, { maxLength: 5 }),
        batch: scalar,
        step: scalar,
        cursor: scalar,
      }),
    })
    .map(json),
  huge.map((h) => ({ body: { jobId: h } })),
);

/**
 * Scheduled triggers take no payload and legitimately record their run (its result and heartbeat, read
 * by the site check). For them a hostile event may write those keys only, and only what a run without
 * any payload writes: equal but for the run's instant and the store's revision.
 */
const SCHEDULED_OWN_WRITES: Record<string, readonly string[]> = {
  schemaCheck: ['schema:migration-check', 'heartbeat:migration-check'],
};
const withoutKeys = (s: StateSnapshot, keys: readonly string[]): StateSnapshot => ({
  ...s,
  kvs: Object.fromEntries(Object.entries(s.kvs).filter(([k]) => !keys.includes(k))),
});
const ownRecords = (s: StateSnapshot, keys: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(keys.map((k) => [k, s.kvs[k]]));
/** `at` / `updatedAt` (ISO instants of the run) and `revision` replaced by placeholders, everything else kept. */
const runInstantMasked = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(runInstantMasked);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(
    Object.entries(v).map(([k, x]) => [
      k,
      (k === 'at' || k === 'updatedAt') && typeof x === 'string' && !Number.isNaN(Date.parse(x))
        ? '<instant>'
        : k === 'revision' && typeof x === 'number'
          ? '<revision>'
          : runInstantMasked(x),
    ]),
  );
};

describe('triggers and consumers: hostile events return (or hand back a typed retry), never throw, write nothing', () => {
  it.each(FUNCTIONS.map((f) => [f.name, f] as const))('%s', async (name, f) => {
    const { InvocationError } = await import('@forge/events');
    await fc.assert(
      fc.asyncProperty(hostileEvent, async (event) => {
        const before = await snapshot();
        let result: unknown;
        try {
          result = await invokeFunction(f.handler, event);
        } catch (e) {
          throw new Error(
            `${name} threw on ${JSON.stringify(event)?.slice(0, 200)}: ${e instanceof Error ? e.stack : String(e)}`,
            { cause: e },
          );
        }
        if (result instanceof InvocationError) return;
        // The sweep and the weekly report take no payload: they ran (and may write, by design).
        if (name === 'escalationSweep' || name === 'analyticsWeeklyReport') return;
        const own = SCHEDULED_OWN_WRITES[name];
        if (own !== undefined) {
          // Only its own records, and exactly what a run without any payload records.
          const after = await snapshot();
          expect({ name, writes: withoutKeys(after, own) }).toEqual({ name, writes: withoutKeys(before, own) });
          const reference = await invokeFunction(f.handler, undefined);
          const referenceWrites = await snapshot();
          expect({ name, result: runInstantMasked(result), own: runInstantMasked(ownRecords(after, own)) }).toEqual({
            name,
            result: runInstantMasked(reference),
            own: runInstantMasked(ownRecords(referenceWrites, own)),
          });
          return;
        }
        expect({ name, writes: await snapshot() }).toEqual({ name, writes: before });
      }),
      {
        seed: SEED,
        numRuns: name === 'escalationSweep' || name === 'analyticsWeeklyReport' ? 5 : RUNS_PER_EVENT_HANDLER,
        endOnFailure: true,
      },
    );
  });
});
