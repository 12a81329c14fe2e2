/**
 * The case library page (`jira:globalPage` itr-case-library, 案例库): browse with filters (status,
 * product, language, tag), search with the matched words highlighted, open a case with its versions,
 * edit it (a new version each save), create one by hand, retire it after a confirmation.
 * Every call goes to `case-library-resolver`, which applies Jira permissions to every answer.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import type { CaseContent, CaseHit, CaseRecord, CaseStatus, CaseVersion } from '../../../src/contract/cases';
import { type ApiError, call } from '../../shared/api';
import { dangerButtonStyles } from '../../shared/controls';
import { toApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import { errorMessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { Button, Field, Highlighted, inputStyle, Select } from './ui';

const STATUSES: readonly CaseStatus[] = ['published', 'draft', 'retired'];
const LANGUAGES = ['en', 'zh-CN'] as const;

interface Filters {
  status: CaseStatus | 'any';
  product: string;
  language: '' | (typeof LANGUAGES)[number];
  tag: string;
}

/** A list row: a plain case (browsing) or a hit with its highlights (searching). */
type Row = { case: CaseRecord; hit?: CaseHit };

type View = { kind: 'list' } | { kind: 'case'; id: number } | { kind: 'new' };

const EMPTY: CaseContent = {
  title: '',
  symptom: '',
  product: '',
  productVersion: '',
  environment: '',
  rootCause: '',
  shortTermMeasure: '',
  longTermMeasure: '',
  language: '',
  tags: [],
  status: 'draft',
};

export function CaseLibraryPage() {
  const { t } = useI18n();
  const [filters, setFilters] = useState<Filters>({ status: 'published', product: '', language: '', tag: '' });
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [notice, setNotice] = useState<string | null>(null);
  const request = useRef(0);

  const load = useCallback(async () => {
    const id = ++request.current;
    setError(null);
    const common = {
      ...(filters.status === 'any' ? { statuses: [...STATUSES] } : { statuses: [filters.status] }),
      ...(filters.product.trim() ? { product: filters.product.trim() } : {}),
      ...(filters.tag.trim() ? { tag: filters.tag.trim() } : {}),
      ...(filters.language ? { language: filters.language } : {}),
    };
    try {
      const next: Row[] = query.trim()
        ? (await call('searchCases', { text: query, ...common, limit: 50 })).map((hit) => ({ case: hit.case, hit }))
        : (await call('listCases', { ...common, limit: 100 })).map((c) => ({ case: c }));
      if (id === request.current) setRows(next);
    } catch (e) {
      if (id === request.current) setError(toApiError(e));
    }
  }, [filters, query]);

  useEffect(() => {
    void load();
  }, [load]);

  const back = (message: string | null) => {
    setNotice(message);
    setView({ kind: 'list' });
    void load();
  };

  return (
    <Box as="main" aria-label={t('cases.page.label')} padding="space.200">
      <Stack space="space.200">
        <Inline spread="space-between" alignBlock="center">
          <Box as="h1" xcss={headingStyles}>
            {t('cases.page.title')}
          </Box>
          {view.kind === 'list' ? (
            <Button kind="primary" onClick={() => setView({ kind: 'new' })}>
              {t('cases.new')}
            </Button>
          ) : null}
        </Inline>
        {notice !== null ? (
          <Box role="status" testId="notice" xcss={noticeStyles}>
            <Text>{notice}</Text>
          </Box>
        ) : null}
        {view.kind === 'new' ? (
          <CaseEditor
            initial={EMPTY}
            onCancel={() => setView({ kind: 'list' })}
            onSave={async (content) => {
              const saved = await call('saveCase', { content });
              setNotice(t('cases.created', { id: saved.id }));
              setView({ kind: 'case', id: saved.id });
            }}
          />
        ) : null}
        {view.kind === 'case' ? <CaseDetail id={view.id} onBack={back} onNotice={setNotice} /> : null}
        {view.kind === 'list' ? (
          <Stack space="space.150">
            <Box
              as="form"
              onSubmit={(e) => {
                e.preventDefault();
                setNotice(null);
                setQuery(text);
              }}
            >
              <Inline space="space.100" alignBlock="center">
                <input
                  type="search"
                  aria-label={t('cases.search.label')}
                  placeholder={t('cases.search.placeholder')}
                  value={text}
                  style={inputStyle('60%')}
                  onChange={(e) => setText(e.target.value)}
                />
                <Button kind="primary" onClick={() => setQuery(text)}>
                  {t('cases.search.button')}
                </Button>
              </Inline>
            </Box>
            <Inline space="space.150" alignBlock="center" shouldWrap>
              <Select
                label={t('cases.filter.status')}
                value={filters.status}
                options={[
                  { value: 'any', label: `${t('cases.filter.status')}: ${t('cases.filter.any')}` },
                  ...STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) })),
                ]}
                onChange={(v) => setFilters((f) => ({ ...f, status: v as Filters['status'] }))}
              />
              <Select
                label={t('cases.filter.language')}
                value={filters.language}
                options={[
                  { value: '', label: `${t('cases.filter.language')}: ${t('cases.filter.any')}` },
                  ...LANGUAGES.map((l) => ({ value: l, label: t(`cases.language.${l}`) })),
                ]}
                onChange={(v) => setFilters((f) => ({ ...f, language: v as Filters['language'] }))}
              />
              <input
                type="text"
                aria-label={t('cases.filter.product')}
                placeholder={t('cases.filter.product')}
                value={filters.product}
                style={inputStyle('12em')}
                onChange={(e) => setFilters((f) => ({ ...f, product: e.target.value }))}
              />
              <input
                type="text"
                aria-label={t('cases.filter.tag')}
                placeholder={t('cases.filter.tag')}
                value={filters.tag}
                style={inputStyle('10em')}
                onChange={(e) => setFilters((f) => ({ ...f, tag: e.target.value }))}
              />
            </Inline>
            {error !== null ? (
              <ErrorState error={error} titleKey="cases.loadFailed" onRetry={() => void load()} />
            ) : null}
            {error === null && rows === null ? (
              <Box role="status">
                <Text color="color.text.subtlest">{t('cases.loading')}</Text>
              </Box>
            ) : null}
            {error === null && rows !== null ? (
              <CaseList rows={rows} onOpen={(id) => setView({ kind: 'case', id })} />
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </Box>
  );
}

function CaseList({ rows, onOpen }: { rows: Row[]; onOpen: (id: number) => void }) {
  const { t } = useI18n();
  if (rows.length === 0) return <Text color="color.text.subtle">{t('cases.empty')}</Text>;
  return (
    <Stack space="space.100">
      <Text size="small" color="color.text.subtlest">
        {t('cases.count', { count: rows.length })}
      </Text>
      <Box as="ul" xcss={listStyles} testId="case-list">
        {rows.map(({ case: c, hit }) => (
          <Box as="li" key={c.id} xcss={itemStyles} testId="case-row">
            <Pressable xcss={rowButtonStyles} onClick={() => onOpen(c.id)}>
              <Stack space="space.050">
                <Text weight="bold">{hit ? <Highlighted segments={hit.highlights.title} /> : c.title}</Text>
                {hit ? (
                  <Text size="small" color="color.text.subtle">
                    <Highlighted segments={hit.highlights.symptom} />
                  </Text>
                ) : null}
                <Text size="small" color="color.text.subtlest">
                  {[
                    t(`cases.status.${c.status}`),
                    c.product,
                    c.language === 'zh-CN' || c.language === 'en' ? t(`cases.language.${c.language}`) : '',
                    c.tags.join(', '),
                    t('cases.helpfulCount', { count: c.helpfulCount }),
                  ]
                    .filter((x) => x)
                    .join(' · ')}
                </Text>
              </Stack>
            </Pressable>
          </Box>
        ))}
      </Box>
    </Stack>
  );
}

function CaseDetail({
  id,
  onBack,
  onNotice,
}: {
  id: number;
  onBack: (message: string | null) => void;
  onNotice: (message: string | null) => void;
}) {
  const { t, formatDateTime } = useI18n();
  const [data, setData] = useState<{ case: CaseRecord; history: CaseVersion[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const retireButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

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
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

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
      await call('retireCase', { id: c.id, confirm: true }); // only after the user's "Yes, retire" below
      onBack(t('cases.retired'));
    } catch (e) {
      setActionError(toApiError(e));
    }
  };
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
        <Box role="alertdialog" aria-label={t('cases.retire')} xcss={confirmStyles}>
          <Stack space="space.100">
            <Text>{t('cases.retireConfirm')}</Text>
            <Inline space="space.100">
              <Pressable ref={confirmButton} xcss={dangerButtonStyles} onClick={() => void retire()}>
                {t('cases.retireYes')}
              </Pressable>
              <Button
                onClick={() => {
                  setConfirming(false);
                  retireButton.current?.focus();
                }}
              >
                {t('cases.cancel')}
              </Button>
            </Inline>
          </Stack>
        </Box>
      ) : null}
      {actionError !== null ? <ActionError error={actionError} /> : null}
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
      <Box as="section" aria-label={t('cases.versions')}>
        <Stack space="space.100">
          <Box as="h3" xcss={subheadingStyles}>
            {t('cases.versions')}
          </Box>
          <Box as="ol" xcss={listStyles} testId="case-versions">
            {data.history.map((v) => (
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
    </Stack>
  );
}

function ActionError({ error }: { error: ApiError }) {
  const { t } = useI18n();
  const key = errorMessageKey(error.code);
  return (
    <Box role="alert" xcss={errorStyles}>
      <Text color="color.text.danger">
        {key === 'errorCode.unknown' ? `${t(key)} (${error.code})` : t(key, error.params)}
      </Text>
    </Box>
  );
}

function CaseEditor({
  initial,
  onSave,
  onCancel,
}: {
  initial: CaseContent;
  onSave: (content: CaseContent) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<CaseContent>(initial);
  const [tags, setTags] = useState(initial.tags.join(', '));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const set = (k: keyof CaseContent) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSave({
        ...draft,
        tags: tags
          .split(',')
          .map((x) => x.trim())
          .filter((x) => x),
      });
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box
      as="form"
      testId="case-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack space="space.150">
        <Field name="title" label={t('cases.field.title')} value={draft.title} onChange={set('title')} />
        <Field
          name="symptom"
          label={t('cases.field.symptom')}
          value={draft.symptom}
          onChange={set('symptom')}
          multiline
        />
        <Inline space="space.150" shouldWrap>
          <Field name="product" label={t('cases.field.product')} value={draft.product} onChange={set('product')} />
          <Field
            name="productVersion"
            label={t('cases.field.productVersion')}
            value={draft.productVersion}
            onChange={set('productVersion')}
          />
        </Inline>
        <Field
          name="environment"
          label={t('cases.field.environment')}
          value={draft.environment}
          onChange={set('environment')}
          multiline
        />
        <Field
          name="rootCause"
          label={t('cases.field.rootCause')}
          value={draft.rootCause}
          onChange={set('rootCause')}
          multiline
        />
        <Field
          name="shortTermMeasure"
          label={t('cases.field.shortTermMeasure')}
          value={draft.shortTermMeasure}
          onChange={set('shortTermMeasure')}
          multiline
        />
        <Field
          name="longTermMeasure"
          label={t('cases.field.longTermMeasure')}
          value={draft.longTermMeasure}
          onChange={set('longTermMeasure')}
          multiline
        />
        <Field name="tags" label={t('cases.field.tags')} value={tags} onChange={setTags} />
        <Inline space="space.150" alignBlock="center">
          <Select
            label={t('cases.field.status')}
            value={draft.status}
            options={STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))}
            onChange={(v) => setDraft((d) => ({ ...d, status: v as CaseStatus }))}
          />
          <Select
            label={t('cases.field.language')}
            value={draft.language}
            options={[
              { value: '', label: `${t('cases.field.language')}: ${t('cases.filter.any')}` },
              ...LANGUAGES.map((l) => ({ value: l, label: t(`cases.language.${l}`) })),
            ]}
            onChange={set('language')}
          />
        </Inline>
        {error !== null ? <ActionError error={error} /> : null}
        <Inline space="space.100">
          <Button kind="primary" disabled={busy || draft.title.trim() === ''} onClick={() => void save()}>
            {t('cases.save')}
          </Button>
          <Button onClick={onCancel}>{t('cases.cancel')}</Button>
        </Inline>
      </Stack>
    </Box>
  );
}

const headingStyles = xcss({ font: 'font.heading.large', color: 'color.text', margin: 'space.0' });
const subheadingStyles = xcss({ font: 'font.heading.small', color: 'color.text', margin: 'space.0' });
const listStyles = xcss({ listStyle: 'none', margin: 'space.0', padding: 'space.0' });
const itemStyles = xcss({
  borderBlockEndWidth: 'border.width',
  borderBlockEndStyle: 'solid',
  borderColor: 'color.border',
});
const rowButtonStyles = xcss({
  display: 'block',
  width: '100%',
  textAlign: 'start',
  backgroundColor: 'color.background.neutral.subtle',
  padding: 'space.100',
  ':hover': { backgroundColor: 'color.background.neutral.subtle.hovered' },
});
const dlStyles = xcss({ margin: 'space.0', display: 'flex', flexDirection: 'column', gap: 'space.100' });
const ddStyles = xcss({ margin: 'space.0', whiteSpace: 'pre-wrap' });
const noticeStyles = xcss({
  backgroundColor: 'color.background.success',
  padding: 'space.100',
  borderRadius: 'radius.small',
});
const errorStyles = xcss({
  backgroundColor: 'color.background.danger',
  padding: 'space.100',
  borderRadius: 'radius.small',
});
const confirmStyles = xcss({
  backgroundColor: 'color.background.warning',
  padding: 'space.150',
  borderRadius: 'radius.small',
});
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
