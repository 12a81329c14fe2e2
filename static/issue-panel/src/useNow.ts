import { useEffect, useState } from 'react';

/** How often relative times ("in 3 hours") are refreshed while the panel stays open, in ms. */
export const NOW_TICK_MS = 60_000;

/** The wall clock, re-read every `NOW_TICK_MS` while `active`. */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => setNow(Date.now()), NOW_TICK_MS);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}
