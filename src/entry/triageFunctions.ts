import Resolver from '@forge/resolver';
import { guardedDefinitions } from './guard';
import {
  acceptIssue,
  getClassificationHistory,
  getTriageOptions,
  listTriage,
  reassignIssue,
  triageIssue,
} from '../app/triage/triage';
import { getTriageIssue, previewTriage } from '../app/triage/triageIssueView';
import type { TriageDecision, TriageFunctions, TriagePreviewRequest } from '../contract/triage';
import { isRecord } from '../domain/input';
import { defineAll, type Implementing } from './envelope';
import { callerOf, invalidPayload, issueKey, oneOf, optionalText, text } from './payload';
import { regradeFunctions } from './regradeFunctions';

/**
 * Triage's resolver functions, served through the `itr-home` global page's resolver (and the issue panel's,
 * for `getClassificationHistory`), including the admin's recompute of open issues. It only checks the
 * payload's shape, calls the use case with the caller's account id from the context, and answers its value.
 */

const FACTS = [
  'failsWithinSpecification',
  'contractOrProcessNotFollowed',
  'expectedByUserHabitOrIndustryNorm',
] as const;

/** Shape check only; the meaning (kinds, options, lines) is checked by the use case against the config. */
export function parseDecision(payload: unknown): TriageDecision {
  if (!isRecord(payload)) return invalidPayload('', 'payload must be an object');
  const key = issueKey(payload);
  const kind = text(payload, 'kind');
  const answers = payload['answers'];
  if (!isRecord(answers) || !Object.values(answers).every((v) => typeof v === 'string'))
    return invalidPayload('answers', 'answers must map dimension ids to option ids');
  const c = payload['classification'];
  const facts = isRecord(c) ? c['facts'] : undefined;
  if (!isRecord(c) || !isRecord(facts) || !FACTS.every((k) => typeof facts[k] === 'boolean'))
    return invalidPayload('classification.facts', `classification.facts must hold the booleans ${FACTS.join(', ')}`);
  if (c['chosen'] !== undefined && c['chosen'] !== 'problem' && c['chosen'] !== 'requirement')
    return invalidPayload('classification.chosen', 'classification.chosen is problem or requirement');
  const justification = c['justification'];
  if (justification !== undefined && typeof justification !== 'string')
    return invalidPayload('classification.justification', 'classification.justification must be a string');
  // Each optional text is parsed (refused when not text) before anything is built, as one shape check.
  const [line, owner, tier, warranty, product, region] = (
    ['line', 'ownerAccountId', 'customerTier', 'warranty', 'product', 'region'] as const
  ).map((k) => optionalText(payload, k));
  const decision: TriageDecision = {
    issueKey: key,
    kind: kind as TriageDecision['kind'],
    classification: {
      facts: {
        failsWithinSpecification: facts['failsWithinSpecification'] as boolean,
        contractOrProcessNotFollowed: facts['contractOrProcessNotFollowed'] as boolean,
        expectedByUserHabitOrIndustryNorm: facts['expectedByUserHabitOrIndustryNorm'] as boolean,
      },
      ...(c['chosen'] !== undefined ? { chosen: c['chosen'] } : {}),
      ...(justification !== undefined ? { justification } : {}),
    },
    answers: answers as Record<string, string>,
  };
  // Optional strings are copied only when present (exactOptionalPropertyTypes).
  if (line !== undefined) decision.line = line as NonNullable<TriageDecision['line']>;
  if (owner !== undefined) decision.ownerAccountId = owner;
  if (tier !== undefined) decision.customerTier = tier;
  if (warranty !== undefined) decision.warranty = warranty as NonNullable<TriageDecision['warranty']>;
  if (product !== undefined) decision.product = product;
  if (region !== undefined) decision.region = region;
  return decision;
}

/** Shape check only, like `parseDecision`: the use case says which answers and lines exist. */
export function parsePreviewRequest(payload: unknown): TriagePreviewRequest {
  const key = issueKey(payload);
  const answers = isRecord(payload) ? payload['answers'] : undefined;
  if (!isRecord(answers) || !Object.values(answers).every((v) => typeof v === 'string'))
    return invalidPayload('answers', 'answers must map dimension ids to option ids');
  const line = optionalText(payload, 'line');
  const request: TriagePreviewRequest = { issueKey: key, answers: answers as Record<string, string> };
  if (line !== undefined) request.line = line as NonNullable<TriagePreviewRequest['line']>;
  if (isRecord(payload) && payload['classification'] !== undefined)
    request.classification = oneOf(payload, 'classification', ['problem', 'requirement']);
  return request;
}

/** Every function, by key: the payload parsed, the use case called as the caller. */
const functions: Implementing<TriageFunctions> = {
  getTriageOptions: (_payload, context) => getTriageOptions(callerOf(context)),
  listTriage: (payload, context) => listTriage(callerOf(context), optionalText(payload, 'pageToken')),
  triageIssue: (payload, context) => triageIssue(parseDecision(payload), callerOf(context)),
  reassignIssue: (payload, context) => {
    const key = issueKey(payload);
    const mode = oneOf(payload, 'mode', ['forward', 'escalate']);
    // Any text: the use case says why an empty or malformed target is refused (TRIAGE_OWNER_*).
    const toAccountId = text(payload, 'toAccountId');
    return reassignIssue({ issueKey: key, mode, toAccountId, reason: text(payload, 'reason') }, callerOf(context));
  },
  acceptIssue: (payload, context) => acceptIssue(issueKey(payload), callerOf(context)),
  getClassificationHistory: (payload, context) => getClassificationHistory(issueKey(payload), callerOf(context)),
  getTriageIssue: (payload, context) => getTriageIssue(issueKey(payload), callerOf(context)),
  previewTriage: (payload, context) => previewTriage(parsePreviewRequest(payload), callerOf(context)),
  ...regradeFunctions(),
};

/** Every function this resolver defines; pages that share a resolver route by it (compile-time complete). */
export const TRIAGE_KEYS: Record<keyof TriageFunctions, true> = {
  getTriageOptions: true,
  listTriage: true,
  triageIssue: true,
  reassignIssue: true,
  acceptIssue: true,
  getClassificationHistory: true,
  getTriageIssue: true,
  previewTriage: true,
  startRegrade: true,
  getRegradeProgress: true,
};

export const handler = guardedDefinitions(defineAll(new Resolver(), functions));
