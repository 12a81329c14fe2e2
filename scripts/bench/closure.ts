/**
 * Cost of the closing rules and the return-visit sampling, run by hand (`npm run bench:closure`).
 * Prints one JSON object:
 *  - closeRules: for every workflow rule in manifest.yml (condition / validator), whether it is
 *    expression-only (no `function`): each such rule costs 0 Forge function invocations per
 *    transition, because Jira evaluates the expression itself. Counted from the manifest, not assumed.
 *  - sampling: `needsReturnVisit` over ISSUES consecutive issue ids at each configured rate, for
 *    issues that are neither complaints nor top grades; the sampled share must be within 1 point.
 * Pure: no harness needed (the domain is imported directly).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CLOSURE_EXPRESSIONS, DEFAULT_RETURN_VISIT_POLICY, needsReturnVisit } from '../../src/domain/closure';

const ISSUES = 10_000;
const RATES = [5, 10, 20, 33, 50];
const FIRST_ID = 10_000;

type Rule = { key: string; expression?: string; function?: string };

function closeRules() {
  const manifest = parseYaml(readFileSync(path.resolve(__dirname, '../../manifest.yml'), 'utf8')) as {
    modules: Record<string, Rule[] | undefined>;
  };
  const rules = [
    ...(manifest.modules['jira:workflowCondition'] ?? []).map((r) => ({ ...r, type: 'jira:workflowCondition' })),
    ...(manifest.modules['jira:workflowValidator'] ?? []).map((r) => ({ ...r, type: 'jira:workflowValidator' })),
  ];
  const perRule = rules.map((r) => ({
    key: r.key,
    type: r.type,
    expressionOnly: r.function === undefined && typeof r.expression === 'string',
    functionInvocationsPerTransition: r.function === undefined ? 0 : 1,
    pinned: (CLOSURE_EXPRESSIONS as Record<string, string>)[r.key] === r.expression,
    expressionLength: r.expression?.length ?? 0,
  }));
  // A Close transition runs the condition (when listing transitions) and the close validator.
  const close = perRule.filter((r) => r.key === 'itr-close-condition' || r.key === 'itr-close-validator');
  const resolve = perRule.filter((r) => r.key === 'itr-resolve-validator');
  return {
    perRule,
    functionInvocationsPerCloseTransition: close.reduce((n, r) => n + r.functionInvocationsPerTransition, 0),
    functionInvocationsPerResolveTransition: resolve.reduce((n, r) => n + r.functionInvocationsPerTransition, 0),
  };
}

function sampling() {
  return RATES.map((rate) => {
    const policy = { ...DEFAULT_RETURN_VISIT_POLICY, sampleRatePercent: rate };
    let sampled = 0;
    const started = process.hrtime.bigint();
    for (let i = 0; i < ISSUES; i++)
      if (
        needsReturnVisit({ issueId: String(FIRST_ID + i), kind: 'technicalService', grade: 'minor' }, policy).required
      )
        sampled++;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const actual = (sampled / ISSUES) * 100;
    return {
      configuredPercent: rate,
      sampledPercent: Number(actual.toFixed(2)),
      deviationPoints: Number(Math.abs(actual - rate).toFixed(2)),
      withinOnePoint: Math.abs(actual - rate) <= 1,
      wallMs: Number(ms.toFixed(2)),
    };
  });
}

const rules = closeRules();
const samples = sampling();
console.log(
  JSON.stringify(
    {
      closeRules: rules,
      sampling: {
        issues: ISSUES,
        firstIssueId: FIRST_ID,
        rates: samples,
        allWithinOnePoint: samples.every((s) => s.withinOnePoint),
      },
      note: 'Function invocations are counted from manifest.yml: a workflow rule with an expression and no function is evaluated by Jira.',
    },
    null,
    2,
  ),
);
