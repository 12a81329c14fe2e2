/**
 * The contract (what the Custom UI imports) declares its own copies of a few domain types, so the UI
 * bundles no domain code. These compile-time checks fail `tsc` (part of `npm test`) the moment a copy
 * and its domain original differ: a new kind, line or root-cause field is added in one place only.
 */
import type { RootCauseDraftDto } from '../../src/contract/closure';
import type { WeeklyReportDto } from '../../src/contract/analytics';
import type { ItrKindId, SupportLineId } from '../../src/contract/ids';
import { ITR_KINDS, SUPPORT_LINES, type ItrKind, type SupportLine } from '../../src/domain';
import type { RootCauseDraft } from '../../src/domain/closure';
import type { WeeklySummary } from '../../src/domain/analytics';

/** True only when A and B are the same type (not merely assignable either way). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

export type ContractMatchesDomain = [
  Expect<Equal<ItrKindId, ItrKind>>,
  Expect<Equal<SupportLineId, SupportLine>>,
  Expect<Equal<Required<RootCauseDraftDto>, Required<RootCauseDraft>>>,
  // The stored summary, as sent: plus when it was made and whether it was narrowed to the viewer.
  Expect<Equal<Omit<WeeklyReportDto, 'generatedAt' | 'scopedToViewer'>, WeeklySummary>>,
];

describe('contract types copied from the domain', () => {
  it('list the same values at run time too', () => {
    const kinds: readonly ItrKindId[] = ITR_KINDS;
    const lines: readonly SupportLineId[] = SUPPORT_LINES;
    expect([kinds.length, lines.length]).toEqual([4, 3]);
  });
});
