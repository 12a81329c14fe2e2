export { MAX_DELAY_SECONDS, MAX_EVENTS_PER_PUSH, MAX_PUSH_BYTES, pushInBatches, toBatches } from './queuePublisher';
export type { QueueEvent } from './queuePublisher';
export { QueueError, QueueErrorCode } from './queue.errors';
export {
  classifyConsumerFailure,
  retryLater,
  settleConsumerFailure,
  TRANSIENT_RETRY_AFTER_SECONDS,
} from './consumerRetry';
export type { ConsumerFailure } from './consumerRetry';
