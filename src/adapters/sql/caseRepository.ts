/**
 * The `itr_case`, `case_version` and `case_issue_link` tables (migrations.ts): src/app/ports/cases.ts.
 * The library's reads and writes run on a schema the lifecycle trigger applied (as before the port);
 * only the backup's methods ensure it first, as the backup did.
 */
import type { BackupCase, BackupCaseLink } from '../../contract/backup';
import type { CaseContent, CaseRecord } from '../../contract/cases';
import type { CaseRepository } from '../../app/ports/cases';
import { ensureSchema } from './migrations';
import { execute, fromSqlDateTime, query, queryOne, type SqlParam } from './sqlClient';
import { sqlLimit } from './sqlLimit';

/** The columns `parseCaseRow` reads. */
const CASE_COLUMNS =
  'id, title, symptom, product, product_version, environment, root_cause, short_term_measure, long_term_measure, author_account_id, language, tags, status, revision, helpful_count, not_relevant_count, usage_count, created_at, updated_at';

const s = (v: unknown): string => (typeof v === 'string' ? v : '');
const n = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
const sOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const marks = (count: number): string => new Array(count).fill('?').join(', ');

type CaseRow = Omit<CaseRecord, 'sourceIssues' | 'usedOnIssues'>;

/** One `itr_case` row (selected with CASE_COLUMNS) as the case record, without its links. */
function parseCaseRow(r: Record<string, unknown>): CaseRow {
  const status = s(r['status']);
  if (status !== 'draft' && status !== 'published' && status !== 'retired') throw new Error(`bad status ${status}`);
  return {
    id: n(r['id']),
    title: s(r['title']),
    symptom: s(r['symptom']),
    product: s(r['product']),
    productVersion: s(r['product_version']),
    environment: s(r['environment']),
    rootCause: s(r['root_cause']),
    shortTermMeasure: s(r['short_term_measure']),
    longTermMeasure: s(r['long_term_measure']),
    authorAccountId: sOrNull(r['author_account_id']),
    language: s(r['language']),
    tags: s(r['tags'])
      .split(',')
      .filter((t) => t.length > 0),
    status,
    revision: n(r['revision']),
    helpfulCount: n(r['helpful_count']),
    notRelevantCount: n(r['not_relevant_count']),
    usageCount: n(r['usage_count']),
    createdAt: fromSqlDateTime(r['created_at']).toISOString(),
    updatedAt: fromSqlDateTime(r['updated_at']).toISOString(),
  };
}

const contentColumns = (c: CaseContent): SqlParam[] => [
  c.title,
  c.symptom,
  c.product,
  c.productVersion,
  c.environment,
  c.rootCause,
  c.shortTermMeasure,
  c.longTermMeasure,
];

async function appendVersion(
  id: number,
  revision: number,
  content: CaseContent,
  authorAccountId: string | null,
  at: Date,
): Promise<void> {
  await execute(
    'INSERT INTO case_version (case_id, revision, snapshot, author_account_id, at) VALUES (?, ?, ?, ?, ?)',
    [id, revision, JSON.stringify(content), authorAccountId, at],
  );
}

export const sqlCases: CaseRepository = {
  async casesByIds(ids) {
    if (ids.length === 0) return [];
    const rows = await query(
      `SELECT ${CASE_COLUMNS} FROM itr_case WHERE id IN (${marks(ids.length)})`,
      [...ids],
      parseCaseRow,
    );
    const links = await query(
      `SELECT case_id, issue_key, relation FROM case_issue_link WHERE case_id IN (${marks(ids.length)})`,
      [...ids],
      (r) => ({ caseId: n(r['case_id']), key: s(r['issue_key']), relation: s(r['relation']) }),
    );
    const keysOf = (id: number, relation: string): string[] =>
      links
        .filter((l) => l.caseId === id && l.relation === relation)
        .map((l) => l.key)
        .sort();
    return rows.map((row) => ({
      ...row,
      sourceIssues: keysOf(row.id, 'source'),
      usedOnIssues: keysOf(row.id, 'used_on'),
    }));
  },

  async versionsOf(id) {
    return query(
      'SELECT revision, snapshot, author_account_id, at FROM case_version WHERE case_id = ? ORDER BY revision DESC',
      [id],
      (r) => ({
        revision: n(r['revision']),
        authorAccountId: sOrNull(r['author_account_id']),
        at: fromSqlDateTime(r['at']).toISOString(),
        content: JSON.parse(s(r['snapshot'])) as CaseContent,
      }),
    );
  },

  async listIds(filter, limit) {
    const where = [`status IN (${marks(filter.statuses.length)})`];
    const params: SqlParam[] = [...filter.statuses];
    if (filter.product) {
      where.push('product = ?');
      params.push(filter.product);
    }
    if (filter.language) {
      where.push('language = ?');
      params.push(filter.language);
    }
    return query(
      `SELECT id FROM itr_case WHERE ${where.join(' AND ')} ORDER BY updated_at DESC LIMIT ${sqlLimit(limit, 50, 200)}`,
      params,
      (r) => n(r['id']),
    );
  },

  async helpedCaseIds(issueKey) {
    return query(
      'SELECT case_id FROM case_issue_link WHERE issue_key = ? AND relation = ? ORDER BY at DESC',
      [issueKey, 'used_on'],
      (r) => n(r['case_id']),
    );
  },

  async insertCase(c, authorAccountId, externalId, at) {
    const res = await execute(
      'INSERT INTO itr_case (external_id, title, symptom, product, product_version, environment, root_cause, short_term_measure, long_term_measure, author_account_id, language, tags, status, revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)',
      [externalId, ...contentColumns(c), authorAccountId, c.language, c.tags.join(','), c.status, at, at],
    );
    return res.insertId;
  },

  async updateCase(id, expectedRevision, revision, c, at) {
    const res = await execute(
      'UPDATE itr_case SET title = ?, symptom = ?, product = ?, product_version = ?, environment = ?, root_cause = ?, short_term_measure = ?, long_term_measure = ?, language = ?, tags = ?, status = ?, revision = ?, updated_at = ? WHERE id = ? AND revision = ?',
      [...contentColumns(c), c.language, c.tags.join(','), c.status, revision, at, id, expectedRevision],
    );
    return res.affectedRows === 1;
  },

  appendVersion,

  async linkIssue(id, issueKey, relation, at) {
    const res = await execute(
      'INSERT IGNORE INTO case_issue_link (case_id, issue_key, relation, at) VALUES (?, ?, ?, ?)',
      [id, issueKey, relation, at],
    );
    return res.affectedRows === 1;
  },

  async countFeedback(id, helpful) {
    await execute(
      helpful
        ? 'UPDATE itr_case SET helpful_count = helpful_count + 1, usage_count = usage_count + 1 WHERE id = ?'
        : 'UPDATE itr_case SET not_relevant_count = not_relevant_count + 1 WHERE id = ?',
      [id],
    );
  },

  async importPublished(cases, at) {
    if (cases.length === 0) return new Map();
    await execute(
      `INSERT INTO itr_case (external_id, title, symptom, language, status, created_at, updated_at) VALUES ${cases.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      cases.flatMap((c) => [c.externalId, c.title, c.symptom, c.language, 'published', at, at]),
    );
    return sqlCases.idsByExternalId(cases.map((c) => c.externalId));
  },

  async countCases() {
    await ensureSchema();
    return (await queryOne('SELECT COUNT(*) AS c FROM itr_case', [], (r) => n(r['c']))) ?? 0;
  },

  async backupCasesAfter(after, limit) {
    await ensureSchema();
    const cases = await query(
      `SELECT external_id, ${CASE_COLUMNS} FROM itr_case WHERE id > ? ORDER BY id LIMIT ${sqlLimit(limit, 100, 1000)}`,
      [after],
      (r): BackupCase => {
        const {
          id,
          authorAccountId,
          revision,
          helpfulCount,
          notRelevantCount,
          usageCount,
          createdAt,
          updatedAt,
          ...content
        } = parseCaseRow(r);
        return {
          id,
          externalId: sOrNull(r['external_id']),
          content,
          authorAccountId,
          revision,
          helpfulCount,
          notRelevantCount,
          usageCount,
          createdAt,
          updatedAt,
          links: [],
          versions: [],
        };
      },
    );
    if (cases.length === 0) return cases;
    const byId = new Map(cases.map((c) => [c.id, c]));
    const ids = cases.map((c) => c.id);
    const links = await query(
      `SELECT case_id, issue_key, relation, at FROM case_issue_link WHERE case_id IN (${marks(ids.length)}) ORDER BY case_id, relation, issue_key`,
      ids,
      (r) => ({
        caseId: n(r['case_id']),
        link: {
          issueKey: s(r['issue_key']),
          relation: s(r['relation']) as BackupCaseLink['relation'],
          at: fromSqlDateTime(r['at']).toISOString(),
        },
      }),
    );
    for (const l of links) byId.get(l.caseId)?.links.push(l.link);
    const versions = await query(
      `SELECT case_id, revision, snapshot, author_account_id, at FROM case_version WHERE case_id IN (${marks(ids.length)}) ORDER BY case_id, revision`,
      ids,
      (r) => ({
        caseId: n(r['case_id']),
        version: {
          revision: n(r['revision']),
          snapshot: JSON.parse(s(r['snapshot'])) as CaseContent,
          authorAccountId: sOrNull(r['author_account_id']),
          at: fromSqlDateTime(r['at']).toISOString(),
        },
      }),
    );
    for (const v of versions) byId.get(v.caseId)?.versions.push(v.version);
    return cases;
  },

  async idsByExternalId(externalIds) {
    if (externalIds.length === 0) return new Map();
    await ensureSchema();
    const rows = await query(
      `SELECT id, external_id FROM itr_case WHERE external_id IN (${marks(externalIds.length)})`,
      [...externalIds],
      (r) => [s(r['external_id']), n(r['id'])] as const,
    );
    return new Map(rows);
  },

  async restoreCase(c, accountId, at) {
    await ensureSchema();
    let versionsAdded = 0;
    let linksAdded = 0;
    for (const v of c.versions) {
      const r = await execute(
        'INSERT IGNORE INTO case_version (case_id, revision, snapshot, author_account_id, at) VALUES (?, ?, ?, ?, ?)',
        [c.id, v.revision, JSON.stringify(v.snapshot), v.authorAccountId, new Date(v.at)],
      );
      versionsAdded += r.affectedRows;
    }
    const live = await query('SELECT revision FROM itr_case WHERE id = ?', [c.id], (r) => n(r['revision']));
    let revision = c.revision;
    let updatedAt = new Date(c.updatedAt);
    if (live[0] !== undefined && live[0] >= c.revision) {
      const current = await query(
        'SELECT snapshot FROM case_version WHERE case_id = ? AND revision = ?',
        [c.id, live[0]],
        (r) => s(r['snapshot']),
      );
      if (current[0] === JSON.stringify(c.content)) revision = live[0];
      else {
        revision = live[0] + 1;
        updatedAt = at;
        await appendVersion(c.id, revision, c.content, accountId, at);
        versionsAdded++;
      }
    }
    const k = c.content;
    await execute(
      `INSERT INTO itr_case (id, external_id, title, symptom, product, product_version, environment, root_cause, short_term_measure, long_term_measure, author_account_id, language, tags, status, revision, helpful_count, not_relevant_count, usage_count, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE external_id = VALUES(external_id), title = VALUES(title), symptom = VALUES(symptom), product = VALUES(product),
         product_version = VALUES(product_version), environment = VALUES(environment), root_cause = VALUES(root_cause),
         short_term_measure = VALUES(short_term_measure), long_term_measure = VALUES(long_term_measure), language = VALUES(language),
         tags = VALUES(tags), status = VALUES(status), revision = VALUES(revision), helpful_count = GREATEST(helpful_count, VALUES(helpful_count)),
         not_relevant_count = GREATEST(not_relevant_count, VALUES(not_relevant_count)), usage_count = GREATEST(usage_count, VALUES(usage_count)),
         updated_at = VALUES(updated_at)`,
      [
        c.id,
        c.externalId,
        ...contentColumns(k),
        c.authorAccountId,
        k.language,
        k.tags.join(','),
        k.status,
        revision,
        c.helpfulCount,
        c.notRelevantCount,
        c.usageCount,
        new Date(c.createdAt),
        updatedAt,
      ],
    );
    for (const l of c.links) {
      const r = await execute(
        'INSERT IGNORE INTO case_issue_link (case_id, issue_key, relation, at) VALUES (?, ?, ?, ?)',
        [c.id, l.issueKey, l.relation, new Date(l.at)],
      );
      linksAdded += r.affectedRows;
    }
    return { versionsAdded, linksAdded };
  },
};
