import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { ClosureAdminState } from '../../../../src/contract/closure';
import { call } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n/react';
import { PeoplePicker } from '../../../shared/PeoplePicker';
import { groupNamesOf, pickedGroup, type Picked } from '../../../shared/people';
import { Labelled } from '../../../return-visits/src/Labelled';
import { inputStyle } from '../../../return-visits/src/visitStyles';

/** A fieldset without the browser's frame: the legend is the group's label, as the other fields' labels. */
const fieldsetStyle = { border: 'none', margin: 0, padding: 0 } as const;

/** Which resolved issues get a visit (a sampling rate, grades always visited) and which groups supervise them. */
export function VisitSettingsFields({
  state,
  run,
}: {
  /** The current state: the fields start from the one first read and then keep what is typed; saves send its revision. */
  state: ClosureAdminState;
  run: (change: () => Promise<ClosureAdminState>) => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const [rate, setRate] = useState(() => String(state.settings.sampleRatePercent));
  // Grade ids: those of the grading table are chosen by name; one the table no longer has is kept as saved.
  const [grades, setGrades] = useState<ReadonlySet<string>>(() => new Set(state.settings.alwaysGrades));
  const toggle = (id: string, on: boolean) =>
    setGrades((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const [groups, setGroups] = useState<Picked[]>(() => state.settings.supervisorGroups.map(pickedGroup));
  return (
    <>
      <Labelled label={t('visits.sampleRate')}>
        {(id) => (
          <input
            id={id}
            type="number"
            min={0}
            max={100}
            value={rate}
            style={inputStyle}
            onChange={(e) => setRate(e.target.value)}
          />
        )}
      </Labelled>
      <fieldset data-testid="always-grades" style={fieldsetStyle}>
        <legend>
          <Text weight="medium">{t('visits.alwaysGrades')}</Text>
        </legend>
        <Stack space="space.050">
          {state.grades.map((g) => (
            <Inline key={g.id} space="space.075" alignBlock="center">
              <input
                id={`always-grade-${g.id}`}
                type="checkbox"
                checked={grades.has(g.id)}
                onChange={(e) => toggle(g.id, e.target.checked)}
              />
              <label htmlFor={`always-grade-${g.id}`}>{g.label[locale]}</label>
            </Inline>
          ))}
        </Stack>
      </fieldset>
      <PeoplePicker
        label={t('visits.supervisorGroups')}
        showLabel
        multiple
        kinds={['group']}
        value={groups}
        onChange={setGroups}
        path="supervisorGroups"
        testId="supervisor-groups"
      />
      <Box>
        <Button
          appearance="primary"
          testId="visit-settings-save"
          onClick={() =>
            void run(() =>
              call('saveReturnVisitSettings', {
                sampleRatePercent: Number(rate),
                alwaysGrades: [...grades],
                supervisorGroups: groupNamesOf(groups),
                expectedRevision: state.settingsRevision,
              }),
            )
          }
        >
          {t('visits.saveSettings')}
        </Button>
      </Box>
    </>
  );
}
