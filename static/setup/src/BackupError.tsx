import { Stack, Text } from '@atlaskit/primitives';
import type { ApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/react';

/** Why a backup step failed; for an invalid file, its first 50 problems by path. */
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
                <code>{e.path ?? ''}</code> {e.message}
              </li>
            ))}
          </ul>
        </Stack>
      ) : null}
    </Stack>
  );
}
