import { useCallback, useEffect, useRef, useState } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { CaseRecord, CaseVersion } from '../../../src/contract/cases';
import { highlight } from '../../../src/domain/caseSearch/rank';
import { tokenize } from '../../../src/domain/caseSearch/tokenize';
import { type ApiError, call } from '../../shared/api';
import { Button } from '../../shared/Button';
import { toApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import { Highlighted } from '../../shared/Highlighted';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { CaseEditor } from './CaseEditor';
import { listStyles, subheadingStyles } from './caseLibraryStyles';
import { RetireConfirm } from './RetireConfirm';
import { StatusLozenge } from './ui';

type CaseWithHistory = { case: CaseRecord; history: CaseVersion[] };

/**
 * One case with its versions: edit it (a new version), or retire it after a confirmation. Opened from
 * a search, the words that matched (`matched`, as the case writes them) are marked in every field.
 */
export function CaseDetail({
  id,
  matched = [],
  onBack,
  onNotice,
}: {
  id: number;
  matched?: readonly string[];
  onBack: (message: string | null) => void;
  onNotice: (message: string | null) => void;
}) {
  const { t } = useI18n();
  const [data, setData] = useState<CaseWithHistory | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const retireButton = useRef<HTMLButtonElement>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);

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
        <Text color="color.text.subtle">{t('cases.loading')}</Text>
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
    setConfirming(false);
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
        <Button appearance="primary" onClick={() => setEditing(true)}>
          {t('cases.edit')}
        </Button>
        {c.status !== 'retired' ? (
          <Button ref={retireButton} onClick={() => setConfirming(true)}>
            {t('cases.retire')}
          </Button>
        ) : null}
      </Inline>
      <RetireConfirm
        isOpen={confirming}
        title={c.title}
        onRetire={() => void retire()}
        onCancel={() => {
          setConfirming(false);
          retireButton.current?.focus();
        }}
      />
      {actionError !== null ? <ErrorState error={actionError} titleKey="cases.retireFailed" headingLevel="h3" /> : null}
      <CaseContentView c={c} matched={matched} />
      <CaseVersions history={data.history} />
    </Stack>
  );
}

/** The case's title, status line and every field that has text, the matched words marked. */
function CaseContentView({ c, matched }: { c: CaseRecord; matched: readonly string[] }) {
  const { t, formatDateTime } = useI18n();
  // The matched words' own index terms, so a field marks the same whole words the search matched.
  const terms = matched.flatMap((w) => tokenize(w).map((token) => token.term));
  const fields: Array<[MessageKey, string, boolean]> = [
    ['cases.field.symptom', c.symptom, true],
    ['cases.field.product', [c.product, c.productVersion].filter((x) => x).join(' '), true],
    ['cases.field.environment', c.environment, true],
    ['cases.field.rootCause', c.rootCause, true],
    ['cases.field.shortTermMeasure', c.shortTermMeasure, true],
    ['cases.field.longTermMeasure', c.longTermMeasure, true],
    ['cases.field.tags', c.tags.join(', '), true],
    ['cases.field.sourceIssues', c.sourceIssues.join(', '), false],
    ['cases.field.usedOnIssues', c.usedOnIssues.join(', '), false],
  ];
  const marked = (text: string, searchable: boolean) =>
    searchable && terms.length > 0 ? <Highlighted segments={highlight(text, terms)} /> : text;
  return (
    <>
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Box as="h2" xcss={subheadingStyles}>
          {marked(c.title, true)}
        </Box>
        <StatusLozenge status={c.status} />
      </Inline>
      <Text size="small" color="color.text.subtle">
        {[
          t('cases.version', { revision: c.revision, time: formatDateTime(c.updatedAt) ?? '' }),
          t('cases.helpfulCount', { count: c.helpfulCount }),
        ].join(' · ')}
      </Text>
      {matched.length > 0 ? (
        <Text size="small" color="color.text.subtle" testId="case-detail-matched">
          {t('cases.matched', { terms: matched.join(', ') })}
        </Text>
      ) : null}
      <Box as="dl" xcss={dlStyles}>
        {fields
          .filter(([, v]) => v.trim() !== '')
          .map(([k, v, searchable]) => (
            <Box key={k}>
              <Box as="dt">
                <Text weight="medium" color="color.text.subtle">
                  {t(k)}
                </Text>
              </Box>
              <Box as="dd" xcss={ddStyles}>
                <Text>{marked(v, searchable)}</Text>
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
              <Inline space="space.100" alignBlock="center" shouldWrap>
                <Text size="small">
                  {t('cases.version', { revision: v.revision, time: formatDateTime(v.at) ?? '' })}
                </Text>
                <StatusLozenge status={v.content.status} />
                <Text size="small">{v.content.title}</Text>
              </Inline>
            </Box>
          ))}
        </Box>
      </Stack>
    </Box>
  );
}

const dlStyles = xcss({ margin: 'space.0', display: 'flex', flexDirection: 'column', gap: 'space.100' });
const ddStyles = xcss({ margin: 'space.0', whiteSpace: 'pre-wrap' });
