import type { ClosureRuleModuleKey, ClosureRulePlacement } from '../../../src/contract/closureRules';
import type { I18n, MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';

/**
 * The app's workflow rules by the names Jira's workflow editor shows (the modules' names in
 * locales/*.json, mirrored by `rule.title.*`; test/static/ruleNames.test.ts keeps them equal), never by
 * module key. Exhaustive: a new rule module is a type error until it has a name here.
 */
const RULES: Readonly<Record<ClosureRuleModuleKey, { title: MessageKey; kind: MessageKey }>> = {
  'itr-close-condition': { title: 'rule.title.itr-close-condition', kind: 'setup.rule.condition' },
  'itr-close-validator': { title: 'rule.title.itr-close-validator', kind: 'setup.rule.validator' },
  'itr-resolve-validator': { title: 'rule.title.itr-resolve-validator', kind: 'setup.rule.validator' },
};

/** A rule's name, or null for a module this page does not know (an older saved run): no key is shown. */
export function ruleName(t: I18n['t'], rule: string): string | null {
  const known = (RULES as Readonly<Record<string, { title: MessageKey } | undefined>>)[rule];
  return known === undefined ? null : t(known.title);
}

/** "A" and "B" joined as the user's language joins a list. */
export function joinList(i18n: Pick<I18n, 'formatLocale'>, items: readonly string[]): string {
  return new Intl.ListFormat(i18n.formatLocale, { type: 'conjunction' }).format(items);
}

/** Rules grouped by the transition they go on, in the order given. */
export function byTransition(rules: readonly ClosureRulePlacement[]): Array<[string, ClosureRuleModuleKey[]]> {
  const groups = new Map<string, ClosureRuleModuleKey[]>();
  for (const r of rules) groups.set(r.transition, [...(groups.get(r.transition) ?? []), r.rule]);
  return [...groups];
}

/** One line per transition: the rules to add there, each with its kind (condition or validator). */
export function RuleList({ rules, testId }: { rules: readonly ClosureRulePlacement[]; testId?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <ul data-testid={testId}>
      {byTransition(rules).map(([transition, keys]) => (
        <li key={transition}>
          {t('setup.rules.on', {
            transition,
            rules: joinList(
              i18n,
              keys.flatMap((k) => {
                const name = ruleName(t, k);
                return name === null ? [] : [t('setup.rule.named', { name, kind: t(RULES[k].kind) })];
              }),
            ),
          })}
        </li>
      ))}
    </ul>
  );
}
