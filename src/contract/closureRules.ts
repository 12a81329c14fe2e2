/**
 * The create/edit/view pages of the close and resolve workflow rules (modules `itr-close-condition`,
 * `itr-close-validator`, `itr-resolve-validator`; resolver `closure-rule-resolver`). The create/edit page
 * fills the rule's configuration (`config` in its Jira expression) with this site's; the view page says
 * what a saved configuration means, in words: field names and people's display names, never raw ids.
 */

/** The workflow-rule modules these pages serve (manifest.yml keys). */
export const CLOSURE_RULE_MODULE_KEYS = [
  'itr-close-condition',
  'itr-close-validator',
  'itr-resolve-validator',
] as const;
export type ClosureRuleModuleKey = (typeof CLOSURE_RULE_MODULE_KEYS)[number];

/**
 * One of the rules where it belongs on the ITR workflow: the module and the transition's name in Jira
 * ("Close"). A page names the rule as Jira's workflow editor does, by the module's translated name
 * (locales/*.json `modules.*.name`), never by its key.
 */
export interface ClosureRulePlacement {
  rule: ClosureRuleModuleKey;
  transition: string;
}

/** A rule's configuration as Jira saves it (`src/domain/closure/expressions.ts` `ClosureRuleConfig`). */
export interface ClosureRuleConfigDto {
  submitter: string;
  visitOpen: string;
  rootCause: string;
  classification: string;
  fallback: string[];
}

/** A field the configuration names: its name on this site, or null when the site has no such field. */
export interface ClosureRuleFieldDto {
  id: string;
  name: string | null;
}

/** A configuration in words. `valid: false`: no usable configuration, so the rule blocks everyone (fails closed). */
export type ClosureRuleDescription =
  | { valid: false }
  | {
      valid: true;
      submitter: ClosureRuleFieldDto;
      visitOpen: ClosureRuleFieldDto;
      rootCause: ClosureRuleFieldDto;
      classification: ClosureRuleFieldDto;
      /** Display names of the fallback closers Jira knows, in the configuration's order. */
      fallbackClosers: string[];
      /** How many fallback closers Jira does not know (left out above; their ids are not shown). */
      unknownClosers: number;
    };

export interface ClosureRuleFunctions {
  /** This site's configuration for the calling rule (the frame's module), ready for `workflowRules.onConfigure`. Jira admins only. */
  getClosureRuleConfig: {
    payload: Record<string, never>;
    result: { ruleKey: ClosureRuleModuleKey; config: ClosureRuleConfigDto; description: ClosureRuleDescription };
  };
  /** A saved configuration (the frame's `validatorConfig` / `conditionConfig`) in words. Jira admins only. */
  describeClosureRuleConfig: {
    payload: { config: unknown };
    result: { ruleKey: ClosureRuleModuleKey; description: ClosureRuleDescription };
  };
}
