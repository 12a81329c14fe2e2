/**
 * The manifest's `scheduledTrigger` modules on the sandbox clock: each `fiveMinute`/`hour`/`day`/`week`
 * of sandbox time (`speed` sandbox seconds per real second), run as the platform would, with no user.
 */
import { invokeFunction } from '../platform-doubles';
import type { ManifestModule } from './manifest';
import { CLOUD_ID, type SandboxSite } from './site';

const INTERVAL_SECONDS: Record<string, number> = { fiveMinute: 300, hour: 3600, day: 86_400, week: 604_800 };

export interface ScheduledTriggers {
  modules: readonly ManifestModule[];
  /** Runs one trigger now, logging the outcome (a failure is logged, not thrown). */
  run(m: ManifestModule): Promise<void>;
  /** Runs every trigger once, one after the other. */
  runAll(): Promise<void>;
  stop(): void;
}

export function scheduleTriggers(site: SandboxSite): ScheduledTriggers {
  const { clock, log } = site;
  const timers: NodeJS.Timeout[] = [];
  const modules = site.manifest.modules.filter((x) => x.type === 'scheduledTrigger');
  const run = (m: ManifestModule): Promise<void> =>
    site
      .withModuleKey(m.key, () =>
        invokeFunction(site.handlerOf(m), {
          context: { cloudId: CLOUD_ID, moduleKey: m.key },
          contextToken: 'sandbox-context-token',
        }),
      )
      .then(
        () => log(`[schedule] ${m.key} ran at sandbox time ${new Date(clock.now()).toISOString()}`),
        (e: unknown) => log(`[schedule] ${m.key} FAILED: ${e instanceof Error ? e.message : String(e)}`),
      );
  for (const m of modules) {
    const seconds = INTERVAL_SECONDS[m.interval ?? ''];
    if (seconds === undefined) {
      log(`[schedule] ${m.key}: unknown interval "${String(m.interval)}", not scheduled`);
      continue;
    }
    const realMs = Math.max(250, (seconds * 1000) / clock.speed);
    const timer = setInterval(() => void run(m), realMs);
    timer.unref();
    timers.push(timer);
    log(`[schedule] ${m.key} every ${m.interval} (${realMs} ms real)`);
  }
  return {
    modules,
    run,
    runAll: async () => {
      for (const m of modules) await run(m);
    },
    stop: () => {
      for (const t of timers) clearInterval(t);
    },
  };
}
