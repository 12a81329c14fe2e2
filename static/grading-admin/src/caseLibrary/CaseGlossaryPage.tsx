/**
 * The admin page's "Case library" subpage (Jira admins; the server checks again): the product glossary
 * of cross-language case search (src/app/cases/caseGlossary.ts). Rows of an English word and its
 * Chinese equivalent, edited in place, saved whole; or imported from a CSV file (`en,zh`), which
 * replaces the glossary or is refused whole with each wrong row; exported as the same CSV.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { saveFile } from '../../../shared/saveFile';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { CaseGlossaryState, GlossaryRow } from '../../../../src/contract/caseGlossary';
import { call } from '../../../shared/api';
import { Button } from '../../../shared/Button';
import { baseInputStyle } from '../../../shared/controls';
import { ErrorState } from '../../../shared/ErrorState';
import { toApiError, type ApiError } from '../../../shared/errors';
import { errorMessageKey } from '../../../shared/i18n';
import { useI18n } from '../../../shared/i18n/react';
import { captionStyle, cellStyle, headStyle, tableStyle } from '../../../shared/tableStyles';

interface DraftRow extends GlossaryRow {
  key: number;
}

/** Each wrong row of a GLOSSARY_INVALID refusal (its first error is the summary). */
interface RowProblem {
  row: number;
  code: string;
  params: Record<string, string | number>;
  message: string;
}
function rowProblems(error: ApiError): RowProblem[] {
  if (error.code !== 'GLOSSARY_INVALID') return [];
  return error.errors.slice(1).map((e) => ({
    row: Number(e.params?.['row'] ?? 0),
    code: e.code,
    params: e.params ?? {},
    message: e.message,
  }));
}

type Notice = { kind: 'saved' } | { kind: 'imported'; count: number } | null;

export function CaseGlossaryPage() {
  const { t } = useI18n();
  const fileId = useId();
  const nextKey = useRef(0);
  const [state, setState] = useState<CaseGlossaryState | null>(null);
  const [rows, setRows] = useState<DraftRow[]>([]);
  const [dirty, setDirty] = useState(false);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [error, setError] = useState<{ error: ApiError; from: 'save' | 'import' } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  const adopt = useCallback((next: CaseGlossaryState) => {
    setState(next);
    setRows(next.entries.map((e) => ({ ...e, key: nextKey.current++ })));
    setDirty(false);
    setError(null);
  }, []);

  const reload = useCallback(async () => {
    setLoadError(null);
    setNotice(null);
    try {
      adopt(await call('getCaseGlossary', {}));
    } catch (e) {
      setLoadError(toApiError(e));
    }
  }, [adopt]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const edit = (change: (rows: DraftRow[]) => DraftRow[]) => {
    setRows(change);
    setDirty(true);
    setNotice(null);
  };

  const run = async (from: 'save' | 'import', action: () => Promise<CaseGlossaryState>, done: Notice) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      adopt(await action());
      setNotice(done);
    } catch (e) {
      setError({ error: toApiError(e), from });
    } finally {
      setBusy(false);
    }
  };

  const save = () => {
    if (state === null) return;
    const entries = rows.map(({ en, zh }) => ({ en, zh }));
    void run('save', () => call('saveCaseGlossary', { entries, expectedRevision: state.revision }), {
      kind: 'saved',
    });
  };

  const importFile = async (file: File | undefined, input: HTMLInputElement) => {
    if (file === undefined || state === null) return;
    const csv = await file.text();
    // The same file can be chosen again after fixing it.
    input.value = '';
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const next = await call('importCaseGlossary', { csv, expectedRevision: state.revision });
      adopt(next);
      setNotice({ kind: 'imported', count: next.entries.length });
    } catch (e) {
      setError({ error: toApiError(e), from: 'import' });
    } finally {
      setBusy(false);
    }
  };

  const exportFile = async () => {
    setError(null);
    try {
      const { csv, fileName } = await call('exportCaseGlossary', {});
      // A byte-order mark, so spreadsheet programs read the Chinese column as UTF-8.
      saveFile(fileName, ['\ufeff', csv], 'text/csv;charset=utf-8');
    } catch (e) {
      setError({ error: toApiError(e), from: 'save' });
    }
  };

  if (loadError !== null) return <ErrorState error={loadError} onRetry={() => void reload()} />;
  if (state === null) return <Text>{t('settings.loading')}</Text>;

  const problems = error === null ? [] : rowProblems(error.error);
  const problemText = (p: RowProblem): string => {
    const key = errorMessageKey(p.code);
    return key === 'errorCode.unknown' ? p.message : t(key, p.params);
  };
  const saveProblemsAt = (row: number) => (error?.from === 'save' ? problems.filter((p) => p.row === row) : []);

  return (
    <Stack space="space.300" testId="case-glossary">
      <Stack space="space.100">
        <Text weight="bold">{t('caseGlossary.title')}</Text>
        <Text>{t('caseGlossary.help', { builtIn: state.builtInGroups })}</Text>
      </Stack>
      {rows.length === 0 ? (
        <Text color="color.text.subtle" testId="case-glossary-empty">
          {t('caseGlossary.empty')}
        </Text>
      ) : (
        <table style={tableStyle} data-testid="case-glossary-rows">
          <caption style={captionStyle}>
            {t('caseGlossary.count', { count: rows.length, max: state.maxEntries })}
          </caption>
          <thead>
            <tr>
              <th style={headStyle} scope="col">
                {t('caseGlossary.en')}
              </th>
              <th style={headStyle} scope="col">
                {t('caseGlossary.zh')}
              </th>
              <th style={headStyle} scope="col">
                {t('caseGlossary.removeColumn')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const own = saveProblemsAt(i + 1);
              const messageId = `glossary-row-${r.key}-problems`;
              return (
                <tr key={r.key}>
                  {(['en', 'zh'] as const).map((side) => (
                    <td key={side} style={cellStyle}>
                      <input
                        style={{ ...baseInputStyle(own.length > 0), width: '100%', boxSizing: 'border-box' }}
                        value={r[side]}
                        maxLength={state.maxTermChars * 2}
                        lang={side === 'en' ? 'en' : 'zh-CN'}
                        aria-label={t(side === 'en' ? 'caseGlossary.enRow' : 'caseGlossary.zhRow', { row: i + 1 })}
                        aria-invalid={own.length > 0 ? true : undefined}
                        aria-describedby={own.length > 0 ? messageId : undefined}
                        onChange={(e) => {
                          const value = e.target.value;
                          edit((rs) => rs.map((x) => (x.key === r.key ? { ...x, [side]: value } : x)));
                        }}
                      />
                      {side === 'zh' && own.length > 0 ? (
                        <div id={messageId}>
                          {own.map((p) => (
                            <Text key={p.code} size="small" color="color.text.danger">
                              {problemText(p)}
                            </Text>
                          ))}
                        </div>
                      ) : null}
                    </td>
                  ))}
                  <td style={cellStyle}>
                    <Button
                      spacing="compact"
                      appearance="subtle"
                      isDisabled={busy}
                      label={t('caseGlossary.remove', { row: i + 1 })}
                      onClick={() => edit((rs) => rs.filter((x) => x.key !== r.key))}
                    >
                      ×
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {error !== null ? (
        <Stack space="space.100" testId="case-glossary-problems">
          <ErrorState error={error.error} titleKey="caseGlossary.failed" headingLevel="h3" />
          {problems.length > 0 ? (
            <ul>
              {problems.map((p, i) => (
                <li key={`${p.row}-${p.code}-${i}`}>
                  <Text>{t('caseGlossary.rowProblem', { row: p.row, problem: problemText(p) })}</Text>
                </li>
              ))}
            </ul>
          ) : null}
        </Stack>
      ) : null}
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Button
          isDisabled={busy || rows.length >= state.maxEntries}
          onClick={() => edit((rs) => [...rs, { en: '', zh: '', key: nextKey.current++ }])}
          testId="case-glossary-add"
        >
          {t('caseGlossary.add')}
        </Button>
        <Button appearance="primary" isDisabled={busy} isLoading={busy} onClick={save} testId="case-glossary-save">
          {t('caseGlossary.save')}
        </Button>
        <Button isDisabled={busy} onClick={() => void reload()}>
          {t('settings.reload')}
        </Button>
        {notice !== null ? (
          <Box role="status" testId="case-glossary-notice">
            <Text>
              {notice.kind === 'saved' ? t('caseGlossary.saved') : t('caseGlossary.imported', { count: notice.count })}
            </Text>
          </Box>
        ) : dirty ? (
          <Text color="color.text.subtle">{t('caseGlossary.unsaved')}</Text>
        ) : null}
      </Inline>
      <Box as="section" aria-label={t('caseGlossary.import.title')}>
        <Stack space="space.100">
          <Text weight="bold">{t('caseGlossary.import.title')}</Text>
          <Text>{t('caseGlossary.import.help')}</Text>
          {/* While a save or an import runs, no file can be chosen: the field is gone, not disabled. */}
          {busy ? null : (
            <Stack space="space.050">
              <label htmlFor={fileId}>
                <Text weight="medium">{t('caseGlossary.import.choose')}</Text>
              </label>
              <input
                id={fileId}
                type="file"
                accept=".csv,text/csv"
                data-testid="case-glossary-file"
                onChange={(e) => void importFile(e.target.files?.[0], e.target)}
              />
            </Stack>
          )}
          <Box>
            <Button isDisabled={busy} onClick={() => void exportFile()} testId="case-glossary-export">
              {t('caseGlossary.export')}
            </Button>
          </Box>
        </Stack>
      </Box>
    </Stack>
  );
}
