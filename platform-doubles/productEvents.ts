/**
 * Forge product events ("Atlassian app events") delivered to the app's `trigger` modules, with
 * exactly the retries the documentation promises and no kinder:
 *
 *  - a handler that RETURNS an `InvocationError` (`@forge/events`) is retried at most 4 times, after
 *    its `retryAfter` (lowered to 900 s), with `retryContext` {retryCount, retryReason, retryData};
 *  - a platform error (time-out, out of memory: `failNextInvocation`) is retried by the platform;
 *  - a THROWN error (an `InvocationError` thrown instead of returned included) is an application
 *    error the docs promise nothing for: not retried, the event is lost;
 *  - `filter.ignoreSelf` drops events the app caused itself, else they arrive with
 *    `selfGenerated: true`; `filter.expression` is evaluated on `{event}` (true → delivered, false
 *    → dropped, anything else → `onError`).
 *
 * Time is virtual (`now`): `retryAfter` and delivery delays move a clock, nobody waits. Events are
 * delivered by `drain()`, or at once when `deliveryMode = 'immediate'` (the sandbox).
 */
import { randomUUID } from 'node:crypto';
import type { ForgeRuntimeHarness } from './forgeRuntime';
import { HARNESS_CLOUD_ARI } from './forgeRuntime';
import { isRecord } from './http';
import type { JiraDouble } from './jiraDouble';
import { evaluateTriggerFilter } from './triggerFilterExpression';

// forge-docs: events-reference/product_events ("You can only retry an event for a maximum of four times")
export const PRODUCT_EVENT_MAX_RETRIES = 4;
// forge-docs: events-reference/product_events ("retryAfter values exceeding this limit are lowered to 900")
export const PRODUCT_EVENT_MAX_RETRY_AFTER_SECONDS = 900;
// forge-docs: events-reference/product_events ("The maximum retryData size is 4KB")
export const PRODUCT_EVENT_MAX_RETRY_DATA_BYTES = 4096;
// forge-docs: manifest-reference/modules/trigger ("may take up to 3 minutes to reach your app")
export const TRIGGER_MAX_DELIVERY_DELAY_SECONDS = 180;
/**
 * The double's choice: the docs say the platform retries platform errors "automatically" and give
 * neither a count nor a delay. 4 retries, one minute apart.
 */
export const PLATFORM_ERROR_MAX_RETRIES = 4;
export const PLATFORM_ERROR_RETRY_DELAY_SECONDS = 60;

// forge-docs: events-reference/product_events ("Retry for platform level errors", retryReason values)
export type PlatformErrorReason =
  | 'FUNCTION_TIME_OUT'
  | 'FUNCTION_OUT_OF_MEMORY'
  | 'FUNCTION_PLATFORM_RATE_LIMITED'
  | 'FUNCTION_PLATFORM_UNKNOWN_ERROR';
// forge-docs: manifest-reference/modules/trigger (Filter reference, onError)
export type FilterOnError = 'IGNORE_AND_LOG' | 'IGNORE' | 'RECEIVE_AND_LOG' | 'RECEIVE';

export interface TriggerFilter {
  appIsLicensed?: boolean;
  ignoreSelf?: boolean;
  expression?: string;
  onError?: FilterOnError;
}

export type TriggerHandler = (event: unknown, context: unknown) => unknown;

export interface TriggerRegistration {
  /** The manifest module key. */
  key: string;
  events: readonly string[];
  handler: TriggerHandler;
  filter?: TriggerFilter;
}

/**
 * Evaluates a trigger filter expression with the variable `event` (a Map of the payload); returns
 * the value, throws when the evaluation fails. The Jira-expression interpreter of the doubles.
 */
export type FilterExpressionEvaluator = (expression: string, event: Record<string, unknown>) => unknown;

export interface RetryContext {
  retryCount: number;
  retryReason: string;
  retryData?: unknown;
}

export type DeliveryOutcome =
  | 'success'
  /** The handler returned an InvocationError; redelivered later. */
  | 'retry'
  /** A platform error (time-out, OOM); redelivered later. */
  | 'platform-retry'
  /** The handler threw: not retried. */
  | 'failed'
  /** InvocationError after the 4th retry, or a platform error past the double's cap. */
  | 'retries-exhausted'
  /** Dropped before any invocation: `ignoreSelf`, a false filter expression, or a failed one. */
  | 'filtered';

export interface ProductEventRecord {
  triggerKey: string;
  eventType: string;
  outcome: DeliveryOutcome;
  /** Why it was filtered, or the platform error / retry reason. */
  reason?: string;
  retryCount: number;
  error?: unknown;
  at: number;
}

interface Pending {
  id: string;
  trigger: TriggerRegistration;
  payload: Record<string, unknown>;
  availableAt: number;
  /** Retries the app asked for (InvocationError). */
  retryContext?: RetryContext;
  /** Platform retries so far (they do not count against the app's four). */
  platformRetries: number;
}

function isRetryRequest(
  x: unknown,
): x is { _retry: true; retryOptions?: { retryAfter?: unknown; retryReason?: unknown; retryData?: unknown } } {
  return isRecord(x) && x['_retry'] === true;
}

export class ProductEventsDouble {
  deliveryMode: 'drain' | 'immediate' = 'drain';
  /** Seconds between an emitted event and its first delivery (0–180, documented up to 3 minutes). */
  deliveryDelaySeconds = 0;
  /**
   * The filter-expression interpreter: the doubles' Jira-expression interpreter with the documented
   * `event` variable by default; set to undefined and a trigger with `filter.expression` is refused.
   */
  evaluateExpression: FilterExpressionEvaluator | undefined = evaluateTriggerFilter;
  readonly deliveries: ProductEventRecord[] = [];
  /** What the platform would publish to the app logs (filter errors with `*_AND_LOG`). */
  readonly logs: string[] = [];
  private readonly triggers: TriggerRegistration[] = [];
  private pending: Pending[] = [];
  private platformFaults: PlatformErrorReason[] = [];
  private clockMs = Date.UTC(2026, 0, 1);

  constructor(private readonly runtime: ForgeRuntimeHarness) {}

  reset(): void {
    this.deliveryMode = 'drain';
    this.deliveryDelaySeconds = 0;
    this.evaluateExpression = evaluateTriggerFilter;
    this.deliveries.length = 0;
    this.logs.length = 0;
    this.triggers.length = 0;
    this.pending = [];
    this.platformFaults = [];
    this.clockMs = Date.UTC(2026, 0, 1);
  }

  get now(): number {
    return this.clockMs;
  }

  registerTrigger(registration: TriggerRegistration): void {
    if (registration.filter?.expression !== undefined && registration.filter.expression.length > 10_000) {
      // forge-docs: events-reference/product_events ("contain at most 10,000 characters")
      throw new Error(`[product events] trigger ${registration.key}: filter expression longer than 10,000 characters`);
    }
    this.triggers.push(registration);
  }

  /** The next `count` invocations end in a platform error (the handler runs, its outcome is lost). */
  failNextInvocation(count: number, reason: PlatformErrorReason): void {
    for (let i = 0; i < count; i++) this.platformFaults.push(reason);
  }

  pendingCount(): number {
    return this.pending.length;
  }

  /**
   * Jira fires `eventType` with `payload`; `selfGenerated` when the app's own API call caused it.
   * Every subscribed trigger whose filter lets it through gets a delivery.
   */
  async emit(
    eventType: string,
    payload: Record<string, unknown>,
    options: { selfGenerated?: boolean } = {},
  ): Promise<void> {
    const event: Record<string, unknown> = {
      ...structuredClone(payload),
      eventType,
      selfGenerated: options.selfGenerated === true,
    };
    const added: Pending[] = [];
    for (const trigger of this.triggers.filter((t) => t.events.includes(eventType))) {
      const dropped = this.filterReason(trigger, event);
      if (dropped !== undefined) {
        this.deliveries.push({
          triggerKey: trigger.key,
          eventType,
          outcome: 'filtered',
          reason: dropped,
          retryCount: 0,
          at: this.clockMs,
        });
        continue;
      }
      added.push({
        id: randomUUID(),
        trigger,
        payload: structuredClone(event),
        availableAt: this.clockMs + this.delayMs(),
        platformRetries: 0,
      });
    }
    this.pending.push(...added);
    if (this.deliveryMode === 'immediate') for (const p of added) await this.settle(p);
  }

  /** Delivers everything pending, earliest first, retries included; returns what happened. */
  async drain(options: { maxDeliveries?: number } = {}): Promise<ProductEventRecord[]> {
    const start = this.deliveries.length;
    const max = options.maxDeliveries ?? 10_000;
    for (let n = 0; this.pending.length > 0; n++) {
      if (n >= max) throw new Error(`[product events] more than ${max} deliveries in one drain: an event loop?`);
      const next = this.takeNext();
      if (next !== undefined) await this.deliverOnce(next);
    }
    return this.deliveries.slice(start);
  }

  /**
   * Fires the issue events the Jira double recorded since the last call (and forgets them), with
   * Jira's payload shape: `issue {id, key, fields}`, `atlassianId`, `changelog` for updates, `comment`
   * for comments, and
   * `selfGenerated` when the app's own call caused the change.
   */
  async emitFromJira(jira: JiraDouble): Promise<void> {
    for (const e of jira.issueEvents.splice(0)) {
      const issue = jira.model.findIssue(e.issueId);
      if (issue === undefined) continue;
      const f = issue.fields;
      const payload: Record<string, unknown> = {
        issue: {
          id: issue.id,
          key: issue.key,
          fields: { summary: f['summary'], issuetype: f['issuetype'], project: f['project'], status: f['status'] },
        },
        atlassianId: e.causedBy,
        associatedUsers: [{ accountId: e.causedBy }],
      };
      if (e.eventType === 'avi:jira:updated:issue') payload['changelog'] = { id: randomUUID(), items: e.items };
      if (e.eventType === 'avi:jira:commented:issue') {
        // forge-docs: events-reference/jira (comment events: `comment`, the comment with its author and body)
        const comment = issue.comments.find((c) => c.id === e.commentId);
        if (comment === undefined) continue;
        payload['comment'] = jira.model.renderComment(issue, comment);
      }
      await this.emit(e.eventType, payload, { selfGenerated: e.byApp });
    }
  }

  // ----- filters ---------------------------------------------------------------------------------

  /** Why the event does not reach `trigger`, or undefined when it does. */
  private filterReason(trigger: TriggerRegistration, event: Record<string, unknown>): string | undefined {
    const filter = trigger.filter;
    if (filter === undefined) return undefined;
    // forge-docs: manifest-reference/modules/trigger (appIsLicensed: skipped where the app has no active license)
    if (filter.appIsLicensed === true && this.runtime.appContext.license?.isActive !== true) return 'unlicensed';
    // forge-docs: events-reference/product_events ("Detect and filter self-generated events")
    if (filter.ignoreSelf === true && event['selfGenerated'] === true) return 'ignoreSelf';
    if (filter.expression === undefined) return undefined;
    const evaluate = this.evaluateExpression;
    if (evaluate === undefined)
      throw new Error(
        `[product events] trigger ${trigger.key} has a filter expression and no evaluator is set (productEvents.evaluateExpression)`,
      );
    let value: unknown;
    let failure: string | undefined;
    try {
      value = evaluate(filter.expression, event);
      // forge-docs: events-reference/product_events ("Any other evaluation outcome will be considered an error")
      if (typeof value !== 'boolean') failure = `the expression evaluated to ${JSON.stringify(value)}, not a Boolean`;
    } catch (e) {
      failure = e instanceof Error ? e.message : String(e);
    }
    if (failure === undefined) return value === true ? undefined : 'expression';
    // forge-docs: manifest-reference/modules/trigger (onError, default IGNORE_AND_LOG)
    const onError = filter.onError ?? 'IGNORE_AND_LOG';
    if (onError.endsWith('_AND_LOG')) this.logs.push(`trigger ${trigger.key}: filter expression failed: ${failure}`);
    return onError.startsWith('RECEIVE') ? undefined : 'expression-error';
  }

  // ----- delivery --------------------------------------------------------------------------------

  private delayMs(): number {
    return Math.min(Math.max(this.deliveryDelaySeconds, 0), TRIGGER_MAX_DELIVERY_DELAY_SECONDS) * 1000;
  }

  private takeNext(): Pending | undefined {
    let best: Pending | undefined;
    for (const p of this.pending) if (best === undefined || p.availableAt < best.availableAt) best = p;
    if (best === undefined) return undefined;
    this.pending = this.pending.filter((p) => p !== best);
    this.clockMs = Math.max(this.clockMs, best.availableAt);
    return best;
  }

  /** Delivers `p` and its retries now (immediate mode), moving the clock past each wait. */
  private async settle(p: Pending): Promise<void> {
    let cur: Pending | undefined = p;
    while (cur !== undefined) {
      const current: Pending = cur;
      if (!this.pending.includes(current)) return;
      this.pending = this.pending.filter((x) => x !== current);
      this.clockMs = Math.max(this.clockMs, current.availableAt);
      cur = await this.deliverOnce(current);
    }
  }

  private invoke(p: Pending): Promise<unknown> {
    const event =
      p.retryContext === undefined
        ? structuredClone(p.payload)
        : { ...structuredClone(p.payload), retryContext: structuredClone(p.retryContext) };
    const context = {
      installContext: HARNESS_CLOUD_ARI,
      installation: this.runtime.appContext.installation,
      license: this.runtime.appContext.license,
      moduleKey: p.trigger.key,
    };
    // Product-event triggers run as the app; the user who caused the event is in the payload.
    return this.runtime.runAs(undefined, async () => await p.trigger.handler(event, context));
  }

  /** One invocation; returns the scheduled retry, if any. */
  private async deliverOnce(p: Pending): Promise<Pending | undefined> {
    const retryCount = p.retryContext?.retryCount ?? 0;
    const base = { triggerKey: p.trigger.key, eventType: String(p.payload['eventType']), retryCount };
    let outcome: unknown;
    let thrown = false;
    try {
      outcome = await this.invoke(p);
    } catch (e) {
      thrown = true;
      outcome = e;
    }
    const platformError = this.platformFaults.shift();
    if (platformError !== undefined) {
      // forge-docs: events-reference/product_events ("If a platform error occurs, the Forge platform will automatically retry")
      if (p.platformRetries >= PLATFORM_ERROR_MAX_RETRIES) {
        this.deliveries.push({ ...base, outcome: 'retries-exhausted', reason: platformError, at: this.clockMs });
        return undefined;
      }
      this.deliveries.push({ ...base, outcome: 'platform-retry', reason: platformError, at: this.clockMs });
      const retryContext: RetryContext = { retryCount, retryReason: platformError };
      return this.schedule({
        ...p,
        retryContext,
        platformRetries: p.platformRetries + 1,
        availableAt: this.clockMs + PLATFORM_ERROR_RETRY_DELAY_SECONDS * 1000,
      });
    }
    if (thrown) {
      // forge-docs: events-reference/product_events (only a returned InvocationError requests a retry)
      this.deliveries.push({ ...base, outcome: 'failed', error: outcome, at: this.clockMs });
      return undefined;
    }
    if (!isRetryRequest(outcome)) {
      this.deliveries.push({ ...base, outcome: 'success', at: this.clockMs });
      return undefined;
    }
    if (retryCount >= PRODUCT_EVENT_MAX_RETRIES) {
      this.deliveries.push({ ...base, outcome: 'retries-exhausted', reason: 'max retries', at: this.clockMs });
      return undefined;
    }
    const options = outcome.retryOptions ?? {};
    const requested = typeof options.retryAfter === 'number' && options.retryAfter > 0 ? options.retryAfter : 1;
    const after = Math.min(requested, PRODUCT_EVENT_MAX_RETRY_AFTER_SECONDS);
    const reason = typeof options.retryReason === 'string' ? options.retryReason : 'FUNCTION_RETRY_REQUEST';
    const retryContext: RetryContext = { retryCount: retryCount + 1, retryReason: reason };
    // forge-docs: events-reference/product_events (ECO-734: retryData that is not an object is not sent on retry)
    if (isRecord(options.retryData) || Array.isArray(options.retryData)) {
      if (Buffer.byteLength(JSON.stringify(options.retryData)) > PRODUCT_EVENT_MAX_RETRY_DATA_BYTES) {
        // The docs say the 4 KB limit is enforced, not how: the double refuses the retry (its choice).
        this.deliveries.push({ ...base, outcome: 'failed', reason: 'retryData over 4KB', at: this.clockMs });
        return undefined;
      }
      if (isRecord(options.retryData)) retryContext.retryData = structuredClone(options.retryData);
    }
    this.deliveries.push({ ...base, outcome: 'retry', reason, at: this.clockMs });
    return this.schedule({ ...p, retryContext, availableAt: this.clockMs + after * 1000 });
  }

  private schedule(p: Pending): Pending {
    this.pending.push(p);
    return p;
  }
}
