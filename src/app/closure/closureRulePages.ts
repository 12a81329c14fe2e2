/**
 * What the close/resolve rules' create, edit and view pages ask for (resolver `closure-rule-resolver`):
 * this site's configuration of a rule, for the page to hand to `workflowRules.onConfigure` so Jira saves
 * it as the rule's `config`; and a saved configuration in words (field names, people's display names).
 * Both only for Jira admins (who edit workflows), asked of Jira as the caller.
 */
import { jiraAsUser, type JiraClient } from '../../adapters/jira';
import {
  CLOSURE_RULE_MODULE_KEYS,
  type ClosureRuleDescription,
  type ClosureRuleModuleKey,
} from '../../contract/closureRules';
import type { ClosureRuleConfig } from '../../domain/closure';
import { requireJiraAdmin } from '../auth/authorization';
import { displayNamesOf } from '../settings/settingsCheck';
import { closureRuleConfig } from './closureRules';
import { ItrError } from '../itrError';

/**
 * Largest configuration the workflow editor saves: "The maximum length of configuration saved via the
 * new editor is limited to 32KB" (forge-docs: manifest-reference/modules/jira-workflow-validator, and
 * jira-workflow-condition). Bytes of the JSON text.
 */
export const RULE_CONFIG_MAX_BYTES = 32 * 1024;

/** The rule a page belongs to, from the invocation context's `moduleKey` (never the payload). */
export function closureRuleModuleOf(moduleKey: unknown): ClosureRuleModuleKey {
  const key = (CLOSURE_RULE_MODULE_KEYS as readonly unknown[]).includes(moduleKey)
    ? (moduleKey as ClosureRuleModuleKey)
    : undefined;
  if (key === undefined)
    throw new ItrError('CLOSURE_RULE_UNKNOWN_MODULE', `module ${String(moduleKey)} is not a close or resolve rule`);
  return key;
}

const isId = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** A saved configuration (as Jira hands it to the page: JSON text or the parsed object), or undefined when unusable. */
export function parseClosureRuleConfig(raw: unknown): ClosureRuleConfig | undefined {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const r = value as Record<string, unknown>;
  const fallback = r['fallback'];
  if (!isId(r['submitter']) || !isId(r['visitOpen']) || !isId(r['rootCause']) || !isId(r['classification']))
    return undefined;
  if (!Array.isArray(fallback) || !fallback.every(isId)) return undefined;
  return {
    submitter: r['submitter'],
    visitOpen: r['visitOpen'],
    rootCause: r['rootCause'],
    classification: r['classification'],
    fallback: [...fallback],
  };
}

/** A configuration in words: each field's name on this site, the fallback closers' display names (unknown people counted, not named). */
export async function describeConfig(
  config: ClosureRuleConfig | undefined,
  jira: JiraClient,
): Promise<ClosureRuleDescription> {
  if (config === undefined) return { valid: false };
  const [fields, names] = await Promise.all([jira.listFields(), displayNamesOf(jira, config.fallback)]);
  const field = (id: string) => ({ id, name: fields.find((f) => f.id === id)?.name ?? null });
  const known = config.fallback.flatMap((id) => {
    const name = Object.hasOwn(names, id) ? names[id] : undefined;
    return name === undefined ? [] : [name];
  });
  return {
    valid: true,
    submitter: field(config.submitter),
    visitOpen: field(config.visitOpen),
    rootCause: field(config.rootCause),
    classification: field(config.classification),
    fallbackClosers: known,
    unknownClosers: config.fallback.length - known.length,
  };
}

/** This site's configuration for the calling rule, and what it means. The same document setup attaches (closureRules.ts). */
export async function closureRuleConfigForPage(
  caller: { accountId: string | undefined; moduleKey: unknown },
  jira: JiraClient = jiraAsUser(),
): Promise<{ ruleKey: ClosureRuleModuleKey; config: ClosureRuleConfig; description: ClosureRuleDescription }> {
  const ruleKey = closureRuleModuleOf(caller.moduleKey);
  await requireJiraAdmin(caller.accountId, jira);
  const config = await closureRuleConfig(jira);
  const bytes = Buffer.byteLength(JSON.stringify(config), 'utf8');
  if (bytes > RULE_CONFIG_MAX_BYTES) {
    throw new ItrError(
      'CLOSURE_RULE_CONFIG_TOO_LARGE',
      `the rule configuration is ${bytes} bytes; Jira saves at most ${RULE_CONFIG_MAX_BYTES}`,
      { params: { bytes, max: RULE_CONFIG_MAX_BYTES, closers: config.fallback.length } },
    );
  }
  return { ruleKey, config, description: await describeConfig(config, jira) };
}

/** A saved configuration in words, for the view page (and the edit page's "saved now"). */
export async function describeSavedClosureRuleConfig(
  caller: { accountId: string | undefined; moduleKey: unknown },
  saved: unknown,
  jira: JiraClient = jiraAsUser(),
): Promise<{ ruleKey: ClosureRuleModuleKey; description: ClosureRuleDescription }> {
  const ruleKey = closureRuleModuleOf(caller.moduleKey);
  await requireJiraAdmin(caller.accountId, jira);
  return { ruleKey, description: await describeConfig(parseClosureRuleConfig(saved), jira) };
}
