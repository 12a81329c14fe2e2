import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
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

interface Pending {
  timer: ReturnType<typeof setTimeout>;
  resolve: (options: Picked[]) => void;
}

/**
 * The select's `loadOptions`: Jira asked (debounced) for the typed text, users and groups of `kinds`,
 * users only those assignable in the project when one is given; `status` says where the search is.
 * A request superseded while it waits answers nothing, and only the newest answer sets the status:
 * a slow earlier answer must not replace a newer one. `clear` is for the emptied input (the select
 * does not ask for an empty text).
 */
export function usePeopleSearch(
  search: PeopleSearch,
  kinds: readonly PeopleKind[],
  assignableInProject: string | undefined,
) {
  const [status, setStatus] = useState<SearchStatus>({ name: 'idle' });
  const latest = useRef(0);
  const pending = useRef<Pending | null>(null);
  const kindsKey = kinds.join(',');

  const loadOptions = useCallback(
    (text: string): Promise<Picked[]> => {
      const q = text.trim();
      const ticket = ++latest.current;
      cancelPending(pending);
      if (q === '') {
        setStatus({ name: 'idle' });
        return Promise.resolve([]);
      }
      if (q.length > QUERY_MAX) {
        setStatus({ name: 'tooLong' });
        return Promise.resolve([]);
      }
      setStatus({ name: 'searching' });
      return new Promise<Picked[]>((resolve) => {
        const timer = setTimeout(() => {
          pending.current = null;
          const payload: PeopleSearchPayload = { query: q, kinds: kindsKey.split(',') as PeopleKind[] };
          if (assignableInProject !== undefined) payload.assignableInProject = assignableInProject;
          search(payload).then(
            (r) => {
              const options: Picked[] = [...r.users.map(fromPersonOption), ...r.groups.map(fromGroupOption)];
              if (ticket === latest.current) setStatus({ name: 'done', options, query: q });
              resolve(options);
            },
            () => {
              if (ticket === latest.current) setStatus({ name: 'failed' });
              resolve([]);
            },
          );
        }, SEARCH_DEBOUNCE_MS);
        pending.current = { timer, resolve };
      });
    },
    [search, kindsKey, assignableInProject],
  );

  const clear = useCallback(() => {
    latest.current++;
    cancelPending(pending);
    setStatus({ name: 'idle' });
  }, []);

  // A search still waiting when the picker goes away is never sent.
  useEffect(() => () => cancelPending(pending), []);

  return { status, loadOptions, clear };
}

/** Drops the search waiting for its quiet time, answering its caller with nothing. */
function cancelPending(pending: MutableRefObject<Pending | null>): void {
  if (pending.current === null) return;
  clearTimeout(pending.current.timer);
  pending.current.resolve([]);
  pending.current = null;
}
