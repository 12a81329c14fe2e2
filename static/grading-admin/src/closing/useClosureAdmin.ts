import { useEffect, useState } from 'react';
import type { ClosureAdminState } from '../../../../src/contract/closure';
import { call } from '../../../shared/api';
import type { ShownError } from '../../../shared/errors';
import { toError } from '../../../return-visits/src/visitErrors';

export interface ClosureAdmin {
  state: ClosureAdminState | null;
  error: ShownError | null;
  /** The last change went through. */
  saved: boolean;
  /** Runs one change; its answer is the new state (the forms keep what was typed either way). */
  run: (change: () => Promise<ClosureAdminState>) => Promise<void>;
}

/** The return visits' administration as the server holds it, and changes to it. */
export function useClosureAdmin(): ClosureAdmin {
  const [state, setState] = useState<ClosureAdminState | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    call('getClosureAdmin', {}).then(setState, (e: unknown) => setError(toError(e)));
  }, []);
  const run = async (change: () => Promise<ClosureAdminState>) => {
    setError(null);
    setSaved(false);
    try {
      setState(await change());
      setSaved(true);
    } catch (e) {
      setError(toError(e));
    }
  };
  return { state, error, saved, run };
}
