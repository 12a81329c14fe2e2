import { useId, useState } from 'react';
import { Box, Stack, Text } from '@atlaskit/primitives';
import { type ApiError, call } from '../../../shared/api';
import { toApiError } from '../../../shared/errors';
import { ErrorState } from '../../../shared/ErrorState';
import { useI18n } from '../../../shared/i18n/react';
import { baseInputStyle } from '../../../shared/controls';
import { Button, EditContext, SmallLabel } from '../fields';

/** The table and calendars as JSON: exported to copy, or pasted to import (editors only). */
export function TransferTab({ busy, onImport }: { busy: boolean; onImport: (json: string) => void }) {
  const { t } = useI18n();
  const [exported, setExported] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [text, setText] = useState('');
  const exportedId = useId();
  const importId = useId();
  const doExport = async () => {
    try {
      setExported(JSON.stringify(await call('exportGradingConfig', {}), null, 2));
      setError(null);
    } catch (e) {
      setError(toApiError(e));
    }
  };
  return (
    <Stack space="space.200">
      <Box>
        <Button onClick={() => void doExport()}>{t('gradingAdmin.export')}</Button>
      </Box>
      {error === null ? null : <ErrorState error={error} />}
      {exported === null ? null : (
        <Stack space="space.025">
          <SmallLabel htmlFor={exportedId}>{t('gradingAdmin.exported')}</SmallLabel>
          <textarea
            id={exportedId}
            readOnly
            rows={12}
            value={exported}
            style={baseInputStyle()}
            onFocus={(e) => e.currentTarget.select()}
          />
        </Stack>
      )}
      <EditContext.Consumer>
        {({ readOnly }) =>
          readOnly ? null : (
            <Stack space="space.100">
              <Text>{t('gradingAdmin.importHint')}</Text>
              <SmallLabel htmlFor={importId}>{t('gradingAdmin.importJson')}</SmallLabel>
              <textarea
                id={importId}
                rows={8}
                value={text}
                style={baseInputStyle()}
                onChange={(e) => setText(e.target.value)}
              />
              <Box>
                <Button primary disabled={busy || text.trim() === ''} onClick={() => onImport(text)}>
                  {t('gradingAdmin.import')}
                </Button>
              </Box>
            </Stack>
          )
        }
      </EditContext.Consumer>
    </Stack>
  );
}
