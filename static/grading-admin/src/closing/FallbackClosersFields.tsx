import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { Inline, Text } from '@atlaskit/primitives';
import type { ClosureAdminState } from '../../../../src/contract/closure';
import { call } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n/react';
import { PeoplePicker } from '../../../shared/PeoplePicker';
import { accountIdsOf, pickedPerson, type Picked } from '../../../shared/people';
import { Labelled } from '../../../return-visits/src/Labelled';
import { inputStyle } from '../../../return-visits/src/visitStyles';

/**
 * Who may close when the submitter cannot (with why, kept in the history), and publishing the close
 * rules' app property, which carries them to the workflow's rules.
 */
export function FallbackClosersFields({
  state,
  run,
}: {
  /** The current state: the fields start from the one first read and then keep what is typed; saves send its revision. */
  state: ClosureAdminState;
  run: (change: () => Promise<ClosureAdminState>) => Promise<void>;
}) {
  const { t } = useI18n();
  const [fallback, setFallback] = useState<Picked[]>(() =>
    state.fallbackAccountIds.map((id) => pickedPerson(id, state.displayNames)),
  );
  const [reason, setReason] = useState('');
  return (
    <>
      <Text weight="bold">{t('visits.fallback')}</Text>
      <Text color="color.text.subtle">{t('visits.fallbackHelp')}</Text>
      <PeoplePicker
        label={t('visits.fallback')}
        multiple
        kinds={['user']}
        value={fallback}
        onChange={setFallback}
        path="accountIds"
        testId="fallback-closers"
      />
      <Labelled label={t('visits.fallbackReason')}>
        {(id) => (
          <textarea
            id={id}
            data-testid="fallback-reason"
            rows={2}
            value={reason}
            style={inputStyle}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Labelled>
      <Inline space="space.100">
        <Button
          appearance="primary"
          testId="fallback-save"
          onClick={() =>
            void run(() =>
              call('setFallbackClosers', {
                accountIds: accountIdsOf(fallback),
                reason,
                expectedRevision: state.fallbackRevision,
              }),
            )
          }
        >
          {t('visits.saveFallback')}
        </Button>
        <Button testId="close-publish" onClick={() => void run(() => call('publishCloseProperty', {}))}>
          {t('visits.publish')}
        </Button>
      </Inline>
    </>
  );
}
