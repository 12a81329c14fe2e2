/**
 * Demo data of issue 17 ("requirements are not problems"): the portal's dark theme, a requirement at
 * L3, with its value assessment as a product manager would have left it: first pending, then handed
 * to R&D with its reason (two versions, so the panel shows the current one and an earlier one).
 */
import * as path from 'node:path';
import { invokeFunction } from '../platform-doubles';
import { DEMO_USERS } from './demoSite';
import { REPO_ROOT, type SandboxSite } from './site';

const appModule = <T>(...segments: string[]): T => require(path.join(REPO_ROOT, 'src', ...segments)) as T;

/** The demo requirement that carries an assessment (demoSite.ts). */
export const ASSESSED_REQUIREMENT_SUMMARY = 'Suggestion: dark mode for the customer portal';
const HOUR = 3_600_000;

export async function seedDemoAssessments(site: SandboxSite): Promise<void> {
  const issue = [...site.jira.model.issues.values()].find((i) => i.fields['summary'] === ASSESSED_REQUIREMENT_SUMMARY);
  const assessor = DEMO_USERS.find((u) => u.role === 'L3')?.accountId;
  if (issue === undefined || assessor === undefined) throw new Error('demo site: no dark-theme requirement to assess');
  const { sqlRepositories } = appModule<typeof import('../src/adapters/sql/repositories')>(
    'adapters',
    'sql',
    'repositories',
  );
  const repo = sqlRepositories.requirementAssessments;
  const now = site.clock.now();
  await invokeFunction(
    async () => {
      // Another sandbox on the same database may have seeded it already.
      if ((await repo.assessmentsOf(issue.id)).length > 0) return;
      const base = {
        expectedValue: '4 enterprise customers ask for it; about 30 % of portal sessions are after 20:00',
        assessedBy: assessor,
      };
      await repo.recordAssessment(issue.id, {
        ...base,
        cost: 'Not estimated yet',
        decision: 'pending',
        reason: '',
        assessedAt: new Date(now - 90 * HOUR),
      });
      await repo.recordAssessment(issue.id, {
        ...base,
        cost: 'About 15 engineer-days (design tokens already support dark mode)',
        decision: 'handToRnd',
        reason: 'Low cost on the existing design tokens; fits the portal roadmap for next quarter',
        assessedAt: new Date(now - 60 * HOUR),
      });
    },
    undefined,
    {},
  );
}
