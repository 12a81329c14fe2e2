/**
 * Demo data of decisions that are not one person's (issue 17): on ITR-2 (critical, so the default rule
 * asks for an iron-triangle decision) a collective decision signed by sales and technical, waiting for
 * delivery; a cost approval waiting for an approver and one approved. Written through the app's own
 * SQL repository; the people get the default settings' groups (src/app/decisions/settings.ts):
 * 陈静 (admin) approves costs and is quality, Maria Lopez signs for sales, Tom Baker for technical,
 * 李伟 for delivery. App modules are required, never imported (they need the harness globals first).
 */
import * as path from 'node:path';
import { invokeFunction } from '../platform-doubles';
import { DEMO_USERS } from './demoSite';
import { REPO_ROOT, type SandboxSite } from './site';

const appModule = <T>(...segments: string[]): T => require(path.join(REPO_ROOT, 'src', ...segments)) as T;

const byName = (name: string): string => {
  const u = DEMO_USERS.find((d) => d.displayName === name);
  if (u === undefined) throw new Error(`demo decisions: no demo user ${name}`);
  return u.accountId;
};

/** Who is in which group of the default decision settings. */
const GROUPS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['陈静', ['itr-cost-approvers', 'itr-finance', 'itr-quality']],
  ['Maria Lopez', ['itr-sales']],
  ['Tom Baker', ['itr-technical']],
  ['李伟', ['itr-delivery']],
];

export async function seedDecisionDemo(site: SandboxSite): Promise<void> {
  const { jira } = site;
  for (const [name, groups] of GROUPS) {
    const user = jira.model.users.get(byName(name));
    if (user !== undefined) user.groups.push(...groups.filter((g) => !user.groups.includes(g)));
  }
  const { sqlRepositories } = appModule<typeof import('../src/adapters/sql/repositories')>(
    'adapters',
    'sql',
    'repositories',
  );
  const repo = sqlRepositories.decisions;
  const now = site.clock.now();
  const hoursAgo = (h: number) => new Date(now - h * 3_600_000);
  const issue = jira.issue('ITR-2');
  const other = jira.issue('ITR-3');
  await invokeFunction(async () => {
    await repo.openDecision({
      issueId: issue.id,
      issueKey: 'ITR-2',
      proposal: '更换两台核心交换机的主控板，由华东交付团队今晚上门实施',
      money: false,
      openedBy: byName('李伟'),
      openedAt: hoursAgo(4),
      agreedAt: null,
      qualityInformedAt: null,
    });
    await repo.addSignOff(issue.id, {
      role: 'sales',
      level: 1,
      verdict: 'agree',
      note: 'Customer agreed to a maintenance window tonight.',
      by: byName('Maria Lopez'),
      at: hoursAgo(3.5),
    });
    await repo.addSignOff(issue.id, {
      role: 'technical',
      level: 2,
      verdict: 'agree',
      note: 'Boards in stock at the Shanghai depot.',
      by: byName('Tom Baker'),
      at: hoursAgo(3),
    });
    await repo.requestCost({
      issueId: issue.id,
      issueKey: 'ITR-2',
      kind: 'onSiteVisit',
      amountMinor: 480_000,
      currency: 'CNY',
      description: '两名工程师夜间上门更换主控板',
      status: 'pending',
      requestedBy: byName('李伟'),
      requestedAt: hoursAgo(2.5),
    });
    const credit = await repo.requestCost({
      issueId: other.id,
      issueKey: 'ITR-3',
      kind: 'credit',
      amountMinor: 150_000,
      currency: 'EUR',
      description: 'Service credit for the SSO outage, per the SLA contract.',
      status: 'pending',
      requestedBy: byName('Lucas Weber'),
      requestedAt: hoursAgo(1),
    });
    await repo.moveCost(
      other.id,
      credit,
      'pending',
      'approved',
      byName('陈静'),
      hoursAgo(0.5),
      'Within the SLA terms.',
    );
  }, {});
  site.log(
    '[demo] an iron-triangle decision on ITR-2 (2 of 3 roles) and two cost approvals (ITR-2 pending, ITR-3 approved)',
  );
}
