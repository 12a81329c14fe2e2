import { useCallback, useEffect, useState } from 'react';
import type { SetupPlan, SetupProject, SetupStatus } from '../../../src/contract/setup';
import { call } from '../../shared/api';
import { toApiError, type ApiError } from '../../shared/errors';

/** How often the page asks for progress while a run is under way (ms). Range 500–5000; default 1000. */
const POLL_MS = 1000;

export type SetupPhase =
  | { name: 'loading' }
  | { name: 'refused' }
  | { name: 'error'; error: ApiError }
  | { name: 'pick' }
  | { name: 'preview'; plan: SetupPlan }
  | { name: 'running'; status: SetupStatus | null }
  | { name: 'report'; status: SetupStatus };

export interface SetupRun {
  projects: SetupProject[];
  picked: string[];
  phase: SetupPhase;
  /** The admin asked for a preview with no project picked. */
  hint: boolean;
  /** Runs that ended (done, stopped or failed) since the page opened: what changed the site. */
  runs: number;
  load: () => Promise<void>;
  toggle: (projectKey: string) => void;
  preview: () => Promise<void>;
  run: (resume: boolean) => Promise<void>;
}

/**
 * The setup page's steps: the projects and the last run (an unfinished one reopens on its report), a
 * preview of the picked projects, and a run in time slices with its progress read meanwhile.
 */
export function useSetupRun(): SetupRun {
  const [projects, setProjects] = useState<SetupProject[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [phase, setPhase] = useState<SetupPhase>({ name: 'loading' });
  const [hint, setHint] = useState(false);
  const [runs, setRuns] = useState(0);

  const fail = useCallback((e: unknown) => {
    const error = toApiError(e);
    setPhase(error.code === 'NOT_AUTHORIZED' ? { name: 'refused' } : { name: 'error', error });
  }, []);

  const load = useCallback(async () => {
    setPhase({ name: 'loading' });
    try {
      setProjects(await call('listSetupProjects', {}));
      const last = await call('getSetupStatus', {});
      if (last && last.state !== 'done') {
        setPicked(last.projectKeys);
        setPhase({ name: 'report', status: last });
      } else setPhase({ name: 'pick' });
    } catch (e) {
      fail(e);
    }
  }, [fail]);

  useEffect(() => {
    void load();
  }, [load]);

  const preview = async () => {
    if (picked.length === 0) return setHint(true);
    setHint(false);
    setPhase({ name: 'loading' });
    try {
      setPhase({ name: 'preview', plan: await call('previewSetup', { projectKeys: picked }) });
    } catch (e) {
      fail(e);
    }
  };

  const run = async (resume: boolean) => {
    setPhase({ name: 'running', status: null });
    let polling = true;
    const poll = async (): Promise<void> => {
      while (polling) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        if (!polling) return;
        try {
          const s = await call('getSetupStatus', {});
          if (polling && s) setPhase({ name: 'running', status: s });
        } catch {
          // Progress is best-effort; the run's own answer decides the outcome.
        }
      }
    };
    void poll();
    try {
      // A run answers `running` when it used its time slice; continue until done or failed.
      let status = resume ? await call('resumeSetup', {}) : await call('runSetup', { projectKeys: picked });
      while (status.state === 'running') {
        setPhase({ name: 'running', status });
        status = await call('resumeSetup', {});
      }
      polling = false;
      setPhase({ name: 'report', status });
    } catch (e) {
      polling = false;
      fail(e);
    } finally {
      setRuns((n) => n + 1);
    }
  };

  const toggle = (key: string) => setPicked((p) => (p.includes(key) ? p.filter((k) => k !== key) : [...p, key]));

  return { projects, picked, phase, hint, runs, load, toggle, preview, run };
}
