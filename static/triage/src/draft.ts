/**
 * What the triage role has typed for one issue. Drafts live in the page by issue key, so switching
 * issues or a failed save never loses input; only a successful save drops the draft.
 */
import type { ClassificationFacts } from '../../../src/domain';
import type { ShownError } from '../../shared/errors';
import type {
  ClassificationId,
  IssueCustomerFacts,
  IssueCustomerField,
  ItrKindId,
  SupportLineId,
  TriageDecision,
  TriageListItem,
  WarrantyId,
} from '../../../src/contract';
import type { PickedPerson } from '../../shared/people';
import { suggestClassification } from './rule';

export const KINDS: readonly ItrKindId[] = ['technicalService', 'nonTechnicalService', 'spareParts', 'complaint'];
export const LINES: readonly SupportLineId[] = ['L1', 'L2', 'L3'];

export interface TriageDraft {
  kind: ItrKindId | '';
  facts: ClassificationFacts;
  /** 'rule': follow the rule's suggestion; null: not chosen yet (nothing is assumed, saving asks for it). */
  chosen: 'rule' | ClassificationId | null;
  justification: string;
  /** Dimension id → option id ('' = not answered yet). */
  answers: Record<string, string>;
  line: SupportLineId;
  /** Picked by name; null = nobody yet (the line's queue). */
  owner: PickedPerson | null;
  warranty: WarrantyId | '';
  product: string;
  region: string;
  /** What picking the issue's product filled in (null: nothing was); a change from it is an override. */
  prefill: CustomerPrefill | null;
  /** Why a filled-in answer was changed (required once one was). */
  overrideReason: string;
}

/** The grading dimension whose answer is the customer's tier (the shipped table's, as triage stamps it). */
export const CUSTOMER_TIER_DIMENSION = 'customerTier';

/** The answers picking a product filled in, from the issue's customer facts as they stood. */
export interface CustomerPrefill {
  warranty: WarrantyId;
  product: string | null;
  region: string;
  /** The tier as an option of the customer-tier dimension; null when the table has no such option. */
  tier: string | null;
}

/**
 * The draft with the answers the picked product gives: warranty (保内/保外), product, region and the
 * customer-tier answer (when the grading table has an option of that tier's id, any case). The agent may
 * still change each; `changedPrefills` tells which they did.
 */
export function prefillFromFacts(
  d: TriageDraft,
  facts: IssueCustomerFacts,
  tierOptions: readonly string[],
): TriageDraft {
  const wanted = facts.tier.trim().toLowerCase();
  const tier = tierOptions.find((o) => o.toLowerCase() === wanted) ?? null;
  return {
    ...d,
    warranty: facts.warranty,
    product: facts.product ?? d.product,
    region: facts.region,
    answers: tier === null ? d.answers : { ...d.answers, [CUSTOMER_TIER_DIMENSION]: tier },
    prefill: { warranty: facts.warranty, product: facts.product, region: facts.region, tier },
    overrideReason: '',
  };
}

/** A filled-in customer fact the agent changed: recorded as an override (overrideIssueCustomer). */
export interface PrefillChange {
  field: IssueCustomerField;
  from: string;
  to: string;
}

/**
 * The filled-in customer facts the agent changed (warranty, region, customer tier), each from what was
 * filled to what the form now says. A cleared answer is no change (nothing is said), and the product
 * name is the picked instance's, not a customer fact: it is not recorded as one.
 */
export function changedPrefills(d: TriageDraft): PrefillChange[] {
  const p = d.prefill;
  if (p === null) return [];
  const out: PrefillChange[] = [];
  if (d.warranty !== '' && d.warranty !== p.warranty) out.push({ field: 'warranty', from: p.warranty, to: d.warranty });
  const region = d.region.trim();
  if (region !== '' && region !== p.region) out.push({ field: 'region', from: p.region, to: region });
  const tier = d.answers[CUSTOMER_TIER_DIMENSION] ?? '';
  if (p.tier !== null && tier !== '' && tier !== p.tier) out.push({ field: 'tier', from: p.tier, to: tier });
  return out;
}

/** What the page refuses before sending: a changed filled-in answer with no reason. */
export function missingOverrideReason(d: TriageDraft): ShownError[] {
  return changedPrefills(d).length > 0 && d.overrideReason.trim() === ''
    ? [{ code: 'UI_TRIAGE_OVERRIDE_REASON_MISSING', path: 'overrideReason', message: 'No reason for the change' }]
    : [];
}

export function initialDraft(item: TriageListItem): TriageDraft {
  return {
    kind: item.kind ?? '',
    facts: {
      failsWithinSpecification: false,
      contractOrProcessNotFollowed: false,
      expectedByUserHabitOrIndustryNorm: false,
    },
    chosen: null,
    justification: '',
    answers: {},
    line: item.line ?? 'L1',
    owner:
      item.ownerAccountId === null
        ? null
        : { kind: 'user', accountId: item.ownerAccountId, displayName: item.ownerName, avatarUrl: null },
    warranty: '',
    product: '',
    region: '',
    prefill: null,
    overrideReason: '',
  };
}

/**
 * What the page itself refuses before sending: a classification nobody chose. The server would take a
 * missing choice as "follow the rule", so without this a triage user could classify without deciding.
 */
export function unchosenClassification(d: TriageDraft): ShownError[] {
  return d.chosen === null
    ? [
        {
          code: 'UI_TRIAGE_CLASSIFICATION_NOT_CHOSEN',
          path: 'classification.chosen',
          message: 'No classification chosen',
        },
      ]
    : [];
}

/**
 * The payload for `triageIssue` (after `unchosenClassification` found nothing). Unanswered dimensions and an unchosen kind go as they are (left out /
 * empty) so that the server, which owns the rules, names each problem at its field.
 */
export function toDecision(issueKey: string, d: TriageDraft): TriageDecision {
  const suggested = suggestClassification(d.facts).classification;
  const classification: TriageDecision['classification'] = { facts: { ...d.facts } };
  if (d.chosen !== null && d.chosen !== 'rule' && d.chosen !== suggested) {
    classification.chosen = d.chosen;
    classification.justification = d.justification;
  }
  const answers = Object.fromEntries(Object.entries(d.answers).filter(([, v]) => v !== ''));
  const decision: TriageDecision = { issueKey, kind: d.kind as ItrKindId, classification, answers, line: d.line };
  if (d.owner !== null) decision.ownerAccountId = d.owner.accountId;
  if (d.warranty !== '') decision.warranty = d.warranty;
  if (d.product.trim() !== '') decision.product = d.product;
  if (d.region.trim() !== '') decision.region = d.region;
  return decision;
}

/** Errors reported at `path` exactly. */
export function errorsAt(errors: readonly ShownError[], path: string): ShownError[] {
  return errors.filter((e) => e.path === path);
}

/** Paths the form shows next to an input; anything else is shown above the Save button. */
export function isFieldPath(path: string | undefined, dimensionIds: readonly string[]): boolean {
  if (path === undefined) return false;
  if (
    [
      'kind',
      'line',
      'ownerAccountId',
      'warranty',
      'product',
      'region',
      'overrideReason',
      'answers',
      'classification.justification',
      'classification.facts',
      'classification.chosen',
    ].includes(path)
  )
    return true;
  return path.startsWith('answers.') && dimensionIds.includes(path.slice('answers.'.length));
}

/** What each part of the triage form gets: the draft, the last save's errors, and a patch to apply. */
export interface DraftPartProps {
  draft: TriageDraft;
  errors: readonly ShownError[];
  set: (patch: Partial<TriageDraft>) => void;
}
