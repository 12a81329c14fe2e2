/**
 * The host side of the Custom UI bridge: what `POST /__bridge` answers for a frame's `callBridge(name,
 * payload)` (sandbox/bridgeScript.ts). `getContext` is built by the host, never by the iframe; `invoke`
 * runs the real resolver of the frame's own module as the acting user; view calls with nothing to do in
 * a single-page host answer null; `createHistory` the full page's URL to route below; anything else 501, so
 * an unsupported call shows up.
 */
import { invokeResolver } from '../platform-doubles';
import { HttpError } from './http';
import { moduleUrl } from './pages/fullPages';
import { THEME_ATTRS, type Prefs } from './pages/layout';
import { CLOUD_ID, type SandboxSite } from './site';
import { isRuleEntry, isWorkflowRuleModule, ruleExtension, savedRuleConfig } from './workflowRules';

/** Which frame calls: its module, and the issue or project it was opened for (from its URL). */
export interface FrameInfo {
  moduleKey: string;
  issueKey: string | null;
  projectKey: string | null;
  /** A workflow rule's page: `create`, `edit` or `view` (sandbox/workflowRules.ts). */
  entry?: string | null;
}

/** The frame as the bridge script sent it (untrusted: only strings are kept). */
export function frameOf(raw: Partial<FrameInfo> | undefined): FrameInfo {
  return {
    moduleKey: String(raw?.moduleKey ?? ''),
    issueKey: typeof raw?.issueKey === 'string' ? raw.issueKey : null,
    projectKey: typeof raw?.projectKey === 'string' ? raw.projectKey : null,
    entry: typeof raw?.entry === 'string' ? raw.entry : null,
  };
}

/** View calls with nothing to do in a single-page host. */
const NO_OP_CALLS = new Set([
  'refresh',
  'close',
  'submit',
  'emitReadyEvent',
  'changeWindowTitle',
  'showFlag',
  'closeFlag',
  'on',
  'onClose',
  'emitFrontendCustomMetric',
]);

/** The FullContext @forge/bridge's getContext() returns, built by the host (never by the iframe). */
function frameContext(site: SandboxSite, prefs: Prefs, frame: FrameInfo): Record<string, unknown> {
  const { jira } = site;
  const module = site.moduleByKey(frame.moduleKey);
  if (module === undefined) throw new HttpError(400, `unknown module ${frame.moduleKey}`);
  const user = site.userOf(prefs.accountId);
  // Jira renders an admin page only for administrators, and an issue's modules only to who may see it:
  // a frame (and so its context and its resolver) exists for nobody else.
  if (module.type === 'jira:adminPage' && !user.groups.includes('jira-administrators'))
    throw new HttpError(403, `${module.key} is an admin page`);
  // A workflow rule's pages live in the workflow editor, which only administrators open.
  if (isWorkflowRuleModule(module) && !user.groups.includes('jira-administrators'))
    throw new HttpError(403, `${module.key} is configured in the workflow editor`);
  const ruleEntry = isWorkflowRuleModule(module) && isRuleEntry(frame.entry) ? frame.entry : undefined;
  const issue = frame.issueKey === null ? undefined : jira.model.findIssue(frame.issueKey);
  if (frame.issueKey !== null && (issue === undefined || !site.mayBrowse(prefs.accountId, issue.projectKey)))
    throw new HttpError(404, `issue ${frame.issueKey} does not exist or you may not see it`);
  const projectKey = issue?.projectKey ?? frame.projectKey;
  const project = projectKey === null ? undefined : jira.model.projects.get(projectKey);
  const issueType = issue?.fields['issuetype'] as { id: string; name: string } | undefined;
  return {
    accountId: user.accountId,
    cloudId: CLOUD_ID,
    environmentId: site.harness.runtime.appContext.environmentId,
    environmentType: 'DEVELOPMENT',
    localId: `sandbox/${module.key}/${issue?.key ?? projectKey ?? 'site'}`,
    locale: prefs.lang === 'zh-CN' ? 'zh_CN' : 'en_US',
    moduleKey: module.key,
    siteUrl: site.baseUrl,
    timezone: user.timeZone,
    theme: {
      colorMode: prefs.theme,
      dark: 'dark',
      light: 'light',
      spacing: 'spacing',
      typography: 'typography',
      shape: 'shape',
    },
    extension: {
      type: module.type,
      ...(issue === undefined
        ? {}
        : {
            issue: { id: issue.id, key: issue.key, type: issueType?.name, typeId: issueType?.id },
            isNewToIssue: false,
          }),
      ...(project === undefined ? {} : { project: { id: project.id, key: project.key, type: 'software' } }),
      ...(ruleEntry === undefined
        ? {}
        : ruleExtension(
            module,
            ruleEntry,
            savedRuleConfig(jira.model.site.workflows, site.unattachedRuleConfigs, module.key),
          )),
    },
  };
}

/**
 * forge-docs: apis-reference/ui-api-bridge/invoke — invoke runs the calling module's resolver
 * (`resolver.function`), never a trigger's, a consumer's or another module's function.
 */
async function invokeFrameResolver(
  site: SandboxSite,
  prefs: Prefs,
  frame: FrameInfo,
  context: Record<string, unknown>,
  payload: unknown,
): Promise<unknown> {
  const module = site.moduleByKey(frame.moduleKey);
  if (module === undefined) throw new HttpError(400, `unknown module ${frame.moduleKey}`);
  const resolverFunction = (module.raw['resolver'] as { function?: unknown } | undefined)?.function;
  if (typeof resolverFunction !== 'string' || (module.resource === undefined && !isWorkflowRuleModule(module)))
    throw new HttpError(403, `module ${module.key} has no resolver to invoke`);
  const { functionKey, payload: resolverPayload } = (payload ?? {}) as {
    functionKey?: unknown;
    payload?: unknown;
  };
  if (typeof functionKey !== 'string') throw new HttpError(400, 'invoke without functionKey');
  const handler = site.handlerOf(module);
  const { accountId, localId, moduleKey, extension, cloudId, locale, timezone } = context;
  return site
    .withModuleKey(module.key, () =>
      invokeResolver(handler, functionKey, resolverPayload, {
        accountId: prefs.accountId,
        context: { accountId, localId, moduleKey, extension, cloudId, locale, timezone, siteUrl: site.baseUrl },
      }),
    )
    .catch((e: unknown) => {
      // A function key this module's resolver does not define (another module's, say) is not found.
      if (e instanceof Error && e.message.startsWith('Resolver has no definition for'))
        throw new HttpError(404, e.message);
      throw e;
    });
}

/**
 * `view.createHistory()` (forge-docs: custom-ui-bridge/view): only a full page has a URL of its own to
 * route in. The host answers the module's URL; the bridge script in the frame keeps the history object
 * (a function does not cross JSON) and moves the host page's URL below it (sandbox/bridgeScript.ts).
 */
const HISTORY_MODULE_TYPES = new Set(['jira:globalPage', 'jira:adminPage', 'jira:projectPage']);

function moduleHistory(site: SandboxSite, frame: FrameInfo): { basePath: string } {
  const module = site.moduleByKey(frame.moduleKey);
  if (module === undefined) throw new HttpError(400, `unknown module ${frame.moduleKey}`);
  if (!HISTORY_MODULE_TYPES.has(module.type))
    throw new HttpError(400, `createHistory is only available in full-page modules, not ${module.type}`);
  // A project page's URL (`/apps/<key>?project=KEY`) carries its project in the query: routes go below the path.
  return { basePath: moduleUrl(site, module) };
}

function moduleTarget(site: SandboxSite, moduleKey: unknown, path: unknown): string {
  const module = typeof moduleKey === 'string' ? site.moduleByKey(moduleKey) : undefined;
  if (module === undefined || !HISTORY_MODULE_TYPES.has(module.type))
    throw new HttpError(400, `navigate to an unknown page module: ${String(moduleKey)}`);
  if (path !== undefined && (typeof path !== 'string' || !path.startsWith('/')))
    throw new HttpError(400, `a module path starts with "/": ${String(path)}`);
  return `${moduleUrl(site, module)}${path ?? ''}`;
}

/**
 * router.navigate / router.open: only the site's own pages, a relative path or an absolute URL on this
 * host, or one of the app's full-page modules (`{ target: 'module', moduleKey, path? }`: `path` is appended
 * to the module's URL, forge-docs: apis-reference/ui-api-bridge/router). An unknown module is refused.
 */
function navigation(site: SandboxSite, payload: unknown): { url: string; type: 'new-tab' | 'same-tab' } {
  const { url: given, type, target: kind, moduleKey, path } = (payload ?? {}) as Record<string, unknown>;
  const url = kind === 'module' ? moduleTarget(site, moduleKey, path) : given;
  if (typeof url !== 'string') throw new HttpError(400, 'navigate without url');
  const target = new URL(url, site.baseUrl);
  if (target.origin !== new URL(site.baseUrl).origin) throw new HttpError(400, `navigate off the site: ${url}`);
  return { url: `${target.pathname}${target.search}`, type: type === 'new-tab' ? 'new-tab' : 'same-tab' };
}

/** One `callBridge(name, payload)` from `frame`, as the acting user. */
export async function callBridge(
  site: SandboxSite,
  prefs: Prefs,
  name: string,
  payload: unknown,
  frame: FrameInfo,
): Promise<unknown> {
  const context = frameContext(site, prefs, frame);
  if (NO_OP_CALLS.has(name)) return null;
  switch (name) {
    case 'getContext':
      return context;
    case 'enableTheming':
      // The token CSS is already linked into the frame; Jira sets these attributes on <html>.
      return { attrs: { 'data-color-mode': prefs.theme, 'data-theme': THEME_ATTRS } };
    case 'invoke':
      return invokeFrameResolver(site, prefs, frame, context, payload);
    case 'navigate':
      return navigation(site, payload);
    case 'createHistory':
      return moduleHistory(site, frame);
    case 'getFrameId':
      return `sandbox-frame-${frame.moduleKey}`;
    default:
      throw new HttpError(501, `callBridge("${name}") is not provided by the sandbox`);
  }
}
