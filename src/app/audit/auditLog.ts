/**
 * The audit log: one SQL row per destructive action (who, when, action code, target, summary),
 * written by the use case that did it, read by administrators newest first (src/contract/audit.ts).
 *
 * `recordAudit` never fails the action it records: it runs after the action succeeded, and answering
 * an error then would invite the admin to repeat a destructive action. A failed write is logged
 * (console.error, which Forge keeps in the app's logs) instead.
 */
import { namesOf } from '../people/displayNames';
import { jiraAsApp } from '../../adapters/jira';
import { ensureSchema, execute, fromSqlDateTime, query, sqlLimit } from '../../adapters/sql';
import type { AuditActionCode, AuditEntry, AuditPage } from '../../contract/audit';
import { requireJiraAdmin } from '../auth/authorization';
import { fitForDisplay } from '../../domain/storageLimits';

/** Entries per page. Range 1–100; default 25 (one screen). */
export const AUDIT_PAGE_DEFAULT = 25;
export const AUDIT_PAGE_MAX = 100;

/**
 * Target and summary are composed by the app (an issue key, a case id, "edited case <title>") and may
 * quote text a user named elsewhere, already held to its own limit there. They fit audit_log's columns
 * (STORED_LIMITS.auditTarget / auditSummary) whole in practice; a longer one is shortened visibly
 * (ending with '…'), because refusing would lose the record of an action that already happened.
 */

export interface AuditRecord {
  actorAccountId: string | undefined | null;
  action: AuditActionCode;
  target: string | number;
  summary: string;
  params?: Record<string, string | number>;
}

export async function recordAudit(entry: AuditRecord, at: Date = new Date()): Promise<void> {
  try {
    await ensureSchema();
    await execute(
      'INSERT INTO audit_log (at, actor_account_id, action, target, summary, params) VALUES (?, ?, ?, ?, ?, ?)',
      [
        at,
        entry.actorAccountId ?? null,
        entry.action,
        fitForDisplay(String(entry.target), 'auditTarget'),
        fitForDisplay(entry.summary, 'auditSummary'),
        JSON.stringify(entry.params ?? {}),
      ],
    );
  } catch (e) {
    console.error(
      `audit ${entry.action} ${String(entry.target)} not recorded: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

function paramsOf(raw: unknown): Record<string, string | number> {
  try {
    const v: unknown = JSON.parse(typeof raw === 'string' ? raw : '{}');
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
    return Object.fromEntries(
      Object.entries(v).filter(
        (e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number',
      ),
    );
  } catch {
    return {};
  }
}

/** A page of the log, newest first, for Jira administrators; `before` is the previous page's `nextBefore`. */
export async function listAuditLog(
  accountId: string | undefined,
  page: { before?: number | undefined; limit?: number | undefined },
): Promise<AuditPage> {
  await requireJiraAdmin(accountId);
  await ensureSchema();
  const limit = sqlLimit(page.limit, AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX);
  const before = page.before ?? Number.MAX_SAFE_INTEGER;
  const rows = await query(
    `SELECT id, at, actor_account_id, action, target, summary, params FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ${limit + 1}`,
    [before],
    (r): AuditEntry => ({
      id: Number(r['id']),
      at: fromSqlDateTime(r['at']).toISOString(),
      actorAccountId: typeof r['actor_account_id'] === 'string' ? r['actor_account_id'] : null,
      actorName: null,
      action: String(r['action']) as AuditActionCode,
      target: String(r['target']),
      summary: String(r['summary']),
      params: paramsOf(r['params']),
    }),
  );
  const entries = await withActorNames(rows.slice(0, limit));
  return { entries, nextBefore: rows.length > limit ? (entries[entries.length - 1]?.id ?? null) : null };
}

/** Names the actors as Jira does (one bulk request); the log still answers, with ids, if Jira cannot. */
async function withActorNames(entries: AuditEntry[]): Promise<AuditEntry[]> {
  const ids = [
    ...new Set(
      entries.flatMap((e) => (e.actorAccountId === null || e.actorAccountId === 'app' ? [] : [e.actorAccountId])),
    ),
  ];
  if (ids.length === 0) return entries;
  try {
    const names = await namesOf(jiraAsApp(), ids);
    return entries.map((e) => ({
      ...e,
      actorName: e.actorAccountId === null ? null : (names.get(e.actorAccountId) ?? null),
    }));
  } catch (e) {
    console.warn(
      JSON.stringify({
        event: 'audit-log',
        note: 'actor names unavailable',
        reason: e instanceof Error ? e.message : String(e),
      }),
    );
    return entries;
  }
}
