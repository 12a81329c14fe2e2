/**
 * Customers and their installed products (issue 17): the admin's CSV import (resolver
 * `grading-admin-resolver`, Jira administrators only), the list, and erasure of one customer's data.
 *
 * Import, as the chunked backup restore: `startCustomerImport` (size, chunk count, SHA-256), every
 * chunk with `uploadCustomerImportChunk` (each under the resolver payload cap), `previewCustomerImport`
 * (checks every row: the counts, or every problem with its row and column), then
 * `commitCustomerImport` with `confirm: true`, which checks the whole file again and queues it: the
 * `customer-import` queue consumer applies it in slices; poll `getCustomerImportStatus` for progress.
 * A file with any problem is refused whole (CUSTOMER_IMPORT_INVALID) and nothing changes. A re-import
 * upserts by (customer id, serial): products not in the file stay as they are.
 */
import type { CsvErrorCode, CustomerCsvColumn, SparePartSummary } from '../domain/customer';

export type { CsvErrorCode, CustomerCsvColumn } from '../domain/customer';

/** One problem of a file; `row` counts the header as 1, as a spreadsheet does. */
export interface CustomerCsvProblem {
  row: number;
  column: CustomerCsvColumn | null;
  code: CsvErrorCode;
  params?: Record<string, string | number>;
}

/**
 * `staging`: chunks being uploaded; `queued`/`applying`: checked and being written by the consumer;
 * `done`; `refused`: the file had problems, nothing was written; `abandoned`: a newer import started;
 * `failed`: the consumer stopped on an error no retry fixes (`errorCode`), commit again to resume.
 */
export type CustomerImportState = 'staging' | 'queued' | 'applying' | 'done' | 'refused' | 'abandoned' | 'failed';

export interface CustomerImportStatus {
  importId: string;
  state: CustomerImportState;
  chunkCount: number;
  chunksReceived: number;
  byteCount: number;
  /** Data rows of the file (0 until checked). */
  rowCount: number;
  rowsApplied: number;
  customers: number;
  errorCode: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CustomerImportPreview {
  importId: string;
  ok: boolean;
  rowCount: number;
  customers: number;
  customersAdded: number;
  productsAdded: number;
  productsChanged: number;
  /** The first problems (all when ok is false and there are few), each with its row. */
  problems: CustomerCsvProblem[];
  problemCount: number;
}

export interface CustomerProductView {
  serial: string;
  product: string;
  /** YYYY-MM-DD, the last day covered. */
  warrantyEnd: string;
  compliant: boolean;
}

export interface CustomerView {
  customerId: string;
  name: string;
  tier: string;
  region: string;
  contactName: string | null;
  contactEmail: string | null;
  products: CustomerProductView[];
}

export interface CustomerListItem {
  customerId: string;
  name: string;
  tier: string;
  region: string;
  productCount: number;
}

export interface CustomerList {
  items: CustomerListItem[];
  total: number;
}

/** What erasing one customer removed, by kind of record (SECURITY.md, "Customer data"). */
export interface CustomerErasure {
  customerId: string;
  customers: number;
  products: number;
  issueLinks: number;
  overrides: number;
  returnVisitWordsCleared: number;
  stagedImportsDropped: number;
}

export interface CustomerFunctions {
  startCustomerImport: {
    payload: { chunkCount: number; byteCount: number; sha256: string };
    result: CustomerImportStatus;
  };
  uploadCustomerImportChunk: {
    payload: { importId: string; index: number; text: string };
    result: { importId: string; chunksReceived: number; chunkCount: number };
  };
  previewCustomerImport: { payload: { importId: string }; result: CustomerImportPreview };
  commitCustomerImport: { payload: { importId: string; confirm: true }; result: CustomerImportStatus };
  getCustomerImportStatus: { payload: { importId?: string }; result: CustomerImportStatus | null };
  listCustomers: { payload: { query?: string; offset?: number }; result: CustomerList };
  getCustomer: { payload: { customerId: string }; result: CustomerView };
  eraseCustomer: { payload: { customerId: string; confirm: true }; result: CustomerErasure };
}

// ----- On the issue: the customer and product instance triage picked, and the spare-part flow -----

/** A product instance found by name, id or serial (no contact: triage does not need it). */
export interface CustomerProductHit {
  customerId: string;
  name: string;
  tier: string;
  region: string;
  serial: string;
  product: string;
  warrantyEnd: string;
  compliant: boolean;
}

export type IssueCustomerField = 'tier' | 'region' | 'warranty' | 'compliant';

export interface IssueCustomerOverride {
  field: IssueCustomerField;
  from: string;
  to: string;
  reason: string;
  /** Who overrode it, by display name (null when Jira does not know the account). */
  byName: string | null;
  at: string;
}

/** The facts of the issue's customer and product, as filled at the pick and as overridden since. */
export interface IssueCustomerFacts {
  customerId: string;
  name: string | null;
  serial: string;
  product: string | null;
  tier: string;
  region: string;
  /** 保内 `in` / 保外 `out` at the issue's creation, from the product's warranty end. */
  warranty: 'in' | 'out';
  compliant: boolean;
  pickedByName: string | null;
  pickedAt: string;
  overrides: IssueCustomerOverride[];
}

export interface SparePartStepView {
  step: 'requested' | 'shipped' | 'received' | 'returned' | 'repaired';
  byName: string | null;
  at: string;
}

export interface SparePartView {
  partNo: number;
  steps: SparePartStepView[];
  /** The step that may come next; null when repaired. */
  next: SparePartStepView['step'] | null;
}

/**
 * The issue's customer facts as the caller reads them, and whether the caller may change them
 * (EDIT_ISSUES on the issue, asked of Jira as the caller): a page offers no action it would refuse.
 */
export interface IssueCustomerView {
  facts: IssueCustomerFacts | null;
  canEdit: boolean;
}

/** The issue's spare parts, and whether the caller may record a step (EDIT_ISSUES on the issue). */
export interface SparePartsView {
  parts: SparePartView[];
  canEdit: boolean;
}

export interface IssueCustomerFunctions {
  /** Only for an issue the caller may edit (EDIT_ISSUES), the one the hit is to be picked for. */
  searchCustomerProducts: { payload: { issueKey: string; query: string }; result: CustomerProductHit[] };
  getIssueCustomer: { payload: { issueKey: string }; result: IssueCustomerView };
  pickIssueCustomer: {
    payload: { issueKey: string; customerId: string; serial: string };
    result: IssueCustomerFacts;
  };
  overrideIssueCustomer: {
    payload: { issueKey: string; field: IssueCustomerField; to: string; reason: string };
    result: IssueCustomerFacts;
  };
  getSpareParts: { payload: { issueKey: string }; result: SparePartsView };
  /** `partNo` absent with step `requested` starts a new part. */
  recordSparePartStep: {
    payload: { issueKey: string; partNo?: number; step: SparePartStepView['step'] };
    result: SparePartView[];
  };
}

/**
 * Spare parts on the supervision page (issue 17): over the ITR issues of the projects the caller may
 * browse, how many parts are in transit (shipped, not received), have their faulty part returned and
 * await repair, or are repaired, and the median minutes of each step (null when no part reached it).
 */
export type SparePartSummaryView = SparePartSummary;

export interface SparePartSupervisionFunctions {
  getSparePartSummary: { payload: Record<string, never>; result: SparePartSummaryView };
}
