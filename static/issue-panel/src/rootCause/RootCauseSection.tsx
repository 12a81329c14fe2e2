/**
 * Root cause and measures (itr-process.md §5) on the issue panel: the 5 Whys chain (as many as
 * needed), the root cause, the short-term (fire-fighting) and long-term (fire prevention) measures and
 * the two zeros. Self-contained: it loads and saves through `getRootCause` / `saveRootCause` of the
 * panel's resolver, only once opened (opening the panel costs no extra invocation).
 * While a problem's root cause blocks Resolve, the panel opens this form right under its next step
 * (`RootCauseForm`); otherwise it is a fold (`RootCauseFold`).
 * A save with an empty required field is refused here, before any call: the fields say what is
 * missing and no success is shown. The server checks the rest (the phrase lists live in
 * src/domain/closure) and flags a cause that blames the customer, fate or attitude; the author may keep
 * it with a reason. Whatever happens, the typed text stays in the form.
 */
import { useEffect, useRef } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { ShownError } from '../../../shared/errors';
import { errorMessageKey, type MessageKey } from '../../../shared/i18n';
import { useI18n } from '../../../shared/i18n/react';
import { Fold } from '../Fold';
import { CauseFlag } from './CauseFlag';
import { RootCauseArea } from './RootCauseArea';
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

export interface RootCauseProps {
  issueKey: string;
  /** A save answered whether the root cause is complete now (the panel's next step follows it). */
  onSaved: (complete: boolean) => void;
}

/** The form, open, as the panel's next step: focus goes to its first field once it has loaded. */
export function RootCauseForm({ issueKey, onSaved }: RootCauseProps) {
  const { t } = useI18n();
  const form = useRootCause(issueKey, true, onSaved);
  return (
    <Box as="section" aria-label={t('rootCause.title')} testId="root-cause-form">
      <RootCauseBody issueKey={issueKey} form={form} focusFirst />
    </Box>
  );
}

/** The section folded under the details once the root cause is not what blocks the issue. */
export function RootCauseFold({
  issueKey,
  onSaved,
  complete,
  open,
  onToggle,
}: RootCauseProps & { complete: boolean; open: boolean; onToggle: () => void }) {
  const { t } = useI18n();
  const form = useRootCause(issueKey, open, onSaved);
  return (
    <Fold
      title={t('rootCause.title')}
      testId="root-cause-form"
      open={open}
      onToggle={onToggle}
      aside={
        <Lozenge appearance={complete ? 'success' : 'default'}>
          {t(complete ? 'rootCause.stateComplete' : 'rootCause.stateIncomplete')}
        </Lozenge>
      }
    >
      <RootCauseBody issueKey={issueKey} form={form} focusFirst={false} />
    </Fold>
  );
}

/** The opened section: the form (disabled for who may not edit), the save's outcome, and whether it is complete. */
function RootCauseBody({ issueKey, form, focusFirst }: { issueKey: string; form: RootCauseForm; focusFirst: boolean }) {
  const { t } = useI18n();
  const { state, draft, set, error, saving, justSaved, refused, save } = form;
  const body = useRef<HTMLDivElement>(null);
  const loaded = state !== null;
  useEffect(() => {
    if (focusFirst && loaded) body.current?.querySelector('textarea')?.focus();
  }, [focusFirst, loaded]);
  // Root-cause check codes (ROOT_CAUSE_*) come in the state's `issues` as well as in errors.
  const errorText = (e: { code: string; params?: ShownError['params'] }): string => {
    const key = errorMessageKey(e.code);
    return key === 'errorCode.unknown' ? `${t(key)} (${e.code})` : t(key, { issueKey, ...(e.params ?? {}) });
  };
  // A refused save shows what is missing now (a field filled in since loses its mark); else the last save's check.
  const issues = refused ?? (state?.issues ?? []).filter((i) => i.code !== 'ROOT_CAUSE_EXTERNAL');
  const issuesAt = (path: string): string[] =>
    issues.filter((i) => i.path === path).map((i) => errorText({ code: i.code }));
  const readOnly = state !== null && !state.canEdit;
  const flags = state?.flags ?? [];
  // Nothing to type into before the saved draft is read: it would replace what was typed meanwhile.
  if (state === null)
    return error === null ? (
      <Box role="status">
        <Text color="color.text.subtlest">{t('rootCause.loading')}</Text>
      </Box>
    ) : (
      <Box role="alert">
        <Text color="color.text.danger" testId="root-cause-error">
          {errorText(error)}
        </Text>
      </Box>
    );
  return (
    <Stack space="space.150" ref={body}>
      {state.classification === 'requirement' ? (
        <Text color="color.text.subtle">{t('rootCause.requirement')}</Text>
      ) : null}
      {readOnly ? <Text color="color.text.subtle">{t('rootCause.readOnly')}</Text> : null}
      {refused !== null ? (
        <Box role="alert" testId="root-cause-not-saved">
          <SectionMessage appearance="error">
            <Text>{t('rootCause.notSaved')}</Text>
          </SectionMessage>
        </Box>
      ) : null}
      <fieldset disabled={readOnly} style={{ border: 'none', padding: 0, margin: 0, minWidth: 0 }}>
        <Stack space="space.150">
          <WhysFields whys={draft.whys} issuesAt={issuesAt} readOnly={readOnly} onChange={(whys) => set({ whys })} />
          {TEXT_FIELDS.map(([name, label]) => (
            <RootCauseArea
              key={name}
              label={t(label)}
              path={name}
              value={draft[name]}
              errors={issuesAt(name)}
              required
              onChange={(v) => set({ [name]: v })}
            />
          ))}
          {flags.length > 0 ? (
            <CauseFlag flags={flags} reason={draft.overrideReason ?? ''} onReason={(v) => set({ overrideReason: v })} />
          ) : null}
          <Inline space="space.100" alignBlock="center">
            <Button
              appearance="primary"
              testId="root-cause-save"
              isDisabled={readOnly}
              isLoading={saving}
              onClick={() => void save()}
            >
              {t('rootCause.save')}
            </Button>
          </Inline>
        </Stack>
      </fieldset>
      {error !== null ? (
        <Box role="alert">
          <Text color="color.text.danger" testId="root-cause-error">
            {errorText(error)}
          </Text>
        </Box>
      ) : null}
      {/* Success only for a save that left nothing to fix; a flagged or over-long cause shows its marks instead. */}
      {justSaved && state.issues.length === 0 ? (
        <Box role="status" testId="root-cause-saved">
          <SectionMessage appearance="success">
            <Text>{t('rootCause.saved', { versions: state.versions })}</Text>
          </SectionMessage>
        </Box>
      ) : null}
      {state.draft !== null && !(justSaved && state.issues.length === 0) ? (
        <Box testId="root-cause-status">
          <Text color={state.complete ? 'color.text.success' : 'color.text.subtle'}>
            {state.complete ? t('rootCause.complete') : t('rootCause.incomplete')}
          </Text>
        </Box>
      ) : null}
    </Stack>
  );
}
