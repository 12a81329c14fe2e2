import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import type { ThemeAppearance } from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { SetupAction, SetupStep } from '../../../src/contract/setup';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/react';
import { AuditLog } from './AuditLog';
import { BackupRestore } from './BackupRestore';
import { ProjectTable } from './ProjectTable';
import { SetupProgress } from './SetupProgress';
import { SetupReport } from './SetupReport';
import { ManualList, StepTable, type StepStatus } from './SetupSteps';
import { SiteCheck } from './SiteCheck';
import { useProjectStates } from './useProjectStates';
import { useSetupRun } from './useSetupRun';

const ACTION_LOOK: Readonly<Record<SetupAction, ThemeAppearance>> = {
  create: 'new',
  found: 'success',
  cannot: 'moved',
};

/** The `itr-setup` admin page: each project's ITR state → pick → preview → run with progress → report. */
export function SetupPage() {
  const { t } = useI18n();
  const { projects, picked, phase, hint, load, toggle, preview, run, runs } = useSetupRun();
  const { states, refresh: refreshStates } = useProjectStates(projects);
  // Bumped after every action this page takes that the audit log records (a run, a restore).
  const [auditRound, setAuditRound] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);

  // Move focus to the new section's heading when the phase changes (keyboard and screen readers).
  useEffect(() => {
    if (phase.name === 'preview' || phase.name === 'report') heading.current?.focus();
  }, [phase.name]);

  // A finished (or stopped) run changed projects and the audit log: show both as they are now.
  useEffect(() => {
    if (runs === 0) return;
    refreshStates();
    setAuditRound((r) => r + 1);
  }, [runs, refreshStates]);

  // After a finished run the admin may pick and preview again (another project, or to check the result).
  const picking =
    phase.name === 'pick' || phase.name === 'preview' || (phase.name === 'report' && phase.status.state === 'done');
  const actionStatus = (s: SetupStep): StepStatus => ({
    label: t(`setup.action.${s.action}`),
    appearance: ACTION_LOOK[s.action],
  });
  return (
    <Box as="main" xcss={pageStyles}>
      <Stack space="space.200">
        <h1>{t('setup.title')}</h1>
        <Text as="p">{t('setup.intro')}</Text>
        {phase.name === 'loading' ? <Text as="p">{t('setup.projectsLoading')}</Text> : null}
        {phase.name === 'refused' ? (
          <Box role="alert">
            <Text as="p" weight="bold">
              {t('setup.refused')}
            </Text>
          </Box>
        ) : null}
        {phase.name === 'error' ? (
          <ErrorState error={phase.error} titleKey="error.title" params={{}} onRetry={() => void load()} />
        ) : null}
        {phase.name !== 'loading' && phase.name !== 'refused' && projects.length > 0 ? (
          <ProjectTable projects={projects} picked={picked} states={states} locked={!picking} onToggle={toggle} />
        ) : null}
        {picking ? (
          <Inline space="space.100">
            <Button onClick={() => void preview()} testId="setup-preview">
              {t('setup.preview')}
            </Button>
            {phase.name === 'preview' ? (
              <Button appearance="primary" onClick={() => void run(false)} testId="setup-run">
                {t('setup.run')}
              </Button>
            ) : null}
          </Inline>
        ) : null}
        {hint ? (
          <Box role="alert">
            <Text as="p">{t('setup.pickProject')}</Text>
          </Box>
        ) : null}
        {phase.name === 'preview' ? (
          <Stack space="space.100">
            <h2 ref={heading} tabIndex={-1}>
              {t('setup.previewTitle')}
            </h2>
            <StepTable steps={phase.plan.steps} status={actionStatus} />
            <ManualList steps={phase.plan.steps} />
          </Stack>
        ) : null}
        {phase.name === 'running' ? <SetupProgress status={phase.status} /> : null}
        {phase.name === 'report' ? (
          <SetupReport status={phase.status} headingRef={heading} onResume={() => void run(true)} />
        ) : null}
        {phase.name !== 'loading' && phase.name !== 'refused' ? (
          <>
            <SiteCheck />
            <BackupRestore onRestored={() => setAuditRound((r) => r + 1)} />
            <AuditLog round={auditRound} />
          </>
        ) : null}
      </Stack>
    </Box>
  );
}

const pageStyles = xcss({ padding: 'space.300', maxWidth: '100%' });
