/**
 * What an admin does first on a new site, done at start through the app's own code: the `itr-close`
 * app property published, the ITR setup run, the demo's support lines saved. Then the demo issues.
 */
import * as path from 'node:path';
import { invokeFunction, invokeResolver } from '../platform-doubles';
import { DEMO_LINE_ROUTING, DEMO_PROJECTS, DEMO_USERS, seedDemoIssues } from './demoSite';
import { REPO_ROOT, type SandboxSite } from './site';

function demoAdmin(): string | undefined {
  return DEMO_USERS.find((u) => u.role === 'admin')?.accountId;
}

/**
 * The `itr-close` app property the close/resolve rules' expressions read (field ids, fallback closers).
 * The app publishes it lazily (issue-created trigger, admin page); an installed site has had issues
 * created long before, so the demo site starts with it published, by the app's own use case.
 */
async function publishDemoCloseProperty(): Promise<void> {
  const { publishCloseProperty } = require(
    path.join(REPO_ROOT, 'src', 'app', 'closure', 'closeProperty'),
  ) as typeof import('../src/app/closure/closeProperty');
  await invokeFunction(() => publishCloseProperty(), undefined, { context: { moduleKey: 'issue-created' } });
}

/**
 * The demo site runs the ITR workflow the app's own setup creates, as an admin's first step on a new
 * site: the setup page's resolver, as the admin, for the ITR projects (issue types, the workflow
 * with its Resolution rules, the projects' workflow schemes, screen fields). It runs before any
 * issue exists, since Jira assigns a workflow scheme by REST only to a project without issues.
 */
async function runDemoSetup(site: SandboxSite): Promise<void> {
  const page = site.moduleByKey('itr-setup');
  const admin = demoAdmin();
  if (page === undefined || admin === undefined) throw new Error('sandbox: no itr-setup module or admin user');
  const call = (fn: string, payload: unknown): Promise<unknown> =>
    site.withModuleKey(page.key, () =>
      invokeResolver(site.handlerOf(page), fn, payload, { accountId: admin, context: { moduleKey: page.key } }),
    );
  let answer = (await call('runSetup', { projectKeys: DEMO_PROJECTS.map((p) => p.key) })) as {
    success: boolean;
    data?: { state: string };
    errors?: unknown;
  };
  while (answer.success && answer.data?.state === 'running') answer = (await call('resumeSetup', {})) as typeof answer;
  if (!answer.success || answer.data?.state !== 'done')
    throw new Error(`sandbox: setup did not finish: ${JSON.stringify(answer)}`);
}

/**
 * The demo's support lines (demoSite.ts `DEMO_LINE_ROUTING`: a round-robin group, a person, unassigned
 * with a group told; a status per line), saved as the admin saves the "Support lines" tab: through the
 * admin page's resolver, so the app checks the people, groups and statuses and stores them itself.
 */
async function saveDemoLineRouting(site: SandboxSite): Promise<void> {
  const page = site.moduleByKey('itr-grading-admin');
  const admin = demoAdmin();
  if (page === undefined || admin === undefined) throw new Error('sandbox: no itr-grading-admin module or admin user');
  const payload = { settings: DEMO_LINE_ROUTING, expectedRevision: 0 };
  const answer = (await site.withModuleKey(page.key, () =>
    invokeResolver(site.handlerOf(page), 'saveSupportLineSettings', payload, {
      accountId: admin,
      context: { moduleKey: page.key },
    }),
  )) as { success: boolean };
  if (!answer.success) throw new Error(`sandbox: the demo support lines were refused: ${JSON.stringify(answer)}`);
}

/** The site set up as its admin would, then the demo issues (which need the setup's workflow). */
export async function setUpDemoSite(site: SandboxSite): Promise<void> {
  await publishDemoCloseProperty();
  await runDemoSetup(site);
  await saveDemoLineRouting(site);
  seedDemoIssues(site.jira, site.clock.now());
}
