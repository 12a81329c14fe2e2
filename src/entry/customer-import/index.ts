import '../composition';
import { getAppContext } from '@forge/api';
import type { InvocationError } from '@forge/events';
import { settleConsumerFailure } from '../../adapters/queue';
import { CustomerImport, isImportId, parseImportEvent, platformCustomerImportDeps } from '../../app/customers';

/**
 * Queue consumer of `customer-import` (manifest function `customer-import`): applies one
 * slice of a checked customer CSV and queues the next. A passing failure (SQL connection, rate)
 * hands the event back: the cursor is saved every ROWS_PER_SAVE rows and the upsert is idempotent.
 * A failure no retry fixes marks the import `failed` with its code (the admin commits again to resume).
 */
export async function handler(event: unknown): Promise<InvocationError | void> {
  const body = typeof event === 'object' && event !== null ? (event as Record<string, unknown>)['body'] : undefined;
  const parsed = parseImportEvent(body);
  const use = new CustomerImport(platformCustomerImportDeps(() => getAppContext().invocationRemainingTimeInMillis()));
  if (parsed === null) {
    console.warn('customer-import-consumer: event without importId; ignored');
    return;
  }
  try {
    await use.applySlice(parsed);
  } catch (error) {
    return settleConsumerFailure(
      'customer-import-consumer',
      error,
      (f) => (isImportId(parsed.importId) ? use.markFailed(parsed.importId, f.errorCode) : Promise.resolve()),
      () => new Date(),
      { importId: parsed.importId },
    );
  }
}
