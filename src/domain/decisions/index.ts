/** Decisions that are not one person's: the iron triangle, cost approval, clarification with the submitter. */
export * from './ironTriangle';
export * from './costApproval';
export * from './clarification';
