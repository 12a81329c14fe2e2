/**
 * The product-event double refuses what the platform refuses: each documented rule
 * (forge-docs: events-reference/product_events, manifest-reference/modules/trigger) with a test
 * that fails if the double were kinder.
 */
import { asApp, asUser, route } from '@forge/api';
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { harness } from '../../platform-doubles/index';
import {
  PLATFORM_ERROR_MAX_RETRIES,
  PRODUCT_EVENT_MAX_RETRIES,
  type RetryContext,
} from '../../platform-doubles/productEvents';

const { jira, productEvents, runtime } = harness();
const UPDATED = 'avi:jira:updated:issue';
const issuePayload = { issue: { id: '10001', key: 'ITR-1', fields: {} }, atlassianId: 'u1' };

/** Registers a trigger recording the retryContext of each invocation and answering with `answer`. */
function recordingTrigger(
  answer: (n: number) => unknown,
  filter?: Parameters<typeof productEvents.registerTrigger>[0]['filter'],
): Array<RetryContext | undefined> {
  const seen: Array<RetryContext | undefined> = [];
  productEvents.registerTrigger({
    key: 't',
    events: [UPDATED],
    handler: (event) => {
      seen.push((event as { retryContext?: RetryContext }).retryContext);
      return answer(seen.length);
    },
    ...(filter === undefined ? {} : { filter }),
  });
  return seen;
}

describe('product events: retries', () => {
  it('retries a returned InvocationError after its retryAfter, with retryContext and object retryData', async () => {
    const seen = recordingTrigger((n) =>
      n === 1
        ? new InvocationError({
            retryAfter: 30,
            retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
            retryData: { page: 2 },
          })
        : undefined,
    );
    const before = productEvents.now;
    await productEvents.emit(UPDATED, issuePayload);
    const records = await productEvents.drain();
    expect(records.map((r) => r.outcome)).toEqual(['retry', 'success']);
    expect(seen).toEqual([
      undefined,
      { retryCount: 1, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { page: 2 } },
    ]);
    expect(productEvents.now - before).toBe(30_000);
  });

  it('retries at most four times, then drops the event', async () => {
    const seen = recordingTrigger(
      () => new InvocationError({ retryAfter: 1, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST }),
    );
    await productEvents.emit(UPDATED, issuePayload);
    const records = await productEvents.drain();
    expect(seen).toHaveLength(PRODUCT_EVENT_MAX_RETRIES + 1);
    expect(PRODUCT_EVENT_MAX_RETRIES).toBe(4);
    expect(records.at(-1)?.outcome).toBe('retries-exhausted');
    expect(seen.at(-1)?.retryCount).toBe(4);
  });

  it('lowers a retryAfter over 900 s to 900 s', async () => {
    recordingTrigger((n) =>
      n === 1
        ? new InvocationError({ retryAfter: 3600, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST })
        : undefined,
    );
    const before = productEvents.now;
    await productEvents.emit(UPDATED, issuePayload);
    await productEvents.drain();
    expect(productEvents.now - before).toBe(900_000);
  });

  it('does not send retryData that is not an object (ECO-734)', async () => {
    const seen = recordingTrigger((n) =>
      n === 1
        ? new InvocationError({
            retryAfter: 5,
            retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
            retryData: 'page-2',
          })
        : undefined,
    );
    await productEvents.emit(UPDATED, issuePayload);
    await productEvents.drain();
    expect(seen[1]).toEqual({ retryCount: 1, retryReason: 'FUNCTION_RETRY_REQUEST' });
  });

  it('does not retry a thrown error, nor an InvocationError thrown instead of returned', async () => {
    const seen = recordingTrigger(() => {
      throw new Error('Jira answered 503');
    });
    await productEvents.emit(UPDATED, issuePayload);
    expect((await productEvents.drain()).map((r) => r.outcome)).toEqual(['failed']);
    expect(seen).toHaveLength(1);

    productEvents.reset();
    const thrown = recordingTrigger(() => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- the SDK's InvocationError is not an Error
      throw new InvocationError({ retryAfter: 1, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
    });
    await productEvents.emit(UPDATED, issuePayload);
    expect((await productEvents.drain()).map((r) => r.outcome)).toEqual(['failed']);
    expect(thrown).toHaveLength(1);
  });

  it("retries a platform error (time-out, out of memory) without using up the app's four retries", async () => {
    const seen = recordingTrigger((n) =>
      n === 3 || n === 4
        ? new InvocationError({ retryAfter: 1, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST })
        : undefined,
    );
    productEvents.failNextInvocation(1, 'FUNCTION_TIME_OUT');
    productEvents.failNextInvocation(1, 'FUNCTION_OUT_OF_MEMORY');
    await productEvents.emit(UPDATED, issuePayload);
    const records = await productEvents.drain();
    expect(records.map((r) => r.outcome)).toEqual(['platform-retry', 'platform-retry', 'retry', 'retry', 'success']);
    expect(seen.map((c) => c?.retryReason)).toEqual([
      undefined,
      'FUNCTION_TIME_OUT',
      'FUNCTION_OUT_OF_MEMORY',
      'FUNCTION_RETRY_REQUEST',
      'FUNCTION_RETRY_REQUEST',
    ]);
    expect(seen.map((c) => c?.retryCount ?? 0)).toEqual([0, 0, 0, 1, 2]);
  });

  it('stops retrying platform errors past its own cap (the docs give no number)', async () => {
    const seen = recordingTrigger(() => undefined);
    productEvents.failNextInvocation(PLATFORM_ERROR_MAX_RETRIES + 1, 'FUNCTION_TIME_OUT');
    await productEvents.emit(UPDATED, issuePayload);
    const records = await productEvents.drain();
    expect(seen).toHaveLength(PLATFORM_ERROR_MAX_RETRIES + 1);
    expect(records.at(-1)?.outcome).toBe('retries-exhausted');
  });
});

describe('product events: filters', () => {
  beforeEach(() => {
    jira.seedUser({ accountId: 'u1', displayName: 'Li Lei' });
    jira.defineField({ id: 'customfield_10050', name: 'ITR grade', type: 'string' });
    jira.seedIssue({ key: 'ITR-1', fields: { customfield_10050: 'minor' } });
  });

  it("ignoreSelf: the app's own write does not reach the trigger; a user's write does", async () => {
    const seen = recordingTrigger(() => undefined, { ignoreSelf: true });
    await runtime.runAs(undefined, () =>
      asApp().requestJira(route`/rest/api/3/app/field/value`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          updates: [{ customField: 'customfield_10050', issueIds: [Number(jira.issue('ITR-1').id)], value: 'major' }],
        }),
      }),
    );
    await runtime.runAs('u1', () =>
      asUser().requestJira(route`/rest/api/3/issue/ITR-1`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fields: { summary: 'Printer on fire' } }),
      }),
    );
    expect(jira.issueEvents.map((e) => [e.byApp, e.causedBy === 'u1'])).toEqual([
      [true, false],
      [false, true],
    ]);
    await productEvents.emitFromJira(jira);
    await productEvents.drain();
    expect(productEvents.deliveries.map((r) => [r.outcome, r.reason])).toEqual([
      ['filtered', 'ignoreSelf'],
      ['success', undefined],
    ]);
    expect(seen).toHaveLength(1);
  });

  it('without ignoreSelf, a self-generated event arrives marked selfGenerated: true', async () => {
    const events: unknown[] = [];
    productEvents.registerTrigger({ key: 't', events: [UPDATED], handler: (e) => void events.push(e) });
    await productEvents.emit(UPDATED, issuePayload, { selfGenerated: true });
    await productEvents.drain();
    expect(events).toEqual([expect.objectContaining({ selfGenerated: true, eventType: UPDATED })]);
  });

  it('expression: true delivers, false drops, a failure follows onError (default: dropped and logged)', async () => {
    productEvents.evaluateExpression = (expression, event) => {
      if (expression === 'fails') throw new Error('no such property');
      if (expression === 'number') return 1;
      return (event['issue'] as { key: string }).key === expression;
    };
    const delivered: string[] = [];
    for (const [key, expression, onError] of [
      ['yes', 'ITR-1', undefined],
      ['no', 'ITR-2', undefined],
      ['broken', 'fails', undefined],
      ['not-boolean', 'number', 'IGNORE'],
      ['received', 'fails', 'RECEIVE'],
    ] as const) {
      productEvents.registerTrigger({
        key,
        events: [UPDATED],
        handler: () => void delivered.push(key),
        filter: { expression, ...(onError === undefined ? {} : { onError }) },
      });
    }
    await productEvents.emit(UPDATED, issuePayload);
    await productEvents.drain();
    expect(delivered.sort()).toEqual(['received', 'yes']);
    expect(productEvents.logs).toEqual([
      expect.stringContaining('trigger broken: filter expression failed: no such property'),
    ]);
  });

  it('refuses to guess a filter expression it has no interpreter for', async () => {
    productEvents.evaluateExpression = undefined;
    productEvents.registerTrigger({
      key: 't',
      events: [UPDATED],
      handler: () => undefined,
      filter: { ignoreSelf: true, expression: 'true' },
    });
    await expect(productEvents.emit(UPDATED, issuePayload)).rejects.toThrow(/no evaluator/);
  });

  it('appIsLicensed: skipped where the license is not active', async () => {
    const seen = recordingTrigger(() => undefined, { appIsLicensed: true });
    runtime.appContext.license = { isActive: false };
    await productEvents.emit(UPDATED, issuePayload);
    await productEvents.drain();
    expect(productEvents.deliveries.map((r) => r.reason)).toEqual(['unlicensed']);
    expect(seen).toHaveLength(0);
  });

  describe('filter expressions through the Jira-expression interpreter (the default)', () => {
    const deliveredFor = async (expression: string, onError?: 'IGNORE_AND_LOG' | 'RECEIVE'): Promise<string[]> => {
      productEvents.registerTrigger({
        key: 'f',
        events: [UPDATED],
        handler: () => undefined,
        filter: { expression, ...(onError === undefined ? {} : { onError }) },
      });
      await productEvents.emit(UPDATED, {
        issue: { id: '10001', key: 'ITR-1', fields: { issuetype: { id: '10002', name: 'Incident' } } },
        atlassianId: 'u1',
      });
      await productEvents.drain();
      return productEvents.deliveries.map((d) => `${d.outcome}${d.reason === undefined ? '' : `:${d.reason}`}`);
    };

    it('the documented example: event.issue.fields?.issuetype.name compared, true delivers', async () => {
      expect(await deliveredFor("event.issue.fields?.issuetype.name == 'Incident'")).toEqual(['success']);
    });

    it('false drops the event', async () => {
      expect(await deliveredFor("event.issue.key == 'NOPE-1'")).toEqual(['filtered:expression']);
    });

    // forge-docs: events-reference/product_events (only `event`; "Any other evaluation outcome will be considered an error")
    it.each(['issue.key == "ITR-1"', 'project.key == "ITR"', 'app.id != null'])(
      'refuses a variable the filter context lacks: %s',
      async (expression) => {
        expect(await deliveredFor(expression)).toEqual(['filtered:expression-error']);
        expect(productEvents.logs).toEqual([expect.stringContaining('filter expression failed')]);
      },
    );

    it('a non-Boolean result is an error; RECEIVE delivers anyway', async () => {
      expect(await deliveredFor('event.issue.key', 'RECEIVE')).toEqual(['success']);
    });
  });
});
