/** The queue double through the real `@forge/events`. */
import { InvocationError, InvocationErrorCode, PayloadTooBigError, Queue, RateLimitError, TooManyEventsError } from '@forge/events';
import type { AsyncEventShape } from './queueDouble';
import { harness } from './index';

const { queue } = harness();

describe('queue double', () => {
  it('delivers pushed events to the registered consumer in the platform shape on drain()', async () => {
    const seen: AsyncEventShape[] = [];
    queue.registerConsumer('escalations', (event) => {
      seen.push(event as AsyncEventShape);
    });
    const { jobId } = await new Queue({ key: 'escalations' }).push([{ body: { issueId: '10001' } }, { body: { issueId: '10002' }, delayInSeconds: 60 }]);
    expect(seen).toHaveLength(0);
    const report = await queue.drain();
    expect(report.delivered).toBe(2);
    expect(seen.map((e) => e.body)).toEqual([{ issueId: '10001' }, { issueId: '10002' }]);
    expect(seen[0]).toEqual({ body: { issueId: '10001' }, queueName: 'escalations', jobId, eventId: expect.any(String) });
    expect(seen[1]?.delayInSeconds).toBe(60);
  });

  it('retries an event whose consumer returns or throws InvocationError, with retryContext', async () => {
    const attempts: Array<number | undefined> = [];
    queue.registerConsumer('q', (event) => {
      const e = event as AsyncEventShape;
      attempts.push(e.retryContext?.retryCount);
      if (attempts.length === 1) return new InvocationError({ retryAfter: 30, retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED, retryData: { page: 2 } });
      if (attempts.length === 2) throw new InvocationError({ retryAfter: 10, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
      return undefined;
    });
    const before = queue.now;
    await new Queue({ key: 'q' }).push({ body: { n: 1 } });
    const report = await queue.drain();
    expect(attempts).toEqual([undefined, 1, 2]);
    expect(report).toMatchObject({ delivered: 3, retried: 2, failed: [] });
    expect(queue.now - before).toBe(40_000);
    expect(queue.deliveries[1]?.event.retryContext).toEqual({ retryCount: 1, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { page: 2 } });
  });

  it('gives up after maxRetries', async () => {
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

  it('rethrows a consumer crash from drain()', async () => {
    queue.registerConsumer('q', () => {
      throw new Error('boom');
    });
    await new Queue({ key: 'q' }).push({ body: {} });
    await expect(queue.drain()).rejects.toThrow(/boom/);
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
