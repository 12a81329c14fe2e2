/**
 * Jira product events for what users do on the site: the manifest's `trigger` modules registered with
 * the platform double (platform-doubles/productEvents.ts: the `filter` with ignoreSelf and expression,
 * the documented retries: a returned InvocationError up to 4 times, a thrown error never), delivered
 * at once on the virtual clock, with a Forge-shaped payload.
 */
import type { StoredIssue } from '../platform-doubles/jiraModel';
import { CLOUD_ID, type SandboxSite } from './site';

export function registerTriggers(site: SandboxSite): void {
  const events = site.harness.productEvents;
  events.deliveryMode = 'immediate';
  for (const m of site.manifest.modules.filter((x) => x.type === 'trigger' && x.handlerExport !== undefined)) {
    const rawFilter = m.raw['filter'];
    const handler = site.handlerOf(m);
    events.registerTrigger({
      key: m.key,
      events: m.events,
      handler: (event, context) => site.withModuleKey(m.key, () => Promise.resolve(handler(event, context))),
      ...(typeof rawFilter === 'object' && rawFilter !== null ? { filter: rawFilter } : {}),
    });
  }
}

/** The issue as an event carries it: the common system fields, users with their names. */
function eventIssue(site: SandboxSite, issue: StoredIssue): Record<string, unknown> {
  const f = issue.fields;
  const user = (ref: unknown): unknown => {
    const name = site.displayName(ref);
    return name === null ? null : { accountId: (ref as { accountId: string }).accountId, displayName: name };
  };
  return {
    id: issue.id,
    key: issue.key,
    fields: {
      summary: f['summary'],
      issuetype: f['issuetype'],
      project: f['project'],
      status: f['status'],
      priority: f['priority'],
      labels: f['labels'],
      created: f['created'],
      updated: f['updated'],
      creator: user(f['reporter']),
      reporter: user(f['reporter']),
      assignee: user(f['assignee']),
    },
  };
}

/** Delivers a Jira product event caused by a user's action to the subscribed `trigger` modules (awaited, outcomes logged). */
export async function deliverEvent(
  site: SandboxSite,
  eventType: string,
  actor: string,
  issue: StoredIssue,
  extra: Record<string, unknown> = {},
): Promise<void> {
  // The sandbox fires events for the user actions it performs; the Jira double's own journal is not replayed.
  site.jira.issueEvents.length = 0;
  const payload = {
    atlassianId: actor,
    issue: eventIssue(site, issue),
    associatedUsers: [{ accountId: actor }],
    ...extra,
    context: { cloudId: CLOUD_ID },
    contextToken: 'sandbox-context-token',
  };
  const events = site.harness.productEvents;
  const from = events.deliveries.length;
  await events.emit(eventType, payload, { selfGenerated: false });
  for (const d of events.deliveries.slice(from)) {
    const why =
      d.error instanceof Error
        ? `: ${d.error.stack ?? d.error.message}`
        : d.reason !== undefined
          ? ` (${d.reason})`
          : '';
    site.log(`[event] ${eventType} ${issue.key} → ${d.triggerKey} ${d.outcome.toUpperCase()}${why}`);
  }
}

/** One field's change as an `avi:jira:updated:issue` changelog carries it. */
export function changelogItem(
  field: string,
  fromString: string | null,
  toString: string | null,
): Record<string, unknown> {
  return {
    field,
    fieldId: field,
    fieldtype: field.startsWith('customfield_') ? 'custom' : 'jira',
    from: null,
    fromString,
    to: null,
    toString,
  };
}
