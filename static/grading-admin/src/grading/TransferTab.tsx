import { useState } from 'react';
import { Box, Stack, Text } from '@atlaskit/primitives';
import { type ApiError, call } from '../../../shared/api';
import { toApiError } from '../../../shared/errors';
import { ErrorState } from '../../../shared/ErrorState';
import { useI18n } from '../../../shared/i18n/react';
import { Button, EditContext } from '../fields';

/** The table and calendars as JSON: exported to copy, or pasted to import (editors only). */
export function TransferTab({ busy, onImport }: { busy: boolean; onImport: (json: string) => void }) {
  const { t } = useI18n();
  const [exported, setExported] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [text, setText] = useState('');
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
        <textarea
          readOnly
          aria-label={t('gradingAdmin.exported')}
          rows={12}
          value={exported}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
      <EditContext.Consumer>
        {({ readOnly }) =>
          readOnly ? null : (
            <Stack space="space.100">
              <Text>{t('gradingAdmin.importHint')}</Text>
              <textarea
                aria-label={t('gradingAdmin.importJson')}
                rows={8}
                value={text}
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
