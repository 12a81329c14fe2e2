/**
 * The sandbox delivers product events through the platform double (platform-doubles/productEvents.ts):
 * the manifest's trigger filters apply, and a trigger meeting a passing failure returns an
 * InvocationError that the double retries (a thrown one would be lost).
 */
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { cookieOf, demoAccountId } from './sandboxHttp';

let sandbox: RunningSandbox;
const ANNA = demoAccountId('Anna Schmidt');

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, demoHistory: false, log: () => undefined });
});
afterEach(async () => {
  await sandbox.stop();
});

async function createIssue(summary: string): Promise<void> {
  const res = await fetch(`${sandbox.url}/__create`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookieOf(ANNA), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ project: 'ITR', issuetype: 'Task', summary, description: '' }).toString(),
  });
  expect(res.status).toBe(303);
}

it('a created issue reaches issue-created through the double; a Jira 503 there is returned as InvocationError and retried', async () => {
  const { jira, productEvents } = sandbox.harness;
  // The Jira client tries 4 times within the invocation; the 4th 503 ends the invocation.
  jira.failNext(4, { status: 503, route: 'POST /rest/api/3/app/field/value' });
  await createIssue('Printer on fire');
  const created = productEvents.deliveries.filter((d) => d.triggerKey === 'issue-created-trigger');
  expect(created.map((d) => d.outcome)).toEqual(['retry', 'success']);
});
