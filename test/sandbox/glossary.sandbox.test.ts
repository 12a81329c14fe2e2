/**
 * The demo's product glossary (sandbox/demoGlossary.ts) over the sandbox's HTTP: the admin page's
 * "Case library" subpage reads the demo rows beside the built-in list; an agent may not.
 */
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { DEMO_GLOSSARY } from '../../sandbox/demoGlossary';
import { demoAccountId as byName, invokeAs } from './sandboxHttp';

const ADMIN = byName('陈静');
const MARIA = byName('Maria Lopez'); // triage, no Jira admin

let sandbox: RunningSandbox;
// Started per test: the harness resets its doubles before each.
beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, log: () => undefined });
}, 300_000);
afterEach(async () => {
  await sandbox.stop();
});

async function invoke(accountId: string, functionKey: string, payload: unknown) {
  const { status, text } = await invokeAs(
    sandbox.url,
    accountId,
    { moduleKey: 'itr-grading-admin' },
    functionKey,
    payload,
  );
  return { status, result: status === 200 ? (JSON.parse(text) as { result: unknown }).result : undefined };
}

it('has the demo glossary for the admin, and refuses it to others', async () => {
  expect(await invoke(ADMIN, 'getCaseGlossary', {})).toMatchObject({
    status: 200,
    result: { success: true, data: { entries: [...DEMO_GLOSSARY], revision: 1 } },
  });
  // The sandbox does not even route a non-admin to the admin page's functions; the resolver would refuse too.
  const other = await invoke(MARIA, 'getCaseGlossary', {});
  if (other.status === 200)
    expect(other.result).toMatchObject({ success: false, errors: [{ code: 'NOT_AUTHORIZED' }] });
  else expect(other.status).toBe(403);
}, 120_000);
