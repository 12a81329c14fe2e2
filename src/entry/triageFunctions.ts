import Resolver from '@forge/resolver';
import { guardedDefinitions } from './guard';
import { getRegradeProgress, startRegrade } from '../app/regrade/regrade';
import { confirmationMissing } from '../app/audit/confirmation';
import {
  acceptIssue,
  getClassificationHistory,
  getTriageOptions,
  listTriage,
  reassignIssue,
  triageIssue,
} from '../app/triage/triage';
import { toErrorResult } from '../app/triage/triageErrors';
import type { ResolverResult } from '../contract/envelope';
import type { TriageDecision, TriageFunctions } from '../contract/triage';
import { isRecord } from '../domain/input';
import { isIssueKey } from '../domain/jiraKeys';

/**
 * Triage's resolver functions, served through the `itr-home` global page's resolver (and the issue panel's,
 * for `getClassificationHistory`), including the admin's recompute of open issues. It only checks the
 * payload's shape, calls the use case with the caller's account id from the context, and wraps the answer.
 */

type Result<K extends keyof TriageFunctions> = ResolverResult<TriageFunctions[K]['result']>;

function invalid(message: string, path: string): ResolverResult<never> {
  return { success: false, errors: [{ code: 'INVALID_PAYLOAD', message, path }] };
}

function callerOf(context: unknown): string | undefined {
  return isRecord(context) && typeof context['accountId'] === 'string' ? context['accountId'] : undefined;
}

function issueKeyOf(payload: unknown): string | undefined {
  const key = isRecord(payload) ? payload['issueKey'] : undefined;
  return isIssueKey(key) ? key : undefined;
}

async function guarded<T>(run: () => Promise<T>, issueKey?: string): Promise<ResolverResult<T>> {
  try {
    return { success: true, data: await run() };
  } catch (error) {
    return toErrorResult(error, issueKey);
  }
}

const optString = (o: Record<string, unknown>, k: string): boolean => o[k] === undefined || typeof o[k] === 'string';

/** Shape check only; the meaning (kinds, options, lines) is checked by the use case against the config. */
export function parseDecision(payload: unknown): TriageDecision | ResolverResult<never> {
  if (!isRecord(payload)) return invalid('payload must be an object', '');
  const issueKey = issueKeyOf(payload);
  if (issueKey === undefined) return invalid('issueKey must be a Jira issue key such as "ITR-12"', 'issueKey');
  if (typeof payload['kind'] !== 'string') return invalid('kind must be a string', 'kind');
  const answers = payload['answers'];
  if (!isRecord(answers) || !Object.values(answers).every((v) => typeof v === 'string'))
    return invalid('answers must map dimension ids to option ids', 'answers');
  const c = payload['classification'];
  const facts = isRecord(c) ? c['facts'] : undefined;
  const factKeys = [
    'failsWithinSpecification',
    'contractOrProcessNotFollowed',
    'expectedByUserHabitOrIndustryNorm',
  ] as const;
  if (!isRecord(c) || !isRecord(facts) || !factKeys.every((k) => typeof facts[k] === 'boolean')) {
    return invalid(`classification.facts must hold the booleans ${factKeys.join(', ')}`, 'classification.facts');
  }
  if (c['chosen'] !== undefined && c['chosen'] !== 'problem' && c['chosen'] !== 'requirement')
    return invalid('classification.chosen is problem or requirement', 'classification.chosen');
  if (!optString(c, 'justification'))
    return invalid('classification.justification must be a string', 'classification.justification');
  for (const k of ['line', 'ownerAccountId', 'customerTier', 'warranty', 'product', 'region']) {
    if (!optString(payload, k)) return invalid(`${k} must be a string`, k);
  }
  const s = (k: string): string | undefined => (typeof payload[k] === 'string' ? payload[k] : undefined);
  const decision: TriageDecision = {
    issueKey,
    kind: payload['kind'] as TriageDecision['kind'],
    classification: {
      facts: {
        failsWithinSpecification: facts['failsWithinSpecification'] as boolean,
        contractOrProcessNotFollowed: facts['contractOrProcessNotFollowed'] as boolean,
        expectedByUserHabitOrIndustryNorm: facts['expectedByUserHabitOrIndustryNorm'] as boolean,
      },
      ...(c['chosen'] !== undefined ? { chosen: c['chosen'] } : {}),
      ...(typeof c['justification'] === 'string' ? { justification: c['justification'] } : {}),
    },
    answers: answers as Record<string, string>,
  };
  // Optional strings are copied only when present (exactOptionalPropertyTypes).
  const line = s('line');
  if (line !== undefined) decision.line = line as NonNullable<TriageDecision['line']>;
  const owner = s('ownerAccountId');
  if (owner !== undefined) decision.ownerAccountId = owner;
  const tier = s('customerTier');
  if (tier !== undefined) decision.customerTier = tier;
  const warranty = s('warranty');
  if (warranty !== undefined) decision.warranty = warranty as NonNullable<TriageDecision['warranty']>;
  const product = s('product');
  if (product !== undefined) decision.product = product;
  const region = s('region');
  if (region !== undefined) decision.region = region;
  return decision;
}

const isDecision = (d: TriageDecision | ResolverResult<never>): d is TriageDecision => !('success' in d);

const resolver = new Resolver();

resolver.define(
  'getTriageOptions',
  ({ context }): Promise<Result<'getTriageOptions'>> => guarded(() => getTriageOptions(callerOf(context))),
);

resolver.define('listTriage', ({ payload, context }): Promise<Result<'listTriage'>> | Result<'listTriage'> => {
  const token = isRecord(payload) ? payload['pageToken'] : undefined;
  if (token !== undefined && typeof token !== 'string') return invalid('pageToken must be a string', 'pageToken');
  return guarded(() => listTriage(callerOf(context), token));
});

resolver.define('triageIssue', ({ payload, context }): Promise<Result<'triageIssue'>> | Result<'triageIssue'> => {
  const decision = parseDecision(payload);
  if (!isDecision(decision)) return decision;
  return guarded(() => triageIssue(decision, callerOf(context)), decision.issueKey);
});

resolver.define('reassignIssue', ({ payload, context }): Promise<Result<'reassignIssue'>> | Result<'reassignIssue'> => {
  const issueKey = issueKeyOf(payload);
  if (issueKey === undefined || !isRecord(payload))
    return invalid('issueKey must be a Jira issue key such as "ITR-12"', 'issueKey');
  const { mode, toAccountId, reason } = payload;
  if (mode !== 'forward' && mode !== 'escalate') return invalid('mode is forward or escalate', 'mode');
  if (typeof toAccountId !== 'string') return invalid('toAccountId must be a string', 'toAccountId');
  if (typeof reason !== 'string') return invalid('reason must be a string', 'reason');
  return guarded(() => reassignIssue({ issueKey, mode, toAccountId, reason }, callerOf(context)), issueKey);
});

resolver.define('acceptIssue', ({ payload, context }): Promise<Result<'acceptIssue'>> | Result<'acceptIssue'> => {
  const issueKey = issueKeyOf(payload);
  if (issueKey === undefined) return invalid('issueKey must be a Jira issue key such as "ITR-12"', 'issueKey');
  return guarded(() => acceptIssue(issueKey, callerOf(context)), issueKey);
});

resolver.define(
  'getClassificationHistory',
  ({ payload, context }): Promise<Result<'getClassificationHistory'>> | Result<'getClassificationHistory'> => {
    const issueKey = issueKeyOf(payload);
    if (issueKey === undefined) return invalid('issueKey must be a Jira issue key such as "ITR-12"', 'issueKey');
    return guarded(() => getClassificationHistory(issueKey, callerOf(context)), issueKey);
  },
);

resolver.define(
  'startRegrade',
  async ({ payload, context }): Promise<Result<'startRegrade'>> =>
    confirmationMissing(payload, 'Recomputing rewrites the grade of every open issue') ??
    guarded(() => startRegrade(callerOf(context))),
);

resolver.define(
  'getRegradeProgress',
  ({ payload, context }): Promise<Result<'getRegradeProgress'>> | Result<'getRegradeProgress'> => {
    const jobId = isRecord(payload) ? payload['jobId'] : undefined;
    if (jobId !== undefined && (typeof jobId !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(jobId)))
      return invalid('jobId must be a job id', 'jobId');
    return guarded(() => getRegradeProgress(callerOf(context), jobId));
  },
);

/** Every function this resolver defines; pages that share a resolver route by it (compile-time complete). */
export const TRIAGE_KEYS: Record<keyof TriageFunctions, true> = {
  getTriageOptions: true,
  listTriage: true,
  triageIssue: true,
  reassignIssue: true,
  acceptIssue: true,
  getClassificationHistory: true,
  startRegrade: true,
  getRegradeProgress: true,
};

export const handler = guardedDefinitions(resolver);
