/**
 * Pushes any number of events to a Forge async-events queue (`@forge/events` `Queue`), split into
 * pushes the platform accepts: at most 50 events and at most 200 KB (of the JSON event array, as
 * the SDK measures it) per push. Order is kept within and across batches.
 */
import { Queue } from '@forge/events';
import { QueueError, QueueErrorCode } from './queue.errors';

/** Platform limits per push (Forge async events). */
export const MAX_EVENTS_PER_PUSH = 50;
export const MAX_PUSH_BYTES = 200 * 1024;
export const MAX_DELAY_SECONDS = 900;

export interface QueueEvent {
  body: Record<string, unknown>;
  /** 0–900. */
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
}

/** Splits events into batches within the count and size limits (pure; exported for tests). */
export function toBatches(
  events: readonly QueueEvent[],
  maxEvents = MAX_EVENTS_PER_PUSH,
  maxBytes = MAX_PUSH_BYTES,
): QueueEvent[][] {
  const batches: QueueEvent[][] = [];
  let current: QueueEvent[] = [];
  let currentBytes = 2; // "[]"
  for (const e of events) {
    if (e.delayInSeconds !== undefined && !(e.delayInSeconds >= 0 && e.delayInSeconds <= MAX_DELAY_SECONDS)) {
      throw new QueueError(
        QueueErrorCode.BadDelay,
        `delayInSeconds must be 0–${MAX_DELAY_SECONDS}, got ${e.delayInSeconds}`,
      );
    }
    const bytes = Buffer.byteLength(JSON.stringify(e));
    if (bytes + 2 > maxBytes)
      throw new QueueError(
        QueueErrorCode.EventTooLarge,
        `one event is ${bytes} bytes; a push carries at most ${maxBytes}`,
      );
    const added = bytes + (current.length > 0 ? 1 : 0); // comma between elements
    if (current.length >= maxEvents || currentBytes + added > maxBytes) {
      batches.push(current);
      current = [];
      currentBytes = 2;
    }
    currentBytes += bytes + (current.length > 0 ? 1 : 0);
    current.push(e);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Pushes `events` to queue `queueKey` in as few pushes as the limits allow; returns one job id per
 * push. A failed push stops the rest and throws QUEUE_PUSH_FAILED carrying the job ids already
 * pushed, so the caller can tell what will still be delivered.
 */
export async function pushInBatches(queueKey: string, events: readonly QueueEvent[]): Promise<string[]> {
  const queue = new Queue({ key: queueKey });
  const jobIds: string[] = [];
  for (const batch of toBatches(events)) {
    try {
      const { jobId } = await queue.push(batch);
      jobIds.push(jobId);
    } catch (e) {
      throw new QueueError(
        QueueErrorCode.PushFailed,
        `push of ${batch.length} event(s) to ${queueKey} failed: ${e instanceof Error ? e.message : String(e)}`,
        jobIds,
        e,
      );
    }
  }
  return jobIds;
}
