/**
 * The only file that touches `@forge/bridge`. Everything else asks for context, resolver calls
 * and theming through here, so a browser test (or a sandbox host) has one seam to provide:
 * `window.__bridge.callBridge(name, payload)`.
 *
 * `@forge/bridge` looks up `globalThis.__bridge` while its modules load and throws if it is
 * missing (page opened outside Jira). It is loaded with a dynamic import so that failure becomes
 * an `ApiError('UI_BRIDGE_UNAVAILABLE')` the page can show, instead of a blank iframe.
 */
import type { FullContext } from '@forge/bridge';
import { ApiError } from './errors';

type BridgeModule = typeof import('@forge/bridge');

let bridgeModule: Promise<BridgeModule> | undefined;

function loadBridge(): Promise<BridgeModule> {
  bridgeModule ??= import('@forge/bridge').catch((cause: unknown) => {
    bridgeModule = undefined;
    const message = cause instanceof Error ? cause.message.trim() : String(cause);
    throw new ApiError('UI_BRIDGE_UNAVAILABLE', message, {}, [], { cause });
  });
  return bridgeModule;
}

export type ForgeContext = FullContext;

/** `view.getContext()`: locale (e.g. "zh-CN"; the bridge normalises "zh_CN"), timezone, extension data. */
export async function getContext(): Promise<ForgeContext> {
  const { view } = await loadBridge();
  return view.getContext();
}

/** `invoke(functionKey, payload)`: the raw resolver answer, not unwrapped (see api.ts). */
export async function invokeResolver(functionKey: string, payload: Record<string, unknown>): Promise<unknown> {
  const { invoke } = await loadBridge();
  return invoke(functionKey, payload);
}

/**
 * `view.theme.enable()`: the host sets `data-color-mode`/`data-theme` on <html> and provides the
 * token CSS, and keeps them in sync with Jira's theme afterwards.
 */
export async function enableTheming(): Promise<void> {
  const { view } = await loadBridge();
  await view.theme.enable();
}

/** The issue key of a `jira:issuePanel` context (`extension.issue.key`), or null. */
export function issueKeyOf(context: ForgeContext): string | null {
  const issue: unknown = context.extension['issue'];
  if (typeof issue !== 'object' || issue === null) return null;
  const key: unknown = (issue as Record<string, unknown>)['key'];
  return typeof key === 'string' && key.length > 0 ? key : null;
}

/**
 * The page URL's history of a full-page module (`view.createHistory()`, forge-docs: custom-ui-bridge/view):
 * `location.pathname` is relative to the module's URL (`/return-visits` of `/jira/apps/<app>/<env>/return-visits`);
 * Jira's sidebar of subpages changes it, and `listen` tells the app.
 */
export type ModuleHistory = Awaited<ReturnType<BridgeModule['view']['createHistory']>>;

export async function createHistory(): Promise<ModuleHistory> {
  const { view } = await loadBridge();
  return view.createHistory();
}

/** Opens a Jira URL in the host (`router.open`): the supervision page's drill-down to `/issues/?jql=…`. */
export async function openInJira(url: string): Promise<void> {
  const { router } = await loadBridge();
  await router.open(url);
}

/** Opens one of this app's pages in the host (`router.navigate` to a module): the panel's "Record the return visit". */
export async function openAppModule(moduleKey: string, path?: string): Promise<void> {
  const { router } = await loadBridge();
  // `path` is appended to the module's URL: a subpage's route (forge-docs: apis-reference/ui-api-bridge/router).
  await router.navigate(path === undefined ? { target: 'module', moduleKey } : { target: 'module', moduleKey, path });
}

/**
 * `workflowRules.onConfigure(fn)` of `@forge/jira-bridge` (forge-docs: custom-ui-jira-bridge/workflowRules):
 * a workflow rule's create/edit page registers `fn`; Jira calls it when the admin presses Add / Update and
 * saves the string it returns as the rule's `config` (`undefined` keeps the form from being submitted).
 * Loaded lazily like `@forge/bridge`, for the same reason.
 */
export async function onConfigureWorkflowRule(
  fn: () => Promise<string | undefined> | string | undefined,
): Promise<void> {
  let jiraBridge: typeof import('@forge/jira-bridge');
  try {
    jiraBridge = await import('@forge/jira-bridge');
  } catch (cause) {
    throw new ApiError('UI_BRIDGE_UNAVAILABLE', cause instanceof Error ? cause.message : String(cause), {}, [], {
      cause,
    });
  }
  // The package types the callback as returning a string; `undefined` is the documented "do not save".
  await jiraBridge.workflowRules.onConfigure(fn as () => Promise<string>);
}

/** A workflow rule's saved configuration in its frame's context (`extension.validatorConfig` / `conditionConfig`), or undefined. */
export function savedWorkflowRuleConfig(context: ForgeContext): unknown {
  return context.extension['validatorConfig'] ?? context.extension['conditionConfig'];
}
