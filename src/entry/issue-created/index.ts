import { recordSubmitter } from '../../app/intake/recordSubmitter';

/**
 * Forge `trigger` on `avi:jira:created:issue` (manifest function `issue-created`).
 * Parses the product event and records the submitter; anything else is ignored with a log line.
 */
interface IssueCreatedEvent {
  issue?: { id?: unknown; key?: unknown };
  atlassianId?: unknown;
}

export async function handler(event: IssueCreatedEvent): Promise<void> {
  const id = event.issue?.id;
  const key = event.issue?.key;
  const creator = event.atlassianId;
  if (typeof id !== 'string' || typeof key !== 'string' || typeof creator !== 'string') {
    console.warn('issue-created: event without issue id/key or creator; ignored');
    return;
  }
  await recordSubmitter({ id, key }, creator);
}
