/** Pure summaries of the product × region rows the supervision page charts. */
import type { ProductRegionRow } from '../ports/facts';

/** Severe issues per product (issues without a product left out). */
export function severeByProduct(rows: readonly ProductRegionRow[]): Array<{ product: string; severe: number }> {
  const out = new Map<string, number>();
  for (const r of rows) if (r.product !== null) out.set(r.product, (out.get(r.product) ?? 0) + r.severe);
  return [...out].map(([product, severe]) => ({ product, severe }));
}

/** Per region: issues, products seen, and the issues of its largest product (issues without a region left out). */
export function regionSpread(
  rows: readonly ProductRegionRow[],
): Array<{ region: string; issues: number; products: number; topProductIssues: number }> {
  const byRegion = new Map<string, { issues: number; products: number; topProductIssues: number }>();
  for (const r of rows) {
    if (r.region === null) continue;
    const g = byRegion.get(r.region) ?? { issues: 0, products: 0, topProductIssues: 0 };
    g.issues += r.count;
    if (r.product !== null) g.products++;
    g.topProductIssues = Math.max(g.topProductIssues, r.count);
    byRegion.set(r.region, g);
  }
  return [...byRegion].map(([region, g]) => ({ region, ...g }));
}
