import { useCallback, useEffect, useState } from 'react';
import type { CaseHit, CaseRecord, CaseSuggestions } from '../../../../src/contract/cases';
import { type ApiError, call } from '../../../shared/api';
import { toApiError } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n/react';
import type { CaseMark } from './CaseHitItem';

type Load = { phase: 'loading' } | { phase: 'error'; error: ApiError } | { phase: 'ready'; data: CaseSuggestions };

export interface CaseSuggestionsState {
  load: Load;
  fetch: () => Promise<void>;
  /** The cases shown: the last free search's, else the suggestions. */
  hits: CaseHit[];
  /** A free search ran (its hits replace the suggestions). */
  searched: boolean;
  marks: Record<number, CaseMark>;
  /** The case to improve once the issue is resolved. */
  helpedCase: CaseRecord | undefined;
  notice: string | null;
  setNotice: (notice: string | null) => void;
  error: ApiError | null;
  setError: (error: ApiError | null) => void;
  search: (text: string) => Promise<void>;
  mark: (hit: CaseHit, helped: boolean) => Promise<void>;
  createCaseFromIssue: () => Promise<void>;
  /** Counts the actions that went through (a search, a mark, a case added): the habit section reads again. */
  activity: number;
}

/** The suggestions for an issue (one call on open), free search, the agent's marks, and a case added from it. */
export function useCaseSuggestions(issueKey: string): CaseSuggestionsState {
  const { t } = useI18n();
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [searched, setSearched] = useState<CaseHit[] | null>(null);
  const [marks, setMarks] = useState<Record<number, CaseMark>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [activity, setActivity] = useState(0);

  const fetch = useCallback(async () => {
    setLoad({ phase: 'loading' });
    try {
      setLoad({ phase: 'ready', data: await call('suggestCases', { issueKey }) });
    } catch (e) {
      setLoad({ phase: 'error', error: toApiError(e) });
    }
  }, [issueKey]);
  useEffect(() => {
    void fetch();
  }, [fetch]);

  // Every action says what it did (or nothing) in the notice, or shows why it failed.
  const run = async (action: () => Promise<string>) => {
    setError(null);
    try {
      setNotice(await action());
      setActivity((n) => n + 1);
    } catch (e) {
      setError(toApiError(e));
    }
  };

  const data = load.phase === 'ready' ? load.data : null;
  // The case to improve: one marked helpful now, else one that helped on this issue before.
  const helpedId = Object.entries(marks).find(([, m]) => m === 'helped')?.[0] ?? data?.helpedCaseIds[0];
  const helpedCase =
    helpedId === undefined
      ? undefined
      : [...(data?.hits ?? []), ...(searched ?? [])].find((h) => h.case.id === Number(helpedId))?.case;

  return {
    load,
    fetch,
    hits: searched ?? data?.hits ?? [],
    searched: searched !== null,
    marks,
    helpedCase,
    notice,
    setNotice,
    error,
    setError,
    activity,
    search: (text) =>
      run(async () => {
        // The issue goes with the search: the server records who searched the library for it, when, what.
        setSearched(text.trim() === '' ? null : await call('searchCases', { text, limit: 5, issueKey }));
        return '';
      }),
    mark: (hit, helped) =>
      run(async () => {
        const updated = helped
          ? await call('markCaseHelpful', { id: hit.case.id, issueKey })
          : await call('markCaseNotRelevant', { id: hit.case.id, issueKey });
        setMarks((m) => ({ ...m, [updated.id]: helped ? 'helped' : 'notRelevant' }));
        return t(helped ? 'cases.suggest.markedHelped' : 'cases.suggest.markedNotRelevant');
      }),
    createCaseFromIssue: () =>
      run(async () => {
        const created = await call('createCaseFromIssue', { issueKey });
        return t('cases.suggest.caseAdded', { id: created.id });
      }),
  };
}
