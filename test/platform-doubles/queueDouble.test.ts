/** The queue double through the real `@forge/events`. */
import {
  InvocationError,
  InvocationErrorCode,
  PayloadTooBigError,
  Queue,
  RateLimitError,
  TooManyEventsError,
} from '@forge/events';
import { QUEUE_RETENTION_WINDOW_MS, type AsyncEventShape } from '../../platform-doubles/queueDouble';
import { harness } from '../../platform-doubles/index';

const { queue } = harness();

describe('queue double', () => {
  it('delivers pushed events to the registered consumer in the platform shape on drain()', async () => {
    const seen: AsyncEventShape[] = [];
    queue.registerConsumer('escalations', (event) => {
      seen.push(event as AsyncEventShape);
    });
    const { jobId } = await new Queue({ key: 'escalations' }).push([
      { body: { issueId: '10001' } },
      { body: { issueId: '10002' }, delayInSeconds: 60 },
    ]);
    expect(seen).toHaveLength(0);
    const report = await queue.drain();
    expect(report.delivered).toBe(2);
    expect(seen.map((e) => e.body)).toEqual([{ issueId: '10001' }, { issueId: '10002' }]);
    expect(seen[0]).toEqual({
      body: { issueId: '10001' },
      queueName: 'escalations',
      jobId,
      eventId: expect.any(String),
    });
    expect(seen[1]?.delayInSeconds).toBe(60);
  });

  it('retries an event whose consumer returns InvocationError after retryAfter, with retryContext', async () => {
    const attempts: Array<number | undefined> = [];
    queue.registerConsumer('q', (event) => {
      const e = event as AsyncEventShape;
      attempts.push(e.retryContext?.retryCount);
      if (attempts.length === 1)
        return new InvocationError({
          retryAfter: 30,
          retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
          retryData: { page: 2 },
        });
      if (attempts.length === 2)
        return new InvocationError({ retryAfter: 5000, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
      return undefined;
    });
    const before = queue.now;
    await new Queue({ key: 'q' }).push({ body: { n: 1 } });
    const report = await queue.drain();
    expect(attempts).toEqual([undefined, 1, 2]);
    expect(report).toMatchObject({ delivered: 3, retried: 2, failed: [] });
    // 30 s, then 5000 s lowered to 900 s.
    expect(queue.now - before).toBe(930_000);
    expect(queue.deliveries[1]?.event.retryContext).toEqual({
      retryCount: 1,
      retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED',
      retryData: { page: 2 },
      retentionWindow: {
        startTime: new Date(before).toISOString(),
        remainingTimeMs: QUEUE_RETENTION_WINDOW_MS - 30_000,
      },
    });
  });

  it('retries a consumer that throws, with exponential backoff up to 15 minutes, until it succeeds', async () => {
    let calls = 0;
    queue.registerConsumer('q', () => {
      calls += 1;
      if (calls <= 9) throw new Error('SQL connection dropped');
      return undefined;
    });
    const before = queue.now;
    await new Queue({ key: 'q' }).push({ body: {} });
    const report = await queue.drain();
    expect(calls).toBe(10);
    expect(report.failed).toEqual([]);
    // 10, 20, 40, …, 640, then the 900 s cap twice.
    expect((queue.now - before) / 1000).toBe(10 + 20 + 40 + 80 + 160 + 320 + 640 + 900 + 900);
    expect(queue.deliveries.map((d) => d.outcome)).toEqual([...Array<string>(9).fill('failed'), 'success']);
    expect(queue.deliveries.at(-1)?.event.retryContext?.retryReason).toBe('FUNCTION_RUNTIME_ERROR');
  });

  it('keeps retrying a permanent failure for its whole 24-hour retention window, then drops it (drain rethrows)', async () => {
    let calls = 0;
    queue.registerConsumer('q', () => {
      calls += 1;
      throw new Error('grading table version 7 does not exist');
    });
    const before = queue.now;
    await new Queue({ key: 'q' }).push({ body: {} });
    await expect(queue.drain()).rejects.toThrow(/kept failing.*grading table version 7/s);
    expect(calls).toBeGreaterThan(90);
    expect(queue.now - before).toBeLessThanOrEqual(QUEUE_RETENTION_WINDOW_MS);
    expect(queue.now - before).toBeGreaterThan(QUEUE_RETENTION_WINDOW_MS - 900_000);
    expect(queue.deliveries.at(-1)?.outcome).toBe('dropped');
  });

  it('keeps honouring InvocationError past four retries (no count limit, only the retention window)', async () => {
    let calls = 0;
    queue.registerConsumer('q', () => {
      calls += 1;
      return calls <= 6
        ? new InvocationError({ retryAfter: 60, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST })
        : undefined;
    });
    await new Queue({ key: 'q' }).push({ body: {} });
    const report = await queue.drain();
    expect(calls).toBe(7);
    expect(report.failed).toEqual([]);
  });

  it('gives up after maxRetries when a test sets the cap', async () => {
    queue.maxRetries = 2;
    let calls = 0;
    queue.registerConsumer('q', () => {
      calls += 1;
      return new InvocationError({ retryAfter: 1, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
    });
    await new Queue({ key: 'q' }).push({ body: {} });
    const report = await queue.drain();
    expect(calls).toBe(3);
    expect(report.failed.map((f) => f.outcome)).toEqual(['retries-exhausted']);
  });

  it('delivers twice when asked (at-least-once delivery)', async () => {
    let calls = 0;
    queue.registerConsumer('q', () => {
      calls += 1;
    });
    queue.duplicateNext();
    await new Queue({ key: 'q' }).push([{ body: { a: 1 } }, { body: { a: 2 } }]);
    await queue.drain();
    expect(calls).toBe(3);
  });

  it('delivers inline in immediate mode, including events pushed by the consumer', async () => {
    queue.deliveryMode = 'immediate';
    const order: string[] = [];
    queue.registerConsumer('first', async () => {
      order.push('first');
      await new Queue({ key: 'second' }).push({ body: {} });
    });
    queue.registerConsumer('second', () => {
      order.push('second');
    });
    await new Queue({ key: 'first' }).push({ body: {} });
    expect(order).toEqual(['first', 'second']);
  });

  it('enforces the push limits (SDK-side and platform-side) and injected rate limits', async () => {
    const q = new Queue({ key: 'q' });
    await expect(q.push(Array.from({ length: 51 }, () => ({ body: {} })))).rejects.toBeInstanceOf(TooManyEventsError);
    await expect(q.push({ body: { blob: 'x'.repeat(205 * 1024) } })).rejects.toBeInstanceOf(PayloadTooBigError);
    queue.failNextPush(1, 429);
    await expect(q.push({ body: {} })).rejects.toBeInstanceOf(RateLimitError);
    expect(queue.pushes).toHaveLength(0);
  });

  it('answers job stats and cancels pending events', async () => {
    queue.registerConsumer('q', () => undefined);
    const q = new Queue({ key: 'q' });
    const { jobId } = await q.push([{ body: {} }, { body: {} }]);
    expect(await q.getJob(jobId).getStats()).toEqual({ success: 0, inProgress: 2, failed: 0 });
    await q.cancel(jobId);
    expect(queue.pendingEvents()).toEqual([]);
  });
});
