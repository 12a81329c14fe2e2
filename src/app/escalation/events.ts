import type { ItrFieldIds } from '../fields/itrFields';
import { isRecord } from '../../domain/input';

/**
 * Events on the `escalation` queue. Small on purpose (≤ 100 issue ids, ~2 KB): the consumer re-reads
 * each issue right before deciding, so an event never carries state that could be stale.
 */
export type EscalationEvent =
  | {
      kind: 'check';
      issueIds: string[];
      /** The site's field ids, looked up once by the sweep (saves a Jira request per event). */
      fieldIds: ItrFieldIds;
    }
  | {
      /** Issues whose response clock's warning or due time passed (src/app/escalation/processResponse.ts). */
      kind: 'response';
      issueIds: string[];
      fieldIds: ItrFieldIds;
    }
  | {
      kind: 'recalculate';
      jobId: string;
      /** Where the search left off; null = from the start. */
      pageToken: string | null;
      /**
       * Which clock the job is walking: the line's ('line', first; absent in events of older releases)
       * or the response clock of open, not-yet-accepted ITR issues ('response', second).
       */
      phase?: RecalculationPhase;
      fieldIds: ItrFieldIds;
    };

export type RecalculationPhase = 'line' | 'response';

/** Issues per `check` event: one search page with fields (Jira caps those at 100). */
export const ISSUES_PER_EVENT = 100;

/** Parses an event body; undefined when it is not one of ours (it is then dropped, not retried). */
export function parseEscalationEvent(body: unknown): EscalationEvent | undefined {
  if (!isRecord(body) || !isRecord(body['fieldIds'])) return undefined;
  const fieldIds = body['fieldIds'] as unknown as ItrFieldIds;
  if (!Object.values(fieldIds).every((v) => typeof v === 'string')) return undefined;
  const issueIds =
    Array.isArray(body['issueIds']) && body['issueIds'].every((i) => typeof i === 'string' && /^\d+$/.test(i))
      ? (body['issueIds'] as string[])
      : undefined;
  if (body['kind'] === 'check' && issueIds !== undefined) return { kind: 'check', issueIds, fieldIds };
  if (body['kind'] === 'response' && issueIds !== undefined) return { kind: 'response', issueIds, fieldIds };
  if (body['kind'] === 'recalculate' && typeof body['jobId'] === 'string') {
    const token = body['pageToken'];
    const phase: RecalculationPhase = body['phase'] === 'response' ? 'response' : 'line';
    return {
      kind: 'recalculate',
      jobId: body['jobId'],
      pageToken: typeof token === 'string' ? token : null,
      phase,
      fieldIds,
    };
  }
  return undefined;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
