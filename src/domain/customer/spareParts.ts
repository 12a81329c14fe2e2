/**
 * The spare-part flow of an issue (备件服务): requested → shipped → received → faulty part returned →
 * repaired. Steps come in this order, none skipped, none repeated, each at or after the one before
 * (time is an argument: who recorded it and when are the caller's). Pure rules, plus the counts and
 * median step times supervision shows.
 */
export const SPARE_PART_STEPS = ['requested', 'shipped', 'received', 'returned', 'repaired'] as const;
export type SparePartStep = (typeof SPARE_PART_STEPS)[number];

export function isSparePartStep(x: unknown): x is SparePartStep {
  return typeof x === 'string' && (SPARE_PART_STEPS as readonly string[]).includes(x);
}

export interface SparePartStepRecord {
  step: SparePartStep;
  by: string;
  /** ISO instant. */
  at: string;
}

export const SparePartErrorCode = {
  /** The step is not the next one (skipped one, or repeated). */
  OutOfOrder: 'SPARE_PART_STEP_OUT_OF_ORDER',
  /** The step's time is before the previous step's. */
  BeforePrevious: 'SPARE_PART_STEP_BEFORE_PREVIOUS',
  /** The flow has already reached `repaired`. */
  Finished: 'SPARE_PART_FINISHED',
} as const;
export type SparePartErrorCode = (typeof SparePartErrorCode)[keyof typeof SparePartErrorCode];

export type SparePartDecision =
  | { ok: true; steps: SparePartStepRecord[] }
  | { ok: false; code: SparePartErrorCode; expected: SparePartStep | null };

/** The step that may come next, or null when the flow is finished. */
export function nextSparePartStep(steps: readonly SparePartStepRecord[]): SparePartStep | null {
  return SPARE_PART_STEPS[steps.length] ?? null;
}

/** Appends `step` at `at` by `by` when it is the next one and not earlier than the last. */
export function recordSparePartStep(
  steps: readonly SparePartStepRecord[],
  step: SparePartStep,
  by: string,
  at: Date,
): SparePartDecision {
  const expected = nextSparePartStep(steps);
  if (expected === null) return { ok: false, code: SparePartErrorCode.Finished, expected };
  if (step !== expected) return { ok: false, code: SparePartErrorCode.OutOfOrder, expected };
  const last = steps[steps.length - 1];
  if (last !== undefined && Date.parse(last.at) > at.getTime())
    return { ok: false, code: SparePartErrorCode.BeforePrevious, expected };
  return { ok: true, steps: [...steps, { step, by, at: at.toISOString() }] };
}

/** Where a part is: the last step reached; `in transit` is shipped and not yet received. */
export type SparePartState = SparePartStep;

export function sparePartState(steps: readonly SparePartStepRecord[]): SparePartState | null {
  return steps[steps.length - 1]?.step ?? null;
}

export interface SparePartSummary {
  /** Shipped, not yet received. */
  inTransit: number;
  /** Faulty part returned, not yet repaired. */
  returned: number;
  repaired: number;
  /**
   * Median minutes from each step to the next, keyed by the later step (`shipped`: requested → shipped),
   * over parts that reached it; null when none did.
   */
  medianMinutes: Record<Exclude<SparePartStep, 'requested'>, number | null>;
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Counts and median step times of many parts' flows (each in order, as recordSparePartStep keeps them). */
export function summarizeSpareParts(parts: ReadonlyArray<readonly SparePartStepRecord[]>): SparePartSummary {
  const gaps: Record<Exclude<SparePartStep, 'requested'>, number[]> = {
    shipped: [],
    received: [],
    returned: [],
    repaired: [],
  };
  let inTransit = 0;
  let returned = 0;
  let repaired = 0;
  for (const steps of parts) {
    const state = sparePartState(steps);
    if (state === 'shipped') inTransit++;
    else if (state === 'returned') returned++;
    else if (state === 'repaired') repaired++;
    for (let i = 1; i < steps.length; i++) {
      const cur = steps[i] as SparePartStepRecord;
      const prev = steps[i - 1] as SparePartStepRecord;
      if (cur.step === 'requested') continue;
      gaps[cur.step].push((Date.parse(cur.at) - Date.parse(prev.at)) / 60_000);
    }
  }
  return {
    inTransit,
    returned,
    repaired,
    medianMinutes: {
      shipped: median(gaps.shipped),
      received: median(gaps.received),
      returned: median(gaps.returned),
      repaired: median(gaps.repaired),
    },
  };
}
