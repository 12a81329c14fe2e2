/**
 * What the settings subpages share: load the saved settings, edit a draft, save it with the revision that
 * was loaded. A refused save (invalid, someone else saved first, network) keeps the draft as typed and
 * shows why; problems with a field path appear under that field (fields.tsx), the rest above the
 * Save button. Reloading is the admin's explicit choice.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { ValidationIssue } from '../../../src/contract/gradingAdmin';
import type { SettingsState } from '../../../src/contract/settings';
import type { ApiError } from '../../shared/api';
import { toApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/react';
import { Button, EditContext, ParsedField } from './fields';

/** What a tab renders from, once loaded. */
export interface SettingsForm<T, S extends SettingsState<T> = SettingsState<T>> {
  state: S;
  draft: T;
  edit: (change: (draft: T) => T) => void;
}

/** The per-field problems of a SETTINGS_INVALID refusal (its first error is the summary). */
function issuesOf(error: ApiError): ValidationIssue[] {
  if (error.code !== 'SETTINGS_INVALID') return [];
  return error.errors
    .slice(1)
    .map((e) => ({ code: e.code, path: e.path ?? '', message: e.message, ...(e.params ? { params: e.params } : {}) }));
}

export function SettingsFormShell<T, S extends SettingsState<T> = SettingsState<T>>({
  load,
  save,
  testId,
  saveLabel,
  children,
}: {
  load: () => Promise<S>;
  save: (settings: T, expectedRevision: number) => Promise<S>;
  testId: string;
  /** When a tab holds two forms, each Save button says what it saves. */
  saveLabel?: string;
  children: (form: SettingsForm<T, S>) => ReactNode;
}) {
  const { t } = useI18n();
  const [state, setState] = useState<S | null>(null);
  const [draft, setDraft] = useState<T | null>(null);
  const [dirty, setDirty] = useState(false);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const [savedRevision, setSavedRevision] = useState<number | null>(null);

  const adopt = useCallback((next: S) => {
    setState(next);
    setDraft(next.settings);
    setDirty(false);
    setIssues([]);
    setSaveError(null);
  }, []);

  const reload = useCallback(async () => {
    setLoadError(null);
    setSavedRevision(null);
    try {
      adopt(await load());
    } catch (error) {
      setLoadError(toApiError(error));
    }
  }, [adopt, load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const edit = useCallback((change: (d: T) => T) => {
    setDraft((d) => (d === null ? d : change(d)));
    setDirty(true);
    setSavedRevision(null);
  }, []);

  const onSave = async () => {
    if (state === null || draft === null) return;
    setBusy(true);
    setSaveError(null);
    try {
      const next = await save(draft, state.revision);
      adopt(next);
      setSavedRevision(next.revision);
    } catch (error) {
      // The draft stays exactly as typed; only the messages change.
      const apiError = toApiError(error);
      setSaveError(apiError);
      setIssues(issuesOf(apiError));
    } finally {
      setBusy(false);
    }
  };

  if (loadError !== null) return <ErrorState error={loadError} onRetry={() => void reload()} />;
  if (state === null || draft === null) return <Text>{t('settings.loading')}</Text>;
  return (
    <EditContext.Provider value={{ issues, readOnly: busy }}>
      <Stack space="space.300" testId={testId}>
        {children({ state, draft, edit })}
        {saveError === null ? null : <ErrorState error={saveError} />}
        <Inline space="space.100" alignBlock="center">
          <Button primary disabled={busy} onClick={() => void onSave()}>
            {busy ? t('settings.saving') : (saveLabel ?? t('settings.save'))}
          </Button>
          <Button disabled={busy} onClick={() => void reload()}>
            {t('settings.reload')}
          </Button>
          {savedRevision !== null ? (
            <Box role="status">
              <Text>{t('settings.saved', { revision: savedRevision })}</Text>
            </Box>
          ) : dirty ? (
            <Text color="color.text.subtle">{t('settings.unsaved')}</Text>
          ) : null}
        </Inline>
      </Stack>
    </EditContext.Provider>
  );
}

/** Comma-separated text ↔ a list of names; problems of any entry show under it. */
export function ListField({
  path,
  label,
  value,
  onChange,
}: {
  path: string;
  label: string;
  value: readonly string[];
  onChange: (next: string[]) => void;
}) {
  return (
    <ParsedField<readonly string[]>
      path={path}
      label={label}
      value={value}
      below
      format={(v) => v.join(', ')}
      parse={(text) =>
        text
          .split(/[,，]/)
          .map((s) => s.trim())
          .filter((s) => s !== '')
      }
      onChange={(v) => onChange(v as string[])}
    />
  );
}

/** A field's visible caption, with help text under it. */
export function Caption({ children, help }: { children: ReactNode; help?: string }) {
  return (
    <Stack space="space.025">
      <Text weight="medium">{children}</Text>
      {help === undefined ? null : (
        <Text size="small" color="color.text.subtle">
          {help}
        </Text>
      )}
    </Stack>
  );
}
