/**
 * Root cause and measures (itr-process.md §5) on the issue panel: the 5 Whys chain (as many as
 * needed), the root cause, the short-term (灭火) and long-term (防火) measures and the two zeros.
 * Self-contained: it loads and saves through `getRootCause` / `saveRootCause` of the panel's resolver,
 * only once opened (folded by default: opening the panel costs no extra invocation).
 * The server checks the text (the phrase lists live in src/domain/closure) and flags a cause that
 * blames the customer, fate or attitude; the author may keep it with a reason. Whatever happens, the
 * typed text stays in the form: a refused or failed save never resets it.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { ShownError } from '../../../shared/errors';
import type { RootCauseDraftDto, RootCauseState } from '../../../../src/contract/closure';
import { call } from '../../../shared/api';
import { toApiError } from '../../../shared/errors';
import { errorMessageKey, type MessageKey } from '../../../shared/i18n';
import { useI18n } from '../../../shared/i18n/react';

const EMPTY: RootCauseDraftDto = {
  whys: [''],
  rootCause: '',
  shortTermMeasure: '',
  longTermMeasure: '',
  technicalZero: '',
  managementZero: '',
};
type TextField = 'rootCause' | 'shortTermMeasure' | 'longTermMeasure' | 'technicalZero' | 'managementZero';
const TEXT_FIELDS: Array<[TextField, MessageKey]> = [
  ['rootCause', 'rootCause.rootCause'],
  ['shortTermMeasure', 'rootCause.shortTerm'],
  ['longTermMeasure', 'rootCause.longTerm'],
  ['technicalZero', 'rootCause.technicalZero'],
  ['managementZero', 'rootCause.managementZero'],
];

const inputStyle = (invalid: boolean): React.CSSProperties => ({
  font: token('font.body'),
  color: token('color.text'),
  backgroundColor: token('color.background.input'),
  border: `${token('border.width')} solid ${invalid ? token('color.border.danger') : token('color.border.input')}`,
  borderRadius: token('radius.small'),
  paddingBlock: token('space.050'),
  paddingInline: token('space.075'),
  width: '100%',
  boxSizing: 'border-box',
});
const buttonStyle: React.CSSProperties = {
  font: token('font.body'),
  color: token('color.text'),
  backgroundColor: token('color.background.neutral'),
  border: 'none',
  borderRadius: token('radius.small'),
  paddingBlock: token('space.050'),
  paddingInline: token('space.150'),
  cursor: 'pointer',
};
const flagStyles = xcss({
  backgroundColor: 'color.background.warning',
  borderRadius: 'radius.medium',
  padding: 'space.150',
});
const growStyles = xcss({ flexGrow: 1 });
const okStyles = xcss({
  backgroundColor: 'color.background.success',
  borderRadius: 'radius.medium',
  padding: 'space.100',
});

function Area({
  label,
  value,
  onChange,
  path,
  errors,
  rows = 2,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  path: string;
  errors: string[];
  rows?: number;
}) {
  const id = useId();
  return (
    <Stack space="space.050">
      <label htmlFor={id}>
        <Text weight="medium">{label}</Text>
      </label>
      <textarea
        id={id}
        data-path={path}
        rows={rows}
        value={value}
        aria-invalid={errors.length > 0}
        aria-describedby={errors.length > 0 ? `${id}-err` : undefined}
        style={inputStyle(errors.length > 0)}
        onChange={(e) => onChange(e.target.value)}
      />
      {errors.length > 0 ? (
        <Box id={`${id}-err`}>
          {errors.map((e, i) => (
            <Text key={i} size="small" color="color.text.danger">
              {e}
            </Text>
          ))}
        </Box>
      ) : null}
    </Stack>
  );
}

export function RootCauseSection({ issueKey }: { issueKey: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<RootCauseState | null>(null);
  const [draft, setDraft] = useState<RootCauseDraftDto>(EMPTY);
  const [error, setError] = useState<ShownError | null>(null);
  const [saving, setSaving] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const [open, setOpen] = useState(false);

  // Root-cause check codes (ROOT_CAUSE_*) come in the state's `issues` as well as in errors.
  const errorText = (e: { code: string; params?: ShownError['params'] }): string => {
    const key = errorMessageKey(e.code);
    return key === 'errorCode.unknown' ? `${t(key)} (${e.code})` : t(key, { issueKey, ...(e.params ?? {}) });
  };

  const load = useCallback(async () => {
    try {
      const s = await call('getRootCause', { issueKey });
      setState(s);
      if (s.draft !== null) setDraft({ ...s.draft, whys: s.draft.whys.length > 0 ? s.draft.whys : [''] });
    } catch (e) {
      const api = toApiError(e);
      setError({ code: api.code, message: api.message, params: api.params });
    }
  }, [issueKey]);

  useEffect(() => {
    if (open && state === null) void load();
  }, [open, state, load]);

  const save = async () => {
    setSaving(true);
    setError(null);
    setJustSaved(false);
    try {
      const s = await call('saveRootCause', { issueKey, draft });
      setState(s); // the draft stays as typed
      setJustSaved(true);
    } catch (e) {
      const api = toApiError(e);
      setError({ code: api.code, message: api.message, params: api.params });
    } finally {
      setSaving(false);
    }
  };

  const issuesAt = (path: string): string[] =>
    (state?.issues ?? [])
      .filter((i) => i.path === path && i.code !== 'ROOT_CAUSE_EXTERNAL')
      .map((i) => errorText({ code: i.code }));
  const readOnly = state !== null && !state.canEdit;
  const flags = state?.flags ?? [];
  const set = (patch: Partial<RootCauseDraftDto>) => setDraft((d) => ({ ...d, ...patch }));

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
        {open ? (
          <Stack space="space.150">
            {state?.classification === 'requirement' ? (
              <Text color="color.text.subtle">{t('rootCause.requirement')}</Text>
            ) : null}
            {readOnly ? <Text color="color.text.subtle">{t('rootCause.readOnly')}</Text> : null}
            <fieldset disabled={readOnly} style={{ border: 'none', padding: 0, margin: 0, minWidth: 0 }}>
              <Stack space="space.150">
                {draft.whys.map((why, i) => (
                  <Inline key={i} space="space.100" alignBlock="end">
                    <Box xcss={growStyles}>
                      <Area
                        label={t('rootCause.why', { n: i + 1 })}
                        path={`whys.${i}`}
                        value={why}
                        errors={issuesAt(`whys.${i}`)}
                        onChange={(v) => set({ whys: draft.whys.map((w, j) => (j === i ? v : w)) })}
                      />
                    </Box>
                    {draft.whys.length > 1 ? (
                      <button
                        type="button"
                        style={buttonStyle}
                        aria-label={t('rootCause.removeWhy', { n: i + 1 })}
                        onClick={() => set({ whys: draft.whys.filter((_, j) => j !== i) })}
                      >
                        ×
                      </button>
                    ) : null}
                  </Inline>
                ))}
                <Box>
                  <button
                    type="button"
                    style={buttonStyle}
                    data-testid="root-cause-add-why"
                    onClick={() => set({ whys: [...draft.whys, ''] })}
                  >
                    {t('rootCause.addWhy')}
                  </button>
                </Box>
                {TEXT_FIELDS.map(([name, label]) => (
                  <Area
                    key={name}
                    label={t(label)}
                    path={name}
                    value={draft[name]}
                    errors={issuesAt(name)}
                    onChange={(v) => set({ [name]: v })}
                  />
                ))}
                {flags.length > 0 ? (
                  <Box xcss={flagStyles} testId="root-cause-flag" role="alert">
                    <Stack space="space.100">
                      <Text>
                        {t('rootCause.flagged', {
                          categories: flags.map((f) => t(`rootCause.category.${f.category}`)).join(', '),
                          phrase: flags[0]?.phrase ?? '',
                        })}
                      </Text>
                      <Area
                        label={t('rootCause.overrideReason')}
                        path="overrideReason"
                        value={draft.overrideReason ?? ''}
                        errors={[]}
                        onChange={(v) => set({ overrideReason: v })}
                      />
                    </Stack>
                  </Box>
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
        ) : null}
      </Stack>
    </Box>
  );
}
