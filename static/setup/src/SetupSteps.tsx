import { Stack } from '@atlaskit/primitives';
import type { ManualStep, SetupStep, SetupStepStatus } from '../../../src/contract/setup';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';

/** The setup's steps (what, on which target) with one column the caller fills: the planned action, or the outcome. */
export function StepTable({
  steps,
  column,
}: {
  steps: SetupStep[];
  column: (s: SetupStepStatus & SetupStep) => string;
}) {
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

/** What the admin must do by hand (Jira offers no REST call for it), in order. */
export function ManualList({ steps }: { steps: Array<{ manual: ManualStep[] }> }) {
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
