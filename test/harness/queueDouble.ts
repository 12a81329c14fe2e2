/**
 * Forge async events (`@forge/events` `Queue`) in memory: it accepts the SDK's pushes
 * (`POST /webhook/queue/publish/…` through the `stargate` remote), checks the platform limits again
 * (≤ 50 events and ≤ 200 KB per push, `delayInSeconds` 0–900, ≤ 1000 chained pushes), and delivers
 * each event to the consumer registered for its queue — the app's real exported handler — in the
 * platform's shape:
 *   handler(event: AsyncEvent, context)   with AsyncEvent = {body, queueName, jobId, eventId,
 *                                          retryContext?, delayInSeconds?, concurrency?}
 * (the `@forge/events` ≥ 2 contract; `mode: 'resolver'` gives the 1.x `{call:{functionKey, payload,
 * jobId}, context}` shape instead).
 *
 * Delivery happens on `drain()` (default) or inline during the push (`deliveryMode = 'immediate'`).
 * Time is virtual: delays and `retryAfter` move a clock, nobody waits. A consumer that returns or
 * throws an `InvocationError` (`{_retry: true, retryOptions}`) is retried after `retryAfter`
 * seconds with `retryContext.retryCount` counting up, at most `maxRetries` times. Any other thrown
 * error fails the event (no retry) and `drain()` rethrows it unless told not to.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { ForgeRuntimeHarness, HARNESS_CLOUD_ARI, RoutedRequest } from './forgeRuntime';
import { isRecord, jsonResponse, parseJsonBody } from './http';

export const QUEUE_MAX_EVENTS_PER_PUSH = 50;
export const QUEUE_MAX_PAYLOAD_BYTES = 200 * 1024;
export const QUEUE_MAX_DELAY_SECONDS = 900;
export const QUEUE_MAX_RETRY_AFTER_SECONDS = 900;
/** Platform cap on pushes chained from one original invocation. */
export const QUEUE_CYCLIC_INVOCATION_LIMIT = 1000;

export interface AsyncEventShape {
  body: Record<string, unknown>;
  queueName: string;
  jobId: string;
  eventId: string;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
  retryContext?: { retryCount: number; retryReason: string; retryData: unknown };
}

export type ConsumerHandler = (payload: unknown, context: unknown) => unknown;

export interface ConsumerRegistration {
  handler: ConsumerHandler;
  /** `function` (default, @forge/events ≥ 2) or `resolver` (1.x resolver consumers). */
  mode?: 'function' | 'resolver';
  /** Resolver method name for `mode: 'resolver'`. */
  functionKey?: string;
}

interface PendingEvent {
  event: AsyncEventShape;
  availableAt: number;
  chain: number;
  cancelled: boolean;
}

export interface DeliveryRecord {
  event: AsyncEventShape;
  outcome: 'success' | 'retry' | 'failed' | 'retries-exhausted';
  error?: unknown;
  at: number;
}

export interface DrainReport {
  delivered: number;
  retried: number;
  failed: DeliveryRecord[];
}

export interface PushRecord {
  queueName: string;
  jobId: string;
  events: Array<{ body: Record<string, unknown>; delayInSeconds?: number }>;
}

function isRetryRequest(x: unknown): x is { _retry: true; retryOptions?: { retryAfter?: number; retryReason?: string; retryData?: unknown } } {
  return isRecord(x) && x['_retry'] === true;
}

export class QueueDouble {
  deliveryMode: 'drain' | 'immediate' = 'drain';
  /** Retries after the first delivery (assumed platform default: 4). */
  maxRetries = 4;
  readonly pushes: PushRecord[] = [];
  readonly deliveries: DeliveryRecord[] = [];
  private pending: PendingEvent[] = [];
  private readonly consumers = new Map<string, ConsumerRegistration>();
  private duplicatesLeft = 0;
  private faults: Array<{ skip: number; remaining: number; status: number; body: unknown }> = [];
  private clockMs = Date.UTC(2026, 0, 1);
  private readonly current = new AsyncLocalStorage<PendingEvent>();
  private readonly jobStats = new Map<string, { success: number; failed: number }>();

  constructor(private readonly runtime: ForgeRuntimeHarness) {}

  reset(): void {
    this.deliveryMode = 'drain';
    this.maxRetries = 4;
    this.pushes.length = 0;
    this.deliveries.length = 0;
    this.pending = [];
    this.consumers.clear();
    this.duplicatesLeft = 0;
    this.faults = [];
    this.clockMs = Date.UTC(2026, 0, 1);
    this.jobStats.clear();
  }

  /** Registers the consumer of `queueName` (the manifest's `consumer` module). */
  registerConsumer(queueName: string, registration: ConsumerRegistration | ConsumerHandler): void {
    this.consumers.set(queueName, typeof registration === 'function' ? { handler: registration } : registration);
  }

  /** The next `count` deliveries happen twice (the platform delivers at least once). */
  duplicateNext(count = 1): void {
    this.duplicatesLeft += count;
  }

  /**
   * After letting `skip` pushes through, the next `count` pushes are answered with `status`
   * (429 → RateLimitError, 405 → InvocationLimitReachedError, 413, 5xx → InternalServerError).
   */
  failNextPush(count: number, status: number, options: { body?: unknown; skip?: number } = {}): void {
    this.faults.push({ skip: options.skip ?? 0, remaining: count, status, body: options.body ?? { message: 'injected' } });
  }

  /** Virtual time, epoch ms. */
  get now(): number {
    return this.clockMs;
  }

  /** Events waiting (including delayed and retrying ones). */
  pendingEvents(queueName?: string): AsyncEventShape[] {
    return this.pending.filter((p) => !p.cancelled && (queueName === undefined || p.event.queueName === queueName)).map((p) => p.event);
  }

  // ----- HTTP ------------------------------------------------------------------------------------

  async handle(req: RoutedRequest): Promise<Response> {
    if (req.method !== 'POST') return jsonResponse(405, { message: `${req.method} not allowed` });
    let body: unknown;
    try {
      body = parseJsonBody(req);
    } catch {
      return jsonResponse(400, { message: 'invalid JSON' });
    }
    if (!isRecord(body)) return jsonResponse(400, { message: 'body must be an object' });
    if (req.pathname.startsWith('/webhook/queue/publish/')) return this.publish(body, req.bodyText ?? '');
    if (req.pathname.startsWith('/webhook/queue/stats/')) return this.stats(body);
    if (req.pathname.startsWith('/webhook/queue/cancel/')) return this.cancel(body);
    throw new Error(`[queue double] unknown queue path ${req.pathname}`);
  }

  private async publish(body: Record<string, unknown>, rawText: string): Promise<Response> {
    const fault = this.faults[0];
    if (fault && fault.skip > 0) fault.skip -= 1;
    else if (fault) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.faults.shift();
      return jsonResponse(fault.status, fault.body);
    }
    const queueName = typeof body['queueName'] === 'string' ? body['queueName'] : '';
    const jobId = typeof body['jobId'] === 'string' ? body['jobId'] : '';
    const payload = Array.isArray(body['payload']) ? body['payload'] : [];
    if (!/^[a-zA-Z0-9-_]+$/.test(queueName)) return jsonResponse(400, { message: `invalid queue name "${queueName}"` });
    if (jobId === '') return jsonResponse(400, { message: 'jobId is required' });
    if (payload.length === 0) return jsonResponse(400, { message: 'No events pushed.' });
    if (payload.length > QUEUE_MAX_EVENTS_PER_PUSH) {
      return jsonResponse(400, { message: `This push contains ${payload.length} events; at most ${QUEUE_MAX_EVENTS_PER_PUSH} are allowed.` });
    }
    const payloadBytes = Buffer.byteLength(JSON.stringify(payload));
    if (payloadBytes > QUEUE_MAX_PAYLOAD_BYTES || Buffer.byteLength(rawText) > QUEUE_MAX_PAYLOAD_BYTES + 4096) {
      return jsonResponse(413, { errorMessage: `The maximum payload size is ${QUEUE_MAX_PAYLOAD_BYTES / 1024}KB (got ${payloadBytes} bytes).` });
    }
    const events: PushRecord['events'] = [];
    for (const e of payload) {
      if (!isRecord(e) || !isRecord(e['body'])) return jsonResponse(400, { message: 'Event body must be an object.' });
      const delay = e['delayInSeconds'];
      if (delay !== undefined && (typeof delay !== 'number' || delay < 0 || delay > QUEUE_MAX_DELAY_SECONDS)) {
        return jsonResponse(400, { message: `The delayInSeconds setting must be between 0 and ${QUEUE_MAX_DELAY_SECONDS}.` });
      }
      events.push({ body: e['body'], ...(typeof delay === 'number' ? { delayInSeconds: delay } : {}) });
    }
    const parent = this.current.getStore();
    const chain = parent ? parent.chain + 1 : 0;
    if (chain > QUEUE_CYCLIC_INVOCATION_LIMIT) return jsonResponse(405, { message: 'The limit on cyclic invocation has been reached.' });
    this.pushes.push({ queueName, jobId, events });
    const added: PendingEvent[] = payload.filter(isRecord).map((e) => {
      const event: AsyncEventShape = { body: structuredClone(e['body'] as Record<string, unknown>), queueName, jobId, eventId: randomUUID() };
      if (typeof e['delayInSeconds'] === 'number') event.delayInSeconds = e['delayInSeconds'];
      if (isRecord(e['concurrency']) && typeof e['concurrency']['key'] === 'string' && typeof e['concurrency']['limit'] === 'number') {
        event.concurrency = { key: e['concurrency']['key'], limit: e['concurrency']['limit'] };
      }
      return { event, availableAt: this.clockMs + (event.delayInSeconds ?? 0) * 1000, chain, cancelled: false };
    });
    this.pending.push(...added);
    if (this.deliveryMode === 'immediate') {
      for (const p of added) await this.deliverUntilSettled(p);
    }
    return new Response(null, { status: 201 });
  }

  private stats(body: Record<string, unknown>): Response {
    const jobId = String(body['jobId']);
    const s = this.jobStats.get(jobId);
    const inProgress = this.pending.filter((p) => p.event.jobId === jobId && !p.cancelled).length;
    if (!s && inProgress === 0) return jsonResponse(404, { message: `job ${jobId} not found` });
    return jsonResponse(200, { success: s?.success ?? 0, inProgress, failed: s?.failed ?? 0 });
  }

  private cancel(body: Record<string, unknown>): Response {
    const jobId = String(body['jobId']);
    const hits = this.pending.filter((p) => p.event.jobId === jobId);
    if (hits.length === 0) return jsonResponse(404, { message: `job ${jobId} not found` });
    hits.forEach((p) => (p.cancelled = true));
    this.pending = this.pending.filter((p) => !p.cancelled);
    return new Response(null, { status: 204 });
  }

  // ----- delivery --------------------------------------------------------------------------------

  /**
   * Delivers every pending event (and the retries and new pushes they cause), earliest first,
   * moving virtual time forward as needed. Throws if a consumer failed an event by throwing, unless
   * `throwOnFailure: false`.
   */
  async drain(options: { throwOnFailure?: boolean; maxDeliveries?: number } = {}): Promise<DrainReport> {
    const report: DrainReport = { delivered: 0, retried: 0, failed: [] };
    const max = options.maxDeliveries ?? 10_000;
    while (this.pending.length > 0) {
      if (report.delivered >= max) throw new Error(`[queue double] more than ${max} deliveries in one drain: a consumer loop?`);
      const next = this.takeNext();
      if (!next) break;
      const { record } = await this.deliverOnce(next);
      report.delivered += 1;
      if (record.outcome === 'retry') report.retried += 1;
      if (record.outcome === 'failed' || record.outcome === 'retries-exhausted') report.failed.push(record);
    }
    const thrown = report.failed.filter((f) => f.outcome === 'failed');
    if (thrown.length > 0 && options.throwOnFailure !== false) {
      const first = thrown[0]?.error;
      throw new Error(
        `[queue double] ${thrown.length} event(s) failed in their consumer; first: ${first instanceof Error ? first.stack ?? first.message : String(first)}`,
      );
    }
    return report;
  }

  private takeNext(): PendingEvent | undefined {
    let best = -1;
    for (let i = 0; i < this.pending.length; i++) {
      const p = this.pending[i];
      const b = best >= 0 ? this.pending[best] : undefined;
      if (p && (!b || p.availableAt < b.availableAt)) best = i;
    }
    if (best < 0) return undefined;
    const [p] = this.pending.splice(best, 1);
    if (p) this.clockMs = Math.max(this.clockMs, p.availableAt);
    return p;
  }

  private async deliverUntilSettled(p: PendingEvent): Promise<void> {
    let cur: PendingEvent | undefined = p;
    while (cur) {
      const idx = this.pending.indexOf(cur);
      if (idx < 0) return;
      this.pending.splice(idx, 1);
      this.clockMs = Math.max(this.clockMs, cur.availableAt);
      const { record, retry } = await this.deliverOnce(cur);
      cur = retry;
      if (record.outcome === 'failed') throw record.error instanceof Error ? record.error : new Error(String(record.error));
    }
  }

  private invoke(reg: ConsumerRegistration, p: PendingEvent): Promise<unknown> {
    const context = {
      installContext: HARNESS_CLOUD_ARI,
      installation: this.runtime.appContext.installation,
      license: this.runtime.appContext.license,
    };
    const payload =
      reg.mode === 'resolver'
        ? { call: { functionKey: reg.functionKey ?? 'event-listener', payload: p.event.body, jobId: p.event.jobId }, context }
        : structuredClone(p.event);
    // Consumers run as the app: no user principal, fresh remaining time per invocation is the test's call.
    return this.current.run(p, () => this.runtime.runAs(undefined, async () => reg.handler(payload, context)));
  }

  private async deliverOnce(p: PendingEvent): Promise<{ record: DeliveryRecord; retry?: PendingEvent }> {
    const reg = this.consumers.get(p.event.queueName);
    if (!reg) throw new Error(`[queue double] no consumer registered for queue "${p.event.queueName}" (queue.registerConsumer)`);
    const times = this.duplicatesLeft > 0 ? 2 : 1;
    if (times === 2) this.duplicatesLeft -= 1;
    let outcome: unknown;
    let thrown: unknown;
    let didThrow = false;
    for (let i = 0; i < times; i++) {
      try {
        outcome = await this.invoke(reg, p);
      } catch (e) {
        didThrow = true;
        thrown = e;
        outcome = e;
      }
    }
    const stats = this.jobStats.get(p.event.jobId) ?? { success: 0, failed: 0 };
    this.jobStats.set(p.event.jobId, stats);
    let record: DeliveryRecord;
    let retry: PendingEvent | undefined;
    if (isRetryRequest(outcome)) {
      const retryCount = (p.event.retryContext?.retryCount ?? 0) + 1;
      if (retryCount > this.maxRetries) {
        stats.failed += 1;
        record = { event: p.event, outcome: 'retries-exhausted', at: this.clockMs };
      } else {
        const opts = outcome.retryOptions ?? {};
        const after = Math.min(Math.max(opts.retryAfter ?? 1, 1), QUEUE_MAX_RETRY_AFTER_SECONDS);
        const event: AsyncEventShape = {
          ...p.event,
          retryContext: { retryCount, retryReason: opts.retryReason ?? 'FUNCTION_RETRY_REQUEST', retryData: opts.retryData },
        };
        retry = { event, availableAt: this.clockMs + after * 1000, chain: p.chain, cancelled: false };
        this.pending.push(retry);
        record = { event: p.event, outcome: 'retry', at: this.clockMs };
      }
    } else if (didThrow) {
      stats.failed += 1;
      record = { event: p.event, outcome: 'failed', error: thrown, at: this.clockMs };
    } else {
      stats.success += 1;
      record = { event: p.event, outcome: 'success', at: this.clockMs };
    }
    this.deliveries.push(record);
    return retry ? { record, retry } : { record };
  }
}
