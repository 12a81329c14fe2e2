import { useCallback, useEffect, useState } from 'react';
import type { TriageListItem, TriageOptions } from '../../../src/contract';
import { call } from '../../shared/api';
import { toApiError, type ApiError } from '../../shared/errors';

export type TriagePhase =
  | { name: 'loading' }
  | { name: 'refused' }
  | { name: 'error'; error: ApiError }
  | { name: 'ready' };

/** The list is read in pages of 50; a triage queue longer than a few pages is itself a problem to see. */
const MAX_EXTRA_PAGES = 10;

export interface TriageQueue {
  phase: TriagePhase;
  items: TriageListItem[];
  options: TriageOptions | null;
  /** Issues the last listing found deemed accepted (timeout means consent). */
  deemed: string[];
  load: () => Promise<void>;
  /** The server said this user may not triage (`NOT_AUTHORIZED`): a refusal, not an error. */
  refuse: () => void;
}

/** The triage queue and the options of the triage form, read together; again after every change. */
export function useTriageQueue(): TriageQueue {
  const [phase, setPhase] = useState<TriagePhase>({ name: 'loading' });
  const [items, setItems] = useState<TriageListItem[]>([]);
  const [options, setOptions] = useState<TriageOptions | null>(null);
  const [deemed, setDeemed] = useState<string[]>([]);

  const refuse = useCallback(() => setPhase({ name: 'refused' }), []);

  const load = useCallback(async () => {
    try {
      const [opts, page] = await Promise.all([call('getTriageOptions', {}), call('listTriage', {})]);
      const all = [...page.items];
      let token = page.nextPageToken;
      for (let n = 0; token !== null && n < MAX_EXTRA_PAGES; n++) {
        const next = await call('listTriage', { pageToken: token });
        all.push(...next.items);
        token = next.nextPageToken;
      }
      setOptions(opts);
      setItems(all);
      setDeemed(page.deemedAccepted);
      setPhase({ name: 'ready' });
    } catch (e) {
      const error = toApiError(e);
      setPhase(error.code === 'NOT_AUTHORIZED' ? { name: 'refused' } : { name: 'error', error });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return { phase, items, options, deemed, load, refuse };
}
