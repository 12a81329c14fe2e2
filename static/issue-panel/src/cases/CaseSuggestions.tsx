/**
 * Case suggestions on the issue panel (案例推荐, itr-process §4): on open one `suggestCases` call
 * returns the best published cases for this issue (summary, description, product, grade) with the
 * words that matched; the agent can search freely, open a case, mark it "helped" or "not relevant".
 * Once the issue is resolved the section asks to add a case from it or improve the one that helped.
 * Self-contained: the panel mounts it with `<CaseSuggestions issueKey=… />`.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type {
  CaseHit,
  CaseRecord,
  CaseSuggestions as Suggestions,
  HighlightSegment,
} from '../../../../src/contract/cases';
import { type ApiError, call } from '../../../shared/api';
import { toApiError } from '../../../shared/errors';
import { errorMessageKey, type MessageKey } from '../../../shared/i18n';
import { useI18n } from '../../../shared/i18n/react';

type Load = { phase: 'loading' } | { phase: 'error'; error: ApiError } | { phase: 'ready'; data: Suggestions };

export function CaseSuggestions({ issueKey }: { issueKey: string }) {
  const { t } = useI18n();
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [searchText, setSearchText] = useState('');
  const [searched, setSearched] = useState<CaseHit[] | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [marks, setMarks] = useState<Record<number, 'helped' | 'notRelevant'>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [improving, setImproving] = useState<CaseRecord | null>(null);

  const fetch = useCallback(async () => {
    setLoad({ phase: 'loading' });
    try {
      setLoad({ phase: 'ready', data: await call('suggestCases', { issueKey }) });
    } catch (e) {
      setLoad({ phase: 'error', error: toApiError(e) });
    }
  }, [issueKey]);
  useEffect(() => {
    void fetch();
  }, [fetch]);

  const run = async (action: () => Promise<string>) => {
    setError(null);
    try {
      setNotice(await action());
    } catch (e) {
      setError(toApiError(e));
    }
  };

  const search = () =>
    run(async () => {
      setSearched(searchText.trim() === '' ? null : await call('searchCases', { text: searchText, limit: 5 }));
      return '';
    });

  const mark = (hit: CaseHit, helped: boolean) =>
    run(async () => {
      const updated = helped
        ? await call('markCaseHelpful', { id: hit.case.id, issueKey })
        : await call('markCaseNotRelevant', { id: hit.case.id, issueKey });
      setMarks((m) => ({ ...m, [updated.id]: helped ? 'helped' : 'notRelevant' }));
      return t(helped ? 'cases.suggest.markedHelped' : 'cases.suggest.markedNotRelevant');
    });

  const label = t('cases.suggest.title');
  const hits = searched ?? (load.phase === 'ready' ? load.data.hits : []);
  const data = load.phase === 'ready' ? load.data : null;
  // The case to improve: one marked helpful now, else one that helped on this issue before.
  const helpedId = Object.entries(marks).find(([, m]) => m === 'helped')?.[0] ?? data?.helpedCaseIds[0];
  const helpedCase =
    helpedId === undefined
      ? undefined
      : [...(data?.hits ?? []), ...(searched ?? [])].find((h) => h.case.id === Number(helpedId))?.case;

  return (
    <Box as="section" aria-label={label} testId="case-suggestions" xcss={sectionStyles}>
      <Stack space="space.100">
        <Box as="h3" xcss={headingStyles}>
          {label}
        </Box>
        <Box
          as="form"
          onSubmit={(e) => {
            e.preventDefault();
            void search();
          }}
        >
          <input
            type="search"
            aria-label={t('cases.search.label')}
            placeholder={t('cases.search.placeholder')}
            value={searchText}
            style={inputStyle}
            onChange={(e) => setSearchText(e.target.value)}
          />
        </Box>
        {load.phase === 'loading' ? (
          <Box role="status">
            <Text color="color.text.subtlest">{t('cases.suggest.loading')}</Text>
          </Box>
        ) : null}
        {load.phase === 'error' ? (
          <ErrorLine error={load.error} title="cases.suggest.failed" onRetry={() => void fetch()} />
        ) : null}
        {load.phase === 'ready' && hits.length === 0 ? (
          <Text color="color.text.subtle">{t(searched ? 'cases.empty' : 'cases.suggest.none')}</Text>
        ) : null}
        <Box as="ul" xcss={listStyles}>
          {hits.map((hit) => (
            <Box as="li" key={hit.case.id} testId="case-hit" xcss={itemStyles}>
              <Stack space="space.050">
                <Pressable
                  xcss={titleButtonStyles}
                  aria-expanded={open === hit.case.id}
                  onClick={() => setOpen(open === hit.case.id ? null : hit.case.id)}
                >
                  <Text weight="medium">
                    <Marked segments={hit.highlights.title} />
                  </Text>
                </Pressable>
                <Text size="small" color="color.text.subtlest" testId="case-why">
                  {t('cases.matched', { terms: hit.matchedTerms.slice(0, 6).join(', ') })}
                </Text>
                {open === hit.case.id ? <CaseBody hit={hit} /> : null}
                <Inline space="space.100">
                  <Pressable
                    xcss={marks[hit.case.id] === 'helped' ? selectedStyles : smallButtonStyles}
                    aria-pressed={marks[hit.case.id] === 'helped'}
                    onClick={() => void mark(hit, true)}
                  >
                    {t('cases.suggest.helped')}
                  </Pressable>
                  <Pressable
                    xcss={marks[hit.case.id] === 'notRelevant' ? selectedStyles : smallButtonStyles}
                    aria-pressed={marks[hit.case.id] === 'notRelevant'}
                    onClick={() => void mark(hit, false)}
                  >
                    {t('cases.suggest.notRelevant')}
                  </Pressable>
                </Inline>
              </Stack>
            </Box>
          ))}
        </Box>
        {data?.resolved ? (
          <Box testId="case-resolved-prompt" xcss={promptStyles}>
            <Stack space="space.100">
              <Text>{t('cases.suggest.resolvedPrompt')}</Text>
              <Inline space="space.100" shouldWrap>
                <Pressable
                  xcss={smallButtonStyles}
                  onClick={() =>
                    void run(async () => {
                      const created = await call('createCaseFromIssue', { issueKey });
                      return t('cases.suggest.caseAdded', { id: created.id });
                    })
                  }
                >
                  {t('cases.suggest.addCase')}
                </Pressable>
                {helpedCase !== undefined ? (
                  <Pressable xcss={smallButtonStyles} onClick={() => setImproving(helpedCase)}>
                    {t('cases.suggest.improveCase', { title: helpedCase.title })}
                  </Pressable>
                ) : null}
              </Inline>
              {improving !== null ? (
                <Improve
                  record={improving}
                  onDone={(message) => {
                    setImproving(null);
                    setNotice(message);
                  }}
                  onError={setError}
                />
              ) : null}
            </Stack>
          </Box>
        ) : null}
        {notice ? (
          <Box role="status" testId="case-notice">
            <Text size="small" color="color.text.success">
              {notice}
            </Text>
          </Box>
        ) : null}
        {error !== null ? <ErrorLine error={error} /> : null}
      </Stack>
    </Box>
  );
}

function CaseBody({ hit }: { hit: CaseHit }) {
  const { t } = useI18n();
  const c = hit.case;
  const parts: Array<[MessageKey, string]> = [
    ['cases.field.rootCause', c.rootCause],
    ['cases.field.shortTermMeasure', c.shortTermMeasure],
    ['cases.field.longTermMeasure', c.longTermMeasure],
  ];
  return (
    <Stack space="space.050" testId="case-body">
      <Text size="small">
        <Marked segments={hit.highlights.symptom} />
      </Text>
      {parts
        .filter(([, v]) => v.trim() !== '')
        .map(([k, v]) => (
          <Text key={k} size="small">
            <Text as="strong" size="small" weight="medium">
              {t(k)}:
            </Text>{' '}
            {v}
          </Text>
        ))}
    </Stack>
  );
}

/** Root cause and measures of the case that helped, edited in place (a new version of the case). */
function Improve({
  record,
  onDone,
  onError,
}: {
  record: CaseRecord;
  onDone: (message: string) => void;
  onError: (e: ApiError) => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState({
    rootCause: record.rootCause,
    shortTermMeasure: record.shortTermMeasure,
    longTermMeasure: record.longTermMeasure,
  });
  const first = useRef<HTMLTextAreaElement>(null);
  useEffect(() => first.current?.focus(), []);
  const save = async () => {
    try {
      const { case: current } = await call('getCase', { id: record.id });
      const {
        id: _id,
        revision,
        authorAccountId: _a,
        sourceIssues,
        usedOnIssues: _u,
        helpfulCount: _h,
        notRelevantCount: _n,
        usageCount: _c,
        createdAt: _cr,
        updatedAt: _up,
        ...content
      } = current;
      const saved = await call('saveCase', {
        id: current.id,
        expectedRevision: revision,
        content: { ...content, ...draft },
        sourceIssues,
      });
      onDone(t('cases.suggest.improved', { revision: saved.revision }));
    } catch (e) {
      onError(toApiError(e));
    }
  };
  const keys = ['rootCause', 'shortTermMeasure', 'longTermMeasure'] as const;
  return (
    <Box
      as="form"
      testId="case-improve"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack space="space.075">
        {keys.map((k, i) => (
          <textarea
            key={k}
            ref={i === 0 ? first : undefined}
            aria-label={t(`cases.field.${k}`)}
            placeholder={t(`cases.field.${k}`)}
            rows={2}
            value={draft[k]}
            style={inputStyle}
            onChange={(e) => setDraft((d) => ({ ...d, [k]: e.target.value }))}
          />
        ))}
        <Inline>
          <Pressable xcss={smallButtonStyles} onClick={() => void save()}>
            {t('cases.save')}
          </Pressable>
        </Inline>
      </Stack>
    </Box>
  );
}

function ErrorLine({ error, title, onRetry }: { error: ApiError; title?: MessageKey; onRetry?: () => void }) {
  const { t } = useI18n();
  const key = errorMessageKey(error.code);
  return (
    <Box role="alert">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Text size="small" color="color.text.danger">
          {title ? `${t(title)}: ` : ''}
          {key === 'errorCode.unknown' ? `${t(key)} (${error.code})` : t(key, error.params)}
        </Text>
        {onRetry ? (
          <Pressable xcss={smallButtonStyles} onClick={onRetry}>
            {t('common.retry')}
          </Pressable>
        ) : null}
      </Inline>
    </Box>
  );
}

function Marked({ segments }: { segments: readonly HighlightSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.hit ? (
          <Box as="mark" key={i} xcss={markStyles}>
            {s.text}
          </Box>
        ) : (
          <Box as="span" key={i}>
            {s.text}
          </Box>
        ),
      )}
    </>
  );
}

const inputStyle: React.CSSProperties = {
  font: token('font.body'),
  color: token('color.text'),
  backgroundColor: token('color.background.input'),
  border: `${token('border.width')} solid ${token('color.border.input')}`,
  borderRadius: token('radius.small'),
  paddingBlock: token('space.050'),
  paddingInline: token('space.075'),
  width: '100%',
  boxSizing: 'border-box',
};
const sectionStyles = xcss({
  borderBlockStartWidth: 'border.width',
  borderBlockStartStyle: 'solid',
  borderColor: 'color.border',
  paddingBlockStart: 'space.150',
});
const headingStyles = xcss({ font: 'font.heading.xsmall', color: 'color.text', margin: 'space.0' });
const listStyles = xcss({
  listStyle: 'none',
  margin: 'space.0',
  padding: 'space.0',
  display: 'flex',
  flexDirection: 'column',
  gap: 'space.100',
});
const itemStyles = xcss({
  padding: 'space.075',
  borderRadius: 'radius.small',
  backgroundColor: 'color.background.neutral.subtle',
});
const promptStyles = xcss({
  padding: 'space.100',
  borderRadius: 'radius.small',
  backgroundColor: 'color.background.discovery',
});
const markStyles = xcss({
  backgroundColor: 'color.background.accent.yellow.subtler',
  color: 'color.text',
  borderRadius: 'radius.small',
});
const titleButtonStyles = xcss({
  backgroundColor: 'color.background.neutral.subtle',
  color: 'color.link',
  padding: 'space.0',
  textAlign: 'start',
  ':hover': { textDecoration: 'underline' },
});
const smallButtonStyles = xcss({
  backgroundColor: 'color.background.neutral',
  color: 'color.text',
  borderRadius: 'radius.small',
  paddingBlock: 'space.025',
  paddingInline: 'space.100',
  font: 'font.body.small',
  ':hover': { backgroundColor: 'color.background.neutral.hovered' },
});
const selectedStyles = xcss({
  backgroundColor: 'color.background.selected',
  color: 'color.text.selected',
  borderRadius: 'radius.small',
  paddingBlock: 'space.025',
  paddingInline: 'space.100',
  font: 'font.body.small',
});
