/**
 * The manifest's `consumer` modules on the harness queue: pushes are delivered inline to the consumer
 * the manifest names for the queue, as the platform would shortly after the push (function consumers,
 * or resolver consumers with their `method`), so a trigger that enqueues work sees it done.
 */
import type { SandboxSite } from './site';

export function registerConsumers(site: SandboxSite): void {
  const queues = site.harness.queue;
  for (const m of site.manifest.modules.filter((x) => x.type === 'consumer')) {
    const queue = m.raw['queue'];
    if (typeof queue !== 'string' || m.handlerExport === undefined) continue;
    const resolver = m.raw['resolver'];
    const method =
      typeof resolver === 'object' && resolver !== null ? (resolver as { method?: unknown }).method : undefined;
    const handler = site.handlerOf(m);
    queues.registerConsumer(
      queue,
      typeof method === 'string' ? { handler, mode: 'resolver', functionKey: method } : { handler },
    );
    site.log(`[queue] ${queue} → ${m.key}`);
  }
  queues.deliveryMode = 'immediate';
}
