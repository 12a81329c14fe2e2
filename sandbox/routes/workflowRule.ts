/**
 * `POST /__workflowRule`: the host's Add / Update button on a workflow rule's page saves the string the
 * frame's `onConfigure` returned as the rule's configuration (sandbox/workflowRules.ts), administrators only.
 */
import { HttpError, readBody, sendJson } from '../http';
import type { SandboxSite } from '../site';
import { isWorkflowRuleModule, RULE_CONFIG_MAX_CHARS, saveRuleConfig } from '../workflowRules';
import type { Route, SandboxRequest } from './route';

async function saveWorkflowRule(site: SandboxSite, { req, res, prefs }: SandboxRequest): Promise<void> {
  const body = JSON.parse(await readBody(req)) as { moduleKey?: unknown; config?: unknown };
  const module = site.moduleByKey(String(body.moduleKey));
  if (module === undefined || !isWorkflowRuleModule(module))
    throw new HttpError(404, `no workflow rule ${String(body.moduleKey)}`);
  if (!site.isAdmin(prefs.accountId)) throw new HttpError(403, 'Only Jira administrators edit workflows');
  if (typeof body.config !== 'string') throw new HttpError(400, 'config must be the string onConfigure returned');
  // forge-docs: manifest-reference/modules/jira-workflow-validator ("New workflow editor": configuration limited to 32KB)
  if (body.config.length > RULE_CONFIG_MAX_CHARS)
    throw new HttpError(
      400,
      `configuration is ${body.config.length} characters; the workflow editor saves at most ${RULE_CONFIG_MAX_CHARS}`,
    );
  const updated = saveRuleConfig(site.jira.model.site.workflows, site.unattachedRuleConfigs, module.key, body.config);
  site.log(
    `[workflow] ${site.userOf(prefs.accountId).displayName} saved the configuration of ${module.key} (${updated} rule(s))`,
  );
  sendJson(res, { result: { updated } });
}

export function workflowRuleRoutes(site: SandboxSite): Route[] {
  return [{ method: 'POST', path: /^\/__workflowRule$/, handle: (r) => saveWorkflowRule(site, r) }];
}
