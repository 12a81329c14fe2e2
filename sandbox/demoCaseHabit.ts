/**
 * Demo data of the case-library habit (issue 17): for the year of finished work (sandbox/demoHistory.ts),
 * who searched the case library for each issue and when (most before work started, some after, some
 * never), the case decisions at resolution (a new case, an improved one, none with a reason, or none
 * recorded), and the admin's line targets, written through the app's own stores so the supervision page
 * has figures to show. Deterministic: the same data on every start; a restart on the same database adds
 * nothing twice (an issue that already has a search is skipped).
 */
import * as path from 'node:path';
import { invokeFunction } from '../platform-doubles';
import { staysOf, type HistoryIssue } from './demoHistory';
import { REPO_ROOT, type SandboxSite } from './site';

const appModule = <T>(...segments: string[]): T => require(path.join(REPO_ROOT, 'src', ...segments)) as T;

const MINUTE = 60_000;
const QUERIES = ['login slow', '报表导出超时', 'VPN reconnect', 'printer jam', '发票抬头', 'packet loss'];
const NO_CASE_REASONS = [
  'One customer’s typo in the configuration; nothing to learn for others.',
  '客户自行恢复，无可复用经验。',
  'Already covered by the product manual, chapter 4.',
];

export async function seedDemoCaseHabit(
  site: SandboxSite,
  history: readonly HistoryIssue[],
  admin: string,
): Promise<void> {
  const { sqlRepositories } = appModule<typeof import('../src/adapters/sql/repositories')>(
    'adapters',
    'sql',
    'repositories',
  );
  const sql = appModule<typeof import('../src/adapters/sql')>('adapters', 'sql');
  const targets = appModule<typeof import('../src/app/settings/lineTargets')>('app', 'settings', 'lineTargets');
  const { ConfigStore } = appModule<typeof import('../src/adapters/kvs')>('adapters', 'kvs');
  const store = sqlRepositories.caseHabit;
  await invokeFunction(
    async () => {
      const caseIds = await sql.query('SELECT id FROM itr_case ORDER BY id LIMIT 10', [], (r) => Number(r['id']));
      for (const [i, hi] of history.entries()) {
        const id = site.jira.issue(hi.key).id;
        const [first] = staysOf(id, hi);
        if (first === undefined) continue;
        if ((await store.searchesOf(id, 1)).count > 0) continue;
        const engineer = first.holderAccountId;
        // 6 in 10 searched before work, 2 in 10 only after the first line change, 2 in 10 never.
        const habit = i % 10;
        if (habit < 8) {
          const at =
            habit < 6
              ? new Date(first.enteredAt.getTime() + 5 * MINUTE)
              : new Date(first.leftAt.getTime() + 30 * MINUTE);
          await store.recordSearch(id, {
            accountId: engineer,
            at,
            query: QUERIES[i % QUERIES.length] ?? '',
            source: 'search',
          });
        }
        // Decisions: a new case, an improved one, none with a reason, or (1 in 4) none recorded yet.
        const decidedAt = new Date(hi.resolvedAt.getTime() + 10 * MINUTE);
        const caseId = caseIds[i % Math.max(1, caseIds.length)] ?? null;
        const kind = i % 4;
        if (kind === 3) continue;
        if (kind < 2 && caseId !== null)
          await store.saveDecision(id, {
            decision: kind === 0 ? 'newCase' : 'improvedCase',
            caseId,
            reason: '',
            decidedBy: engineer,
            decidedAt,
          });
        else
          await store.saveDecision(id, {
            decision: 'none',
            caseId: null,
            reason: NO_CASE_REASONS[i % NO_CASE_REASONS.length] ?? '',
            decidedBy: engineer,
            decidedAt,
          });
      }
      // The admin asks more of the first line than the process's 80 %.
      const config = new ConfigStore();
      if ((await targets.loadLineTargets(config)).revision === 0)
        await config.set(targets.LINE_TARGETS_KEY, { L1: 0.85, L2: 0.8, L3: 0.8 }, targets.lineTargetsCodec, {
          updatedBy: admin,
        });
    },
    undefined,
    { context: { moduleKey: 'issue-updated' } },
  );
}
