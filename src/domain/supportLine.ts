import type { LocalizedText } from './labels';

/**
 * The three support lines, in escalation order: L1 near the customer (regional maintenance),
 * L2 experts at headquarters, L3 in R&D. Ids match `SupportLineId` in src/contract/ids.ts.
 */
export const SUPPORT_LINES = ['L1', 'L2', 'L3'] as const;
export type SupportLine = (typeof SUPPORT_LINES)[number];

export const SUPPORT_LINE_LABELS: Readonly<Record<SupportLine, LocalizedText>> = {
  L1: { en: 'Line 1 (regional support)', 'zh-CN': '一线' },
  L2: { en: 'Line 2 (headquarters experts)', 'zh-CN': '二线' },
  L3: { en: 'Line 3 (R&D)', 'zh-CN': '三线' },
};

export function isSupportLine(value: unknown): value is SupportLine {
  return typeof value === 'string' && (SUPPORT_LINES as readonly string[]).includes(value);
}

/** The line an issue escalates to when this line's time runs out; `null` after L3 (nowhere left: breach). */
export function nextLine(line: SupportLine): SupportLine | null {
  switch (line) {
    case 'L1':
      return 'L2';
    case 'L2':
      return 'L3';
    case 'L3':
      return null;
  }
}
