import { useCallback, useEffect, useRef, useState } from 'react';
import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import type { CaseRecord, CaseVersion } from '../../../src/contract/cases';
import { type ApiError, call } from '../../shared/api';
import { toApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/react';
import { ActionError } from './ActionError';
import { CaseEditor } from './CaseEditor';
import { listStyles, subheadingStyles } from './caseLibraryStyles';
import { RetireConfirm } from './RetireConfirm';
import { Button } from './ui';

type CaseWithHistory = { case: CaseRecord; history: CaseVersion[] };

/** One case with its versions: edit it (a new version), or retire it after a confirmation. */
export function CaseDetail({
  id,
  onBack,
  onNotice,
}: {
  id: number;
  onBack: (message: string | null) => void;
  onNotice: (message: string | null) => void;
}) {
  const { t } = useI18n();
  const [data, setData] = useState<CaseWithHistory | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const retireButton = useRef<HTMLButtonElement>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setData(await call('getCase', { id }));
    } catch (e) {
      setError(toApiError(e));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (error !== null) return <ErrorState error={error} titleKey="cases.detailFailed" onRetry={() => void load()} />;
  if (data === null) {
    return (
      <Box role="status">
        <Text color="color.text.subtlest">{t('cases.loading')}</Text>
      </Box>
    );
  }
  const c = data.case;
  if (editing) {
    return (
      <CaseEditor
        initial={c}
        onCancel={() => setEditing(false)}
        onSave={async (content) => {
          const saved = await call('saveCase', {
            id: c.id,
            expectedRevision: c.revision,
            content,
            sourceIssues: c.sourceIssues,
          });
          onNotice(t('cases.saved', { revision: saved.revision }));
          setEditing(false);
          await load();
        }}
      />
    );
  }
  const retire = async () => {
    setActionError(null);
    try {
      await call('retireCase', { id: c.id, confirm: true }); // only after the user's "Yes, retire"
      onBack(t('cases.retired'));
    } catch (e) {
      setActionError(toApiError(e));
    }
  };
  return (
    <Stack space="space.200" testId="case-detail">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Button onClick={() => onBack(null)}>{t('cases.back')}</Button>
        <Button kind="primary" onClick={() => setEditing(true)}>
          {t('cases.edit')}
        </Button>
        {c.status !== 'retired' ? (
          <Pressable ref={retireButton} xcss={plainButtonStyles} onClick={() => setConfirming(true)}>
            {t('cases.retire')}
          </Pressable>
        ) : null}
      </Inline>
      {confirming ? (
        <RetireConfirm
          retireButton={retireButton}
          onRetire={() => void retire()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
      {actionError !== null ? <ActionError error={actionError} /> : null}
      <CaseContentView c={c} />
      <CaseVersions history={data.history} />
    </Stack>
  );
}

/** The case's title, status line and every field that has text. */
function CaseContentView({ c }: { c: CaseRecord }) {
  const { t, formatDateTime } = useI18n();
  const fields: Array<[Parameters<typeof t>[0], string]> = [
    ['cases.field.symptom', c.symptom],
    ['cases.field.product', [c.product, c.productVersion].filter((x) => x).join(' ')],
    ['cases.field.environment', c.environment],
    ['cases.field.rootCause', c.rootCause],
    ['cases.field.shortTermMeasure', c.shortTermMeasure],
    ['cases.field.longTermMeasure', c.longTermMeasure],
    ['cases.field.tags', c.tags.join(', ')],
    ['cases.field.sourceIssues', c.sourceIssues.join(', ')],
    ['cases.field.usedOnIssues', c.usedOnIssues.join(', ')],
  ];
  return (
    <>
      <Box as="h2" xcss={subheadingStyles}>
        {c.title}
      </Box>
      <Text size="small" color="color.text.subtlest">
        {[
          t(`cases.status.${c.status}`),
          t('cases.version', { revision: c.revision, time: formatDateTime(c.updatedAt) ?? '' }),
          t('cases.helpfulCount', { count: c.helpfulCount }),
        ].join(' · ')}
      </Text>
      <Box as="dl" xcss={dlStyles}>
        {fields
          .filter(([, v]) => v.trim() !== '')
          .map(([k, v]) => (
            <Box key={k}>
              <Box as="dt">
                <Text weight="medium" color="color.text.subtle">
                  {t(k)}
                </Text>
              </Box>
              <Box as="dd" xcss={ddStyles}>
                <Text>{v}</Text>
              </Box>
            </Box>
          ))}
      </Box>
    </>
  );
}

/** Every saved version, in the order the server lists them: when, its status and its title. */
function CaseVersions({ history }: { history: CaseVersion[] }) {
  const { t, formatDateTime } = useI18n();
  return (
    <Box as="section" aria-label={t('cases.versions')}>
      <Stack space="space.100">
        <Box as="h3" xcss={subheadingStyles}>
          {t('cases.versions')}
        </Box>
        <Box as="ol" xcss={listStyles} testId="case-versions">
          {history.map((v) => (
            <Box as="li" key={v.revision}>
              <Text size="small">
                {t('cases.version', { revision: v.revision, time: formatDateTime(v.at) ?? '' })} ·{' '}
                {t(`cases.status.${v.content.status}`)} · {v.content.title}
              </Text>
            </Box>
          ))}
        </Box>
      </Stack>
    </Box>
  );
}

const dlStyles = xcss({ margin: 'space.0', display: 'flex', flexDirection: 'column', gap: 'space.100' });
const ddStyles = xcss({ margin: 'space.0', whiteSpace: 'pre-wrap' });
const plainButtonStyles = xcss({
  backgroundColor: 'color.background.neutral',
  color: 'color.text',
  borderRadius: 'radius.small',
  paddingBlock: 'space.075',
  paddingInline: 'space.150',
  font: 'font.body',
  fontWeight: 'font.weight.medium',
  ':hover': { backgroundColor: 'color.background.neutral.hovered' },
});
