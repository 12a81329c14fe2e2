/**
 * Root cause and measures (itr-process.md §5) on the issue panel: the 5 Whys chain (as many as
 * needed), the root cause, the short-term (灭火) and long-term (防火) measures and the two zeros.
 * Self-contained: it loads and saves through `getRootCause` / `saveRootCause` of the panel's resolver,
 * only once opened (folded by default: opening the panel costs no extra invocation).
 * The server checks the text (the phrase lists live in src/domain/closure) and flags a cause that
 * blames the customer, fate or attitude; the author may keep it with a reason. Whatever happens, the
 * typed text stays in the form: a refused or failed save never resets it.
 */
import { useState } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { ShownError } from '../../../shared/errors';
import { errorMessageKey, type MessageKey } from '../../../shared/i18n';
import { useI18n } from '../../../shared/i18n/react';
import { CauseFlag } from './CauseFlag';
import { RootCauseArea } from './RootCauseArea';
import { buttonStyle } from './rootCauseStyles';
import { useRootCause, type RootCauseForm } from './useRootCause';
import { WhysFields } from './WhysFields';

type TextField = 'rootCause' | 'shortTermMeasure' | 'longTermMeasure' | 'technicalZero' | 'managementZero';
const TEXT_FIELDS: Array<[TextField, MessageKey]> = [
  ['rootCause', 'rootCause.rootCause'],
  ['shortTermMeasure', 'rootCause.shortTerm'],
  ['longTermMeasure', 'rootCause.longTerm'],
  ['technicalZero', 'rootCause.technicalZero'],
  ['managementZero', 'rootCause.managementZero'],
];

export function RootCauseSection({ issueKey }: { issueKey: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const form = useRootCause(issueKey, open);
  return (
    <Box as="section" aria-label={t('rootCause.title')} testId="root-cause-form">
      <Stack space="space.150">
        <Box>
          <button
            type="button"
            style={{ ...buttonStyle, backgroundColor: 'transparent', paddingInline: token('space.0') }}
            aria-expanded={open}
            data-testid="root-cause-toggle"
            onClick={() => setOpen((o) => !o)}
          >
            <Text as="strong" weight="bold">
              {open ? '▾' : '▸'} {t('rootCause.title')}
            </Text>
          </button>
        </Box>
        {open ? <RootCauseBody issueKey={issueKey} form={form} /> : null}
      </Stack>
    </Box>
  );
}

/** The opened section: the form (disabled for who may not edit), the save's outcome, and whether it is complete. */
function RootCauseBody({ issueKey, form }: { issueKey: string; form: RootCauseForm }) {
  const { t } = useI18n();
  const { state, draft, set, error, saving, justSaved, save } = form;
  // Root-cause check codes (ROOT_CAUSE_*) come in the state's `issues` as well as in errors.
  const errorText = (e: { code: string; params?: ShownError['params'] }): string => {
    const key = errorMessageKey(e.code);
    return key === 'errorCode.unknown' ? `${t(key)} (${e.code})` : t(key, { issueKey, ...(e.params ?? {}) });
  };
  const issuesAt = (path: string): string[] =>
    (state?.issues ?? [])
      .filter((i) => i.path === path && i.code !== 'ROOT_CAUSE_EXTERNAL')
      .map((i) => errorText({ code: i.code }));
  const readOnly = state !== null && !state.canEdit;
  const flags = state?.flags ?? [];
  return (
    <Stack space="space.150">
      {state?.classification === 'requirement' ? (
        <Text color="color.text.subtle">{t('rootCause.requirement')}</Text>
      ) : null}
      {readOnly ? <Text color="color.text.subtle">{t('rootCause.readOnly')}</Text> : null}
      <fieldset disabled={readOnly} style={{ border: 'none', padding: 0, margin: 0, minWidth: 0 }}>
        <Stack space="space.150">
          <WhysFields whys={draft.whys} issuesAt={issuesAt} onChange={(whys) => set({ whys })} />
          {TEXT_FIELDS.map(([name, label]) => (
            <RootCauseArea
              key={name}
              label={t(label)}
              path={name}
              value={draft[name]}
              errors={issuesAt(name)}
              onChange={(v) => set({ [name]: v })}
            />
          ))}
          {flags.length > 0 ? (
            <CauseFlag flags={flags} reason={draft.overrideReason ?? ''} onReason={(v) => set({ overrideReason: v })} />
          ) : null}
          <Inline space="space.100" alignBlock="center">
            <button
              type="button"
              style={{
                ...buttonStyle,
                backgroundColor: token('color.background.brand.bold'),
                color: token('color.text.inverse'),
              }}
              data-testid="root-cause-save"
              disabled={saving}
              onClick={() => void save()}
            >
              {t('rootCause.save')}
            </button>
            {justSaved && state !== null ? (
              <Text testId="root-cause-saved">{t('rootCause.saved', { versions: state.versions })}</Text>
            ) : null}
          </Inline>
        </Stack>
      </fieldset>
      {error !== null ? (
        <Text color="color.text.danger" testId="root-cause-error">
          {errorText(error)}
        </Text>
      ) : null}
      {state !== null && state.draft !== null ? (
        <Box xcss={state.complete ? okStyles : undefined} testId="root-cause-status">
          <Text>{state.complete ? t('rootCause.complete') : t('rootCause.incomplete')}</Text>
        </Box>
      ) : null}
    </Stack>
  );
}

const okStyles = xcss({
  backgroundColor: 'color.background.success',
  borderRadius: 'radius.medium',
  padding: 'space.100',
});
