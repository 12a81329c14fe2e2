/**
 * Customers, installed products, their CSV imports (staged in chunks like a backup restore), what
 * triage picked for an issue, and erasure (src/app/customers). SQL: src/adapters/sql/customerRepository.ts.
 */
import type {
  CustomerErasure,
  CustomerImportState,
  CustomerImportStatus,
  CustomerList,
  CustomerView,
} from '../../contract/customers';
import type { CustomerRow } from '../../domain/customer';

export interface StoredProduct {
  customerId: string;
  serial: string;
  product: string;
  warrantyEnd: string;
  compliant: boolean;
}

export interface StoredCustomer {
  customerId: string;
  name: string;
  tier: string;
  region: string;
  contactName: string | null;
  contactEmail: string | null;
}

export interface CustomerRepository {
  // ----- imports
  /** A new import in `staging`; earlier ones staging are abandoned and their chunks dropped. */
  createImport(accountId: string, chunkCount: number, byteCount: number, sha256: string, now: Date): Promise<string>;
  getImport(id: string): Promise<CustomerImportStatus | undefined>;
  latestImport(): Promise<CustomerImportStatus | undefined>;
  declaredSha256(id: string): Promise<string | undefined>;
  /** Who started the import (account id). */
  importOwner(id: string): Promise<string | undefined>;
  putChunk(id: string, index: number, text: string): Promise<void>;
  chunksReceived(id: string): Promise<number>;
  /** The chunks joined in order, and the indexes missing. */
  chunks(id: string, chunkCount: number): Promise<{ text: string; missing: number[] }>;
  dropChunks(id: string): Promise<void>;
  /** Sets state (and optionally counts or an error code); `from` guards the transition (false when it did not hold). */
  setImportState(
    id: string,
    to: CustomerImportState,
    now: Date,
    extra?: { from?: readonly CustomerImportState[]; rowCount?: number; customers?: number; errorCode?: string | null },
  ): Promise<boolean>;
  advanceImport(id: string, rowsApplied: number, now: Date): Promise<void>;

  // ----- customers and products
  /** Upserts the rows' customers and products by (customer id, serial). */
  upsertRows(rows: readonly CustomerRow[], now: Date): Promise<void>;
  /** Stored customers among `ids`. */
  customersByIds(ids: readonly string[]): Promise<StoredCustomer[]>;
  /** Stored products of the customers `ids`. */
  productsOf(ids: readonly string[]): Promise<StoredProduct[]>;
  list(query: string, offset: number, limit: number): Promise<CustomerList>;
  get(customerId: string): Promise<CustomerView | undefined>;

  // ----- on the issue
  /** Product instances whose customer name or id, or serial, contains `query`. */
  searchProducts(
    query: string,
    limit: number,
  ): Promise<Array<StoredProduct & { name: string; tier: string; region: string }>>;
  issueCustomer(issueId: string): Promise<StoredIssueCustomer | undefined>;
  setIssueCustomer(link: StoredIssueCustomer): Promise<void>;
  overrides(issueId: string): Promise<StoredOverride[]>;
  /** Records the override and applies it to the link. */
  addOverride(o: StoredOverride): Promise<void>;
  sparePartSteps(issueId: string): Promise<StoredSparePartStep[]>;
  /** False when this part already has this step (a concurrent click). */
  addSparePartStep(s: StoredSparePartStep): Promise<boolean>;
  /** Every part's steps over the issues `issueIds` (supervision's count), or all when undefined. */
  allSparePartSteps(issueIds?: readonly string[]): Promise<StoredSparePartStep[]>;
  /** Every part's steps on the ITR issues (supervision's issue facts) of the projects `projectKeys`. */
  sparePartStepsInProjects(projectKeys: readonly string[]): Promise<StoredSparePartStep[]>;

  // ----- erasure
  /** Deletes every record of the customer (see CustomerErasure) and staged import files. */
  erase(customerId: string): Promise<Omit<CustomerErasure, 'customerId'>>;
}

export interface StoredIssueCustomer {
  issueId: string;
  customerId: string;
  serial: string;
  tier: string;
  region: string;
  warranty: 'in' | 'out';
  compliant: boolean;
  pickedBy: string;
  pickedAt: Date;
}

export interface StoredOverride {
  issueId: string;
  customerId: string;
  field: 'tier' | 'region' | 'warranty' | 'compliant';
  from: string;
  to: string;
  reason: string;
  by: string;
  at: Date;
}

export interface StoredSparePartStep {
  issueId: string;
  partNo: number;
  step: 'requested' | 'shipped' | 'received' | 'returned' | 'repaired';
  by: string;
  at: Date;
}
