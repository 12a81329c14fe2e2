/**
 * Case search benchmark (`npm run bench:cases [-- --scale N] [--cases FILE --queries FILE] [--dev SEED]`).
 *
 * Runs the app's real code on a private MariaDB (platform-doubles/mariadb.ts) behind the real
 * `@forge/sql`, with the platform harness installed the way test/harness/setup.ts does (no jest):
 * every case goes through `CaseLibrary.createCase` (SQL rows, history, index postings), every query
 * through `CaseLibrary.similarCases` with its title and body apart, as the panel asks.
 *
 * Without `--cases` it runs every evaluation set (bench/data/case-search/README.md): SeaMonkey from
 * ../shared, Hadoop (tuning and held-out halves, and its queries without a relevant case) and the
 * bilingual set, each in an emptied library. Per query file: recall@1/5/10 and MRR@10 of the ranking
 * (`tuned` says whether constants were chosen on it), the panel's recall@5 after the noise cut, search
 * latency p50/p95 with each phase (`phaseP50Ms`, `phaseP95Ms`) and what the candidate sum scans. Per
 * noise file: the share of queries the panel answers with no suggestion at all, and the suggestions
 * shown on average. Per set: add/edit latency, indexing time and the cases refused (by error code:
 * a refusal is counted, the run goes on). `--scale N` then bulk-imports N synthetic cases made from
 * the first set's words (test/domain/caseSearch/devSet.ts) and reports the same at that size with the
 * storage of the case tables (data and index bytes, and per case). `crossLanguage`: the bilingual
 * set without the term list, with the built-in list and with its product glossary (bilingualSet.ts).
 * `--dev SEED` uses the generated development set instead.
 *
 * Input: JSONL; cases {id, title, body, created}, queries the same plus `relevant` (ids of cases).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ENV_SOCKET, ENV_URL, startPrivateMariaDb, type MariaDbServer } from '../../platform-doubles/mariadb';
import type { CaseContent } from '../../src/contract/cases';
import { generateDevSet, syntheticCases, type CaseRecord, type QueryRecord } from '../../test/domain/caseSearch/devSet';
import { BILINGUAL_SET_DIR, evaluateCrossLanguage, readBilingualSet, readJsonl } from './bilingualSet';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0) * 10) / 10;
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

interface QueryFile {
  name: string;
  /** Whether constants were chosen on it (params.ts); false = held out. */
  tuned: boolean;
  queries: QueryRecord[];
  /** Queries with no relevant case: measured for the noise cut, not for recall. */
  noise?: boolean;
}

interface EvalSet {
  name: string;
  cases: CaseRecord[];
  files: QueryFile[];
}

const DATA = path.join(__dirname, '../../bench/data/case-search');
const SHARED = path.join(__dirname, '../../../shared/data/case-search');

/** Every evaluation set there is on this machine (SeaMonkey needs ../shared beside the clone). */
function allSets(): EvalSet[] {
  const sets: EvalSet[] = [];
  const file = (dir: string, name: string): string | undefined => {
    const f = path.join(dir, name);
    return fs.existsSync(f) ? f : undefined;
  };
  const seamonkey = file(path.join(SHARED, 'seamonkey'), 'cases.jsonl');
  if (seamonkey !== undefined)
    sets.push({
      name: 'seamonkey',
      cases: readJsonl(seamonkey),
      files: [{ name: 'queries', tuned: true, queries: readJsonl(path.join(SHARED, 'seamonkey/queries.jsonl')) }],
    });
  for (const dir of fs.readdirSync(DATA).sort()) {
    const cases = file(path.join(DATA, dir), 'cases.jsonl');
    if (cases === undefined) continue;
    const files: QueryFile[] = [];
    for (const [name, tuned, noise] of [
      ['queries-tune', true, false],
      ['queries-holdout', false, false],
      ['queries', false, false],
      ['noise', false, true],
    ] as const) {
      const f = file(path.join(DATA, dir), `${name}.jsonl`);
      if (f !== undefined) files.push({ name, tuned, noise, queries: readJsonl(f) });
    }
    sets.push({ name: dir, cases: readJsonl(cases), files });
  }
  return sets;
}

function chosenSets(): EvalSet[] {
  const devSeed = arg('dev');
  if (devSeed !== undefined) {
    const dev = generateDevSet(Number(devSeed));
    return [
      { name: `dev-${devSeed}`, cases: dev.cases, files: [{ name: 'queries', tuned: true, queries: dev.queries }] },
    ];
  }
  const cf = arg('cases');
  const qf = arg('queries');
  if (cf !== undefined && qf !== undefined)
    return [
      {
        name: path.basename(path.dirname(cf)),
        cases: readJsonl(cf),
        files: [{ name: path.basename(qf, '.jsonl'), tuned: false, queries: readJsonl(qf) }],
      },
    ];
  if (cf !== undefined || qf !== undefined)
    throw new Error('usage: bench:cases [-- --cases FILE --queries FILE | --dev SEED] [--scale N]');
  return allSets();
}

/** A case with only a title and a symptom, as a report gives them. */
function content(title: string, symptom: string, status: 'published' | 'draft'): CaseContent {
  return {
    title,
    symptom,
    product: '',
    productVersion: '',
    environment: '',
    rootCause: '',
    shortTermMeasure: '',
    longTermMeasure: '',
    language: '',
    tags: [],
    status,
  };
}

/** Tables the migrations own: emptied between sets, everything else (the case tables) is truncated. */
const KEEP_TABLES = new Set(['__migrations', '__migrations_lock']);

async function main(): Promise<void> {
  const sets = chosenSets();
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
  const { ItrError } = await import('../../src/app/itrError');
  const BENCH_EDITOR = 'bench-case-editor';
  const emptyLibrary = async (): Promise<void> => {
    const tables = await h.sql.raw<Array<{ t: string }>>(
      'SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE()',
    );
    for (const { t } of tables) if (!KEEP_TABLES.has(t)) await h.sql.raw(`TRUNCATE TABLE \`${t}\``);
  };
  const storage = async (): Promise<Record<string, number>> => {
    const tables = await h.sql.raw<Array<{ t: string }>>(
      "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE() AND (table_name LIKE '%case%')",
    );
    for (const { t } of tables) await h.sql.raw(`ANALYZE TABLE \`${t}\``);
    const rows = await h.sql.raw<Array<{ t: string; d: number; i: number }>>(
      "SELECT table_name AS t, data_length AS d, index_length AS i FROM information_schema.tables WHERE table_schema = DATABASE() AND (table_name LIKE '%case%')",
    );
    return Object.fromEntries(rows.map((r) => [r.t, Number(r.d) + Number(r.i)]));
  };
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
    const extOf = new Map<number, string>();

    async function evaluate(file: QueryFile): Promise<Record<string, unknown>> {
      let r1 = 0;
      let r5 = 0;
      let r10 = 0;
      let mrr = 0;
      let panel5 = 0;
      let silent = 0;
      let shown = 0;
      const ms: number[] = [];
      const phases = new Map<string, number[]>();
      const terms: number[] = [];
      const postings: number[] = [];
      for (const q of file.queries) {
        current = { phases: {}, terms: 0, postings: 0 };
        const texts = { title: q.title, body: q.body };
        const t = performance.now();
        const hits = await lib.similarCases(undefined, texts, null, 10, 'search');
        ms.push(performance.now() - t);
        for (const [name, v] of Object.entries(current.phases)) phases.set(name, [...(phases.get(name) ?? []), v]);
        terms.push(current.terms);
        postings.push(current.postings);
        const suggested = await lib.similarCases(undefined, texts, null, 5, 'suggest');
        shown += suggested.length;
        if (suggested.length === 0) silent++;
        const rel = new Set(q.relevant);
        const isRelevant = (hit: { case: { id: number } }): boolean => rel.has(extOf.get(hit.case.id) ?? '');
        if (suggested.some(isRelevant)) panel5++;
        const rank = hits.findIndex(isRelevant);
        if (rank === 0) r1++;
        if (rank >= 0 && rank < 5) r5++;
        if (rank >= 0) {
          r10++;
          mrr += 1 / (rank + 1);
        }
      }
      const n = file.queries.length || 1;
      const byPhase = (p: number): Record<string, number> =>
        Object.fromEntries([...phases].map(([name, v]) => [name, pct(v, p)]));
      const latency = {
        searchP50Ms: pct(ms, 50),
        searchP95Ms: pct(ms, 95),
        phaseP50Ms: byPhase(50),
        phaseP95Ms: byPhase(95),
        candidateScan: { termsP50: pct(terms, 50), postingsP50: pct(postings, 50), postingsP95: pct(postings, 95) },
      };
      if (file.noise === true)
        return {
          file: file.name,
          queries: file.queries.length,
          noSuggestionShare: r3(silent / n),
          suggestionsPerQuery: r3(shown / n),
          ...latency,
        };
      return {
        file: file.name,
        tuned: file.tuned,
        queries: file.queries.length,
        'recall@1': r3(r1 / n),
        'recall@5': r3(r5 / n),
        'recall@10': r3(r10 / n),
        'mrr@10': r3(mrr / n),
        'panelRecall@5': r3(panel5 / n),
        noSuggestionShare: r3(silent / n),
        ...latency,
      };
    }

    async function load(set: EvalSet): Promise<Record<string, unknown>> {
      await emptyLibrary();
      extOf.clear();
      const idOf = new Map<string, number>();
      const addMs: number[] = [];
      const refused: Record<string, number> = {};
      const t0 = performance.now();
      for (const c of set.cases) {
        const t = performance.now();
        try {
          const rec = await lib.createCase(
            undefined,
            content(c.title.slice(0, 500) || c.id, c.body, 'published'),
            [],
            c.id,
          );
          idOf.set(c.id, rec.id);
          extOf.set(rec.id, c.id);
        } catch (e) {
          // A case the library refuses (too long, ...) is counted by its code; anything else ends the run.
          if (!(e instanceof ItrError)) throw e;
          refused[e.code] = (refused[e.code] ?? 0) + 1;
        }
        addMs.push(performance.now() - t);
      }
      const indexingMs = performance.now() - t0;
      const editMs: number[] = [];
      for (const c of set.cases.slice(0, 30)) {
        const id = idOf.get(c.id);
        if (id === undefined) continue;
        const t = performance.now();
        // A refused save throws (ItrError), which ends the bench as it should.
        await lib.saveCase(BENCH_EDITOR, {
          id,
          content: {
            title: c.title.slice(0, 500) || c.id,
            symptom: `${c.body.slice(0, 20_000)}\n(edited)`,
            status: 'published',
          },
        });
        editMs.push(performance.now() - t);
      }
      return {
        cases: set.cases.length,
        longestCaseChars: Math.max(0, ...set.cases.map((c) => c.body.length)),
        refused,
        addCaseP50Ms: pct(addMs, 50),
        addCaseP95Ms: pct(addMs, 95),
        editCaseP50Ms: pct(editMs, 50),
        editCaseP95Ms: pct(editMs, 95),
        indexingMs: Math.round(indexingMs),
      };
    }

    const out: Record<string, unknown> = {
      bench: 'cases',
      machine: `${os.cpus().length} CPU ${os.cpus()[0]?.model ?? ''}`.trim(),
      sets: [],
    };
    for (const set of sets) {
      const loaded = await load(set);
      const files: Array<Record<string, unknown>> = [];
      for (const f of set.files) files.push(await evaluate(f));
      (out['sets'] as unknown[]).push({ set: set.name, ...loaded, files });
    }

    // Cross-language (bilingual set, in memory): without the term list, with the built-in list, and with
    // the set's product glossary as an admin would import it. The SQL run above uses the built-in list.
    if (arg('cases') === undefined && arg('dev') === undefined && fs.existsSync(BILINGUAL_SET_DIR))
      out['crossLanguage'] = evaluateCrossLanguage(readBilingualSet());

    const first = sets[0];
    if (scale > 0 && first !== undefined) {
      await load(first);
      const synth = syntheticCases(20260101, scale, first.cases);
      const t1 = performance.now();
      for (let i = 0; i < synth.length; i += 500) {
        await importCases(
          synth.slice(i, i + 500).map((c) => ({ externalId: `synthetic-${c.id}`, title: c.title, symptom: c.body })),
          new Date('2026-01-01T00:00:00Z'),
        );
      }
      const bulkMs = performance.now() - t1;
      const atScale = [];
      for (const f of first.files) atScale.push(await evaluate(f));
      const addAtScale: number[] = [];
      const editAtScale: number[] = [];
      for (const c of first.cases.slice(0, 20)) {
        let t = performance.now();
        const rec = await lib.createCase(undefined, content(`${c.title} (copy)`.slice(0, 500), c.body, 'draft'));
        addAtScale.push(performance.now() - t);
        t = performance.now();
        await lib.saveCase(BENCH_EDITOR, {
          id: rec.id,
          content: { title: `${c.title} (copy 2)`.slice(0, 500), symptom: c.body, status: 'draft' },
        });
        editAtScale.push(performance.now() - t);
      }
      const totalCases = first.cases.length + scale + 20;
      const bytes = await storage();
      const totalBytes = Object.values(bytes).reduce((a, b) => a + b, 0);
      out['scale'] = {
        set: first.name,
        totalCases,
        bulkImportMs: Math.round(bulkMs),
        files: atScale,
        addCaseP95Ms: pct(addAtScale, 95),
        editCaseP95Ms: pct(editAtScale, 95),
        storageBytes: bytes,
        storageBytesTotal: totalBytes,
        storageBytesPerCase: Math.round(totalBytes / totalCases),
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
