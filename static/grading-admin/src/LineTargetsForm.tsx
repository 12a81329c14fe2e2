/**
 * The support-lines subpage's targets (issue 17): of what reaches each line, the share it should resolve
 * itself (the process asks for at least 80 %). Stored as a fraction (KVS, src/app/settings/lineTargets.ts),
 * edited as a percentage; the supervision page flags lines below their target.
 */
import { Stack, Text } from '@atlaskit/primitives';
import type { LineTargets } from '../../../src/contract/caseHabit';
import type { SettingsState } from '../../../src/contract/settings';
import type { SupportLineId } from '../../../src/contract/ids';
import { call } from '../../shared/api';
import { useI18n } from '../../shared/i18n/react';
import { NumberField } from './fields';
import { Caption, SettingsFormShell } from './SettingsForm';

const LINES: readonly SupportLineId[] = ['L1', 'L2', 'L3'];

const asState = (s: { targets: LineTargets; revision: number }): SettingsState<LineTargets> => ({
  settings: s.targets,
  revision: s.revision,
  displayNames: {},
});
const load = async () => asState(await call('getLineTargets', {}));
const save = async (targets: LineTargets, expectedRevision: number) =>
  asState(await call('saveLineTargets', { targets, expectedRevision }));

/** A fraction as the percentage typed (0.8 → 80); text that is not a number stays text for the server to refuse. */
const toPercent = (v: unknown): unknown => (typeof v === 'number' ? Math.round(v * 1000) / 10 : v);
const toFraction = (v: unknown): unknown => (typeof v === 'number' ? v / 100 : v);

export function LineTargetsForm() {
  const { t } = useI18n();
  return (
    <SettingsFormShell<LineTargets>
      load={load}
      save={save}
      testId="line-targets"
      saveLabel={t('settings.lineTargets.save')}
    >
      {({ draft, edit }) => (
        <Stack space="space.100">
          <Text weight="bold">{t('settings.lineTargets.title')}</Text>
          <Caption>{t('settings.lineTargets.help')}</Caption>
          {LINES.map((line) => (
            <NumberField
              key={line}
              path={line}
              label={t('settings.lineTargets.field', { line: t(`line.${line}`) })}
              visibleLabel={t('settings.lineTargets.field', { line: t(`line.${line}`) })}
              unit="%"
              value={toPercent(draft[line])}
              onChange={(v) => edit((d) => ({ ...d, [line]: toFraction(v) as number }))}
            />
          ))}
        </Stack>
      )}
    </SettingsFormShell>
  );
}
