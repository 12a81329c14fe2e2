/** Closing rules (itr-process.md §5–6): who may close, return visits, root cause and measures. */
export * from './closeRule';
export * from './expressions';
export * from './returnVisit';
export * from './rootCause';
export * from './visitRound';
