/**
 * The close and resolve rules on this site's ITR workflow: each rule carries its configuration
 * (`config` in the expression: this site's field ids and the fallback closers, src/domain/closure/
 * expressions.ts), written when the rules are attached and again whenever the fallback closers change.
 *
 * For setup (src/app/setup): `closureRulesForTransition(jira, 'resolve' | 'close')` returns the entries
 * to put on the ITR workflow's Resolve / Close transitions (`validators`, `conditions` of a
 * `/workflows/create` transition); `syncClosureRules(jira)` puts them on an existing ITR workflow
 * through `/workflows/update`, replacing the closure rules it already has and keeping every other rule.
 */
import { jiraAsApp, type JiraClient } from '../../adapters/jira';
import { currentAppIdentity } from '../../adapters/runtime';
import {
  closureRulesFor,
  isClosureRule,
  type ClosureRuleConfig,
  type ClosureTransition,
  type TransitionClosureRules,
  type WorkflowRuleEntry,
} from '../../domain/closure';
import { ITR_TRANSITIONS, ITR_WORKFLOW_NAME } from '../setup/plan';
import { lookUpClosureFieldIds } from './closureFields';
import { loadFallback } from './fallbackClosers';

/** The ITR workflow's transitions that carry closure rules, by their id in `ITR_TRANSITIONS` (names as fallback). */
export const CLOSURE_TRANSITIONS: Readonly<Record<ClosureTransition, { id: string; name: string }>> = {
  resolve: { id: '91', name: 'Resolve' },
  close: { id: '111', name: 'Close' },
};

// Fails at load if the ITR workflow's transitions are renumbered without this table.
for (const t of Object.values(CLOSURE_TRANSITIONS)) {
  if (!ITR_TRANSITIONS.some((x) => x.id === t.id && x.name === t.name))
    throw new Error(`closure rules: ITR workflow has no transition ${t.id} ${t.name}`);
}

/** This site's configuration of the closure rules (one field listing, one KVS read). */
export async function closureRuleConfig(jira: JiraClient): Promise<ClosureRuleConfig> {
  const ids = await lookUpClosureFieldIds(jira);
  const { config } = await loadFallback();
  return {
    submitter: ids.submitter,
    visitOpen: ids.visitOpen,
    rootCause: ids.rootCause,
    classification: ids.classification,
    fallback: [...config.accountIds],
  };
}

/** The rule entries for one ITR transition with this site's configuration (for setup's `/workflows/create`). */
export async function closureRulesForTransition(
  jira: JiraClient,
  transition: ClosureTransition,
  config?: ClosureRuleConfig,
): Promise<TransitionClosureRules> {
  return closureRulesFor(transition, config ?? (await closureRuleConfig(jira)), currentAppIdentity());
}

const rec = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const ruleList = (v: unknown): Array<Record<string, unknown>> =>
  Array.isArray(v) ? v.map(rec).filter((x): x is Record<string, unknown> => x !== undefined) : [];
const closure = (r: Record<string, unknown>): boolean =>
  isClosureRule({ ruleKey: r['ruleKey'], parameters: rec(r['parameters']) ?? {} });

/** A transition's rules with the closure rules replaced by `wanted` (other rules untouched, ours kept first-class). */
function withClosureRules(t: Record<string, unknown>, wanted: TransitionClosureRules): Record<string, unknown> {
  const keepId = (old: Array<Record<string, unknown>>, entry: WorkflowRuleEntry): WorkflowRuleEntry => {
    const same = old.find((o) => closure(o) && rec(o['parameters'])?.['key'] === entry.parameters['key']);
    const id = rec(same?.['parameters'])?.['id'] ?? same?.['id'];
    return typeof id === 'string' ? { ...entry, id } : entry;
  };
  const validators = ruleList(t['validators']);
  const group = rec(t['conditions']);
  const conditions = ruleList(group?.['conditions']);
  const others = conditions.filter((c) => !closure(c));
  const subGroups = Array.isArray(group?.['conditionGroups']) ? (group['conditionGroups'] as unknown[]) : [];
  const ours = (wanted.conditions?.conditions ?? []).map((e) => keepId(conditions, e));
  let nextGroup: Record<string, unknown> | null;
  if (ours.length === 0)
    nextGroup = others.length === 0 && subGroups.length === 0 ? null : { ...group, conditions: others };
  else if (group === undefined || (others.length === 0 && subGroups.length === 0))
    nextGroup = { operation: 'ALL', conditions: ours };
  // An `ANY` group of other rules would let anyone past ours: ours and that group must all pass.
  else if (group['operation'] === 'ANY')
    nextGroup = { operation: 'ALL', conditions: ours, conditionGroups: [{ ...group, conditions: others }] };
  else nextGroup = { ...group, conditions: [...others, ...ours] };
  return {
    ...t,
    validators: [...validators.filter((v) => !closure(v)), ...wanted.validators.map((e) => keepId(validators, e))],
    conditions: nextGroup,
  };
}

/** The closure rules a transition carries (rule key, module, configuration), in a stable order: what a sync compares. */
function closureSignature(t: Record<string, unknown>): string {
  const group = rec(t['conditions']);
  const nested = (g: Record<string, unknown> | undefined): Array<Record<string, unknown>> =>
    g === undefined
      ? []
      : [
          ...ruleList(g['conditions']),
          ...(Array.isArray(g['conditionGroups']) ? g['conditionGroups'].flatMap((x) => nested(rec(x))) : []),
        ];
  return [...ruleList(t['validators']), ...nested(group)]
    .filter(closure)
    .map(
      (r) =>
        `${String(r['ruleKey'])}|${String(rec(r['parameters'])?.['key'])}|${String(rec(r['parameters'])?.['config'])}`,
    )
    .sort()
    .join('\n');
}

export type SyncOutcome = 'updated' | 'unchanged' | 'noWorkflow';

/**
 * Writes the closure rules, with this site's configuration, on the ITR workflow's Resolve and Close
 * transitions (`/workflows/update` with the workflow as read, only those rules changed). Nothing is
 * sent when they are already current. Run by setup after the workflow exists, and whenever the
 * fallback closers change.
 */
export async function syncClosureRules(
  jira: JiraClient = jiraAsApp(),
  config?: ClosureRuleConfig,
): Promise<SyncOutcome> {
  const { workflows, statuses } = await jira.readWorkflowDocuments([ITR_WORKFLOW_NAME]);
  const wf = workflows.find((w) => w['name'] === ITR_WORKFLOW_NAME);
  if (wf === undefined) return 'noWorkflow';
  const cfg = config ?? (await closureRuleConfig(jira));
  const app = currentAppIdentity();
  const transitions = ruleList(wf['transitions']);
  const next = transitions.map((t) => {
    const kind = (Object.keys(CLOSURE_TRANSITIONS) as ClosureTransition[]).find(
      (k) => t['id'] === CLOSURE_TRANSITIONS[k].id || t['name'] === CLOSURE_TRANSITIONS[k].name,
    );
    return kind === undefined ? t : withClosureRules(t, closureRulesFor(kind, cfg, app));
  });
  if (next.every((t, i) => closureSignature(t) === closureSignature(transitions[i] ?? {}))) return 'unchanged';
  await jira.updateWorkflows({
    statuses: statuses.map((s) => ({
      id: s['id'],
      name: s['name'],
      statusCategory: s['statusCategory'],
      statusReference: s['statusReference'],
    })),
    workflows: [{ id: wf['id'], version: wf['version'], statuses: wf['statuses'], transitions: next }],
  });
  return 'updated';
}
