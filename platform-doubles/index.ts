/**
 * The platform harness, as tests use it:
 *
 *   import { harness } from './';
 *   const { jira, kvs, queue, sql, runtime } = harness();
 *
 * `setup.ts` (jest `setupFiles`) installs it once per test file, before any module — app code or
 * `@forge/*` — is loaded; `setupAfterEnv.ts` resets the doubles before each test and fails a test
 * that left Jira contract violations behind.
 */
import { ForgeRuntimeHarness } from './forgeRuntime';
import { JiraDouble } from './jiraDouble';
import { KvsDouble } from './kvsDouble';
import { ProductEventsDouble } from './productEvents';
import { QueueDouble } from './queueDouble';
import { SqlBridge } from './sqlBridge';

export interface Harness {
  runtime: ForgeRuntimeHarness;
  jira: JiraDouble;
  kvs: KvsDouble;
  queue: QueueDouble;
  /** Product events (Jira issue events) to the app's `trigger` modules: filters and retries. */
  productEvents: ProductEventsDouble;
  sql: SqlBridge;
  /** Resets runtime, Jira, KVS and queue state (not the SQL database). Runs before every test. */
  reset(): void;
}

// Kept on globalThis, not in a module variable, so that jest.resetModules()/isolateModules() in a
// test still reach the instance the SDK globals were wired to.
const KEY = Symbol.for('itr.forge-harness');

function slot(): { [KEY]?: Harness } {
  return globalThis as { [KEY]?: Harness };
}

export function installHarness(): Harness {
  const existing = slot()[KEY];
  if (existing) return existing;
  const runtime = new ForgeRuntimeHarness();
  const jira = new JiraDouble();
  const kvs = new KvsDouble();
  const queue = new QueueDouble(runtime);
  const productEvents = new ProductEventsDouble(runtime);
  const sql = new SqlBridge();
  runtime.setBackend('jira', (req) => jira.handle(req));
  runtime.setBackend('kvs', (req) => kvs.handle(req));
  runtime.setBackend('queue', (req) => queue.handle(req));
  runtime.setBackend('sql', (req) => sql.handle(req));
  runtime.install();
  const h: Harness = {
    runtime,
    jira,
    kvs,
    queue,
    productEvents,
    sql,
    reset: () => {
      runtime.reset();
      jira.reset();
      kvs.reset();
      queue.reset();
      productEvents.reset();
    },
  };
  slot()[KEY] = h;
  return h;
}

export function harness(): Harness {
  const h = slot()[KEY];
  if (!h) throw new Error('[forge harness] not installed: is test/harness/setup.ts in jest.config.js setupFiles?');
  return h;
}

export { invokeFunction, invokeResolver } from './invoke';
export type { JiraViolation } from './jiraDouble';
