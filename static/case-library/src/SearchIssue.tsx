/**
 * The issue the case library page's searches are for (the case-library habit, 查案例, issue 17): the page
 * opened for an issue (`…/case-library?issue=ITR-12`) or the issue the user names. The server checks, as
 * the user, that they may see it (getCaseSearchIssue); only then are the page's searches sent with it and
 * recorded for it, the same way the issue panel's are, so they count as "searched before work".
 */
import { useEffect, useId, useState } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import type { CaseSearchIssue } from '../../../src/contract/cases';
import { call } from '../../shared/api';
import { createHistory } from '../../shared/bridge';
import { Button } from '../../shared/Button';
import { FieldLabel, FieldMessages } from '../../shared/controls';
import { toApiError } from '../../shared/errors';
import { errorMessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';

const ISSUE_KEY = /^[A-Z][A-Z0-9_]+-[1-9][0-9]*$/;

/** The `issue` parameter of the page URL's query (`?issue=ITR-12`), upper-cased; '' when absent. */
export function issueOfSearch(search: string): string {
  return (new URLSearchParams(search).get('issue') ?? '').trim().toUpperCase();
}

export function SearchIssue({
  issue,
  onIssue,
}: {
  /** The checked issue, or null: searches are not recorded for any issue. */
  issue: CaseSearchIssue | null;
  onIssue: (issue: CaseSearchIssue | null) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async (raw: string) => {
    const key = raw.trim().toUpperCase();
    setProblem(null);
    if (!ISSUE_KEY.test(key)) {
      setProblem(t('cases.forIssue.invalidKey'));
      return;
    }
    setBusy(true);
    try {
      onIssue(await call('getCaseSearchIssue', { issueKey: key }));
      setText('');
    } catch (e) {
      const error = toApiError(e);
      setProblem(t(errorMessageKey(error.code), { issueKey: key, ...error.params }));
      onIssue(null);
    } finally {
      setBusy(false);
    }
  };

  // Opened for an issue: the page URL names it.
  useEffect(() => {
    let stopped = false;
    createHistory().then(
      (history) => {
        const key = issueOfSearch(history.location.search);
        if (!stopped && key !== '') {
          setText(key);
          void check(key);
        }
      },
      () => undefined,
    );
    return () => {
      stopped = true;
    };
    // Read once per mount: the URL the page was opened with.
  }, []);

  if (issue !== null) {
    return (
      <Box xcss={boxStyles} testId="search-issue">
        <Inline space="space.150" alignBlock="center" spread="space-between" shouldWrap>
          <Stack space="space.050">
            <Text weight="medium">
              {t('cases.forIssue.recording', { issueKey: issue.issueKey, summary: issue.summary })}
            </Text>
            <Text size="small" color="color.text.subtle">
              {issue.searchCount === 0
                ? t('cases.forIssue.none')
                : issue.searchedBeforeWork
                  ? t('cases.forIssue.before')
                  : t('cases.forIssue.after')}
            </Text>
          </Stack>
          <Button onClick={() => onIssue(null)}>{t('cases.forIssue.stop')}</Button>
        </Inline>
      </Box>
    );
  }
  return (
    <Box
      as="form"
      xcss={boxStyles}
      testId="search-issue"
      onSubmit={(e) => {
        e.preventDefault();
        void check(text);
      }}
    >
      <Stack space="space.050">
        <FieldLabel htmlFor={id} subtle>
          {t('cases.forIssue.label')}
        </FieldLabel>
        <Inline space="space.100" alignBlock="center">
          <Box xcss={keyBoxStyles}>
            <Textfield
              id={id}
              name="issueKey"
              placeholder="ITR-12"
              value={text}
              isInvalid={problem !== null}
              aria-describedby={problem !== null ? `${id}-problem` : undefined}
              onChange={(e) => setText(e.currentTarget.value)}
            />
          </Box>
          <Button isDisabled={busy} onClick={() => void check(text)}>
            {t('cases.forIssue.use')}
          </Button>
        </Inline>
        <Text size="small" color="color.text.subtle">
          {t('cases.forIssue.help')}
        </Text>
        <FieldMessages
          messages={problem === null ? [] : [problem]}
          id={`${id}-problem`}
          testId="search-issue-problem"
        />
      </Stack>
    </Box>
  );
}

const boxStyles = xcss({
  padding: 'space.150',
  borderRadius: 'radius.medium',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderColor: 'color.border',
});
const keyBoxStyles = xcss({ width: '12em' });
