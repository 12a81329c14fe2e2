import { Stack, Text } from '@atlaskit/primitives';
import type { ApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import { errorMessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';

/**
 * Why a backup step failed; for an invalid file, its first 50 problems, each where it is in the file
 * (its JSON path, which the admin's editor finds) and what is wrong in the user's language. A code the
 * page has no words for keeps the server's English text rather than a generic line.
 */
export function BackupError({ error }: { error: ApiError }) {
  const { t } = useI18n();
  return (
    <Stack space="space.100" testId="backup-error">
      <ErrorState error={error} titleKey="backup.title" />
      {error.code === 'BACKUP_INVALID' ? (
        <Stack space="space.050">
          <Text as="p">{t('backup.problems')}</Text>
          <ul data-testid="backup-problems">
            {error.errors.slice(1, 51).map((e, i) => (
              <li key={i}>
                <code>{e.path ?? ''}</code>{' '}
                {errorMessageKey(e.code) === 'errorCode.unknown'
                  ? e.message
                  : t(errorMessageKey(e.code), e.params ?? {})}
              </li>
            ))}
          </ul>
        </Stack>
      ) : null}
    </Stack>
  );
}
