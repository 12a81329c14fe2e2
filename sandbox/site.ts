/**
 * The running sandbox site: the platform doubles, the manifest, the app's exports and the clock, with
 * the look-ups every route, page and trigger shares (a module's handler, who may browse a project, a
 * user's name). The app and `@forge/api` are passed in, loaded by startSandbox only once the harness
 * globals exist.
 */
import * as path from 'node:path';
import type { Harness } from '../platform-doubles';
import { HARNESS_CLOUD_ARI } from '../platform-doubles/forgeRuntime';
import type { JiraDouble } from '../platform-doubles/jiraDouble';
import type { SandboxClock } from './clock';
import { DEMO_USERS, type DemoUser } from './demoSite';
import type { ManifestModule, SandboxManifest } from './manifest';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const CLOUD_ID = HARNESS_CLOUD_ARI.split('/').pop() ?? 'sandbox';

/** `src/index.ts`'s exports: the handlers the manifest names. */
export type AppExports = Record<string, unknown>;
export type Handler = (...args: unknown[]) => unknown;
export type ForgeApi = typeof import('@forge/api');

export class SandboxSite {
  /** The site's address as pages and Custom UI contexts show it; set once the server listens. */
  baseUrl = '';
  /** Configurations saved through a rule's page while no workflow carries the rule (else they live on the rule itself). */
  readonly unattachedRuleConfigs = new Map<string, string>();

  constructor(
    readonly harness: Harness,
    readonly manifest: SandboxManifest,
    readonly app: AppExports,
    readonly forgeApi: ForgeApi,
    readonly clock: SandboxClock,
    readonly log: (line: string) => void,
  ) {}

  get jira(): JiraDouble {
    return this.harness.jira;
  }

  handlerOf(m: ManifestModule): Handler {
    const fn = m.handlerExport === undefined ? undefined : this.app[m.handlerExport];
    if (typeof fn !== 'function')
      throw new Error(`module ${m.key}: src/index.ts has no export "${String(m.handlerExport)}"`);
    return fn as Handler;
  }

  moduleByKey(key: string): ManifestModule | undefined {
    return this.manifest.modules.find((m) => m.key === key);
  }

  /** Runs `fn` as module `key` of the app, as the platform sets the invocation's context. */
  async withModuleKey<T>(key: string, fn: () => Promise<T>): Promise<T> {
    this.harness.runtime.appContext = { ...this.harness.runtime.appContext, moduleKey: key };
    return fn();
  }

  /** Whether `accountId` may browse the project (the host's pages show only what Jira would). */
  mayBrowse(accountId: string, projectKey: string): boolean {
    const p = this.jira.model.projects.get(projectKey);
    return p !== undefined && (p.browsers === undefined || p.browsers.includes(accountId));
  }

  /** The demo user acting; an unknown id acts as the first one. */
  userOf(accountId: string): DemoUser {
    return DEMO_USERS.find((u) => u.accountId === accountId) ?? (DEMO_USERS[0] as DemoUser);
  }

  isAdmin(accountId: string): boolean {
    return this.userOf(accountId).groups.includes('jira-administrators');
  }

  /** The name Jira shows for a user field's value (`{ accountId }`); null when it holds nobody. */
  displayName(ref: unknown): string | null {
    const id = typeof ref === 'object' && ref !== null ? (ref as { accountId?: unknown }).accountId : undefined;
    if (typeof id !== 'string') return null;
    return this.jira.model.users.get(id)?.displayName ?? id;
  }
}
