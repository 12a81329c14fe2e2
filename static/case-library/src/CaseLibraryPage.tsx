/**
 * The case library page (`jira:globalPage` itr-case-library, 案例库): browse with filters (status,
 * product, language, tag), search with the matched words highlighted, open a case with its versions,
 * edit it (a new version each save), create one by hand, retire it after a confirmation.
 * Every call goes to `case-library-resolver`, which applies Jira permissions to every answer.
 */
import { useState } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { call } from '../../shared/api';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/react';
import { CaseDetail } from './CaseDetail';
import { CaseEditor } from './CaseEditor';
import { CaseFilters } from './CaseFilters';
import { CaseList } from './CaseList';
import { EMPTY_CASE } from './cases';
import { Button } from './ui';
import { useCaseList } from './useCaseList';

type View = { kind: 'list' } | { kind: 'case'; id: number } | { kind: 'new' };

export function CaseLibraryPage() {
  const { t } = useI18n();
  const list = useCaseList();
  const [text, setText] = useState('');
  const [view, setView] = useState<View>({ kind: 'list' });
  const [notice, setNotice] = useState<string | null>(null);
  const { rows, error, load } = list;

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
            initial={EMPTY_CASE}
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
            <CaseFilters
              text={text}
              onText={setText}
              onSubmit={() => {
                setNotice(null);
                list.setQuery(text);
              }}
              onSearch={() => list.setQuery(text)}
              filters={list.filters}
              setFilters={list.setFilters}
            />
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

const headingStyles = xcss({ font: 'font.heading.large', color: 'color.text', margin: 'space.0' });
const noticeStyles = xcss({
  backgroundColor: 'color.background.success',
  padding: 'space.100',
  borderRadius: 'radius.small',
});
