/**
 * Lasting fixes in the demo (issue 17): a "Quality Improvement" project where the long-term measures
 * live, and NET-8 (resolved: packet loss on the MPLS link) with its root cause and an open long-term
 * fix, QI-1, assigned to 赵磊 and due in ten days, created through the issue panel's own resolver as
 * Tom Baker (the engineer who found the cause), as an agent would. App modules are required, never
 * imported (they load `@forge/*`, which needs the harness globals first).
 */
import * as path from 'node:path';
import { invokeFunction, invokeResolver } from '../platform-doubles';
import { DEMO_USERS } from './demoSite';
import { REPO_ROOT, type SandboxSite } from './site';

/** The project lasting fixes are created in (the supervision settings' `lastingFix` target). */
export const DEMO_LASTING_FIX_TARGET = { projectKey: 'QI', issueType: 'Task' } as const;
/** The resolved problem whose long-term fix is open in the demo. */
export const DEMO_PROBLEM_WITH_FIX = 'NET-8';

const appModule = <T>(...segments: string[]): T => require(path.join(REPO_ROOT, 'src', ...segments)) as T;
const userNamed = (name: string): string => {
  const u = DEMO_USERS.find((x) => x.displayName === name);
  if (u === undefined) throw new Error(`demo site changed: no user ${name}`);
  return u.accountId;
};

/** The project, NET-8's root cause (kept if a previous start on this database saved one), and its fix. */
export async function seedDemoLastingFix(site: SandboxSite): Promise<void> {
  const { jira } = site;
  jira.seedProject({
    key: DEMO_LASTING_FIX_TARGET.projectKey,
    name: 'Quality Improvement 质量改进',
    browsers: DEMO_USERS.filter((u) => u.role !== 'outsider').map((u) => u.accountId),
  });
  const tom = userNamed('Tom Baker');
  const problem = jira.issue(DEMO_PROBLEM_WITH_FIX);
  const { sqlRepositories } = appModule<typeof import('../src/adapters/sql/repositories')>(
    'adapters',
    'sql',
    'repositories',
  );
  const now = site.clock.now();
  await invokeFunction(
    async () => {
      const { latest } = await sqlRepositories.rootCauses.latestVersion(problem.id);
      if (latest !== undefined) return;
      await sqlRepositories.rootCauses.saveVersion({
        issueId: problem.id,
        draft: {
          whys: [
            'Packets were dropped on the Munich–Vienna MPLS link at peak hours',
            'The link ran at 98 % of its bandwidth',
            'The capacity plan had not been reviewed since the Vienna office doubled',
          ],
          rootCause: 'Our capacity review is not triggered when an office grows',
          shortTermMeasure: 'Bandwidth raised to 1 Gbit/s with the carrier',
          longTermMeasure: 'Make office growth trigger a capacity review of every link it uses',
          technicalZero: 'Link upgraded and monitored for two weeks without loss',
          managementZero: 'The office move checklist gets a capacity review step',
        },
        complete: true,
        flags: '',
        overrideReason: null,
        author: tom,
        at: new Date(now - 2 * 86_400_000),
      });
    },
    undefined,
    { context: { moduleKey: 'issue-updated' } },
  );
  const panel = site.moduleByKey('itr-issue-panel');
  if (panel === undefined) throw new Error('manifest changed: no itr-issue-panel module');
  const due = new Date(now + 10 * 86_400_000).toISOString().slice(0, 10);
  const answer = (await site.withModuleKey(panel.key, () =>
    invokeResolver(
      site.handlerOf(panel),
      'createLastingFix',
      {
        issueKey: DEMO_PROBLEM_WITH_FIX,
        kind: 'longTerm',
        summary: 'Make office growth trigger a capacity review of every link it uses',
        assignee: userNamed('赵磊'),
        dueDate: due,
      },
      {
        accountId: tom,
        context: { moduleKey: panel.key, extension: { issue: { key: DEMO_PROBLEM_WITH_FIX } } },
      },
    ),
  )) as { success: boolean };
  if (!answer.success) throw new Error(`sandbox: the demo lasting fix was refused: ${JSON.stringify(answer)}`);
}
