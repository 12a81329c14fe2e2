/**
 * jest `setupFilesAfterEnv`: hooks around every test.
 *  - before each test: reset the runtime and the Jira, KVS and queue doubles (seed in `beforeEach`
 *    or in the test, not in `beforeAll`);
 *  - after each test: fail the test if the Jira double recorded a contract violation (a route the
 *    spec does not have, a body or query that breaks the spec, an unsupported JQL construct), even
 *    if the app swallowed the error answer;
 *  - after the file: drop the file's SQL database;
 *  - the app's own logging (one line an event, as on Forge) is expected output, not news: log, info,
 *    warn and debug print nothing unless ITR_TEST_LOGS=1. A test that cares spies on them and asserts;
 *    console.error still prints;
 *  - the app's storage ports get their Forge SQL repositories, as src/index.ts does, for tests that
 *    call a use case directly.
 */
import { harness } from '../../platform-doubles/index';
import '../../src/entry/composition';

if (process.env['ITR_TEST_LOGS'] !== '1') {
  for (const level of ['log', 'info', 'warn', 'debug'] as const) console[level] = () => undefined;
}

beforeEach(() => {
  harness().reset();
});

afterEach(() => {
  harness().jira.assertNoViolations();
});

afterAll(async () => {
  await harness().sql.dispose();
});
