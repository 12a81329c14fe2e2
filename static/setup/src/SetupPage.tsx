import { useCallback, useEffect, useRef, useState } from 'react';
import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import type {
  SetupPlan,
  SetupProject,
  SetupStatus,
  SetupStep,
  SetupStepStatus,
  ManualStep,
} from '../../../src/contract/setup';
import { call } from '../../shared/api';
import { toApiError, type ApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/react';
import type { MessageKey } from '../../shared/i18n';
import { AuditLog } from './AuditLog';
import { BackupRestore } from './BackupRestore';
import { SiteCheck } from './SiteCheck';

/** How often the page asks for progress while a run is under way (ms). Range 500–5000; default 1000. */
const POLL_MS = 1000;

type Phase =
  | { name: 'loading' }
  | { name: 'refused' }
  | { name: 'error'; error: ApiError }
  | { name: 'pick' }
  | { name: 'preview'; plan: SetupPlan }
  | { name: 'running'; status: SetupStatus | null }
  | { name: 'report'; status: SetupStatus };

/** The `itr-setup` admin page: pick projects → preview → run with progress → report. */
export function SetupPage() {
  const { t } = useI18n();
  const [projects, setProjects] = useState<SetupProject[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });
  const [hint, setHint] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

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

  // Move focus to the new section's heading when the phase changes (keyboard and screen readers).
  useEffect(() => {
    if (phase.name === 'preview' || phase.name === 'report') heading.current?.focus();
  }, [phase.name]);

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
    }
  };

  const toggle = (key: string) => setPicked((p) => (p.includes(key) ? p.filter((k) => k !== key) : [...p, key]));

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
        {phase.name === 'pick' || phase.name === 'preview' ? (
          <Box as="fieldset" xcss={fieldsetStyles}>
            <legend>{t('setup.projects')}</legend>
            <Stack space="space.050">
              {projects.map((p) => (
                <label key={p.key}>
                  <input type="checkbox" checked={picked.includes(p.key)} onChange={() => toggle(p.key)} /> {p.name} (
                  {p.key}){p.style === 'next-gen' ? ` ${t('setup.teamManaged')}` : ''}
                </label>
              ))}
            </Stack>
          </Box>
        ) : null}
        {phase.name === 'pick' || phase.name === 'preview' ? (
          <Inline space="space.100">
            <Button onClick={() => void preview()} label={t('setup.preview')} testId="setup-preview" />
            {phase.name === 'preview' ? (
              <Button onClick={() => void run(false)} label={t('setup.run')} testId="setup-run" primary />
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
        {phase.name === 'running' ? <Progress status={phase.status} /> : null}
        {phase.name === 'report' ? (
          <Report status={phase.status} headingRef={heading} onResume={() => void run(true)} />
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

function Button({
  onClick,
  label,
  testId,
  primary = false,
}: {
  onClick: () => void;
  label: string;
  testId: string;
  primary?: boolean;
}) {
  return (
    <Pressable onClick={onClick} testId={testId} xcss={primary ? [buttonStyles, primaryStyles] : buttonStyles}>
      {label}
    </Pressable>
  );
}

function StepTable({ steps, column }: { steps: SetupStep[]; column: (s: SetupStepStatus & SetupStep) => string }) {
  const { t } = useI18n();
  return (
    <table data-testid="setup-steps">
      <thead>
        <tr>
          <th scope="col">{t('setup.col.step')}</th>
          <th scope="col">{t('setup.col.target')}</th>
          <th scope="col">{t('setup.col.status')}</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((s) => (
          <tr key={s.id} data-step={s.id}>
            <td>{t(`setup.kind.${s.kind}` as MessageKey)}</td>
            <td>{s.kind === 'issueType' ? t(`kind.${s.target}` as MessageKey) : s.target}</td>
            <td>{column(s as SetupStepStatus)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ManualList({ steps }: { steps: Array<{ manual: ManualStep[] }> }) {
  const { t } = useI18n();
  const all = steps.flatMap((s) => s.manual);
  if (all.length === 0) return null;
  return (
    <Stack space="space.050">
      <h3>{t('setup.manualTitle')}</h3>
      <ol data-testid="setup-manual">
        {all.map((m, i) => (
          <li key={i}>{t(`setup.manual.${m.code}` as MessageKey, m.params)}</li>
        ))}
      </ol>
    </Stack>
  );
}

function Progress({ status }: { status: SetupStatus | null }) {
  const { t } = useI18n();
  const total = status?.steps.length ?? 1;
  const done = status?.nextIndex ?? 0;
  return (
    <Stack space="space.100">
      <Text as="p" role="status">
        {t('setup.running')} {status ? t('setup.progress', { done, total }) : ''}
      </Text>
      <progress
        data-testid="setup-progress"
        max={total}
        value={done}
        aria-label={t('setup.progress', { done, total })}
      />
    </Stack>
  );
}

function Report({
  status,
  headingRef,
  onResume,
}: {
  status: SetupStatus;
  headingRef: React.RefObject<HTMLHeadingElement>;
  onResume: () => void;
}) {
  const { t } = useI18n();
  const count = (o: string) => status.steps.filter((s) => s.outcome === o).length;
  return (
    <Stack space="space.100" testId="setup-report">
      <h2 ref={headingRef} tabIndex={-1}>
        {t('setup.reportTitle')}
      </h2>
      <Text as="p" role="status">
        {status.state === 'done' ? t('setup.report.done') : t('setup.report.failedRun')}{' '}
        {t('setup.report.summary', {
          created: count('created'),
          found: count('found'),
          manual: count('manual'),
          failed: count('failed'),
        })}
      </Text>
      <progress
        max={status.steps.length}
        value={status.nextIndex}
        aria-label={t('setup.progress', { done: status.nextIndex, total: status.steps.length })}
      />
      <StepTable
        steps={status.steps}
        column={(s) => t(`setup.outcome.${s.outcome}` as MessageKey) + (s.error ? ` (${s.error.code})` : '')}
      />
      <ManualList steps={status.steps.filter((s) => s.outcome === 'manual')} />
      {status.state !== 'done' ? (
        <Button onClick={onResume} label={t('setup.resume')} testId="setup-resume" primary />
      ) : null}
    </Stack>
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
const buttonStyles = xcss({
  paddingBlock: 'space.075',
  paddingInline: 'space.150',
  borderRadius: 'radius.medium',
  backgroundColor: 'color.background.neutral',
  color: 'color.text',
  ':hover': { backgroundColor: 'color.background.neutral.hovered' },
});
const primaryStyles = xcss({
  backgroundColor: 'color.background.brand.bold',
  color: 'color.text.inverse',
  ':hover': { backgroundColor: 'color.background.brand.bold.hovered' },
});
