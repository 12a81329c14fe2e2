/** pushInBatches through the real `@forge/events`, delivered by the queue double to a consumer. */
import { pushInBatches, QueueError, QueueErrorCode, toBatches } from '../../src/adapters/queue';
import type { AsyncEventShape } from '../../platform-doubles/queueDouble';
import { harness } from '../../platform-doubles';

const { queue } = harness();

describe('pushInBatches', () => {
  it('splits 120 events into pushes of at most 50 and delivers all of them to the consumer', async () => {
    const received: number[] = [];
    queue.registerConsumer('recompute', (event) => {
      received.push(Number((event as AsyncEventShape).body['n']));
    });
    const jobIds = await pushInBatches(
      'recompute',
      Array.from({ length: 120 }, (_, n) => ({ body: { n } })),
    );
    expect(jobIds).toHaveLength(3);
    expect(queue.pushes.map((p) => p.events.length)).toEqual([50, 50, 20]);
    await queue.drain();
    expect(received).toEqual(Array.from({ length: 120 }, (_, n) => n));
  });

  it('also splits by size so no push exceeds 200 KB', async () => {
    const blob = 'x'.repeat(60 * 1024);
    const batches = toBatches(Array.from({ length: 7 }, () => ({ body: { blob } })));
    expect(batches.map((b) => b.length)).toEqual([3, 3, 1]);
    queue.registerConsumer('big', () => undefined);
    await pushInBatches(
      'big',
      Array.from({ length: 7 }, () => ({ body: { blob } })),
    );
    expect(queue.pushes).toHaveLength(3);
  });

  it('refuses a single event too large to push, and bad delays', () => {
    expect(() => toBatches([{ body: { blob: 'x'.repeat(201 * 1024) } }])).toThrow(QueueError);
    expect(() => toBatches([{ body: {}, delayInSeconds: 901 }])).toThrow(/QUEUE_BAD_DELAY/);
  });

  it('stops at a failed push and reports what was already pushed', async () => {
    queue.registerConsumer('q', () => undefined);
    queue.failNextPush(1, 429, { skip: 1 });
    const e = await pushInBatches(
      'q',
      Array.from({ length: 120 }, () => ({ body: {} })),
    ).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(QueueError);
    expect((e as QueueError).code).toBe(QueueErrorCode.PushFailed);
    expect((e as QueueError).pushedJobIds).toHaveLength(1);
    expect(queue.pushes).toHaveLength(1);
  });
});
