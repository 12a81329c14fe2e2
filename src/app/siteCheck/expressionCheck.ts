/**
 * Site check line: the close and resolve rules' Jira expressions evaluated by this site's Jira on a
 * real ITR issue (`POST /rest/api/3/expression/evaluate`) agree with the app's own reading of that
 * issue. Only Jira can show that an app `user` field reads as a User with `.accountId`, that computed
 * access `issue[config.submitter]` works, and that the text parses at all.
 *
 * `user` in that endpoint is always the caller, so each rule's text is evaluated with `user` renamed to
 * a custom `user` variable (`subject`): once for the issue's submitter, once for another person, once
 * for a fallback closer; the rule's configuration goes in as the custom JSON variable `config`.
 */
import { JiraError, type JiraClient } from '../../adapters/jira';
import type { SiteCheckLine } from '../../contract/siteCheck';
import { CLOSURE_EXPRESSIONS, type ClosureRuleConfig, type ClosureRuleKey } from '../../domain/closure';

/** The custom variable standing in for `user`. */
const SUBJECT = 'subject';

/** The rule text with the context variable `user` renamed (member names like `x.user` stay). */
export function withSubject(expression: string): string {
  return expression.replace(/(?<![.\w$])user(?![\w$])/g, SUBJECT);
}

export type Subject = 'submitter' | 'other' | 'fallback';

/** The issue's values the rules read, as the app reads them. */
export interface IssueReading {
  key: string;
  resolved: boolean;
  submitter: string | undefined;
  visitOpen: boolean;
  problem: boolean;
  rootCauseComplete: boolean;
}

/** What the rule should answer for a person who is (or is not) allowed to close, per the app's rules. */
export function expectedVerdict(rule: ClosureRuleKey, issue: IssueReading, mayClose: boolean): boolean {
  switch (rule) {
    case 'itr-resolve-validator':
      return !issue.problem || issue.rootCauseComplete;
    case 'itr-close-condition':
      return issue.resolved && mayClose;
    case 'itr-close-validator':
      return issue.resolved && mayClose && !issue.visitOpen;
  }
}

export interface ExpressionCheckInput {
  jira: JiraClient;
  issue: IssueReading | undefined;
  config: ClosureRuleConfig;
  /**
   * Saved configuration per rule, as attached to the workflow: what Jira passes as `config`, so it is
   * what the check passes too (a configuration holding `expression` also replaces the manifest's text).
   * A rule not attached is tried with `config`, the configuration this site needs.
   */
  savedConfigs: Partial<Record<ClosureRuleKey, ({ expression?: string } & Partial<ClosureRuleConfig>) | undefined>>;
  /** People to try: someone who may not close, and a fallback closer when there is one. */
  other: string | undefined;
  fallback: string | undefined;
}

export async function checkExpressions(input: ExpressionCheckInput): Promise<SiteCheckLine> {
  const { issue } = input;
  if (issue === undefined || issue.submitter === undefined)
    return { id: 'expressions', outcome: 'skip', detail: 'noIssueToTry', params: {} };
  const subjects: Array<[Subject, string]> = [['submitter', issue.submitter]];
  if (input.other !== undefined) subjects.push(['other', input.other]);
  if (input.fallback !== undefined) subjects.push(['fallback', input.fallback]);
  const rules = Object.keys(CLOSURE_EXPRESSIONS) as ClosureRuleKey[];
  for (const rule of rules) {
    const savedConfig = input.savedConfigs[rule];
    const saved = savedConfig?.expression;
    const text = withSubject(typeof saved === 'string' && saved !== '' ? saved : CLOSURE_EXPRESSIONS[rule]);
    const config: unknown = savedConfig ?? input.config;
    for (const [who, accountId] of subjects) {
      let value: unknown;
      try {
        value = await input.jira.evaluateExpression(text, {
          issueKey: issue.key,
          custom: [
            { key: SUBJECT, type: 'user', accountId },
            { key: 'config', type: 'json', value: config },
          ],
        });
      } catch (e) {
        if (!(e instanceof JiraError)) throw e;
        const message = e.errorMessages.join(' ') || e.message;
        return {
          id: 'expressions',
          outcome: 'fail',
          detail: 'expressionFailed',
          params: { rule, issue: issue.key, message },
        };
      }
      const expected = expectedVerdict(rule, issue, who !== 'other');
      if (value !== expected) {
        return {
          id: 'expressions',
          outcome: 'fail',
          detail: 'expressionDisagrees',
          params: {
            rule,
            issue: issue.key,
            subject: who,
            expected: String(expected),
            got: JSON.stringify(value) ?? 'undefined',
          },
        };
      }
    }
  }
  return {
    id: 'expressions',
    outcome: 'pass',
    detail: 'expressionsAgree',
    params: { issue: issue.key, rules: String(rules.length), people: String(subjects.length) },
  };
}
