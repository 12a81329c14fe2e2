import { useEffect, useRef } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { SetupProject } from '../../../src/contract/setup';
import { ErrorState } from '../../shared/ErrorState';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { AuditLog } from './AuditLog';
import { BackupRestore } from './BackupRestore';
import { SetupButton } from './SetupButton';
import { SetupProgress } from './SetupProgress';
import { SetupReport } from './SetupReport';
import { ManualList, StepTable } from './SetupSteps';
import { SiteCheck } from './SiteCheck';
import { useSetupRun } from './useSetupRun';

/** The `itr-setup` admin page: pick projects → preview → run with progress → report. */
export function SetupPage() {
  const { t } = useI18n();
  const { projects, picked, phase, hint, load, toggle, preview, run } = useSetupRun();
  const heading = useRef<HTMLHeadingElement>(null);

  // Move focus to the new section's heading when the phase changes (keyboard and screen readers).
  useEffect(() => {
    if (phase.name === 'preview' || phase.name === 'report') heading.current?.focus();
  }, [phase.name]);

  const picking = phase.name === 'pick' || phase.name === 'preview';
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
        {picking ? <ProjectPicker projects={projects} picked={picked} onToggle={toggle} /> : null}
        {picking ? (
          <Inline space="space.100">
            <SetupButton onClick={() => void preview()} label={t('setup.preview')} testId="setup-preview" />
            {phase.name === 'preview' ? (
              <SetupButton onClick={() => void run(false)} label={t('setup.run')} testId="setup-run" primary />
            ) : null}
          </Inline>
        ) : null}
        {hint ? (
          <Text as="p" role="alert">
            {t('setup.pickProject')}
          </Text>
        ) : null}
        {phase.name === 'preview' ? (
          <Stack space="space.100">
            <h2 ref={heading} tabIndex={-1}>
              {t('setup.previewTitle')}
            </h2>
            <StepTable steps={phase.plan.steps} column={(s) => t(`setup.action.${s.action}` as MessageKey)} />
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
            <BackupRestore />
            <AuditLog />
          </>
        ) : null}
      </Stack>
    </Box>
  );
}

/** The projects setup may configure (team-managed ones marked), as checkboxes. */
function ProjectPicker({
  projects,
  picked,
  onToggle,
}: {
  projects: SetupProject[];
  picked: string[];
  onToggle: (projectKey: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Box as="fieldset" xcss={fieldsetStyles}>
      <legend>{t('setup.projects')}</legend>
      <Stack space="space.050">
        {projects.map((p) => (
          <label key={p.key}>
            <input type="checkbox" checked={picked.includes(p.key)} onChange={() => onToggle(p.key)} /> {p.name} (
            {p.key}){p.style === 'next-gen' ? ` ${t('setup.teamManaged')}` : ''}
          </label>
        ))}
      </Stack>
    </Box>
  );
}

const pageStyles = xcss({ padding: 'space.300', maxWidth: '100%' });
const fieldsetStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.150',
});
