/**
 * The `itr_issue_fact` table (migration v014): one row per ITR issue, the analytics projection.
 * Writes are upserts by issue id (the triggers and the backfill may race or repeat: last writer wins
 * with Jira's current values, which is what both read). Chart queries aggregate in SQL (GROUP BY) so
 * the page never pulls raw rows.
 *
 * `itr_stay_fact` (v022) copies each issue's line stays with the issue's filter columns, refreshed
 * whenever its fact is written: as current as the fact's own escalation counts, which come from the
 * same stays at the same moment. The OLA and per-person charts read it by one index range instead of
 * joining every stay to its issue (the join was their whole cost at 100,000 issues).
 */
import { execute, query, type SqlParam } from './sqlClient';
import {
  CYCLE_BUCKET_UPPER_HOURS,
  type AnalyticsFilter,
  type Granularity,
  type IssueFact,
} from '../../domain/analytics';
import { ensureSchema } from './migrations';
import type {
  BreakdownDimension,
  BreakdownRow,
  FactRepository,
  HistoryCounts,
  PeopleGroup,
  PeopleRow,
  ProductRegionRow,
} from '../../app/ports/facts';

const COLUMNS = [
  'issue_id',
  'issue_key',
  'project_key',
  'kind',
  'grade',
  'classification',
  'product',
  'region',
  'customer_tier',
  'owner_account_id',
  'department',
  'current_line',
  'created_at',
  'resolved_at',
  'breached_at',
  'cycle_minutes',
  'sla_met',
  'escalations',
  'timeouts',
  'forwards',
  'satisfaction',
  'synced_at',
] as const;

/** Rows per INSERT: 22 params each keeps a statement well under Forge SQL's size limit (range 1–500; default 200). */
export const UPSERT_CHUNK = 200;

const d = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));

async function upsertFacts(facts: readonly IssueFact[], syncedAt: Date): Promise<void> {
  if (facts.length === 0) return;
  await ensureSchema();
  for (let at = 0; at < facts.length; at += UPSERT_CHUNK) {
    const chunk = facts.slice(at, at + UPSERT_CHUNK);
    const row = `(${COLUMNS.map(() => '?').join(', ')})`;
    const params: SqlParam[] = chunk.flatMap((f) => {
      const cycle =
        f.resolvedAt === null
          ? null
          : Math.max(0, Math.round((Date.parse(f.resolvedAt) - Date.parse(f.createdAt)) / 60_000));
      const met =
        f.resolvedAt === null
          ? null
          : f.breachedAt === null || Date.parse(f.breachedAt) > Date.parse(f.resolvedAt)
            ? 1
            : 0;
      return [
        Number(f.issueId),
        f.issueKey,
        f.projectKey,
        f.kind,
        f.grade,
        f.classification,
        f.product,
        f.region,
        f.customerTier,
        f.ownerAccountId,
        f.department,
        f.currentLine,
        new Date(f.createdAt),
        d(f.resolvedAt),
        d(f.breachedAt),
        cycle,
        met,
        f.escalations,
        f.timeouts,
        f.forwards,
        f.satisfaction,
        syncedAt,
      ];
    });
    await execute(
      `INSERT INTO itr_issue_fact (${COLUMNS.join(', ')}) VALUES ${chunk.map(() => row).join(', ')}
       ON DUPLICATE KEY UPDATE ${COLUMNS.filter((c) => c !== 'issue_id')
         .map((c) => `${c} = VALUES(${c})`)
         .join(', ')}`,
      params,
    );
    await refreshStays(chunk.map((f) => Number(f.issueId)));
  }
}

/**
 * The statement that copies line stays (`h`) with their issue's filter columns (`f`) into
 * itr_stay_fact, for the stays `whereSql` picks; a stay copied twice (two writers at once) is updated.
 */
export function copyStaysSql(whereSql: string): string {
  return `INSERT INTO itr_stay_fact (issue_id, line, entered_at, holder_account_id, entered_by, outcome, created_at, project_key, kind, grade)
    SELECT h.issue_id, h.line, h.entered_at, h.holder_account_id, h.entered_by, h.outcome, f.created_at, f.project_key, f.kind, f.grade
    FROM line_history h JOIN itr_issue_fact f ON f.issue_id = h.issue_id WHERE ${whereSql}
    ON DUPLICATE KEY UPDATE holder_account_id = VALUES(holder_account_id), entered_by = VALUES(entered_by), outcome = VALUES(outcome),
      created_at = VALUES(created_at), project_key = VALUES(project_key), kind = VALUES(kind), grade = VALUES(grade)`;
}

/** Replaces the copied stays of these issues (facts already written) with their line_history rows now. */
async function refreshStays(issueIds: readonly number[]): Promise<void> {
  const marks = issueIds.map(() => '?').join(', ');
  await execute(`DELETE FROM itr_stay_fact WHERE issue_id IN (${marks})`, [...issueIds]);
  await execute(copyStaysSql(`h.issue_id IN (${marks})`), [...issueIds]);
}

async function deleteFact(issueId: string): Promise<void> {
  await ensureSchema();
  await execute('DELETE FROM itr_issue_fact WHERE issue_id = ?', [Number(issueId)]);
  await execute('DELETE FROM itr_stay_fact WHERE issue_id = ?', [Number(issueId)]);
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Three GROUP BY reads for a batch of issues (≤ 100 ids per batch in practice). */
async function historyCounts(issueIds: readonly string[]): Promise<Map<string, HistoryCounts>> {
  const out = new Map<string, HistoryCounts>(
    issueIds.map((id) => [id, { escalations: 0, timeouts: 0, forwards: 0, satisfaction: null }]),
  );
  if (issueIds.length === 0) return out;
  await ensureSchema();
  const ids = issueIds.map(Number);
  const marks = ids.map(() => '?').join(', ');
  const lines = await query(
    `SELECT issue_id, SUM(CASE WHEN entered_by = 'app' THEN 1 ELSE 0 END) AS escalations, SUM(CASE WHEN outcome = 'timed_out' THEN 1 ELSE 0 END) AS timeouts
     FROM line_history WHERE issue_id IN (${marks}) GROUP BY issue_id`,
    ids,
    (r) => ({ id: String(r['issue_id']), escalations: num(r['escalations']), timeouts: num(r['timeouts']) }),
  );
  for (const l of lines) {
    const c = out.get(l.id);
    if (c) Object.assign(c, { escalations: l.escalations, timeouts: l.timeouts });
  }
  const forwards = await query(
    `SELECT issue_id, COUNT(*) AS n FROM classification_history WHERE field = 'owner' AND old_value IS NOT NULL AND issue_id IN (${marks}) GROUP BY issue_id`,
    ids,
    (r) => ({ id: String(r['issue_id']), n: num(r['n']) }),
  );
  for (const f of forwards) {
    const c = out.get(f.id);
    if (c) c.forwards = f.n;
  }
  try {
    const visits = await query(
      `SELECT issue_id, satisfaction FROM return_visit WHERE status = 'done' AND issue_id IN (${marks})`,
      ids,
      (r) => ({ id: String(r['issue_id']), s: r['satisfaction'] === null ? null : Number(r['satisfaction']) }),
    );
    for (const v of visits) {
      const c = out.get(v.id);
      if (c) c.satisfaction = v.s;
    }
  } catch {
    // return_visit arrives with the closure migrations; without it there is simply no satisfaction yet.
  }
  return out;
}

// ----- chart queries --------------------------------------------------------------------------------

/** The filter as a WHERE clause on a table with the projection's filter columns (`itr_issue_fact`, `itr_stay_fact`). */
export function where(f: AnalyticsFilter, alias = 'f'): { sql: string; params: SqlParam[] } {
  const parts = [`${alias}.created_at >= ?`, `${alias}.created_at < ?`];
  const params: SqlParam[] = [new Date(f.from), new Date(f.to)];
  const inList = (col: string, values: readonly string[]): void => {
    if (values.length === 0) return;
    parts.push(`${alias}.${col} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  inList('project_key', f.projectKeys);
  inList('kind', f.kinds);
  inList('grade', f.grades);
  return { sql: parts.join(' AND '), params };
}

/**
 * Periods longer than this many days (range 1–1,098; default 92, a quarter) read the whole table for
 * queries that need columns beyond `idx_fact_cover`: MariaDB's estimate otherwise sends them through the
 * period index with one row lookup per issue, about 3× slower than a scan for a year of issues (see
 * scripts/bench/analytics.ts). Shorter periods keep the index: few lookups beat a scan.
 */
export const SCAN_PERIOD_DAYS = 92;

/** `itr_issue_fact f`, with the index hint above for long periods (TiDB accepts MySQL's IGNORE INDEX too). */
function facts(f: AnalyticsFilter): string {
  const long = Date.parse(f.to) - Date.parse(f.from) > SCAN_PERIOD_DAYS * 86_400_000;
  return long ? 'itr_issue_fact f IGNORE INDEX (idx_fact_created, idx_fact_cover)' : 'itr_issue_fact f';
}

/** SQL for the start of the period holding `created_at` (UTC): a day, the Monday of a week, a month. */
export function periodExpr(g: Granularity, col = 'f.created_at'): string {
  switch (g) {
    case 'day':
      return `DATE_FORMAT(${col}, '%Y-%m-%d')`;
    case 'week':
      return `DATE_FORMAT(DATE_SUB(${col}, INTERVAL WEEKDAY(${col}) DAY), '%Y-%m-%d')`;
    case 'month':
      return `DATE_FORMAT(${col}, '%Y-%m')`;
  }
}

/** The CASE that maps cycle_minutes to the domain's bucket index (CYCLE_BUCKET_UPPER_HOURS). */
export function cycleBucketExpr(col = 'f.cycle_minutes'): string {
  return `CASE ${CYCLE_BUCKET_UPPER_HOURS.map((h, i) => `WHEN ${col} < ${h * 60} THEN ${i}`).join(' ')} ELSE ${CYCLE_BUCKET_UPPER_HOURS.length} END`;
}

async function volumeRows(
  f: AnalyticsFilter,
): Promise<Array<{ period: string; kind: string | null; grade: string | null; count: number }>> {
  await ensureSchema();
  const w = where(f);
  return query(
    `SELECT ${periodExpr(f.granularity)} AS period, f.kind, f.grade, COUNT(*) AS n FROM itr_issue_fact f WHERE ${w.sql} GROUP BY period, f.kind, f.grade ORDER BY period`,
    w.params,
    (r) => ({ period: String(r['period']), kind: str(r['kind']), grade: str(r['grade']), count: num(r['n']) }),
  );
}

async function slaRows(
  f: AnalyticsFilter,
): Promise<Array<{ period: string; resolved: number; met: number; breachedOpen: number }>> {
  await ensureSchema();
  const w = where(f);
  return query(
    `SELECT ${periodExpr(f.granularity)} AS period, SUM(CASE WHEN f.resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS resolved,
       SUM(CASE WHEN f.sla_met = 1 THEN 1 ELSE 0 END) AS met,
       SUM(CASE WHEN f.resolved_at IS NULL AND f.breached_at IS NOT NULL THEN 1 ELSE 0 END) AS breached_open
     FROM itr_issue_fact f WHERE ${w.sql} GROUP BY period ORDER BY period`,
    w.params,
    (r) => ({
      period: String(r['period']),
      resolved: num(r['resolved']),
      met: num(r['met']),
      breachedOpen: num(r['breached_open']),
    }),
  );
}

/** The page's totals in one pass: created, resolved, resolved within the SLA, and breached while open. */
async function totalsRow(
  f: AnalyticsFilter,
): Promise<{ created: number; resolved: number; met: number; breachedOpen: number }> {
  await ensureSchema();
  const w = where(f);
  const rows = await query(
    `SELECT COUNT(*) AS n, SUM(CASE WHEN f.resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS resolved, SUM(CASE WHEN f.sla_met = 1 THEN 1 ELSE 0 END) AS met,
       SUM(CASE WHEN f.resolved_at IS NULL AND f.breached_at IS NOT NULL THEN 1 ELSE 0 END) AS breached_open
     FROM itr_issue_fact f WHERE ${w.sql}`,
    w.params,
    (r) => ({
      created: num(r['n']),
      resolved: num(r['resolved']),
      met: num(r['met']),
      breachedOpen: num(r['breached_open']),
    }),
  );
  return rows[0] ?? { created: 0, resolved: 0, met: 0, breachedOpen: 0 };
}

/** The projects whose issues a filter counts (the weekly summary records them, to know who may see it as is). */
async function countedProjectKeys(f: AnalyticsFilter): Promise<string[]> {
  await ensureSchema();
  const w = where(f);
  return query(
    `SELECT DISTINCT f.project_key FROM itr_issue_fact f WHERE ${w.sql} ORDER BY f.project_key`,
    w.params,
    (r) => String(r['project_key']),
  );
}

/** Per-line OLA: stays that ended on the line, and those that ended by running out of time. */
async function olaRows(f: AnalyticsFilter): Promise<Array<{ line: string; ended: number; timedOut: number }>> {
  await ensureSchema();
  const w = where(f, 's');
  return query(
    `SELECT s.line, COUNT(*) AS ended, SUM(CASE WHEN s.outcome = 'timed_out' THEN 1 ELSE 0 END) AS timed_out
     FROM itr_stay_fact s WHERE s.outcome IS NOT NULL AND ${w.sql} GROUP BY s.line ORDER BY s.line`,
    w.params,
    (r) => ({ line: String(r['line']), ended: num(r['ended']), timedOut: num(r['timed_out']) }),
  );
}

async function cycleRows(f: AnalyticsFilter): Promise<Array<{ bucket: number; count: number }>> {
  await ensureSchema();
  const w = where(f);
  return query(
    `SELECT ${cycleBucketExpr()} AS bucket, COUNT(*) AS n FROM itr_issue_fact f WHERE f.cycle_minutes IS NOT NULL AND ${w.sql} GROUP BY bucket`,
    w.params,
    (r) => ({ bucket: num(r['bucket']), count: num(r['n']) }),
  );
}

const DIMENSION_COLUMN: Record<BreakdownDimension, string> = {
  product: 'f.product',
  region: 'f.region',
  customerTier: 'f.customer_tier',
  month: "DATE_FORMAT(f.created_at, '%Y-%m')",
};

async function breakdownRows(
  f: AnalyticsFilter,
  dim: BreakdownDimension,
  severeGrades: readonly string[],
): Promise<BreakdownRow[]> {
  await ensureSchema();
  const w = where(f);
  const sev =
    severeGrades.length === 0
      ? '0'
      : `CASE WHEN f.grade IN (${severeGrades.map(() => '?').join(', ')}) THEN 1 ELSE 0 END`;
  return query(
    `SELECT ${DIMENSION_COLUMN[dim]} AS v, COUNT(*) AS n, SUM(CASE WHEN f.resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS resolved,
       SUM(CASE WHEN f.breached_at IS NOT NULL THEN 1 ELSE 0 END) AS breached, SUM(${sev}) AS severe
     FROM ${facts(f)} WHERE ${w.sql} GROUP BY v ORDER BY n DESC, v LIMIT 200`,
    [...severeGrades, ...w.params],
    (r) => ({
      value: str(r['v']),
      count: num(r['n']),
      resolved: num(r['resolved']),
      breached: num(r['breached']),
      severe: num(r['severe']),
    }),
  );
}

async function caseSpreadRows(
  f: AnalyticsFilter,
): Promise<Array<{ caseId: number; products: number; issues: number }>> {
  await ensureSchema();
  const w = where(f);
  try {
    return await query(
      `SELECT l.case_id, COUNT(DISTINCT f.product) AS products, COUNT(DISTINCT f.issue_id) AS issues
       FROM case_issue_link l JOIN itr_issue_fact f ON f.issue_key = l.issue_key
       WHERE f.product IS NOT NULL AND ${w.sql} GROUP BY l.case_id HAVING COUNT(DISTINCT f.product) >= 2 ORDER BY products DESC LIMIT 50`,
      w.params,
      (r) => ({ caseId: num(r['case_id']), products: num(r['products']), issues: num(r['issues']) }),
    );
  } catch {
    return []; // no case library tables on this installation yet
  }
}

/** Counts and severe counts per (product, region): one scan feeds two patterns (severe product, scattered region). */
async function productRegionRows(f: AnalyticsFilter, severeGrades: readonly string[]): Promise<ProductRegionRow[]> {
  await ensureSchema();
  const w = where(f);
  const sev =
    severeGrades.length === 0
      ? '0'
      : `CASE WHEN f.grade IN (${severeGrades.map(() => '?').join(', ')}) THEN 1 ELSE 0 END`;
  return query(
    `SELECT f.product, f.region, COUNT(*) AS n, SUM(${sev}) AS severe FROM ${facts(f)} WHERE ${w.sql} GROUP BY f.product, f.region`,
    [...severeGrades, ...w.params],
    (r) => ({ product: str(r['product']), region: str(r['region']), count: num(r['n']), severe: num(r['severe']) }),
  );
}

async function departmentMonthlyRows(
  f: AnalyticsFilter,
): Promise<Array<{ department: string; month: string; count: number }>> {
  await ensureSchema();
  const w = where(f);
  return query(
    `SELECT f.department, DATE_FORMAT(f.created_at, '%Y-%m') AS m, COUNT(*) AS n FROM ${facts(f)}
     WHERE f.department IS NOT NULL AND ${w.sql} GROUP BY f.department, m ORDER BY f.department, m`,
    w.params,
    (r) => ({ department: String(r['department']), month: String(r['m']), count: num(r['n']) }),
  );
}

/**
 * Per person (owner) and per department, both from one set of reads (the page shows the two tables
 * together): solved, grade mix and cycle buckets
 * grouped by owner and by department, merged here with escalations received = stays the sweep opened on
 * them (entered_by 'app'), caused = their stays that ended timed_out, forwarded = owner changes away from
 * them (classification_history, old_value = them). Stays and forwards map to a department by `departmentOf`.
 */
async function peopleRows(
  f: AnalyticsFilter,
  departmentOf: (accountId: string) => string | null,
): Promise<Record<PeopleGroup, PeopleRow[]>> {
  await ensureSchema();
  const w = where(f);
  const ws = where(f, 's');
  const solved = (col: string) =>
    query(
      `SELECT ${col} AS k, f.grade, ${cycleBucketExpr()} AS bucket, COUNT(*) AS n, SUM(f.satisfaction) AS sat_sum, COUNT(f.satisfaction) AS sat_n
       FROM ${facts(f)} WHERE f.resolved_at IS NOT NULL AND ${w.sql} GROUP BY k, f.grade, bucket`,
      w.params,
      (r) => ({
        k: str(r['k']),
        grade: str(r['grade']) ?? '-',
        bucket: num(r['bucket']),
        n: num(r['n']),
        satSum: num(r['sat_sum']),
        satN: num(r['sat_n']),
      }),
    );
  // Independent reads, run side by side: the slowest one, not their sum, sets the chart's time.
  const [byOwner, byDepartment, stays, fwd] = await Promise.all([
    solved('f.owner_account_id'),
    solved('f.department'),
    query(
      `SELECT s.holder_account_id AS k, SUM(CASE WHEN s.outcome = 'timed_out' THEN 1 ELSE 0 END) AS caused,
         SUM(CASE WHEN s.entered_by = 'app' THEN 1 ELSE 0 END) AS received
       FROM itr_stay_fact s WHERE s.holder_account_id IS NOT NULL AND ${ws.sql} GROUP BY s.holder_account_id`,
      ws.params,
      (r) => ({ k: String(r['k']), caused: num(r['caused']), received: num(r['received']) }),
    ),
    query(
      `SELECT c.old_value AS k, COUNT(*) AS n FROM classification_history c JOIN itr_issue_fact f ON f.issue_id = c.issue_id
       WHERE c.field = 'owner' AND c.old_value IS NOT NULL AND ${w.sql} GROUP BY c.old_value`,
      w.params,
      (r) => ({ k: String(r['k']), n: num(r['n']) }),
    ),
  ]);
  const merge = (base: typeof byOwner, keyOf: (accountId: string) => string | null): PeopleRow[] => {
    const out = new Map<string | null, PeopleRow>();
    const row = (k: string | null): PeopleRow => {
      let r = out.get(k);
      if (r === undefined) {
        r = {
          key: k,
          solved: 0,
          gradeMix: {},
          cycleBuckets: new Array<number>(CYCLE_BUCKET_UPPER_HOURS.length + 1).fill(0),
          satisfactionAvg: null,
          satisfactionCount: 0,
          timeouts: 0,
          escalationsReceived: 0,
          escalationsCaused: 0,
          forwarded: 0,
        };
        out.set(k, r);
      }
      return r;
    };
    const satSums = new Map<string | null, number>();
    for (const b of base) {
      const r = row(b.k);
      r.solved += b.n;
      r.gradeMix[b.grade] = (r.gradeMix[b.grade] ?? 0) + b.n;
      r.cycleBuckets[b.bucket] = (r.cycleBuckets[b.bucket] ?? 0) + b.n;
      r.satisfactionCount += b.satN;
      satSums.set(b.k, (satSums.get(b.k) ?? 0) + b.satSum);
    }
    for (const s of stays) {
      const r = row(keyOf(s.k));
      r.escalationsCaused += s.caused;
      r.timeouts += s.caused;
      r.escalationsReceived += s.received;
    }
    for (const x of fwd) row(keyOf(x.k)).forwarded += x.n;
    for (const r of out.values()) {
      if (r.satisfactionCount > 0)
        r.satisfactionAvg = Math.round(((satSums.get(r.key) ?? 0) / r.satisfactionCount) * 100) / 100;
    }
    return [...out.values()].sort((x, y) => y.solved - x.solved);
  };
  return { person: merge(byOwner, (a) => a), department: merge(byDepartment, departmentOf) };
}

/**
 * The gadget's SLA attainment: issues of `projectKeys` (never empty: the caller passes the viewer's
 * browsable projects and skips the query when there are none) resolved in `period`, and those within the SLA.
 */
async function slaResolvedIn(
  period: { from: string; to: string },
  projectKeys: readonly string[],
): Promise<{ resolved: number; met: number }> {
  if (projectKeys.length === 0) throw new Error('slaResolvedIn needs the projects to count');
  await ensureSchema();
  const rows = await query(
    `SELECT COUNT(*) AS resolved_n, SUM(CASE WHEN sla_met = 1 THEN 1 ELSE 0 END) AS met_n
     FROM itr_issue_fact WHERE resolved_at >= ? AND resolved_at < ? AND project_key IN (${projectKeys.map(() => '?').join(', ')})`,
    [new Date(period.from), new Date(period.to), ...projectKeys],
    (r) => ({ resolved: num(r['resolved_n']), met: num(r['met_n']) }),
  );
  return rows[0] ?? { resolved: 0, met: 0 };
}

export const sqlFacts: FactRepository = {
  upsertFacts,
  deleteFact,
  historyCounts,
  volumeRows,
  slaRows,
  totalsRow,
  countedProjectKeys,
  olaRows,
  cycleRows,
  breakdownRows,
  caseSpreadRows,
  productRegionRows,
  departmentMonthlyRows,
  peopleRows,
  slaResolvedIn,
};
