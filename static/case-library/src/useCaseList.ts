import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, call } from '../../shared/api';
import { toApiError } from '../../shared/errors';
import { STATUSES, type Filters, type Row } from './cases';

export interface CaseList {
  filters: Filters;
  setFilters: (change: (f: Filters) => Filters) => void;
  /** The search text applied (empty: browse by the filters only). */
  setQuery: (query: string) => void;
  /** null while the first answer is awaited. */
  rows: Row[] | null;
  error: ApiError | null;
  load: () => Promise<void>;
}

/**
 * The cases the filters and search select, read again whenever either changes (a later answer wins).
 * A search made while the page works for an issue (`forIssue`) is recorded for it by the server.
 */
export function useCaseList(forIssue: string | null = null, onRecorded?: () => void): CaseList {
  const [filters, setFilters] = useState<Filters>({ status: 'published', product: '', language: '', tag: '' });
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const request = useRef(0);

  const load = useCallback(async () => {
    const id = ++request.current;
    setError(null);
    const common = {
      ...(filters.status === 'any' ? { statuses: [...STATUSES] } : { statuses: [filters.status] }),
      ...(filters.product.trim() ? { product: filters.product.trim() } : {}),
      ...(filters.tag.trim() ? { tag: filters.tag.trim() } : {}),
      ...(filters.language ? { language: filters.language } : {}),
    };
    try {
      const next: Row[] = query.trim()
        ? (
            await call('searchCases', {
              text: query,
              ...common,
              limit: 50,
              ...(forIssue === null ? {} : { issueKey: forIssue }),
            })
          ).map((hit) => ({ case: hit.case, hit }))
        : (await call('listCases', { ...common, limit: 100 })).map((c) => ({ case: c }));
      if (id === request.current) setRows(next);
      if (forIssue !== null && query.trim() !== '') onRecorded?.();
    } catch (e) {
      if (id === request.current) setError(toApiError(e));
    }
    // onRecorded is not a dependency: a new callback starts no search.
  }, [filters, query, forIssue]);

  useEffect(() => {
    void load();
  }, [load]);

  return { filters, setFilters, setQuery, rows, error, load };
}
