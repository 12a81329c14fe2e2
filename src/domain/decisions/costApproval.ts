/**
 * Cost approval: an action that costs money (an on-site visit, a replacement part, a credit to the
 * customer) is marked as such and needs an approver from a configured group before it is carried
 * out. Pure rules: what a valid request is, and which moves of its state are allowed.
 */

export const COST_KINDS = ['onSiteVisit', 'replacementPart', 'credit'] as const;
export type CostKind = (typeof COST_KINDS)[number];

export const COST_STATUSES = ['pending', 'approved', 'refused', 'done'] as const;
export type CostStatus = (typeof COST_STATUSES)[number];

export function isCostKind(v: unknown): v is CostKind {
  return typeof v === 'string' && (COST_KINDS as readonly string[]).includes(v);
}

/**
 * Largest amount one request may carry, in minor units (cents): 10^12, i.e. ten billion in the major
 * unit, far above any single service action and well inside a JavaScript safe integer and BIGINT.
 */
export const COST_AMOUNT_MAX_MINOR = 1_000_000_000_000;
/** Characters of a cost's description and of an approver's note (VARCHAR in itr_cost_action). */
export const COST_TEXT_MAX = 1000;
/** ISO 4217 code: three capital letters. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

export interface CostRequestInput {
  kind: unknown;
  amountMinor: unknown;
  currency: unknown;
  description: unknown;
}

export interface CostRequest {
  kind: CostKind;
  amountMinor: number;
  currency: string;
  description: string;
}

export interface CostIssue {
  path: 'kind' | 'amountMinor' | 'currency' | 'description';
  code:
    | 'COST_KIND_INVALID'
    | 'COST_AMOUNT_INVALID'
    | 'COST_CURRENCY_INVALID'
    | 'COST_DESCRIPTION_REQUIRED'
    | 'DECISION_TEXT_TOO_LONG';
  params?: Record<string, string | number>;
}

/** Every problem of a request at once (the panel shows each under its field), or the request. */
export function validateCostRequest(
  input: CostRequestInput,
): { ok: true; value: CostRequest } | { ok: false; issues: CostIssue[] } {
  const issues: CostIssue[] = [];
  if (!isCostKind(input.kind)) issues.push({ path: 'kind', code: 'COST_KIND_INVALID' });
  const amount = input.amountMinor;
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount <= 0 || amount > COST_AMOUNT_MAX_MINOR)
    issues.push({ path: 'amountMinor', code: 'COST_AMOUNT_INVALID', params: { max: COST_AMOUNT_MAX_MINOR } });
  if (typeof input.currency !== 'string' || !CURRENCY_PATTERN.test(input.currency))
    issues.push({ path: 'currency', code: 'COST_CURRENCY_INVALID' });
  const description = typeof input.description === 'string' ? input.description.trim() : '';
  if (description === '') issues.push({ path: 'description', code: 'COST_DESCRIPTION_REQUIRED' });
  else if ([...description].length > COST_TEXT_MAX)
    issues.push({
      path: 'description',
      code: 'DECISION_TEXT_TOO_LONG',
      params: { size: [...description].length, max: COST_TEXT_MAX },
    });
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      kind: input.kind as CostKind,
      amountMinor: amount as number,
      currency: input.currency as string,
      description,
    },
  };
}

export type CostMove = 'approve' | 'refuse' | 'markDone';

/**
 * The state a move leads to, or null when the move is not allowed from `from`: a pending action is
 * approved or refused (once); only an approved action may be carried out (marked done).
 */
export function nextCostStatus(from: CostStatus, move: CostMove): CostStatus | null {
  if (from === 'pending' && move === 'approve') return 'approved';
  if (from === 'pending' && move === 'refuse') return 'refused';
  if (from === 'approved' && move === 'markDone') return 'done';
  return null;
}

/** Whether the moving person may make the move: approving and refusing need the approver group. */
export function moveNeedsApprover(move: CostMove): boolean {
  return move === 'approve' || move === 'refuse';
}

export interface CostTotals {
  count: number;
  /** Amount in minor units, by currency (amounts in different currencies are never added). */
  amountByCurrency: Record<string, number>;
}

/** Actions of one status in one currency: how many, and their amount in minor units. */
export interface CostSummaryRow {
  status: CostStatus;
  currency: string;
  count: number;
  amountMinor: number;
}

/** Count and amount per status, for supervision (amounts stay apart by currency). */
export function costTotals(rows: readonly CostSummaryRow[]): Record<CostStatus, CostTotals> {
  const out = Object.fromEntries(COST_STATUSES.map((s) => [s, { count: 0, amountByCurrency: {} }])) as Record<
    CostStatus,
    CostTotals
  >;
  for (const r of rows) {
    const t = out[r.status];
    t.count += r.count;
    t.amountByCurrency[r.currency] = (t.amountByCurrency[r.currency] ?? 0) + r.amountMinor;
  }
  return out;
}
