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

/** Cases a page of the list shows; 20 fit a screen with their symptom lines and keep the paging short. */
export const PAGE_SIZE = 20;

/** A status's lozenge colour: published green, a draft neutral, a retired case the "removed" red. */
export const STATUS_APPEARANCE: Readonly<Record<CaseStatus, 'success' | 'default' | 'removed'>> = {
  published: 'success',
  draft: 'default',
  retired: 'removed',
};
