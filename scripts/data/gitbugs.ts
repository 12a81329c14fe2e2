/**
 * Builds a case-search evaluation set from one GitBugs project (`npm run data:gitbugs -- --reports
 * <project>_bugs.csv --pairs <project>_bugs-combined.csv --out bench/data/case-search/<name>`).
 *
 * GitBugs (Avinash Patil, 2025, arXiv:2504.09651, CC BY 4.0) holds each project's bug reports (Summary,
 * Issue id, Created, Description, ...) and, separately, the duplicate pairs. The set is shaped like
 * ../shared/data/case-search/seamonkey:
 * - a report is a query when it is in a duplicate pair with an earlier report that is a case; its
 *   `relevant` cases are those earlier partners (what a search could have found when it was filed);
 * - `noise.jsonl`: every 40th report in no duplicate pair at all, also left out of the cases, so no case
 *   is relevant to it (the "no similar case" figure);
 * - every other report is a case.
 * Queries are ordered by creation and cut in two halves: `queries-tune.jsonl` (older) may be used to
 * choose constants, `queries-holdout.jsonl` (newer) never is.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Report {
  id: string;
  title: string;
  body: string;
  created: string;
}

function arg(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  if (v === undefined)
    throw new Error(`usage: data:gitbugs -- --reports FILE --pairs FILE --out DIR (missing --${name})`);
  return v;
}

/** RFC 4180 CSV: quoted fields may hold commas, newlines and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "30/Sep/21 17:20" (Jira's export) or an ISO time → ISO 8601 UTC. */
function isoTime(s: string): string {
  const m = /^(\d{1,2})\/(\w{3})\/(\d{2}) (\d{1,2}):(\d{2})$/.exec(s.trim());
  if (m === null) return new Date(s).toISOString();
  const [, d, mon, y, h, min] = m as unknown as [string, string, string, string, string, string];
  return new Date(Date.UTC(2000 + Number(y), MONTHS.indexOf(mon), Number(d), Number(h), Number(min))).toISOString();
}

function main(): void {
  const [header, ...records] = parseCsv(fs.readFileSync(arg('reports'), 'utf8'));
  if (header === undefined) throw new Error('empty reports file');
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`reports file has no "${name}" column`);
    return i;
  };
  const [cId, cTitle, cBody, cCreated] = [col('Issue id'), col('Summary'), col('Description'), col('Created')];
  const reports = new Map<string, Report>();
  for (const r of records) {
    if (r.length <= cBody) continue;
    const id = (r[cId] as string).trim();
    reports.set(id, {
      id,
      title: r[cTitle] as string,
      body: r[cBody] as string,
      created: isoTime(r[cCreated] as string),
    });
  }
  const partners = new Map<string, Set<string>>();
  const link = (a: string, b: string): void => {
    if (a === b || !reports.has(a) || !reports.has(b)) return;
    partners.set(a, (partners.get(a) ?? new Set()).add(b));
    partners.set(b, (partners.get(b) ?? new Set()).add(a));
  };
  for (const [a, b] of parseCsv(fs.readFileSync(arg('pairs'), 'utf8')).slice(1)) {
    for (const d of (b ?? '').match(/\d+/g) ?? []) link((a ?? '').trim(), d);
  }
  // In creation order, a report is a query when an earlier partner is still a case (the first of each
  // duplicate group stays a case); its relevant cases are those partners.
  const queries: Array<Report & { relevant: string[] }> = [];
  const byTime = [...reports.values()].sort((a, b) =>
    a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : 1,
  );
  const queried = new Set<string>();
  for (const q of byTime) {
    const earlier = [...(partners.get(q.id) ?? [])].filter(
      (p) => !queried.has(p) && (reports.get(p) as Report).created < q.created,
    );
    if (earlier.length === 0) continue;
    queried.add(q.id);
    queries.push({ ...q, relevant: earlier.sort() });
  }
  const asQuery = new Set(queries.map((q) => q.id));
  const lonely = [...reports.values()].filter((r) => !partners.has(r.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const noise = lonely.filter((_, i) => i % 40 === 0);
  const noiseIds = new Set(noise.map((r) => r.id));
  const cases = [...reports.values()].filter((r) => !asQuery.has(r.id) && !noiseIds.has(r.id));
  const out = arg('out');
  fs.mkdirSync(out, { recursive: true });
  const write = (file: string, xs: readonly object[]): void =>
    fs.writeFileSync(path.join(out, file), xs.map((x) => JSON.stringify(x)).join('\n') + '\n');
  const half = Math.ceil(queries.length / 2);
  write('cases.jsonl', cases);
  write('queries-tune.jsonl', queries.slice(0, half));
  write('queries-holdout.jsonl', queries.slice(half));
  write(
    'noise.jsonl',
    noise.map((r) => ({ ...r, relevant: [] })),
  );
  console.log(JSON.stringify({ cases: cases.length, tune: half, holdout: queries.length - half, noise: noise.length }));
}

main();
