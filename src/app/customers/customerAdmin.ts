/**
 * The admin page's Customers subpage: the list (search by id, name or serial), one customer with its
 * installed products, and erasure of one customer's data everywhere the app holds it (personal
 * data: the contact; SECURITY.md "Customer data" lists what is erased). Jira administrators only.
 */
import type { CustomerErasure, CustomerList, CustomerView } from '../../contract/customers';
import { recordAudit } from '../audit/auditLog';
import { requireConfirmation } from '../audit/confirmation';
import { requireJiraAdmin } from '../auth/authorization';
import { ItrError } from '../itrError';
import { repositories } from '../ports';

/** Customers per page of the list. Range 1–200; default 50. */
export const CUSTOMER_PAGE = 50;
/** Longest search text, characters. */
export const CUSTOMER_QUERY_MAX = 100;
const CUSTOMER_ID = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;

export interface CustomerAdminDeps {
  requireAdmin(accountId: string | undefined): Promise<void>;
  now(): Date;
}

export const platformCustomerAdminDeps = (): CustomerAdminDeps => ({
  requireAdmin: (id) => requireJiraAdmin(id),
  now: () => new Date(),
});

function customerIdOf(x: unknown): string {
  if (typeof x !== 'string' || !CUSTOMER_ID.test(x))
    throw new ItrError('INVALID_PAYLOAD', 'customerId must be a customer id', { path: 'customerId' });
  return x;
}

export class CustomerAdmin {
  constructor(private readonly deps: CustomerAdminDeps = platformCustomerAdminDeps()) {}

  async list(accountId: string | undefined, p: { query: unknown; offset: unknown }): Promise<CustomerList> {
    await this.deps.requireAdmin(accountId);
    const q = typeof p.query === 'string' ? p.query.trim().slice(0, CUSTOMER_QUERY_MAX) : '';
    const offset = typeof p.offset === 'number' && Number.isInteger(p.offset) && p.offset >= 0 ? p.offset : 0;
    return repositories().customers.list(q, offset, CUSTOMER_PAGE);
  }

  async get(accountId: string | undefined, p: { customerId: unknown }): Promise<CustomerView> {
    await this.deps.requireAdmin(accountId);
    const id = customerIdOf(p.customerId);
    const c = await repositories().customers.get(id);
    if (c === undefined) throw new ItrError('CUSTOMER_NOT_FOUND', `no customer ${id}`, { path: 'customerId' });
    return c;
  }

  /**
   * Erases the customer: its row and contact, its products, the issues' links to it and their
   * overrides, the customer's words in those issues' return visits, and staged import files (which
   * may hold its rows). Needs `confirm: true`. The audit entry names the customer id only. Erasing
   * a customer not (or no longer) held answers zero counts: erasure is idempotent.
   */
  async erase(accountId: string | undefined, p: { customerId: unknown; confirm: unknown }): Promise<CustomerErasure> {
    await this.deps.requireAdmin(accountId);
    const id = customerIdOf(p.customerId);
    requireConfirmation(p, "Erasing deletes the customer's data everywhere it is held");
    const counts = await repositories().customers.erase(id);
    await recordAudit(
      {
        actorAccountId: accountId ?? null,
        action: 'customer.erase',
        target: id,
        summary: `Customer ${id} erased: ${counts.products} products, ${counts.issueLinks} issue links, ${counts.overrides} overrides, ${counts.returnVisitWordsCleared} return-visit texts`,
        params: { customerId: id, ...counts },
      },
      this.deps.now(),
    );
    return { customerId: id, ...counts };
  }
}
