/**
 * People and groups as the pages hold them: an account id travels only behind a name. A name Jira no
 * longer knows (deleted or anonymised account) reads "Unknown user", never the id.
 */
import type { GroupOption, PersonOption } from '../../src/contract/people';
import type { I18n } from './i18n';

export interface PickedPerson {
  kind: 'user';
  accountId: string;
  /** Null when Jira does not know the account (any more). */
  displayName: string | null;
  avatarUrl: string | null;
}

export interface PickedGroup {
  kind: 'group';
  name: string;
  groupId: string | null;
}

export type Picked = PickedPerson | PickedGroup;

/** The name to show for a person: the display name, or "Unknown user" / "未知用户". */
export function personName(t: I18n['t'], displayName: string | null | undefined): string {
  return displayName === null || displayName === undefined || displayName.trim() === ''
    ? t('people.unknownUser')
    : displayName;
}

/** A saved account id as a picker value, named from a page's `displayNames` map (absent = unknown). */
export function pickedPerson(accountId: string, names: Readonly<Record<string, string>>): PickedPerson {
  return { kind: 'user', accountId, displayName: names[accountId] ?? null, avatarUrl: null };
}

/** A saved group name as a picker value. */
export function pickedGroup(name: string): PickedGroup {
  return { kind: 'group', name, groupId: null };
}

export function fromPersonOption(o: PersonOption): PickedPerson {
  return { kind: 'user', accountId: o.accountId, displayName: o.displayName, avatarUrl: o.avatarUrl };
}

export function fromGroupOption(o: GroupOption): PickedGroup {
  return { kind: 'group', name: o.name, groupId: o.groupId };
}

/** Identity of a value within a picker (a person and a group never collide). */
export function pickedKey(p: Picked): string {
  return p.kind === 'user' ? `user:${p.accountId}` : `group:${p.name.toLowerCase()}`;
}

export const accountIdsOf = (values: readonly Picked[]): string[] =>
  values.flatMap((v) => (v.kind === 'user' ? [v.accountId] : []));
export const groupNamesOf = (values: readonly Picked[]): string[] =>
  values.flatMap((v) => (v.kind === 'group' ? [v.name] : []));

/** The actor the backend records for what the app does by rule (src/app/triage/triage.ts RULE_ACTOR); shown as the app. */
export const RULE_ACTOR = 'itr-app';
