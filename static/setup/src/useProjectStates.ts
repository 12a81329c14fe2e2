import { useCallback, useEffect, useRef, useState } from 'react';
import type { SetupProject, SetupProjectState } from '../../../src/contract/setup';
import { call } from '../../shared/api';

/**
 * Projects observed per call. Observing one costs about eight Jira reads (schemes, screens, an issue
 * search), and a resolver stops at 25 s: 5 keeps a call near a few seconds on a real site. Range 1–50
 * (previewSetup takes at most 50); default 5.
 */
export const STATE_CHUNK = 5;

/** A project's state: as observed, still being checked, or the check failed (Jira refused it). */
export type ProjectStateView = SetupProjectState | 'checking' | 'failed';

/**
 * Each listed project's ITR state (issue types, workflow, fields on screens), read through the preview
 * (which writes nothing) a few projects at a time so the first rows fill in quickly. `refresh` reads
 * them again, after a run changed the site.
 */
export function useProjectStates(projects: readonly SetupProject[]): {
  states: ReadonlyMap<string, ProjectStateView>;
  refresh: () => void;
} {
  const [states, setStates] = useState<ReadonlyMap<string, ProjectStateView>>(new Map());
  const [round, setRound] = useState(0);
  // A newer round (refresh, new list) makes the answers of an older one stale.
  const current = useRef(0);

  useEffect(() => {
    const id = ++current.current;
    const keys = projects.map((p) => p.key);
    setStates((prev) => new Map(keys.map((k) => [k, prev.get(k) ?? 'checking'])));
    void (async () => {
      for (let i = 0; i < keys.length && id === current.current; i += STATE_CHUNK) {
        const chunk = keys.slice(i, i + STATE_CHUNK);
        let found: Array<[string, ProjectStateView]>;
        try {
          const plan = await call('previewSetup', { projectKeys: chunk });
          found = chunk.map((k) => [k, plan.projects.find((p) => p.key === k) ?? 'failed']);
        } catch {
          found = chunk.map((k) => [k, 'failed']);
        }
        if (id !== current.current) return;
        setStates((prev) => new Map([...prev, ...found]));
      }
    })();
  }, [projects, round]);

  const refresh = useCallback(() => setRound((r) => r + 1), []);
  return { states, refresh };
}
