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
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, log: () => undefined });
}, 300_000);
afterAll(async () => {
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
  expect(status).toBe(200);
  return (JSON.parse(text) as { result: { success: boolean; data?: unknown; errors?: Array<{ code: string }> } })
    .result;
}

it('has the demo glossary for the admin, and refuses it to others', async () => {
  expect(await invoke(ADMIN, 'getCaseGlossary', {})).toMatchObject({
    success: true,
    data: { entries: [...DEMO_GLOSSARY], revision: 1 },
  });
  expect(await invoke(MARIA, 'getCaseGlossary', {})).toMatchObject({
    success: false,
    errors: [{ code: 'NOT_AUTHORIZED' }],
  });
}, 120_000);
