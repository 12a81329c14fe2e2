import { useCallback, useEffect, useState } from 'react';
import type { BackupRestorePreview, BackupRestoreStatus } from '../../../src/contract/backup';
import { call } from '../../shared/api';
import { toApiError, type ApiError } from '../../shared/errors';
import { commitBackup, downloadBackup, saveAsFile, uploadBackup } from './backupFile';

/** How often the section reads the restore's progress while a commit call runs (ms). Range 500–5000; default 1000. */
const POLL_MS = 1000;

export type BackupPhase =
  | { name: 'idle' }
  | { name: 'downloading'; done: number; total: number }
  | { name: 'downloaded'; configKeys: number; cases: number }
  | { name: 'uploading'; done: number; total: number }
  | { name: 'preview'; preview: BackupRestorePreview }
  | { name: 'applying'; status: BackupRestoreStatus | null }
  | { name: 'done'; status: BackupRestoreStatus }
  | { name: 'incomplete'; status: BackupRestoreStatus }
  | { name: 'error'; error: ApiError };

export interface BackupRestoreActions {
  phase: BackupPhase;
  download: () => Promise<void>;
  choose: (file: File | undefined) => Promise<void>;
  apply: (restoreId: string) => Promise<void>;
  cancel: () => void;
}

/**
 * The backup section's steps: download by pages; upload a file to a preview; commit (or resume) a
 * restore while reading its progress. On opening, a restore left `applying` is offered for resuming.
 */
export function useBackupRestore(): BackupRestoreActions {
  const [phase, setPhase] = useState<BackupPhase>({ name: 'idle' });
  const fail = useCallback((e: unknown) => setPhase({ name: 'error', error: toApiError(e) }), []);

  useEffect(() => {
    void call('getBackupRestoreStatus', {})
      .then((s) => {
        if (s?.state === 'applying') setPhase({ name: 'incomplete', status: s });
      })
      .catch(() => undefined); // the section still offers download and restore
  }, []);

  const download = async () => {
    setPhase({ name: 'downloading', done: 0, total: 0 });
    try {
      const { doc, configKeys } = await downloadBackup((done, total) => setPhase({ name: 'downloading', done, total }));
      saveAsFile(doc);
      setPhase({ name: 'downloaded', configKeys, cases: doc.cases.length });
    } catch (e) {
      fail(e);
    }
  };

  const choose = async (file: File | undefined) => {
    if (file === undefined) return;
    setPhase({ name: 'uploading', done: 0, total: 1 });
    try {
      const preview = await uploadBackup(await file.text(), (done, total) =>
        setPhase({ name: 'uploading', done, total }),
      );
      setPhase({ name: 'preview', preview });
    } catch (e) {
      fail(e);
    }
  };

  const apply = async (restoreId: string) => {
    setPhase({ name: 'applying', status: null });
    // One commit call works for up to 15 s; the journal's cursor, read meanwhile, shows how far it got.
    let polling = true;
    const poll = async (): Promise<void> => {
      while (polling) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        const s = await call('getBackupRestoreStatus', {}).catch(() => null);
        if (polling && s?.restoreId === restoreId && s.state === 'applying') setPhase({ name: 'applying', status: s });
      }
    };
    void poll();
    try {
      const status = await commitBackup(restoreId, (s) => setPhase({ name: 'applying', status: s }));
      polling = false;
      setPhase({ name: 'done', status });
    } catch (e) {
      polling = false;
      // A commit that stopped half-way leaves the restore `applying`: offer to resume it.
      const latest = await call('getBackupRestoreStatus', {}).catch(() => null);
      if (latest?.restoreId === restoreId && latest.state === 'applying')
        setPhase({ name: 'incomplete', status: latest });
      else fail(e);
    }
  };

  return { phase, download, choose, apply, cancel: () => setPhase({ name: 'idle' }) };
}
