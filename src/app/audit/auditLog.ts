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
import { pageLimit } from '../../domain/pageLimit';
import type { AuditActionCode, AuditEntry, AuditPage } from '../../contract/audit';
import { repositories } from '../ports';
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
    await repositories().auditLog.append({
      at,
      actorAccountId: entry.actorAccountId ?? null,
      action: entry.action,
      target: fitForDisplay(String(entry.target), 'auditTarget'),
      summary: fitForDisplay(entry.summary, 'auditSummary'),
      params: entry.params ?? {},
    });
  } catch (e) {
    console.error(
      `audit ${entry.action} ${String(entry.target)} not recorded: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/** A page of the log, newest first, for Jira administrators; `before` is the previous page's `nextBefore`. */
export async function listAuditLog(
  accountId: string | undefined,
  page: { before?: number | undefined; limit?: number | undefined },
): Promise<AuditPage> {
  await requireJiraAdmin(accountId);
  const limit = pageLimit(page.limit, AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX);
  const rows = await repositories().auditLog.pageBefore(page.before ?? Number.MAX_SAFE_INTEGER, limit + 1);
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
