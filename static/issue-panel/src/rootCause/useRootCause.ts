import { useCallback, useEffect, useState } from 'react';
import type { RootCauseDraftDto, RootCauseState } from '../../../../src/contract/closure';
import { call } from '../../../shared/api';
import { toApiError, type ShownError } from '../../../shared/errors';
import { requiredIssues, type FieldIssue } from './requiredFields';

const EMPTY: RootCauseDraftDto = {
  whys: [''],
  rootCause: '',
  shortTermMeasure: '',
  longTermMeasure: '',
  technicalZero: '',
  managementZero: '',
};

export interface RootCauseForm {
  state: RootCauseState | null;
  draft: RootCauseDraftDto;
  set: (patch: Partial<RootCauseDraftDto>) => void;
  error: ShownError | null;
  saving: boolean;
  /** The last save went through (the form shows how many versions there are). */
  justSaved: boolean;
  /**
   * Set once a save was refused for empty required fields (nothing sent): what is still missing of
   * what was marked then, live as the author types; null when no save was refused since the last one.
   */
  refused: FieldIssue[] | null;
  save: () => Promise<void>;
}

const shown = (e: unknown): ShownError => {
  const api = toApiError(e);
  return { code: api.code, message: api.message, params: api.params };
};

/**
 * The issue's root cause: read the first time the section is opened, saved once every required field is
 * written; the draft is never reset by a refused or failed save. `onSaved` hears whether it is complete.
 */
export function useRootCause(issueKey: string, open: boolean, onSaved: (complete: boolean) => void): RootCauseForm {
  const [state, setState] = useState<RootCauseState | null>(null);
  const [draft, setDraft] = useState<RootCauseDraftDto>(EMPTY);
  const [error, setError] = useState<ShownError | null>(null);
  const [saving, setSaving] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const [refusedPaths, setRefusedPaths] = useState<ReadonlySet<string> | null>(null);

  const load = useCallback(async () => {
    try {
      const s = await call('getRootCause', { issueKey });
      setState(s);
      if (s.draft !== null) setDraft({ ...s.draft, whys: s.draft.whys.length > 0 ? s.draft.whys : [''] });
    } catch (e) {
      setError(shown(e));
    }
  }, [issueKey]);

  useEffect(() => {
    if (open && state === null) void load();
  }, [open, state, load]);

  const save = async () => {
    setError(null);
    setJustSaved(false);
    const missing = requiredIssues(draft);
    if (missing.length > 0) {
      setRefusedPaths(new Set(missing.map((i) => i.path)));
      return;
    }
    setRefusedPaths(null);
    setSaving(true);
    try {
      const s = await call('saveRootCause', { issueKey, draft });
      setState(s); // the draft stays as typed
      setJustSaved(true);
      onSaved(s.complete);
    } catch (e) {
      setError(shown(e));
    } finally {
      setSaving(false);
    }
  };

  const set = (patch: Partial<RootCauseDraftDto>) => setDraft((d) => ({ ...d, ...patch }));
  const refused = refusedPaths === null ? null : requiredIssues(draft).filter((i) => refusedPaths.has(i.path));
  return { state, draft, set, error, saving, justSaved, refused, save };
}
