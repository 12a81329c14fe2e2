import { useEffect, useId, useRef, type RefObject } from 'react';
import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { FieldLabel } from '../../shared/controls';
import { useI18n } from '../../shared/i18n/react';
import { BackupDone } from './BackupDone';
import { BackupError } from './BackupError';
import { BackupIncomplete } from './BackupIncomplete';
import { BackupPreview } from './BackupPreview';
import { BackupProgress } from './BackupProgress';
import { sectionStyles } from './sectionStyles';
import { useBackupRestore, type BackupPhase } from './useBackupRestore';

/**
 * "Backup and restore" on the setup page: download the backup (by pages, with progress); choose a
 * file, see what it would change, confirm, restore with progress; a restore left incomplete (closed
 * tab, function stopped) is offered for resuming when the page opens.
 */
export function BackupRestore({ onRestored }: { onRestored: () => void }) {
  const { t } = useI18n();
  const { phase, download, choose, apply, cancel } = useBackupRestore();
  const fileId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  // A restore that ended (done, or stopped half-way) wrote to the audit log: the page shows it at once.
  const was = useRef(phase.name);
  useEffect(() => {
    if (was.current === 'applying' && phase.name !== 'applying') onRestored();
    was.current = phase.name;
  }, [phase.name, onRestored]);

  // A result that replaces the controls takes the focus, so a screen reader announces it.
  useEffect(() => {
    if (phase.name === 'preview' || phase.name === 'done' || phase.name === 'incomplete') heading.current?.focus();
  }, [phase.name]);

  const busy = phase.name === 'downloading' || phase.name === 'uploading' || phase.name === 'applying';
  return (
    <Box as="section" xcss={sectionStyles} testId="backup-section">
      <Stack space="space.150">
        <h2>{t('backup.title')}</h2>
        <Text as="p">{t('backup.intro')}</Text>
        <Inline space="space.200" alignBlock="end" shouldWrap>
          <Button onClick={() => void download()} isDisabled={busy} testId="backup-download">
            {t('backup.download')}
          </Button>
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
        <PhaseView phase={phase} headingRef={heading} onApply={(id) => void apply(id)} onCancel={cancel} />
      </Stack>
    </Box>
  );
}

/** What the section shows below its controls for the step it is at. */
function PhaseView({
  phase,
  headingRef,
  onApply,
  onCancel,
}: {
  phase: BackupPhase;
  headingRef: RefObject<HTMLHeadingElement>;
  onApply: (restoreId: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  switch (phase.name) {
    case 'idle':
      return null;
    case 'downloading':
      return (
        <BackupProgress
          label={t('backup.downloading', { done: phase.done, total: phase.total })}
          done={phase.done}
          total={phase.total}
        />
      );
    case 'downloaded':
      return (
        <Box role="status">
          <Text as="p" testId="backup-downloaded">
            {t('backup.downloaded', { configKeys: phase.configKeys, cases: phase.cases })}
          </Text>
        </Box>
      );
    case 'uploading':
      return (
        <BackupProgress
          label={t('backup.uploading', { done: phase.done, total: phase.total })}
          done={phase.done}
          total={phase.total}
        />
      );
    case 'preview':
      return (
        <BackupPreview
          preview={phase.preview}
          headingRef={headingRef}
          onRestore={() => onApply(phase.preview.restoreId)}
          onCancel={onCancel}
        />
      );
    case 'applying':
      return (
        <BackupProgress
          label={t('backup.applying', { done: phase.status?.stepsDone ?? 0, total: phase.status?.stepCount ?? 0 })}
          done={phase.status?.stepsDone ?? 0}
          total={phase.status?.stepCount ?? 1}
        />
      );
    case 'done':
      return <BackupDone status={phase.status} headingRef={headingRef} />;
    case 'incomplete':
      return (
        <BackupIncomplete
          status={phase.status}
          headingRef={headingRef}
          onResume={() => onApply(phase.status.restoreId)}
        />
      );
    case 'error':
      return <BackupError error={phase.error} />;
  }
}
