/**
 * Case suggestions on the issue panel (案例推荐, itr-process §4): on open one `suggestCases` call
 * returns the best published cases for this issue (summary, description, product, grade) with the
 * words that matched; the agent can search freely, open a case, mark it "helped" or "not relevant".
 * Once the issue is resolved the section asks to add a case from it or improve the one that helped.
 * Folded unless the suggestions are strong (`isStrong`): five weak matches must not push the rest of the
 * panel down. Self-contained: the panel mounts it with `<CaseSuggestions issueKey=… />`.
 */
import { useState } from 'react';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import { useI18n } from '../../../shared/i18n/react';
import { Fold } from '../Fold';
import { CaseErrorLine } from './CaseErrorLine';
import { CaseHabit } from './CaseHabit';
import { CaseHitItem } from './CaseHitItem';
import { inputStyle } from './caseStyles';
import { ResolvedPrompt } from './ResolvedPrompt';
import { isStrong } from './strength';
import { useCaseSuggestions } from './useCaseSuggestions';

export function CaseSuggestions({ issueKey }: { issueKey: string }) {
  const { t } = useI18n();
  const s = useCaseSuggestions(issueKey);
  const [searchText, setSearchText] = useState('');
  const [open, setOpen] = useState<number | null>(null);
  // The reader's own choice once made; until then the strength of what was found decides.
  const [unfolded, setUnfolded] = useState<boolean | null>(null);
  const { load, hits } = s;
  const data = load.phase === 'ready' ? load.data : null;
  const isOpen = unfolded ?? (data === null ? load.phase === 'error' : isStrong(data));
  const count = data?.hits.length ?? 0;

  return (
    <Stack space="space.100" xcss={sectionStyles} testId="case-suggestions">
      <Fold
        title={t('cases.suggest.title')}
        toggleLabel={isOpen ? t('cases.suggest.hide') : t('cases.suggest.show', { count })}
        aside={
          data === null ? null : (
            <Text size="small" color="color.text.subtle" testId="case-count">
              {t('cases.count', { count })}
            </Text>
          )
        }
        open={isOpen}
        onToggle={() => setUnfolded(!isOpen)}
        testId="case-suggestions-fold"
      >
        <Stack space="space.100">
          <Box
            as="form"
            onSubmit={(e) => {
              e.preventDefault();
              void s.search(searchText);
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
            <CaseErrorLine error={load.error} title="cases.suggest.failed" onRetry={() => void s.fetch()} />
          ) : null}
          {load.phase === 'ready' && hits.length === 0 ? (
            <Text color="color.text.subtle">{t(s.searched ? 'cases.empty' : 'cases.suggest.none')}</Text>
          ) : null}
          <Box as="ul" xcss={listStyles}>
            {hits.map((hit) => (
              <CaseHitItem
                key={hit.case.id}
                hit={hit}
                isOpen={open === hit.case.id}
                mark={s.marks[hit.case.id]}
                onToggle={() => setOpen(open === hit.case.id ? null : hit.case.id)}
                onMark={(helped) => void s.mark(hit, helped)}
              />
            ))}
          </Box>
        </Stack>
      </Fold>
      {/* Outside the fold: once resolved, keeping what was learned is an action, not a suggestion. */}
      {load.phase === 'ready' && load.data.resolved ? (
        <ResolvedPrompt
          helpedCase={s.helpedCase}
          onAddCase={() => void s.createCaseFromIssue()}
          onImproved={s.setNotice}
          onError={s.setError}
        />
      ) : null}
      {s.notice ? (
        <Box role="status" testId="case-notice">
          <Text size="small" color="color.text.success">
            {s.notice}
          </Text>
        </Box>
      ) : null}
      {s.error !== null ? <CaseErrorLine error={s.error} /> : null}
      {data?.habit !== undefined ? <CaseHabit issueKey={issueKey} initial={data.habit} version={s.activity} /> : null}
    </Stack>
  );
}

const sectionStyles = xcss({
  borderBlockStartWidth: 'border.width',
  borderBlockStartStyle: 'solid',
  borderColor: 'color.border',
  paddingBlockStart: 'space.150',
});
const listStyles = xcss({
  listStyle: 'none',
  margin: 'space.0',
  padding: 'space.0',
  display: 'flex',
  flexDirection: 'column',
  gap: 'space.100',
});
