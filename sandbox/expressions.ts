/**
 * Where Jira evaluates the workflow rules' Jira expressions: before it shows a transition
 * (conditions) and before it performs one (conditions, then validators).
 *
 * The sandbox evaluates the rules attached to the transition in the issue's workflow (what setup
 * wrote through `/workflows/create` / `/workflows/update`, with each rule's saved configuration),
 * running the module's expression TEXT from manifest.yml (or the configuration's `expression`) in
 * the Jira-expression platform double (platform-doubles/jiraExpression), with exactly the documented
 * context variables of the module type. A failed evaluation is false and recorded in
 * `jira.failedExpressions` (`avi:jira:failed:expression`). No domain rule stands in for the text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { harness } from '../platform-doubles';
import { evaluateTransitionRules, type ExpressionRuleModule } from '../platform-doubles/jiraExpression';
import { loadManifest } from './manifest';

export interface TransitionInput {
  /** The acting user (Jira's `user`). */
  accountId: string;
  issueKey: string;
  transitionId: string;
  /** The acting user's language: Jira shows a validator's `errorMessage` translated. Default English. */
  lang?: 'en' | 'zh-CN';
}

const REPO_ROOT = path.resolve(__dirname, '..');

let modules: ExpressionRuleModule[] | undefined;
/** manifest.yml's expression rules (read once). */
function ruleModules(): ExpressionRuleModule[] {
  modules ??= loadManifest(REPO_ROOT)
    .modules.filter((m) => m.type === 'jira:workflowValidator' || m.type === 'jira:workflowCondition')
    .map((m) => ({
      key: m.key,
      type: m.type as ExpressionRuleModule['type'],
      expression: typeof m.raw['expression'] === 'string' ? m.raw['expression'] : undefined,
    }));
  return modules;
}

/** The module's `errorMessage` (or its name) as the manifest's i18n gives it, in the user's language. */
function message(moduleKey: string | undefined, lang: TransitionInput['lang'] = 'en'): string {
  const mod = loadManifest(REPO_ROOT).modules.find((m) => m.key === moduleKey);
  const i18nOf = (v: unknown): string | undefined =>
    typeof v === 'object' && v !== null && typeof (v as { i18n?: unknown }).i18n === 'string'
      ? (v as { i18n: string }).i18n
      : undefined;
  const file = lang === 'zh-CN' ? 'zh-CN' : 'en-US';
  const locales = JSON.parse(readFileSync(path.resolve(REPO_ROOT, `locales/${file}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
  const lookUp = (dotted: string | undefined): string | undefined => {
    let at: unknown = locales;
    for (const part of dotted?.split('.') ?? [])
      at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[part] : undefined;
    return typeof at === 'string' ? at : undefined;
  };
  const error = lookUp(i18nOf(mod?.raw['errorMessage']));
  if (error !== undefined) return error;
  const name = lookUp(i18nOf(mod?.raw['name'])) ?? moduleKey ?? '';
  return lang === 'zh-CN' ? `${name}：你不能执行此转换。` : `${name}: the transition is not available to you.`;
}

/** `true` = shown / allowed; a string = the message Jira would show (a validator's own string first). */
export function transitionVerdict(phase: 'show' | 'perform', input: TransitionInput): true | string {
  const verdict = evaluateTransitionRules(harness().jira, {
    issueKey: input.issueKey,
    transitionId: input.transitionId,
    accountId: input.accountId,
    modules: ruleModules(),
    phase,
  });
  if (verdict.passed) return true;
  return verdict.message ?? message(verdict.moduleKey, input.lang);
}
