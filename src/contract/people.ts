/**
 * People and groups as the UI sees them: picked by searching Jira as the caller, shown by display name.
 * An account id travels only as an identity behind a name; no page shows or asks for one.
 */

/** A Jira user as a picker offers it (`GET /rest/api/3/user/search`, read as the caller). */
export interface PersonOption {
  accountId: string;
  displayName: string;
  /** 24×24 avatar URL, null when Jira gave none. */
  avatarUrl: string | null;
}

/** A Jira group as a picker offers it (`GET /rest/api/3/groups/picker`, read as the caller). */
export interface GroupOption {
  /** Null on sites whose groups have no id yet (Jira returns both). */
  groupId: string | null;
  name: string;
}

export type PeopleKind = 'user' | 'group';

/** A `type`, not an interface, so it fits the bridge's `Record<string, unknown>` payload. */
export type PeopleSearchPayload = {
  /** What the person typed (1–100 characters). */
  query: string;
  kinds: PeopleKind[];
  /** Only users who may be assigned issues in this project (`/user/assignable/search`). */
  assignableInProject?: string;
};

export interface PeopleSearchResult {
  users: PersonOption[];
  groups: GroupOption[];
}

/**
 * A person named in a list, history or audit row: the display name Jira gives for the account, or
 * `null` when Jira no longer knows it (deleted or anonymised): the UI then says "Unknown user".
 */
export interface PersonName {
  accountId: string;
  displayName: string | null;
}

/** The resolver function every page with a picker exposes. */
export interface PeopleFunctions {
  searchPeople: { payload: PeopleSearchPayload; result: PeopleSearchResult };
}
