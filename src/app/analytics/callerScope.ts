/**
 * What the calling user may see on the supervision page, asked of Jira as that user: the projects they
 * may browse (`GET /rest/api/3/project/search`) and whether they may see per-person figures. The page
 * asks for each chart in its own call; the calls of one page load share one `loadId`, so Jira is asked
 * once per load, not once per chart. The cache key is the caller's accountId (from the invocation
 * context) and the load id: a forged or reused load id can only ever reach the caller's own answers,
 * and at most `SCOPE_TTL_MS` old ones. Without a load id nothing is cached.
 */
import type { JiraClient } from '../../adapters/jira';
import type { AnalyticsSettings } from './settings';

/** How long one page load's answers are reused (ms; range 0–300,000; default 60,000): a load's calls all start within a second. */
export const SCOPE_TTL_MS = 60_000;
/** Most page loads remembered at once per function instance (range 1–10,000; default 500); the oldest goes first. */
export const SCOPE_CACHE_SIZE = 500;

export interface CallerScope {
  /** Upper-cased keys of the projects the caller may browse; empty for an anonymous caller. */
  browsableProjectKeys(): Promise<string[]>;
  /** Jira admins, and members of the settings' groups. */
  maySeePeople(settings: AnalyticsSettings): Promise<boolean>;
  /** Another answer the calls of one load share (e.g. the app's field ids for drill-down JQL), loaded once. */
  shared<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/** Upper-cased keys of the projects `accountId` may browse, asked of Jira as them (all pages); none for an anonymous caller. */
export async function browsableProjectKeys(accountId: string | undefined, jira: JiraClient): Promise<string[]> {
  return accountId === undefined ? [] : (await jira.searchProjects()).map((p) => p.key.toUpperCase());
}

/** Runs `load` once and shares its answer; a failure is not kept, so the next call asks again. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let answer: Promise<T> | undefined;
  return () => {
    answer ??= load().catch((e: unknown) => {
      answer = undefined;
      throw e;
    });
    return answer;
  };
}

function askJira(accountId: string | undefined, jira: () => JiraClient): CallerScope {
  const projects = once(() => browsableProjectKeys(accountId, jira()));
  const admin = once(
    async () => accountId !== undefined && (await jira().myPermissions(['ADMINISTER']))['ADMINISTER'] === true,
  );
  const groups = once(async () =>
    accountId === undefined ? [] : ((await jira().getMyself({ groups: true })).groups ?? []),
  );
  const others = new Map<string, () => Promise<unknown>>();
  return {
    shared<T>(key: string, load: () => Promise<T>): Promise<T> {
      let get = others.get(key);
      if (get === undefined) {
        get = once(load);
        others.set(key, get);
      }
      return get() as Promise<T>;
    },
    browsableProjectKeys: projects,
    async maySeePeople(settings) {
      if (accountId === undefined) return false;
      if (await admin()) return true;
      if (settings.personFigureGroups.length === 0) return false;
      return (await groups()).some((g) => settings.personFigureGroups.includes(g));
    },
  };
}

export class CallerScopes {
  private readonly entries = new Map<string, { at: number; scope: CallerScope }>();

  constructor(
    private readonly ttlMs = SCOPE_TTL_MS,
    private readonly size = SCOPE_CACHE_SIZE,
  ) {}

  of(accountId: string | undefined, loadId: string | undefined, jira: () => JiraClient, nowMs: number): CallerScope {
    if (accountId === undefined || loadId === undefined || loadId === '' || this.ttlMs <= 0)
      return askJira(accountId, jira);
    const key = `${accountId}\u0000${loadId}`;
    const hit = this.entries.get(key);
    if (hit !== undefined && nowMs - hit.at < this.ttlMs) return hit.scope;
    const scope = askJira(accountId, jira);
    this.entries.delete(key);
    this.entries.set(key, { at: nowMs, scope });
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.size && nowMs - e.at < this.ttlMs) break;
      this.entries.delete(k); // Map keeps insertion order: the oldest loads go first
    }
    return scope;
  }
}
