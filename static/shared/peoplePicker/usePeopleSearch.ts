import { useEffect, useRef, useState } from 'react';
import type { PeopleKind, PeopleSearchPayload, PeopleSearchResult } from '../../../src/contract/people';
import { fromGroupOption, fromPersonOption, type Picked } from '../people';

/** Quiet time after the last key before Jira is asked; 250 ms keeps typing smooth without a request per key. */
export const SEARCH_DEBOUNCE_MS = 250;
/** The contract's longest query. */
export const QUERY_MAX = 100;

export type PeopleSearch = (payload: PeopleSearchPayload) => Promise<PeopleSearchResult>;

export type SearchStatus =
  | { name: 'idle' }
  | { name: 'searching' }
  | { name: 'done'; options: Picked[]; query: string }
  | { name: 'failed' }
  | { name: 'tooLong' };

/**
 * Jira asked (debounced) for the typed text: users and groups of `kinds`, users only those assignable in
 * the project when one is given. `active` is the highlighted result, reset to the first on each answer.
 */
export function usePeopleSearch(
  search: PeopleSearch,
  kinds: readonly PeopleKind[],
  assignableInProject: string | undefined,
) {
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<SearchStatus>({ name: 'idle' });
  const [active, setActive] = useState(-1);
  // Only the newest request's answer is shown: a slow earlier answer must not replace a newer one.
  const latest = useRef(0);
  const kindsKey = kinds.join(',');

  useEffect(() => {
    const q = query.trim();
    const ticket = ++latest.current;
    if (q === '') {
      setStatus({ name: 'idle' });
      return undefined;
    }
    if (q.length > QUERY_MAX) {
      setStatus({ name: 'tooLong' });
      return undefined;
    }
    setStatus({ name: 'searching' });
    const timer = setTimeout(() => {
      const payload: PeopleSearchPayload = { query: q, kinds: kindsKey.split(',') as PeopleKind[] };
      if (assignableInProject !== undefined) payload.assignableInProject = assignableInProject;
      search(payload).then(
        (r) => {
          if (ticket !== latest.current) return;
          const options: Picked[] = [...r.users.map(fromPersonOption), ...r.groups.map(fromGroupOption)];
          setStatus({ name: 'done', options, query: q });
          setActive(options.length > 0 ? 0 : -1);
        },
        () => {
          if (ticket === latest.current) setStatus({ name: 'failed' });
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, kindsKey, assignableInProject, search]);

  return { query, setQuery, status, active, setActive };
}
