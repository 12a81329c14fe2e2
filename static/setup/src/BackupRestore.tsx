import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import type { BackupRestorePreview, BackupRestoreStatus } from '../../../src/contract/backup';
import { call } from '../../shared/api';
import { buttonStyles, dangerButtonStyles, FieldLabel, primaryButtonStyles } from '../../shared/controls';
import { toApiError, type ApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/react';
import { personName } from '../../shared/people';
import { sectionStyles } from './sectionStyles';
import { commitBackup, downloadBackup, saveAsFile, uploadBackup } from './backupFile';

/** How often the section reads the restore's progress while a commit call runs (ms). Range 500–5000; default 1000. */
const POLL_MS = 1000;

type Phase =
  | { name: 'idle' }
  | { name: 'downloading'; done: number; total: number }
  | { name: 'downloaded'; configKeys: number; cases: number }
  | { name: 'uploading'; done: number; total: number }
  | { name: 'preview'; preview: BackupRestorePreview }
  | { name: 'applying'; status: BackupRestoreStatus | null }
  | { name: 'done'; status: BackupRestoreStatus }
  | { name: 'incomplete'; status: BackupRestoreStatus }
  | { name: 'error'; error: ApiError };

/**
 * "Backup and restore" on the setup page: download the backup (by pages, with progress); choose a
 * file, see what it would change, confirm, restore with progress; a restore left incomplete (closed
 * tab, function stopped) is offered for resuming when the page opens.
 */
export function BackupRestore() {
  const { t, formatDateTime } = useI18n();
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const [confirmed, setConfirmed] = useState(false);
  const fileId = useId();
  const confirmId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  const fail = useCallback((e: unknown) => setPhase({ name: 'error', error: toApiError(e) }), []);

  useEffect(() => {
    void call('getBackupRestoreStatus', {})
      .then((s) => {
        if (s?.state === 'applying') setPhase({ name: 'incomplete', status: s });
      })
      .catch(() => undefined); // the section still offers download and restore
  }, []);

  useEffect(() => {
    if (phase.name === 'preview' || phase.name === 'done' || phase.name === 'incomplete') heading.current?.focus();
  }, [phase.name]);

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
    setConfirmed(false);
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

  const busy = phase.name === 'downloading' || phase.name === 'uploading' || phase.name === 'applying';
  return (
    <Box as="section" xcss={sectionStyles} testId="backup-section">
      <Stack space="space.150">
        <h2>{t('backup.title')}</h2>
        <Text as="p">{t('backup.intro')}</Text>
        <Inline space="space.200" alignBlock="end" shouldWrap>
          <Pressable xcss={buttonStyles} onClick={() => void download()} isDisabled={busy} testId="backup-download">
            {t('backup.download')}
          </Pressable>
          <Stack space="space.050">
            <FieldLabel htmlFor={fileId}>{t('backup.file')}</FieldLabel>
            {/* eslint-disable-next-line @atlaskit/design-system/no-readonly-or-disabled-inputs -- only while a transfer runs */}
            <input
              id={fileId}
              type="file"
              accept="application/json,.json"
              disabled={busy}
              data-testid="backup-file"
              onChange={(e) => {
                void choose(e.currentTarget.files?.[0]);
                e.currentTarget.value = '';
              }}
            />
          </Stack>
        </Inline>

        {phase.name === 'downloading' ? (
          <ProgressLine
            label={t('backup.downloading', { done: phase.done, total: phase.total })}
            done={phase.done}
            total={phase.total}
          />
        ) : null}
        {phase.name === 'downloaded' ? (
          <Text as="p" role="status" testId="backup-downloaded">
            {t('backup.downloaded', { configKeys: phase.configKeys, cases: phase.cases })}
          </Text>
        ) : null}
        {phase.name === 'uploading' ? (
          <ProgressLine
            label={t('backup.uploading', { done: phase.done, total: phase.total })}
            done={phase.done}
            total={phase.total}
          />
        ) : null}

        {phase.name === 'preview' ? (
          <Stack space="space.100" testId="backup-preview">
            <h3 ref={heading} tabIndex={-1}>
              {t('backup.previewTitle')}
            </h3>
            <Text as="p">
              {t('backup.preview.exported', {
                exportedAt: formatDateTime(phase.preview.exportedAt) ?? phase.preview.exportedAt,
                exportedBy: phase.preview.exportedBy === null ? '—' : personName(t, phase.preview.exportedByName),
              })}
            </Text>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('backup.preview.col.what')}</th>
                  <th scope="col">{t('backup.preview.col.inFile')}</th>
                  <th scope="col">{t('backup.preview.col.added')}</th>
                  <th scope="col">{t('backup.preview.col.changed')}</th>
                </tr>
              </thead>
              <tbody>
                <tr data-row="config">
                  <th scope="row">{t('backup.preview.config')}</th>
                  <td>{phase.preview.configKeys}</td>
                  <td>{phase.preview.configAdded}</td>
                  <td>{phase.preview.configChanged}</td>
                </tr>
                <tr data-row="cases">
                  <th scope="row">{t('backup.preview.cases')}</th>
                  <td>{phase.preview.cases}</td>
                  <td>{phase.preview.casesAdded}</td>
                  <td>{phase.preview.casesChanged}</td>
                </tr>
              </tbody>
            </table>
            <label htmlFor={confirmId}>
              <input
                id={confirmId}
                type="checkbox"
                checked={confirmed}
                onChange={(e) => setConfirmed(e.currentTarget.checked)}
                data-testid="backup-confirm"
              />{' '}
              {t('backup.confirm')}
            </label>
            <Inline space="space.100">
              <Pressable
                xcss={confirmed ? dangerButtonStyles : [dangerButtonStyles, disabledStyles]}
                isDisabled={!confirmed}
                onClick={() => void apply(phase.preview.restoreId)}
                testId="backup-restore"
              >
                {t('backup.restore')}
              </Pressable>
              <Pressable xcss={buttonStyles} onClick={() => setPhase({ name: 'idle' })} testId="backup-cancel">
                {t('backup.cancel')}
              </Pressable>
            </Inline>
          </Stack>
        ) : null}

        {phase.name === 'applying' ? (
          <ProgressLine
            label={t('backup.applying', { done: phase.status?.stepsDone ?? 0, total: phase.status?.stepCount ?? 0 })}
            done={phase.status?.stepsDone ?? 0}
            total={phase.status?.stepCount ?? 1}
          />
        ) : null}

        {phase.name === 'done' ? (
          <Stack space="space.050" testId="backup-done">
            <h3 ref={heading} tabIndex={-1}>
              {t('backup.done', { configEntries: phase.status.counts.configEntries, cases: phase.status.counts.cases })}
            </h3>
            {phase.status.publishedVersion === null ? null : (
              <Text as="p">{t('backup.donePublished', { version: phase.status.publishedVersion })}</Text>
            )}
          </Stack>
        ) : null}

        {phase.name === 'incomplete' ? (
          <Box xcss={warningStyles} role="alert" testId="backup-incomplete">
            <Stack space="space.100">
              <h3 ref={heading} tabIndex={-1}>
                {t('backup.incomplete')}
              </h3>
              <Text as="p">
                {t('backup.incompleteHelp', {
                  at: formatDateTime(phase.status.createdAt) ?? phase.status.createdAt,
                  done: phase.status.stepsDone,
                  total: phase.status.stepCount,
                })}
              </Text>
              <Box>
                <Pressable
                  xcss={primaryButtonStyles}
                  onClick={() => void apply(phase.status.restoreId)}
                  testId="backup-resume"
                >
                  {t('backup.resume')}
                </Pressable>
              </Box>
            </Stack>
          </Box>
        ) : null}

        {phase.name === 'error' ? (
          <Stack space="space.100" testId="backup-error">
            <ErrorState error={phase.error} titleKey="backup.title" />
            {phase.error.code === 'BACKUP_INVALID' ? (
              <Stack space="space.050">
                <Text as="p">{t('backup.problems')}</Text>
                <ul data-testid="backup-problems">
                  {phase.error.errors.slice(1, 51).map((e, i) => (
                    <li key={i}>
                      <code>{e.path ?? ''}</code> {e.message}
                    </li>
                  ))}
                </ul>
              </Stack>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </Box>
  );
}

function ProgressLine({ label, done, total }: { label: string; done: number; total: number }) {
  return (
    <Stack space="space.050">
      <Text as="p" role="status">
        {label}
      </Text>
      <progress data-testid="backup-progress" max={Math.max(1, total)} value={done} aria-label={label} />
    </Stack>
  );
}

/** A disabled button must look disabled, not only refuse clicks. */
const disabledStyles = xcss({ opacity: 'opacity.disabled', cursor: 'not-allowed' });
const warningStyles = xcss({
  backgroundColor: 'color.background.warning',
  borderRadius: 'radius.medium',
  padding: 'space.200',
});
