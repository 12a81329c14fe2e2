import Resolver from '@forge/resolver';
import { guardedDefinitions } from './guard';
import {
  answerSubmitter,
  askSubmitter,
  getDecisions,
  moveCost,
  openDecision,
  requestCost,
  signDecision,
} from '../app/decisions/decisions';
import type { DecisionFunctions } from '../contract/decisions';
import { DECISION_ROLES } from '../domain/decisions';
import { defineAll, type Implementing } from './envelope';
import { panelIssueKey } from './panelIssue';
import { callerOf, fieldsOf, invalidPayload, numericId, oneOf, text } from './payload';

/**
 * The issue panel's decisions (src/app/decisions, issue 17): the iron triangle's sign-offs, cost
 * approval, clarification with the submitter. Served through the panel's resolver
 * (src/entry/issue-panel-resolver routes these keys here). Each function only parses the payload,
 * checks that it names the panel's own issue and calls the use case as the caller.
 */

function flag(payload: unknown, name: string): boolean {
  const v = fieldsOf(payload)[name];
  return typeof v === 'boolean' ? v : invalidPayload(name, `${name} must be true or false`);
}

const functions: Implementing<DecisionFunctions> = {
  getDecisions: (payload, context) => getDecisions(panelIssueKey(payload, context), callerOf(context)),
  openDecision: (payload, context) =>
    openDecision(
      { issueKey: panelIssueKey(payload, context), proposal: text(payload, 'proposal'), money: flag(payload, 'money') },
      callerOf(context),
    ),
  signDecision: (payload, context) => {
    const issueKey = panelIssueKey(payload, context);
    const role = oneOf(payload, 'role', DECISION_ROLES);
    // Any number: the level's range is the domain's rule (at most three levels), answered with its own code.
    const level = fieldsOf(payload)['level'];
    if (typeof level !== 'number') return invalidPayload('level', 'level must be a number');
    return signDecision(
      {
        issueKey,
        role,
        level,
        verdict: oneOf(payload, 'verdict', ['agree', 'object']),
        note: text(payload, 'note'),
      },
      callerOf(context),
    );
  },
  requestCost: (payload, context) => {
    const p = fieldsOf(payload);
    // Kind, amount and currency are checked together by the domain, so every problem is named at once.
    return requestCost(
      {
        issueKey: panelIssueKey(payload, context),
        kind: p['kind'],
        amountMinor: p['amountMinor'],
        currency: p['currency'],
        description: p['description'],
      },
      callerOf(context),
    );
  },
  moveCost: (payload, context) =>
    moveCost(
      {
        issueKey: panelIssueKey(payload, context),
        costId: numericId(payload, 'costId'),
        move: oneOf(payload, 'move', ['approve', 'refuse', 'markDone']),
        note: text(payload, 'note'),
      },
      callerOf(context),
    ),
  askSubmitter: (payload, context) =>
    askSubmitter({ issueKey: panelIssueKey(payload, context), question: text(payload, 'question') }, callerOf(context)),
  answerSubmitter: (payload, context) =>
    answerSubmitter({ issueKey: panelIssueKey(payload, context), answer: text(payload, 'answer') }, callerOf(context)),
};

/** Every function of this group; the panel's resolver routes by it (compile-time complete). */
export const DECISION_KEYS: Record<keyof DecisionFunctions, true> = {
  getDecisions: true,
  openDecision: true,
  signDecision: true,
  requestCost: true,
  moveCost: true,
  askSubmitter: true,
  answerSubmitter: true,
};

export const handler = guardedDefinitions(defineAll(new Resolver(), functions));
