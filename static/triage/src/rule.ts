/**
 * The live suggestion on the triage form is the server's own rule: `classify` from the pure domain
 * (src/domain/classification.ts, no I/O, bundled into the page). The server decides anyway; this only
 * tells the triage role, before saving, what the rule says and why.
 */
import { classify, type ClassificationFacts } from '../../../src/domain/classification';

export const FACT_KEYS = [
  'failsWithinSpecification',
  'contractOrProcessNotFollowed',
  'expectedByUserHabitOrIndustryNorm',
] as const satisfies ReadonlyArray<keyof ClassificationFacts>;

export const suggestClassification = classify;
