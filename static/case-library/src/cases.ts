import type { CaseContent, CaseHit, CaseRecord, CaseStatus } from '../../../src/contract/cases';

export const STATUSES: readonly CaseStatus[] = ['published', 'draft', 'retired'];
export const LANGUAGES = ['en', 'zh-CN'] as const;

/** The list's filters; `any` status lists every status. */
export interface Filters {
  status: CaseStatus | 'any';
  product: string;
  language: '' | (typeof LANGUAGES)[number];
  tag: string;
}

/** A list row: a plain case (browsing) or a hit with its highlights (searching). */
export type Row = { case: CaseRecord; hit?: CaseHit };

/** What a case written by hand starts as: a draft, nothing filled in. */
export const EMPTY_CASE: CaseContent = {
  title: '',
  symptom: '',
  product: '',
  productVersion: '',
  environment: '',
  rootCause: '',
  shortTermMeasure: '',
  longTermMeasure: '',
  language: '',
  tags: [],
  status: 'draft',
};
