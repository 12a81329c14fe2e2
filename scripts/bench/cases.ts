/**
 * Case search benchmark (`npm run bench:cases -- --cases FILE --queries FILE [--scale N] [--dev SEED]`).
 *
 * Runs the app's real code on a private MariaDB (platform-doubles/mariadb.ts) behind the real
 * `@forge/sql`, with the platform harness installed the way test/harness/setup.ts does (no jest):
 * every case goes through `CaseLibrary.createCase` (SQL rows, history, index postings), every query
 * through `CaseLibrary.searchCases`. Prints one JSON object: recall@1/5/10, MRR@10, search latency
 * p50/p95 with the p50/p95 of each phase of a search (`phaseP50Ms`, `phaseP95Ms`: totals and df,
 * candidate sum, candidates' postings, ranking, row load, permission filter) and what the candidate
 * sum scans (`candidateScan`: kept terms and their summed df), add-case and edit-case latency,
 * indexing time. `--scale N` then bulk-imports N synthetic cases made from the real ones' words
 * (test/domain/caseSearch/devSet.ts) and reports the same at that size. `--dev SEED` uses the
 * generated development set instead of files.
 *
 * Input: JSONL; cases {id, title, body, created}, queries the same plus `relevant` (ids of cases).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ENV_SOCKET, ENV_URL, startPrivateMariaDb, type MariaDbServer } from '../../platform-doubles/mariadb';
import { generateDevSet, syntheticCases, type CaseRecord, type QueryRecord } from '../../test/domain/caseSearch/devSet';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0) * 10) / 10;
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

async function main(): Promise<void> {
  const devSeed = arg('dev');
  let cases: CaseRecord[];
  let queries: QueryRecord[];
  if (devSeed !== undefined) ({ cases, queries } = generateDevSet(Number(devSeed)));
  else {
    const cf = arg('cases');
    const qf = arg('queries');
    if (cf === undefined || qf === undefined)
      throw new Error('usage: bench:cases -- --cases FILE --queries FILE [--scale N] | --dev SEED');
    cases = readJsonl(cf);
    queries = readJsonl(qf);
  }
  const scale = Number(arg('scale') ?? 0);

  let server: MariaDbServer | undefined;
  if (!process.env[ENV_URL]) {
    server = await startPrivateMariaDb(fs.mkdtempSync(path.join(os.tmpdir(), 'itr-bench-')));
    process.env[ENV_SOCKET] = server.socketPath;
  }
  // As test/harness/setup.ts: the platform globals before any @forge SDK or app module loads.
  const { installHarness } = await import('../../platform-doubles/index');
  const h = installHarness();
  const { runMigrations } = await import('../../src/adapters/sql');
  // The library reaches SQL through its storage ports, installed as every entry file installs them.
  await import('../../src/entry/composition');
  const { CaseLibrary, importCases } = await import('../../src/app/cases/caseLibrary');
  const BENCH_EDITOR = 'bench-case-editor';
  try {
    await runMigrations();
    // One search's phase durations and kept terms, collected through the library's probe.
    let current: { phases: Record<string, number>; terms: number; postings: number } = {
      phases: {},
      terms: 0,
      postings: 0,
    };
    const lib = new CaseLibrary({
      // The bench edits as a case editor (the role is Jira's to answer; here it is given).
      isCaseEditor: () => Promise.resolve(true),
      searchProbe: {
        phase: (name, ms) => {
          current.phases[name] = (current.phases[name] ?? 0) + ms;
        },
        keptTerms: (kept) => {
          current.terms = kept.length;
          current.postings = kept.reduce((sum, k) => sum + k.df, 0);
        },
      },
    });
    const idOf = new Map<string, number>();
    const extOf = new Map<number, string>();
    const addMs: number[] = [];
    const t0 = performance.now();
    for (const c of cases) {
      const t = performance.now();
      const rec = await lib.createCase(
        undefined,
        {
          title: c.title.slice(0, 500) || c.id,
          symptom: c.body,
          product: '',
          productVersion: '',
          environment: '',
          rootCause: '',
          shortTermMeasure: '',
          longTermMeasure: '',
          language: '',
          tags: [],
          status: 'published',
        },
        [],
        c.id,
      );
      addMs.push(performance.now() - t);
      idOf.set(c.id, rec.id);
      extOf.set(rec.id, c.id);
    }
    const indexingMs = performance.now() - t0;

    const editMs: number[] = [];
    for (const c of cases.slice(0, 30)) {
      const id = idOf.get(c.id) as number;
      const t = performance.now();
      // A refused save throws (ItrError), which ends the bench as it should.
      await lib.saveCase(BENCH_EDITOR, {
        id,
        content: { title: c.title || c.id, symptom: `${c.body}\n(edited)`, status: 'published' },
      });
      editMs.push(performance.now() - t);
    }

    async function evaluate(): Promise<Record<string, unknown>> {
      let r1 = 0;
      let r5 = 0;
      let r10 = 0;
      let mrr = 0;
      const ms: number[] = [];
      const phases = new Map<string, number[]>();
      const terms: number[] = [];
      const postings: number[] = [];
      for (const q of queries) {
        current = { phases: {}, terms: 0, postings: 0 };
        const t = performance.now();
        const hits = await lib.searchCases(undefined, { text: `${q.title}\n${q.body}`, limit: 10 });
        ms.push(performance.now() - t);
        for (const [name, v] of Object.entries(current.phases)) phases.set(name, [...(phases.get(name) ?? []), v]);
        terms.push(current.terms);
        postings.push(current.postings);
        const rel = new Set(q.relevant);
        const rank = hits.findIndex((hit) => rel.has(extOf.get(hit.case.id) ?? ''));
        if (rank === 0) r1++;
        if (rank >= 0 && rank < 5) r5++;
        if (rank >= 0) {
          r10++;
          mrr += 1 / (rank + 1);
        }
      }
      const n = queries.length || 1;
      const byPhase = (p: number): Record<string, number> =>
        Object.fromEntries([...phases].map(([name, v]) => [name, pct(v, p)]));
      return {
        'recall@1': r3(r1 / n),
        'recall@5': r3(r5 / n),
        'recall@10': r3(r10 / n),
        'mrr@10': r3(mrr / n),
        searchP50Ms: pct(ms, 50),
        searchP95Ms: pct(ms, 95),
        phaseP50Ms: byPhase(50),
        phaseP95Ms: byPhase(95),
        candidateScan: { termsP50: pct(terms, 50), postingsP50: pct(postings, 50), postingsP95: pct(postings, 95) },
      };
    }

    const out: Record<string, unknown> = {
      bench: 'cases',
      cases: cases.length,
      queries: queries.length,
      ...(await evaluate()),
      addCaseP50Ms: pct(addMs, 50),
      addCaseP95Ms: pct(addMs, 95),
      editCaseP50Ms: pct(editMs, 50),
      editCaseP95Ms: pct(editMs, 95),
      indexingMs: Math.round(indexingMs),
    };
    if (scale > 0) {
      const synth = syntheticCases(20260101, scale, cases);
      const t1 = performance.now();
      for (let i = 0; i < synth.length; i += 500) {
        await importCases(
          synth.slice(i, i + 500).map((c) => ({ externalId: `synthetic-${c.id}`, title: c.title, symptom: c.body })),
          new Date('2026-01-01T00:00:00Z'),
        );
      }
      const bulkMs = performance.now() - t1;
      const atScale = await evaluate();
      const addAtScale: number[] = [];
      const editAtScale: number[] = [];
      for (const c of cases.slice(0, 20)) {
        let t = performance.now();
        const rec = await lib.createCase(undefined, {
          title: `${c.title} (copy)`,
          symptom: c.body,
          product: '',
          productVersion: '',
          environment: '',
          rootCause: '',
          shortTermMeasure: '',
          longTermMeasure: '',
          language: '',
          tags: [],
          status: 'draft',
        });
        addAtScale.push(performance.now() - t);
        t = performance.now();
        await lib.saveCase(BENCH_EDITOR, {
          id: rec.id,
          content: { title: `${c.title} (copy 2)`, symptom: c.body, status: 'draft' },
        });
        editAtScale.push(performance.now() - t);
      }
      out['scale'] = {
        totalCases: cases.length + scale,
        bulkImportMs: Math.round(bulkMs),
        ...atScale,
        addCaseP95Ms: pct(addAtScale, 95),
        editCaseP95Ms: pct(editAtScale, 95),
      };
    }
    console.log(JSON.stringify(out, null, 2));
  } finally {
    await h.sql.dispose();
    await server?.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
