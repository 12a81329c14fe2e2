import '../composition';
import Resolver from '@forge/resolver';
import { guardedDefinitions } from '../guard';
import { closureRuleConfigForPage, describeSavedClosureRuleConfig } from '../../app/closure/closureRulePages';
import type { ClosureRuleFunctions } from '../../contract/closureRules';
import { defineAll, type Implementing } from '../envelope';
import { callerOf, fieldsOf } from '../payload';

/**
 * Resolver of the close and resolve workflow rules' create/edit/view pages (manifest function
 * `closure-rule-resolver`, named by `itr-close-condition`, `itr-close-validator` and
 * `itr-resolve-validator`). Which rule is asking comes from the context's `moduleKey`, who from its
 * `accountId`; the payload only carries the saved configuration the view page was given.
 */
const functions: Implementing<ClosureRuleFunctions> = {
  getClosureRuleConfig: (_payload, context) =>
    closureRuleConfigForPage({ accountId: callerOf(context), moduleKey: context['moduleKey'] }),
  describeClosureRuleConfig: (payload, context) =>
    describeSavedClosureRuleConfig(
      { accountId: callerOf(context), moduleKey: context['moduleKey'] },
      fieldsOf(payload)['config'],
    ),
};

export const handler = guardedDefinitions(defineAll(new Resolver(), functions));
