/**
 * A consumer killed mid-batch, for the fault suites: the Nth write of the run (a Jira write, a KVS
 * write or a SQL statement that changes data) fails — before it is applied, or after it is applied
 * with the answer lost — and every later request of the same delivery fails too, as if the function's
 * process had died there. The next delivery runs clean.
 *
 * The platform redelivers an invocation that died (`retryReason` FUNCTION_TIME_OUT /
 * FUNCTION_OUT_OF_MEMORY exist for that); the queue double does not retry a thrown error, so
 * `wrap()` plays the platform: a delivery that died and threw is handed back for a retry. A consumer
 * that returned its own `InvocationError` keeps it.
 */
import type { ConsumerHandler } from '../../platform-doubles/queueDouble';
import type { Harness } from '../../platform-doubles';

export type KillMoment = 'before-apply' | 'after-apply';

interface RoutedLike {
  method: string;
  pathname: string;
  bodyText?: string | undefined;
}

function isWrite(backend: 'jira' | 'kvs' | 'sql', req: RoutedLike): boolean {
  if (backend === 'jira') return req.method !== 'GET' && !/\/(search\/jql|permissions\/check)$/.test(req.pathname);
  if (backend === 'kvs') return /\/(set|delete|transaction)$/.test(req.pathname);
  // Schema migrations are not the consumer's work; SELECTs are reads.
  if (req.pathname.endsWith('/ddl')) return false;
  const q = (() => {
    try {
      const body = JSON.parse(req.bodyText ?? '{}') as { query?: unknown };
      return typeof body.query === 'string' ? body.query : '';
    } catch {
      return '';
    }
  })();
  return !/^\s*(SELECT|WITH|SHOW)\b/i.test(q) && !/__migrations/.test(q);
}

export class KillSwitch {
  /** Writes seen since `arm`. */
  writes = 0;
  /** Deliveries that died. */
  kills = 0;
  private killAt = Number.POSITIVE_INFINITY;
  private moment: KillMoment = 'before-apply';
  private dead = false;

  constructor(private readonly h: Harness) {
    const { runtime, jira, kvs, sql } = h;
    runtime.setBackend('jira', (req) => this.route('jira', req, () => jira.handle(req)));
    runtime.setBackend('kvs', (req) => this.route('kvs', req, () => kvs.handle(req)));
    runtime.setBackend('sql', (req) => this.route('sql', req, () => sql.handle(req)));
  }

  /** The `n`th write from now kills the delivery making it (once). */
  arm(n: number, moment: KillMoment = 'before-apply'): void {
    this.writes = 0;
    this.killAt = n;
    this.moment = moment;
  }

  /** No more kills, and the next request goes through even if a delivery just died. */
  disarm(): void {
    this.killAt = Number.POSITIVE_INFINITY;
    if (this.dead) this.h.runtime.setRemainingTimeMillis(55_000);
    this.dead = false;
  }

  /** Puts the harness's own backends back. */
  uninstall(): void {
    const { runtime, jira, kvs, sql } = this.h;
    runtime.setBackend('jira', (req) => jira.handle(req));
    runtime.setBackend('kvs', (req) => kvs.handle(req));
    runtime.setBackend('sql', (req) => sql.handle(req));
  }

  /** The consumer as the platform runs it: a fresh process per delivery, redelivered if it died. */
  wrap(consumer: ConsumerHandler): ConsumerHandler {
    return async (payload, context) => {
      if (this.dead) this.h.runtime.setRemainingTimeMillis(55_000); // a new process after one that died
      this.dead = false;
      try {
        return await consumer(payload, context);
      } catch (error) {
        if (!this.dead) throw error;
        return { _retry: true, retryOptions: { retryAfter: 60, retryReason: 'FUNCTION_TIME_OUT' } };
      }
    };
  }

  private async route(
    backend: 'jira' | 'kvs' | 'sql',
    req: RoutedLike,
    handle: () => Promise<Response>,
  ): Promise<Response> {
    if (this.dead) throw new Error('killed: the invocation is gone');
    if (!isWrite(backend, req)) return handle();
    this.writes++;
    if (this.writes !== this.killAt) return handle();
    this.dead = true;
    this.kills++;
    // Nothing left to wait for: the Jira client gives up at once instead of backing off.
    this.h.runtime.setRemainingTimeMillis(0);
    if (this.moment === 'after-apply') await handle();
    throw new Error(`killed at write ${this.writes} (${backend} ${req.method} ${req.pathname}, ${this.moment})`);
  }
}
