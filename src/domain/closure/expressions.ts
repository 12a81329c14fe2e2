/**
 * The Jira expressions of the close and resolve rules, as pinned text. manifest.yml carries the same
 * text (a test compares them) and Jira evaluates it on each transition: no app function runs.
 *
 * How the expressions find the app's data: the app's fields have a `customfield_NNNNN` id that differs
 * per site, so the app publishes them as the Forge app property `itr-close` (`PUT
 * /rest/forge/1/app/properties/itr-close`, only the app can write it), read here through the `app`
 * context variable. Its shape is `CloseProperty`. Fields are read with computed member access,
 * `issue[c.submitter]`. Jira treats an expression that fails to evaluate (e.g. the property is
 * missing) as `false`: the rules fail closed, so a site where the property was never published
 * refuses Close and Resolve until an admin opens the return-visit admin page (which publishes it).
 *
 * Not verifiable offline (README "first deploy" list): that Forge app properties are exposed as
 * `app.properties[...]` in workflow-rule expressions, that computed access with a key read from a
 * property works on `issue`, and that a user field answers `.accountId`. The tests evaluate the
 * text with a small interpreter of exactly this subset (test/domain/closure/miniJex.ts).
 */

/** The Forge app property key the expressions read. */
export const CLOSE_PROPERTY_KEY = 'itr-close';

/** The published value: this site's field ids and the admin-named fallback closers. */
export interface CloseProperty {
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

/**
 * Close condition (hides Close from everyone but the recorded submitter and the fallback closers).
 * `c` = the published property; `issue[c.submitter]` = the app-only submitter field, never Reporter.
 */
export const CLOSE_CONDITION_EXPRESSION =
  "let c = app.properties['itr-close']; c != null && (issue[c.submitter]?.accountId == user.accountId || c.fallback.includes(user.accountId))";

/** Close validator: the condition again (a transition can be run by REST too), and no open required visit. */
export const CLOSE_VALIDATOR_EXPRESSION =
  "let c = app.properties['itr-close']; c != null && (issue[c.submitter]?.accountId == user.accountId || c.fallback.includes(user.accountId)) && issue[c.visitOpen] != 'yes'";

/** Resolve validator: a problem needs a complete root cause ('yes' mirrored by the app). */
export const RESOLVE_VALIDATOR_EXPRESSION =
  "let c = app.properties['itr-close']; c != null && (issue[c.classification] != 'problem' || issue[c.rootCause] == 'yes')";

/** Module keys in manifest.yml → pinned expression text. */
export const CLOSURE_EXPRESSIONS = {
  'itr-close-condition': CLOSE_CONDITION_EXPRESSION,
  'itr-close-validator': CLOSE_VALIDATOR_EXPRESSION,
  'itr-resolve-validator': RESOLVE_VALIDATOR_EXPRESSION,
} as const;

export type ClosureRuleKey = keyof typeof CLOSURE_EXPRESSIONS;
