/** Stable codes for queue pushes; never rename, only add. */
export const QueueErrorCode = {
  /** One event alone is larger than a push may carry (200 KB). */
  EventTooLarge: 'QUEUE_EVENT_TOO_LARGE',
  /** `delayInSeconds` outside 0–900. */
  BadDelay: 'QUEUE_BAD_DELAY',
  /** The platform refused a push (rate limit, cyclic-invocation limit, outage); earlier batches were pushed. */
  PushFailed: 'QUEUE_PUSH_FAILED',
} as const;

export type QueueErrorCode = (typeof QueueErrorCode)[keyof typeof QueueErrorCode];

export class QueueError extends Error {
  constructor(
    readonly code: QueueErrorCode,
    message: string,
    /** Job ids of the batches pushed before the failure (their events will be delivered). */
    readonly pushedJobIds: string[] = [],
    cause?: unknown,
  ) {
    super(`${code}: ${message}`, cause === undefined ? undefined : { cause });
    this.name = 'QueueError';
  }
}
