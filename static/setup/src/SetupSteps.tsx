import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import { Stack } from '@atlaskit/primitives';
import type { ManualStep, SetupStep } from '../../../src/contract/setup';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { RuleList } from './RuleList';
import { cellStyle, headStyle, tableStyle } from '../../shared/tableStyles';

/** What a step's status column says: its text and the lozenge's colour (the text carries the meaning). */
export interface StepStatus {
  label: string;
  appearance: ThemeAppearance;
  /** Why it failed, in the user's language (under the lozenge). */
  reason?: string;
}

/** The setup's steps (what, on which target) with one column the caller fills: the planned action, or the outcome. */
export function StepTable<S extends SetupStep>({ steps, status }: { steps: S[]; status: (s: S) => StepStatus }) {
  const { t } = useI18n();
  return (
    <table data-testid="setup-steps" style={tableStyle}>
      <thead>
        <tr>
          <th scope="col" style={headStyle}>
            {t('setup.col.step')}
          </th>
          <th scope="col" style={headStyle}>
            {t('setup.col.target')}
          </th>
          <th scope="col" style={headStyle}>
            {t('setup.col.status')}
          </th>
        </tr>
      </thead>
      <tbody>
        {steps.map((s) => {
          const st = status(s);
          return (
            <tr key={s.id} data-step={s.id}>
              <td style={cellStyle}>{t(`setup.kind.${s.kind}` as MessageKey)}</td>
              <td style={cellStyle}>{s.kind === 'issueType' ? t(`kind.${s.target}` as MessageKey) : s.target}</td>
              <td style={cellStyle}>
                <Stack space="space.050">
                  <span>
                    <Lozenge appearance={st.appearance}>{st.label}</Lozenge>
                  </span>
                  {st.reason === undefined ? null : <span>{st.reason}</span>}
                </Stack>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** What the admin must do by hand (Jira offers no REST call for it), in order; the app's rules by their names. */
export function ManualList({ steps }: { steps: Array<{ manual: ManualStep[] }> }) {
  const { t } = useI18n();
  const all = steps.flatMap((s) => s.manual);
  if (all.length === 0) return null;
  return (
    <Stack space="space.050">
      <h3>{t('setup.manualTitle')}</h3>
      <ol data-testid="setup-manual">
        {all.map((m, i) => (
          <li key={i} data-code={m.code}>
            {t(`setup.manual.${m.code}` as MessageKey, m.params)}
            {m.rules === undefined || m.rules.length === 0 ? null : (
              <RuleList rules={m.rules} testId="setup-manual-rules" />
            )}
          </li>
        ))}
      </ol>
    </Stack>
  );
}
