/**
 * The sandbox's stand-in for Jira's workflow editor around an app's workflow rule: the rule's `create`,
 * `edit` or `view` Custom UI resource in a frame, and for create/edit the host's Add / Update button,
 * which calls the callback the page registered with `workflowRules.onConfigure` and saves the string it
 * returns as the rule's configuration — on every instance of that rule in the site's workflows (the
 * ITR workflow setup creates), so the transitions then evaluate the saved `config`
 * (forge-docs: custom-ui-jira-bridge/workflowRules; manifest-reference/modules/jira-workflow-validator).
 */
import type { WorkflowState } from '../platform-doubles/jiraModel';
import { moduleKeyOfExtensionAri } from '../src/domain/closure';
import type { ManifestModule } from './manifest';
import { esc, type Lang } from './pages/layout';

export const RULE_MODULE_TYPES = [
  'jira:workflowCondition',
  'jira:workflowValidator',
  'jira:workflowPostFunction',
] as const;
export const RULE_ENTRIES = ['create', 'edit', 'view'] as const;
export type RuleEntry = (typeof RULE_ENTRIES)[number];

export function isWorkflowRuleModule(m: ManifestModule): boolean {
  return (RULE_MODULE_TYPES as readonly string[]).includes(m.type);
}

export function isRuleEntry(v: unknown): v is RuleEntry {
  return (RULE_ENTRIES as readonly unknown[]).includes(v);
}

/** The Custom UI resource a rule module names for `entry` (`create: {resource}`), if any. */
export function ruleResource(m: ManifestModule, entry: RuleEntry): string | undefined {
  const e = m.raw[entry];
  const r = typeof e === 'object' && e !== null ? (e as { resource?: unknown }).resource : undefined;
  return typeof r === 'string' ? r : undefined;
}

/** Every rule instance of module `moduleKey` in `workflows` (validators, post functions and conditions, nested groups too). */
function instances(
  workflows: readonly WorkflowState[],
  moduleKey: string,
): Array<{ parameters: Record<string, string> }> {
  const out: Array<{ parameters: Record<string, string> }> = [];
  const visit = (group: unknown): void => {
    if (typeof group !== 'object' || group === null) return;
    const g = group as { conditions?: unknown; conditionGroups?: unknown };
    for (const c of Array.isArray(g.conditions) ? g.conditions : []) add(c);
    for (const sub of Array.isArray(g.conditionGroups) ? g.conditionGroups : []) visit(sub);
  };
  const add = (rule: unknown): void => {
    const p = typeof rule === 'object' && rule !== null ? (rule as { parameters?: unknown }).parameters : undefined;
    if (
      typeof p === 'object' &&
      p !== null &&
      moduleKeyOfExtensionAri((p as Record<string, string>)['key']) === moduleKey
    )
      out.push({ parameters: p as Record<string, string> });
  };
  for (const wf of workflows) {
    for (const t of wf.transitions) {
      for (const r of [...t.validators, ...t.actions]) add(r);
      visit(t.conditions);
    }
  }
  return out;
}

/** The configuration saved with the rule (its first instance in the workflows, else the sandbox's own record), as text. */
export function savedRuleConfig(
  workflows: readonly WorkflowState[],
  unattached: ReadonlyMap<string, string>,
  moduleKey: string,
): string | undefined {
  return instances(workflows, moduleKey)[0]?.parameters['config'] ?? unattached.get(moduleKey);
}

/** Saves `config` on every instance of the rule; with none attached, in the sandbox's own record. Returns the instances updated. */
export function saveRuleConfig(
  workflows: readonly WorkflowState[],
  unattached: Map<string, string>,
  moduleKey: string,
  config: string,
): number {
  const found = instances(workflows, moduleKey);
  for (const i of found) i.parameters['config'] = config;
  unattached.set(moduleKey, config);
  return found.length;
}

/**
 * The `extension` part of a rule frame's context: the saved configuration under `validatorConfig` /
 * `conditionConfig` / `postFunctionConfig` (as JSON, like the `config` expression variable; none on a
 * create page), and `isNewEditor` (the old editor is gone).
 */
export function ruleExtension(m: ManifestModule, entry: RuleEntry, saved: string | undefined): Record<string, unknown> {
  const name =
    m.type === 'jira:workflowCondition'
      ? 'conditionConfig'
      : m.type === 'jira:workflowValidator'
        ? 'validatorConfig'
        : 'postFunctionConfig';
  let value: unknown;
  if (entry !== 'create' && saved !== undefined) {
    try {
      value = JSON.parse(saved) as unknown;
    } catch {
      value = saved;
    }
  }
  return { isNewEditor: true, ...(value === undefined ? {} : { [name]: value }) };
}

const TEXT = {
  en: {
    create: 'Add',
    edit: 'Update',
    notSaved: 'The page did not give a configuration: nothing was saved.',
    editLink: 'Edit',
    viewLink: 'View',
  },
  'zh-CN': {
    create: '添加',
    edit: '更新',
    notSaved: '页面没有给出配置：未保存任何内容。',
    editLink: '编辑',
    viewLink: '查看',
  },
} as const;

/**
 * The host page's body around a rule frame: the frame, and for create/edit the Add / Update button.
 * Its script (the host's, not the app's: the host page is not under the app's CSP) calls the frame's
 * registered callback and posts the answer to `/__workflowRule`; `undefined` saves nothing, as in Jira.
 */
export function rulePageBody(p: {
  moduleKey: string;
  entry: RuleEntry;
  title: string;
  frame: string;
  lang: Lang;
}): string {
  const t = TEXT[p.lang];
  const nav = `<p class="actions-row"><a href="/workflow-rules/${esc(encodeURIComponent(p.moduleKey))}/edit" data-testid="rule-edit-link">${esc(t.editLink)}</a> <a href="/workflow-rules/${esc(encodeURIComponent(p.moduleKey))}/view" data-testid="rule-view-link">${esc(t.viewLink)}</a></p>`;
  if (p.entry === 'view') return `<h1>${esc(p.title)}</h1>${nav}${p.frame}`;
  return `<h1>${esc(p.title)}</h1>${nav}${p.frame}
<p class="actions-row"><button type="button" class="primary" id="rule-submit" data-testid="rule-submit">${esc(t[p.entry])}</button>
<span role="status" id="rule-result" data-testid="rule-result"></span></p>
<script>
document.getElementById('rule-submit').addEventListener('click', async () => {
  const out = document.getElementById('rule-result');
  const frame = document.querySelector('iframe.forge-app');
  const fn = frame && frame.contentWindow && frame.contentWindow.__sandboxWorkflowRuleOnConfigure;
  const config = typeof fn === 'function' ? await fn() : undefined;
  if (typeof config !== 'string') { out.textContent = ${JSON.stringify(t.notSaved)}; return; }
  const res = await fetch('/__workflowRule', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ moduleKey: ${JSON.stringify(p.moduleKey)}, config }) });
  const body = await res.json();
  if (!res.ok) { out.textContent = body.message || String(res.status); return; }
  location.href = '/workflow-rules/' + encodeURIComponent(${JSON.stringify(p.moduleKey)}) + '/view?saved=' + body.result.updated;
});
</script>`;
}

/** The most the workflow editor saves: "limited to 32KB" (forge-docs: manifest-reference/modules/jira-workflow-validator, "New workflow editor"); past it the sandbox refuses. */
export const RULE_CONFIG_MAX_CHARS = 32 * 1024;
