import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { Box } from '@atlaskit/primitives';
import type { ClosureAdminState } from '../../../../src/contract/closure';
import { call } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n/react';
import { PeoplePicker } from '../../../shared/PeoplePicker';
import { groupNamesOf, pickedGroup, type Picked } from '../../../shared/people';
import { Labelled } from '../../../return-visits/src/Labelled';
import { inputStyle } from '../../../return-visits/src/visitStyles';

/** Grades typed as a list: commas (also the Chinese one) or spaces between them. */
const list = (s: string) =>
  s
    .split(/[,，\s]+/)
    .map((x) => x.trim())
    .filter((x) => x !== '');

/** Which resolved issues get a visit (a sampling rate, grades always visited) and which groups supervise them. */
export function VisitSettingsFields({
  state,
  run,
}: {
  /** The current state: the fields start from the one first read and then keep what is typed; saves send its revision. */
  state: ClosureAdminState;
  run: (change: () => Promise<ClosureAdminState>) => Promise<void>;
}) {
  const { t } = useI18n();
  const [rate, setRate] = useState(() => String(state.settings.sampleRatePercent));
  const [grades, setGrades] = useState(() => state.settings.alwaysGrades.join(', '));
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
      <Labelled label={t('visits.alwaysGrades')}>
        {(id) => <input id={id} value={grades} style={inputStyle} onChange={(e) => setGrades(e.target.value)} />}
      </Labelled>
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
                alwaysGrades: list(grades),
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
