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
 * Time is virtual: delays, `retryAfter` and backoff move a clock, nobody waits. As documented
 * (forge-docs: runtime-reference/async-events-api, "Retries" and "Delivery guarantees"), an event is
 * retried until it is delivered or its 24-hour retention window ends, then dropped:
 *  - a consumer that returns an `InvocationError` (`{_retry: true, retryOptions}`) is redelivered
 *    after `retryAfter` (lowered to 900 s), with `retryContext.retryCount` counting up;
 *  - a consumer that throws (an app-level error, a thrown `InvocationError` included) is redelivered
 *    with exponential backoff up to ~15 minutes: a permanent failure that is rethrown shows up as
 *    about a hundred deliveries, and `drain()` rethrows it once the event is dropped.
 * `maxRetries` is an optional cap for tests (default: none, as on the platform).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { type ForgeRuntimeHarness, HARNESS_CLOUD_ARI, type RoutedRequest } from './forgeRuntime';
import { isRecord, jsonResponse, parseJsonBody } from './http';

export const QUEUE_MAX_EVENTS_PER_PUSH = 50;
export const QUEUE_MAX_PAYLOAD_BYTES = 200 * 1024;
export const QUEUE_MAX_DELAY_SECONDS = 900;
// forge-docs: runtime-reference/async-events-api (RetryOptions: "lowered to 900 seconds")
export const QUEUE_MAX_RETRY_AFTER_SECONDS = 900;
// forge-docs: runtime-reference/async-events-api ("Retention window ... lasts for 24 hours"; app-level errors do not extend it)
export const QUEUE_RETENTION_WINDOW_MS = 24 * 3600 * 1000;
/**
 * Backoff after a thrown error: the docs say "exponential backoff, with intervals reaching up to
 * approximately 15 minutes"; the first interval and the factor are the double's choice (10 s, ×2).
 */
export const QUEUE_BACKOFF_FIRST_SECONDS = 10;
export const QUEUE_BACKOFF_MAX_SECONDS = 900;
/** Double's choice: the docs name no retryReason for a thrown error. */
export const QUEUE_THROWN_RETRY_REASON = 'FUNCTION_RUNTIME_ERROR';
/** Platform cap on pushes chained from one original invocation. */
export const QUEUE_CYCLIC_INVOCATION_LIMIT = 1000;

export interface AsyncEventShape {
  body: Record<string, unknown>;
  queueName: string;
  jobId: string;
  eventId: string;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
  retryContext?: {
    retryCount: number;
    retryReason: string;
    retryData: unknown;
    retentionWindow?: { startTime: string; remainingTimeMs: number };
  };
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
  /** When the event was enqueued: its retention window starts there. */
  enqueuedAt: number;
}

export interface DeliveryRecord {
  event: AsyncEventShape;
  /**
   * `failed`: the consumer threw (it is retried); `dropped`: the retention window ended before the
   * next attempt; `retries-exhausted`: the test's `maxRetries` cap.
   */
  outcome: 'success' | 'retry' | 'failed' | 'dropped' | 'retries-exhausted';
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

function isRetryRequest(
  x: unknown,
): x is { _retry: true; retryOptions?: { retryAfter?: number; retryReason?: string; retryData?: unknown } } {
  return isRecord(x) && x['_retry'] === true;
}

export class QueueDouble {
  deliveryMode: 'drain' | 'immediate' = 'drain';
  /** Optional cap on retries after the first delivery; the platform has none but the retention window. */
  maxRetries = Number.POSITIVE_INFINITY;
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
    this.maxRetries = Number.POSITIVE_INFINITY;
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
    this.faults.push({
      skip: options.skip ?? 0,
      remaining: count,
      status,
      body: options.body ?? { message: 'injected' },
    });
  }

  /** Virtual time, epoch ms. */
  get now(): number {
    return this.clockMs;
  }

  /** Events waiting (including delayed and retrying ones). */
  pendingEvents(queueName?: string): AsyncEventShape[] {
    return this.pending
      .filter((p) => !p.cancelled && (queueName === undefined || p.event.queueName === queueName))
      .map((p) => p.event);
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
      return jsonResponse(400, {
        message: `This push contains ${payload.length} events; at most ${QUEUE_MAX_EVENTS_PER_PUSH} are allowed.`,
      });
    }
    const payloadBytes = Buffer.byteLength(JSON.stringify(payload));
    if (payloadBytes > QUEUE_MAX_PAYLOAD_BYTES || Buffer.byteLength(rawText) > QUEUE_MAX_PAYLOAD_BYTES + 4096) {
      return jsonResponse(413, {
        errorMessage: `The maximum payload size is ${QUEUE_MAX_PAYLOAD_BYTES / 1024}KB (got ${payloadBytes} bytes).`,
      });
    }
    const events: PushRecord['events'] = [];
    for (const e of payload) {
      if (!isRecord(e) || !isRecord(e['body'])) return jsonResponse(400, { message: 'Event body must be an object.' });
      const delay = e['delayInSeconds'];
      if (delay !== undefined && (typeof delay !== 'number' || delay < 0 || delay > QUEUE_MAX_DELAY_SECONDS)) {
        return jsonResponse(400, {
          message: `The delayInSeconds setting must be between 0 and ${QUEUE_MAX_DELAY_SECONDS}.`,
        });
      }
      events.push({ body: e['body'], ...(typeof delay === 'number' ? { delayInSeconds: delay } : {}) });
    }
    const parent = this.current.getStore();
    const chain = parent ? parent.chain + 1 : 0;
    if (chain > QUEUE_CYCLIC_INVOCATION_LIMIT)
      return jsonResponse(405, { message: 'The limit on cyclic invocation has been reached.' });
    this.pushes.push({ queueName, jobId, events });
    const added: PendingEvent[] = payload.filter(isRecord).map((e) => {
      const event: AsyncEventShape = {
        body: structuredClone(e['body'] as Record<string, unknown>),
        queueName,
        jobId,
        eventId: randomUUID(),
      };
      if (typeof e['delayInSeconds'] === 'number') event.delayInSeconds = e['delayInSeconds'];
      if (
        isRecord(e['concurrency']) &&
        typeof e['concurrency']['key'] === 'string' &&
        typeof e['concurrency']['limit'] === 'number'
      ) {
        event.concurrency = { key: e['concurrency']['key'], limit: e['concurrency']['limit'] };
      }
      return {
        event,
        availableAt: this.clockMs + (event.delayInSeconds ?? 0) * 1000,
        chain,
        cancelled: false,
        enqueuedAt: this.clockMs,
      };
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
      if (report.delivered >= max)
        throw new Error(`[queue double] more than ${max} deliveries in one drain: a consumer loop?`);
      const next = this.takeNext();
      if (!next) break;
      const { record } = await this.deliverOnce(next);
      report.delivered += 1;
      if (record.outcome === 'retry' || record.outcome === 'failed') report.retried += 1;
      if (record.outcome === 'dropped' || record.outcome === 'retries-exhausted') report.failed.push(record);
    }
    const thrown = report.failed.filter((f) => f.error !== undefined);
    if (thrown.length > 0 && options.throwOnFailure !== false) {
      const first = thrown[0]?.error;
      throw new Error(
        `[queue double] ${thrown.length} event(s) kept failing in their consumer until dropped; first: ${first instanceof Error ? (first.stack ?? first.message) : String(first)}`,
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
      if (record.outcome === 'dropped' && record.error !== undefined)
        throw record.error instanceof Error ? record.error : new Error(String(record.error));
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
        ? {
            call: { functionKey: reg.functionKey ?? 'event-listener', payload: p.event.body, jobId: p.event.jobId },
            context,
          }
        : structuredClone(p.event);
    // Consumers run as the app: no user principal, fresh remaining time per invocation is the test's call.
    return this.current.run(p, () => this.runtime.runAs(undefined, async () => await reg.handler(payload, context)));
  }

  private async deliverOnce(p: PendingEvent): Promise<{ record: DeliveryRecord; retry?: PendingEvent }> {
    const reg = this.consumers.get(p.event.queueName);
    if (!reg)
      throw new Error(
        `[queue double] no consumer registered for queue "${p.event.queueName}" (queue.registerConsumer)`,
      );
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
    // A returned InvocationError asks for a retry; anything thrown is an app-level error, retried with backoff.
    const requested = !didThrow && isRetryRequest(outcome) ? outcome : undefined;
    if (requested === undefined && !didThrow) {
      stats.success += 1;
      record = { event: p.event, outcome: 'success', at: this.clockMs };
    } else {
      const retryCount = (p.event.retryContext?.retryCount ?? 0) + 1;
      const opts = requested?.retryOptions ?? {};
      const afterSeconds =
        requested !== undefined
          ? Math.min(Math.max(opts.retryAfter ?? 1, 1), QUEUE_MAX_RETRY_AFTER_SECONDS)
          : Math.min(QUEUE_BACKOFF_FIRST_SECONDS * 2 ** (retryCount - 1), QUEUE_BACKOFF_MAX_SECONDS);
      const nextAt = this.clockMs + afterSeconds * 1000;
      const windowEnds = p.enqueuedAt + QUEUE_RETENTION_WINDOW_MS;
      const error = didThrow ? { error: thrown } : {};
      if (retryCount > this.maxRetries) {
        stats.failed += 1;
        record = { event: p.event, outcome: 'retries-exhausted', ...error, at: this.clockMs };
      } else if (nextAt > windowEnds) {
        // forge-docs: runtime-reference/async-events-api ("Exceeding retention window": the event is dropped)
        stats.failed += 1;
        record = { event: p.event, outcome: 'dropped', ...error, at: this.clockMs };
      } else {
        const event: AsyncEventShape = {
          ...p.event,
          retryContext: {
            retryCount,
            retryReason:
              requested !== undefined ? (opts.retryReason ?? 'FUNCTION_RETRY_REQUEST') : QUEUE_THROWN_RETRY_REASON,
            retryData: opts.retryData,
            retentionWindow: { startTime: new Date(p.enqueuedAt).toISOString(), remainingTimeMs: windowEnds - nextAt },
          },
        };
        retry = { event, availableAt: nextAt, chain: p.chain, cancelled: false, enqueuedAt: p.enqueuedAt };
        this.pending.push(retry);
        record = { event: p.event, outcome: didThrow ? 'failed' : 'retry', ...error, at: this.clockMs };
      }
    }
    this.deliveries.push(record);
    return retry ? { record, retry } : { record };
  }
}
