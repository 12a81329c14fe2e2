/** Shapes the Jira adapter hands to the rest of the app (validated at the boundary). */

export interface JiraIssue {
  id: string;
  /** Absent when a search asked for ids only. */
  key: string | undefined;
  /** Raw field values by field id (`summary`, `customfield_10001`, …), as Jira returns them. */
  fields: Record<string, unknown>;
  /** Issue properties that were asked for. */
  properties: Record<string, unknown>;
  /** What the actor may do from the current status, when asked for (`expand=transitions`). */
  transitions?: JiraTransition[];
}

export interface JiraSearchPage {
  issues: JiraIssue[];
  /** Present when another page follows. */
  nextPageToken: string | undefined;
}

export interface JiraUser {
  accountId: string;
  displayName: string;
  /** e.g. `zh_CN`; absent when Jira does not return it. */
  locale: string | undefined;
  timeZone: string | undefined;
  /** Group names; only filled when asked for (`getMyself({ groups: true })`). */
  groups: string[];
}

export interface JiraTransition {
  id: string;
  name: string;
  toStatusName: string | undefined;
  /** Whether the transition shows a screen (only its fields can be set in the transition request). */
  hasScreen: boolean | undefined;
  /** The screen's field ids, when Jira listed them (`transitions.fields`); undefined = not listed. */
  screenFieldIds: string[] | undefined;
}

/** One update of the bulk app-field endpoint: one custom field, one value, many issues. */
export interface AppFieldValueUpdate {
  /** `customfield_NNNNN` (or the field key). */
  fieldId: string;
  issueIds: Array<string | number>;
  value: unknown;
}

/** Atlassian Document Format: the body of comments and rich-text fields. */
export interface AdfDocument {
  type: 'doc';
  version: 1;
  content: unknown[];
}

/** A comment as `GET /rest/api/3/issue/{id}/comment/{id}` answers (what the app reads of it). */
export interface JiraComment {
  id: string;
  /** Null when Jira names no author (an anonymous or deleted account). */
  authorAccountId: string | null;
  /** Atlassian Document Format (v3). */
  body: unknown;
  created: Date;
}

/** One entry of `GET /rest/api/3/field`; `schemaCustom` is the field type's URI (an ARI for app fields). */
export interface JiraFieldListing {
  id: string;
  name: string;
  schemaCustom: string | undefined;
}

/** A user as Jira's directory look-ups answer (`/user/search`, `/user/assignable/search`, `/group/member`). */
export interface JiraDirectoryUser {
  accountId: string;
  displayName: string;
  /** The 24×24 avatar, null when Jira gave none. */
  avatarUrl: string | null;
  active: boolean;
  /** `atlassian` for people; `app` and `customer` accounts are not staff. */
  accountType: string;
}

/** A group as `GET /rest/api/3/groups/picker` answers; `groupId` is null on sites that have none yet. */
export interface JiraGroupSummary {
  groupId: string | null;
  name: string;
}

/** The body of a transition besides its id: field values and update operations (e.g. a comment to add). */
export interface TransitionChanges {
  fields?: Record<string, unknown>;
  /** Jira's `update` map, e.g. `{ comment: [{ add: { body: adf } }] }`. */
  update?: Record<string, Array<Record<string, unknown>>>;
}
