/**
 * How wide the charts are drawn. Reading an element's width forces the browser to lay out the page
 * (500 ms of a load at 100,000 issues when each chart did it as it arrived, with the per-person table on
 * the page): the page reads its charts column once, while it is still nearly empty, and every chart
 * starts from that; a ResizeObserver (which reports after layout, never forcing one) corrects a chart
 * whose own width differs and follows resizes.
 */
import { createContext, useContext, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** Width the charts are drawn at when nothing could be measured, px. */
const FALLBACK_WIDTH = 640;
/** A chart's drawing area is its card's inside: the column less the card's padding (space.200) and border, px. */
const CARD_INSET = 2 * 16 + 2 * 1;

const ColumnWidth = createContext(0);

/** The charts column: measured once on mount, then followed. */
export function ChartColumn({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return undefined;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w !== undefined) setWidth(Math.floor(w));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref}>
      <ColumnWidth.Provider value={width}>{children}</ColumnWidth.Provider>
    </div>
  );
}

/** The width to draw the chart in `ref` at: the column's less the card's inset until observed, then its own. */
export function useChartWidth(ref: React.RefObject<HTMLDivElement | null>): number {
  const column = useContext(ColumnWidth);
  const [observed, setObserved] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return undefined;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w !== undefined && w > 0) setObserved(Math.floor(w));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return observed ?? (column > CARD_INSET ? column - CARD_INSET : FALLBACK_WIDTH);
}
