/**
 * The Jira expressions of the close and resolve rules, as pinned text, and the rule entries that
 * attach them to a workflow transition with their configuration. manifest.yml carries the same text
 * (a test compares them) and Jira evaluates it on each transition: no app function runs.
 *
 * How the expressions find the app's data: only the documented context exists in a workflow rule
 * (validator: `user, issue, originalIssue, project, transition, workflow, config`; condition: the same
 * without `originalIssue`, plus `groupOperator`) — no `app`. The app's fields have a
 * `customfield_NNNNN` id that differs per site, so each rule's saved configuration (`config`) holds
 * this site's field ids and the fallback closers (`ClosureRuleConfig`), and the expressions read the
 * fields with computed access, `issue[config.submitter]`. The app writes that configuration when it
 * attaches the rules to the ITR workflow and again whenever the fallback closers change
 * (src/app/closure/closureRules.ts). A rule without configuration (attached by hand and never
 * configured) evaluates to false: the rules fail closed.
 *
 * Close also needs the issue to be resolved (`issue.resolution != null`), so no workflow path reaches
 * Closed without passing Resolve (root cause) and the return visit.
 *
 * Not verifiable offline (README "first deploy" list, and the admin site check): that a `user` app
 * field reads as a User with `.accountId` and a `string` app field as a String in expressions. The
 * tests evaluate the text with the Jira-expression double (platform-doubles/jiraExpression).
 */

/** Kept for the `itr-close` app property the app still publishes for the admin page; the rules do not read it. */
export const CLOSE_PROPERTY_KEY = 'itr-close';

/** A closure rule's saved configuration (`config`): this site's field ids and the admin-named fallback closers. */
export interface ClosureRuleConfig {
  /** `itr-submitter` (user field) id. */
  submitter: string;
  /** `itr-visit-open` (string field, 'yes' while a required return visit is open) id. */
  visitOpen: string;
  /** `itr-root-cause` (string field, 'yes' when the root cause is complete) id. */
  rootCause: string;
  /** `itr-classification` (string field, 'problem' | 'requirement') id. */
  classification: string;
  /** Account ids of the fallback closers. */
  fallback: string[];
}

/** The same shape as the published app property (one source). */
export type CloseProperty = ClosureRuleConfig;

/** Who may close: the recorded submitter (the app-only field, never Reporter) or a fallback closer, once resolved. */
const MAY_CLOSE =
  'config != null && config.submitter != null && issue.resolution != null && (issue[config.submitter]?.accountId == user.accountId || config.fallback != null && config.fallback.includes(user.accountId))';

/** Close condition: hides Close from everyone but the submitter and the fallback closers, and until resolved. */
export const CLOSE_CONDITION_EXPRESSION = MAY_CLOSE;

/**
 * Close validator: the condition again (a transition can be run by REST too), and no open required visit.
 * Its static message (locales `closeValidator.error`) names the pending visit first: the condition already
 * hides Close from everyone but the submitter and the fallback closers, so whoever meets this refusal in
 * Jira's UI is refused for the visit. The issue panel names the exact reason (closureView.ts).
 */
export const CLOSE_VALIDATOR_EXPRESSION = `${MAY_CLOSE} && config.visitOpen != null && issue[config.visitOpen] != 'yes'`;

/** Resolve validator: a problem needs a complete root cause ('yes' mirrored by the app). */
export const RESOLVE_VALIDATOR_EXPRESSION =
  "config != null && config.classification != null && config.rootCause != null && (issue[config.classification] != 'problem' || issue[config.rootCause] == 'yes')";

/** Module keys in manifest.yml → pinned expression text. */
export const CLOSURE_EXPRESSIONS = {
  'itr-close-condition': CLOSE_CONDITION_EXPRESSION,
  'itr-close-validator': CLOSE_VALIDATOR_EXPRESSION,
  'itr-resolve-validator': RESOLVE_VALIDATOR_EXPRESSION,
} as const;

export type ClosureRuleKey = keyof typeof CLOSURE_EXPRESSIONS;

// ----- attaching the rules to a workflow transition ---------------------------------------------------

/**
 * Rule keys Jira's `/rest/api/3/workflows/create` and `/workflows/update` take for Forge expression
 * rules (`/rest/api/3/workflows/capabilities`, "Forge rules": parameters `key` = the module's
 * extension ARI, `config` = the stringified configuration, `id` = the rule's id, given by Jira).
 */
export const FORGE_VALIDATOR_RULE = 'forge:expression-validator';
export const FORGE_CONDITION_RULE = 'forge:expression-condition';

/** A `WorkflowRuleConfiguration`. */
export interface WorkflowRuleEntry {
  ruleKey: string;
  parameters: Record<string, string>;
  id?: string;
}

/** The transitions of the ITR workflow that carry closure rules (src/app/setup/plan.ts `ITR_TRANSITIONS`). */
export type ClosureTransition = 'resolve' | 'close';

/** Which modules each transition carries. */
export const CLOSURE_RULES_BY_TRANSITION: Readonly<
  Record<ClosureTransition, { conditions: ClosureRuleKey[]; validators: ClosureRuleKey[] }>
> = {
  resolve: { conditions: [], validators: ['itr-resolve-validator'] },
  close: { conditions: ['itr-close-condition'], validators: ['itr-close-validator'] },
};

/** Forge names a module `ari:cloud:ecosystem::extension/<app id>/<environment id>/static/<module key>`. */
export function extensionAri(app: { appId: string; environmentId: string }, moduleKey: string): string {
  return `ari:cloud:ecosystem::extension/${app.appId}/${app.environmentId}/static/${moduleKey}`;
}

/** The module key an extension ARI names; undefined for anything else. */
export function moduleKeyOfExtensionAri(ari: string | undefined): string | undefined {
  const at = ari?.lastIndexOf('/static/') ?? -1;
  return ari !== undefined && ari.startsWith('ari:cloud:ecosystem::extension/') && at >= 0
    ? ari.slice(at + '/static/'.length)
    : undefined;
}

export interface TransitionClosureRules {
  validators: WorkflowRuleEntry[];
  /** `ConditionGroupUpdate` (all must pass); undefined when the transition has no closure condition. */
  conditions: { operation: 'ALL'; conditions: WorkflowRuleEntry[] } | undefined;
}

/**
 * The rule entries for `transition`, each with `config` = the stringified configuration. Pure: the
 * caller supplies the app/environment ids and this site's configuration.
 */
export function closureRulesFor(
  transition: ClosureTransition,
  config: ClosureRuleConfig,
  app: { appId: string; environmentId: string },
): TransitionClosureRules {
  const entry = (ruleKey: string, moduleKey: ClosureRuleKey): WorkflowRuleEntry => ({
    ruleKey,
    parameters: { key: extensionAri(app, moduleKey), config: JSON.stringify(config) },
  });
  const { conditions, validators } = CLOSURE_RULES_BY_TRANSITION[transition];
  return {
    validators: validators.map((k) => entry(FORGE_VALIDATOR_RULE, k)),
    conditions:
      conditions.length === 0
        ? undefined
        : { operation: 'ALL', conditions: conditions.map((k) => entry(FORGE_CONDITION_RULE, k)) },
  };
}

/** A closure rule of this app (any environment) — what a resync replaces. */
export function isClosureRule(rule: { ruleKey?: unknown; parameters?: Record<string, unknown> }): boolean {
  const key = moduleKeyOfExtensionAri(
    typeof rule.parameters?.['key'] === 'string' ? rule.parameters['key'] : undefined,
  );
  return (
    (rule.ruleKey === FORGE_VALIDATOR_RULE || rule.ruleKey === FORGE_CONDITION_RULE) &&
    key !== undefined &&
    key in CLOSURE_EXPRESSIONS
  );
}
