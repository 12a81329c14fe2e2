import Resolver from '@forge/resolver';
import { IssueCustomer } from '../app/customers/issueCustomer';
import type { IssueCustomerFunctions } from '../contract/customers';
import { defineAll, type Implementing } from './envelope';
import { guardedDefinitions } from './guard';
import { callerOf, fieldsOf, issueKey, text } from './payload';

/**
 * The issue's customer and product instance and its spare parts (src/app/customers/issueCustomer.ts):
 * served to the triage page (itr-home-resolver) and the issue panel (issue-panel-resolver) alike.
 */
export const ISSUE_CUSTOMER_KEYS: Readonly<Record<keyof IssueCustomerFunctions, true>> = {
  searchCustomerProducts: true,
  getIssueCustomer: true,
  pickIssueCustomer: true,
  overrideIssueCustomer: true,
  getSpareParts: true,
  recordSparePartStep: true,
};

export function issueCustomerFunctions(
  use: () => IssueCustomer = () => new IssueCustomer(),
): Implementing<IssueCustomerFunctions> {
  return {
    searchCustomerProducts: (payload) => use().search(issueKey(payload), fieldsOf(payload)['query']),
    getIssueCustomer: (payload) => use().get(issueKey(payload)),
    pickIssueCustomer: (payload, context) =>
      use().pick(issueKey(payload), callerOf(context), text(payload, 'customerId'), text(payload, 'serial')),
    overrideIssueCustomer: (payload, context) => {
      const p = fieldsOf(payload);
      return use().override(issueKey(payload), callerOf(context), {
        field: p['field'],
        to: p['to'],
        reason: p['reason'],
      });
    },
    getSpareParts: (payload) => use().spareParts(issueKey(payload)),
    recordSparePartStep: (payload, context) => {
      const p = fieldsOf(payload);
      return use().recordStep(issueKey(payload), callerOf(context), { partNo: p['partNo'], step: p['step'] });
    },
  };
}

export const handler = guardedDefinitions(defineAll(new Resolver(), issueCustomerFunctions()));
