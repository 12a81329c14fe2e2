/** A workflow rule's create/edit/view page with the host's Add / Update button (sandbox/workflowRules.ts), for administrators. */
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../http';
import { translate } from '../manifest';
import type { SandboxSite } from '../site';
import { isRuleEntry, isWorkflowRuleModule, rulePageBody, ruleResource } from '../workflowRules';
import { hostPage } from './hostPage';
import { esc, type Prefs } from './layout';

export function workflowRulePage(
  site: SandboxSite,
  req: IncomingMessage,
  prefs: Prefs,
  moduleKey: string,
  entry: string | undefined,
): string {
  const m = site.moduleByKey(moduleKey);
  if (m === undefined || !isWorkflowRuleModule(m) || !isRuleEntry(entry))
    throw new HttpError(404, `no workflow rule page ${moduleKey}/${String(entry)}`);
  const resource = ruleResource(m, entry);
  if (resource === undefined) throw new HttpError(404, `${moduleKey} has no ${entry} page`);
  if (!site.isAdmin(prefs.accountId)) throw new HttpError(403, 'Only Jira administrators edit workflows');
  const name = m.raw['name'] as { i18n?: string } | string | undefined;
  const title =
    typeof name === 'string'
      ? name
      : name?.i18n === undefined
        ? m.key
        : translate(site.manifest, prefs.lang === 'zh-CN' ? 'zh-CN' : 'en-US', name.i18n);
  const q = new URLSearchParams({ moduleKey: m.key, entry });
  const frame = `<iframe class="forge-app" title="${esc(title)}" data-testid="forge-frame-${esc(m.key)}" src="/static/${esc(resource)}/index.html?${esc(q.toString())}"></iframe>`;
  return hostPage(site, req, prefs, title, rulePageBody({ moduleKey: m.key, entry, title, frame, lang: prefs.lang }));
}
