/** Root cause versions: every save is a version; the newest is current. SQL: src/adapters/sql/rootCauseRepository.ts. */
import type { RootCauseDraft } from '../../domain/closure';

export interface StoredRootCause {
  draft: RootCauseDraft;
  authorAccountId: string;
  savedAt: Date;
}

export interface RootCauseVersion {
  issueId: string;
  draft: RootCauseDraft;
  complete: boolean;
  /** The app's `category:phrase` list. */
  flags: string;
  overrideReason: string | null;
  author: string;
  at: Date;
}

export interface RootCauseRepository {
  saveVersion: (v: RootCauseVersion) => Promise<void>;
  /** The newest version and how many there are. */
  latestVersion(issueId: string): Promise<{ latest: StoredRootCause | undefined; versions: number }>;
}
