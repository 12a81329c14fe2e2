/** The `root_cause_version` table (migration v013): every save is a row; the newest is current. */
import type { RootCauseDraft } from '../../domain/closure';
import type { RootCauseRepository, RootCauseVersion, StoredRootCause } from '../../app/ports/rootCauses';
import { ensureSchema } from './migrations';
import { execute, fromSqlDateTime, query } from './sqlClient';

function parseDraft(text: unknown): RootCauseDraft {
  const r = JSON.parse(String(text)) as Record<string, unknown>;
  const s = (k: string): string => (typeof r[k] === 'string' ? r[k] : '');
  return {
    whys: Array.isArray(r['whys']) ? r['whys'].filter((w): w is string => typeof w === 'string') : [],
    rootCause: s('rootCause'),
    shortTermMeasure: s('shortTermMeasure'),
    longTermMeasure: s('longTermMeasure'),
    technicalZero: s('technicalZero'),
    managementZero: s('managementZero'),
    ...(typeof r['overrideReason'] === 'string' ? { overrideReason: r['overrideReason'] } : {}),
  };
}

/**
 * `flags` is the app's `category:phrase` list: at most one constant phrase a category, well inside
 * root_cause_version.flags VARCHAR(1000) (test/domain/closure/rootCause.test.ts proves the longest fits),
 * so it is stored whole; `overrideReason` was held to its column at the edge (storageRefusal).
 */
async function saveVersion(v: RootCauseVersion): Promise<void> {
  await ensureSchema();
  await execute(
    'INSERT INTO root_cause_version (issue_id, draft, complete, flags, override_reason, author_account_id, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [Number(v.issueId), JSON.stringify(v.draft), v.complete, v.flags, v.overrideReason, v.author, v.at],
  );
}

/** The newest version and how many there are. */
async function latestVersion(issueId: string): Promise<{ latest: StoredRootCause | undefined; versions: number }> {
  await ensureSchema();
  const rows = await query(
    'SELECT draft, author_account_id, saved_at, (SELECT COUNT(*) FROM root_cause_version c WHERE c.issue_id = ?) AS n FROM root_cause_version WHERE issue_id = ? ORDER BY saved_at DESC, id DESC LIMIT 1',
    [Number(issueId), Number(issueId)],
    (r) => ({
      draft: parseDraft(r['draft']),
      authorAccountId: String(r['author_account_id']),
      savedAt: fromSqlDateTime(r['saved_at']),
      n: Number(r['n']),
    }),
  );
  const row = rows[0];
  return row === undefined
    ? { latest: undefined, versions: 0 }
    : { latest: { draft: row.draft, authorAccountId: row.authorAccountId, savedAt: row.savedAt }, versions: row.n };
}

export const sqlRootCauses: RootCauseRepository = { saveVersion, latestVersion };
