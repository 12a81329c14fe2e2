/** Identifiers shared between resolvers and Custom UI; the domain owns their meaning. */
export type ItrKindId = 'technicalService' | 'nonTechnicalService' | 'spareParts' | 'complaint';
export type GradeId = string;
export type SupportLineId = 'L1' | 'L2' | 'L3';
