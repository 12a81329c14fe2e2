/**
 * The case library's storage: cases with their revision history and issue links, and the feedback
 * counts that feed ranking. SQL: src/adapters/sql/caseRepository.ts.
 */
import type { BackupCase } from '../../contract/backup';
import type { CaseContent, CaseRecord, CaseStatus, CaseVersion } from '../../contract/cases';

export type CaseLinkRelation = 'source' | 'used_on';

export interface CaseListFilter {
  statuses: readonly CaseStatus[];
  product?: string | undefined;
  language?: string | undefined;
}

export interface ImportedCase {
  externalId: string;
  title: string;
  symptom: string;
  language: string;
}

export interface CaseRepository {
  /** The cases with these ids (any order), each with its source and used-on issue keys. */
  casesByIds: (ids: readonly number[]) => Promise<CaseRecord[]>;
  /** A case's saved revisions, newest first. */
  versionsOf: (id: number) => Promise<CaseVersion[]>;
  /** Ids of cases matching the filter, most recently updated first. */
  listIds: (filter: CaseListFilter, limit: number) => Promise<number[]>;
  /** Cases marked helpful on an issue, most recent first. */
  helpedCaseIds: (issueKey: string) => Promise<number[]>;
  /** A new case at revision 1; answers its id. */
  insertCase: (
    content: CaseContent,
    authorAccountId: string | null,
    externalId: string | null,
    at: Date,
  ) => Promise<number>;
  /** Saves `content` as `revision` if the case is still at `expectedRevision`; false if it moved on. */
  updateCase: (
    id: number,
    expectedRevision: number,
    revision: number,
    content: CaseContent,
    at: Date,
  ) => Promise<boolean>;
  appendVersion: (
    id: number,
    revision: number,
    content: CaseContent,
    authorAccountId: string | null,
    at: Date,
  ) => Promise<void>;
  /** Links an issue to a case once; true if the link is new. */
  linkIssue: (id: number, issueKey: string, relation: CaseLinkRelation, at: Date) => Promise<boolean>;
  /** Counts a helpful mark (it was used) or a not-relevant one. */
  countFeedback: (id: number, helpful: boolean) => Promise<void>;
  /** Many published cases in one statement; answers their ids by external id. */
  importPublished: (cases: readonly ImportedCase[], at: Date) => Promise<Map<string, number>>;
  countCases: () => Promise<number>;
  /** Up to `limit` cases with id > `after`, by id, each with its links and versions (a backup page). */
  backupCasesAfter: (after: number, limit: number) => Promise<BackupCase[]>;
  /** Which cases hold these external ids. */
  idsByExternalId: (externalIds: readonly string[]) => Promise<Map<string, number>>;
  /**
   * Restores one case from a backup by id: versions and links the site lacks are added; when the
   * site's case is at the backup's revision or later with other content, the backup's content becomes
   * a new revision by `accountId` at `at`. Run twice, the second run changes nothing.
   */
  restoreCase(c: BackupCase, accountId: string, at: Date): Promise<{ versionsAdded: number; linksAdded: number }>;
}
