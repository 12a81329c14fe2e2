/**
 * The case library page (`jira:globalPage` itr-case-library, 案例库): browse with filters (status,
 * product, language, tag), search with the matched words highlighted, open a case with its versions,
 * edit it (a new version each save), create one by hand, retire it after a confirmation.
 * Every call goes to `case-library-resolver`, which applies Jira permissions to every answer.
 */
import { useState } from 'react';
import type { CaseSearchIssue } from '../../../src/contract/cases';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { call } from '../../shared/api';
import { Button } from '../../shared/Button';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/react';
import { CaseDetail } from './CaseDetail';
import { CaseEditor } from './CaseEditor';
import { CaseFilters } from './CaseFilters';
import { CaseList } from './CaseList';
import { EMPTY_CASE } from './cases';
import { SearchIssue } from './SearchIssue';
import { useCaseList } from './useCaseList';

/** What the page shows; a case opened from a search keeps the words that matched, to mark them. */
type View = { kind: 'list' } | { kind: 'case'; id: number; matched: readonly string[] } | { kind: 'new' };

export function CaseLibraryPage() {
  const { t } = useI18n();
  const [forIssue, setForIssue] = useState<CaseSearchIssue | null>(null);
  // A search recorded for the issue may change whether it was searched before work: read it again.
  const list = useCaseList(forIssue?.issueKey ?? null, () => {
    if (forIssue !== null)
      call('getCaseSearchIssue', { issueKey: forIssue.issueKey }).then(setForIssue, () => undefined);
  });
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
            <Button appearance="primary" onClick={() => setView({ kind: 'new' })}>
              {t('cases.new')}
            </Button>
          ) : null}
        </Inline>
        {notice !== null ? (
          <Box role="status" testId="notice">
            <SectionMessage appearance="success">
              <Text>{notice}</Text>
            </SectionMessage>
          </Box>
        ) : null}
        {view.kind === 'new' ? (
          <CaseEditor
            initial={EMPTY_CASE}
            onCancel={() => setView({ kind: 'list' })}
            onSave={async (content) => {
              const saved = await call('saveCase', { content });
              setNotice(t('cases.created', { title: saved.title }));
              setView({ kind: 'case', id: saved.id, matched: [] });
            }}
          />
        ) : null}
        {view.kind === 'case' ? (
          <CaseDetail id={view.id} matched={view.matched} onBack={back} onNotice={setNotice} />
        ) : null}
        {view.kind === 'list' ? (
          <Stack space="space.150">
            <SearchIssue issue={forIssue} onIssue={setForIssue} />
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
                <Text color="color.text.subtle">{t('cases.loading')}</Text>
              </Box>
            ) : null}
            {error === null && rows !== null ? (
              <CaseList
                rows={rows}
                onOpen={(row) => setView({ kind: 'case', id: row.case.id, matched: row.hit?.matchedTerms ?? [] })}
              />
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </Box>
  );
}

const headingStyles = xcss({ font: 'font.heading.large', color: 'color.text', margin: 'space.0' });
