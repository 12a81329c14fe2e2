/**
 * The case library on MariaDB through the real @forge/sql, and Jira permissions through the Jira double.
 */
import { runMigrations } from '../../../src/adapters/sql';
import { CaseLibrary } from '../../../src/app/cases/caseLibrary';
import { sqlCaseIndex } from '../../../src/adapters/sql/caseIndexRepository';

const { searchIndex } = sqlCaseIndex;
import type { CaseContent } from '../../../src/contract/cases';
import { MemoryCaseIndex } from '../../../src/domain/caseSearch';
import { JIRA_TEXT_FIELD_MAX_CHARS, STORED_LIMITS } from '../../../src/domain/storageLimits';
import { handlers } from '../../../src/entry/caseLibraryFunctions';
import { generateDevSet } from '../../domain/caseSearch/devSet';
import { harness } from '../../../platform-doubles';

const { jira, sql, runtime } = harness();
const NOW = new Date('2026-03-02T08:00:00Z');
// Role checks are the resolver contract tests' subject (caseLibraryResolver, caseEditorRole): here every caller is a case editor.
// Cross-language expansion is caseGlossary.contract.test.ts's subject: here a query matches in its own language only.
const lib = new CaseLibrary({
  now: () => NOW,
  isCaseEditor: () => Promise.resolve(true),
  termList: () => Promise.resolve(undefined),
});

function content(title: string, symptom: string, extra: Partial<CaseContent> = {}): CaseContent {
  return {
    title,
    symptom,
    product: '',
    productVersion: '',
    environment: '',
    rootCause: '',
    shortTermMeasure: '',
    longTermMeasure: '',
    language: '',
    tags: [],
    status: 'published',
    ...extra,
  };
}

beforeAll(async () => {
  await runMigrations();
});

beforeEach(() => {
  jira.seedUser({ accountId: 'alice', displayName: 'Alice' });
  jira.seedUser({ accountId: 'bob', displayName: 'Bob' });
  jira.seedProject({ key: 'SEC', browsers: ['alice'] });
  jira.seedProject({ key: 'ITR' });
  jira.seedIssue({ key: 'SEC-1', issueType: 'Incident', status: 'Done', fields: { summary: 'Printer leak' } });
  jira.seedIssue({
    key: 'ITR-7',
    issueType: 'Incident',
    status: 'Open',
    fields: { summary: '打印机无法连接', description: '升级后找不到网络打印机' },
  });
});

it('the SQL index ranks exactly like the in-memory reference, also after edits', async () => {
  const { cases, queries } = generateDevSet(3, 60, 10);
  const mem = new MemoryCaseIndex();
  const ids = new Map<string, string>();
  for (const c of cases) {
    const rec = await lib.createCase(undefined, content(c.title, c.body));
    ids.set(String(rec.id), c.id);
    mem.put(c.id, { title: c.title, body: c.body });
  }
  // Edit a few: postings replaced, df and totals adjusted by difference. Saving needs a signed-in case
  // editor (the lib's isCaseEditor says yes); 'alice' acts in her own invocation.
  for (const [sqlId, devId] of [...ids].slice(0, 5)) {
    const saved = await runtime.runAs('alice', () =>
      lib.saveCase('alice', { id: Number(sqlId), content: content('toolbar crash 2.53.1', 'edited body') }),
    );
    expect(saved.title).toBe('toolbar crash 2.53.1');
    mem.put(devId, { title: 'toolbar crash 2.53.1', body: 'edited body' });
  }
  for (const q of queries) {
    const fromSql = (await searchIndex({ title: q.title, body: q.body })).slice(0, 10);
    const fromMem = mem.search({ title: q.title, body: q.body }).slice(0, 10);
    expect(fromSql.map((r) => ids.get(r.caseId))).toEqual(fromMem.map((r) => r.caseId));
  }
});

it('hides a case whose source issue the user may not browse (one Jira search)', async () => {
  await lib.createCase('alice', content('Printer memory leak', 'leaks memory while printing'), ['SEC-1']);
  // Jira is asked as the invocation's user (asUser()), so each search runs in that user's invocation.
  const asAlice = await runtime.runAs('alice', () => lib.searchCases('alice', { text: 'printer memory leak' }));
  const asBob = await runtime.runAs('bob', () => lib.searchCases('bob', { text: 'printer memory leak' }));
  expect(asAlice.map((h) => h.case.sourceIssues)).toContainEqual(['SEC-1']);
  expect(asBob.some((h) => h.case.sourceIssues.includes('SEC-1'))).toBe(false);
});

describe('statistics from cases the caller may not see', () => {
  it('a hit carries no score, and hidden look-alikes neither silence nor add a suggestion', async () => {
    jira.seedIssue({
      key: 'ITR-8',
      issueType: 'Incident',
      status: 'Open',
      fields: { summary: 'Label printer jams on rewind' },
    });
    const visible = await lib.createCase('alice', content('Label printer jams on rewind', 'the rewind motor stalls'));
    const before = await runtime.runAs('bob', () => lib.suggestCases('bob', 'ITR-8'));
    expect(before.hits.map((h) => h.case.id)).toEqual([visible.id]);
    // Ten near copies only alice may see (their source issue is in SEC): a crowd bob cannot see.
    for (let i = 0; i < 10; i++)
      await lib.createCase('alice', content(`Label printer jams on rewind ${i}`, 'the rewind motor stalls'), ['SEC-1']);
    const after = await runtime.runAs('bob', () => lib.suggestCases('bob', 'ITR-8'));
    expect(after.hits.map((h) => h.case.id)).toEqual([visible.id]);
    expect(Object.keys(after.hits[0] ?? {})).not.toContain('score');
  });
});

it('suggests a Chinese case for a Chinese issue with highlights, and retiring hides it but keeps links', async () => {
  runtime.setPrincipal('alice');
  const created = await lib.createCase('alice', content('网络打印机连接失败', '升级固件后打印机无法连接网络'), []);
  const res = await handlers(lib)['suggestCases']!({ issueKey: 'ITR-7' }, { accountId: 'alice' });
  expect(res.success).toBe(true);
  const hits = res.success
    ? (res.data as { hits: Array<{ case: { id: number }; highlights: { title: Array<{ hit: boolean }> } }> }).hits
    : [];
  expect(hits[0]?.case.id).toBe(created.id);
  expect(hits[0]?.highlights.title.some((s) => s.hit)).toBe(true);

  const helped = await lib.markCaseHelpful('alice', created.id, 'ITR-7');
  expect([helped.helpfulCount, helped.usageCount, helped.usedOnIssues]).toEqual([1, 1, ['ITR-7']]);

  const retired = await lib.retireCase('alice', created.id);
  expect([retired.status, retired.revision, retired.usedOnIssues]).toEqual(['retired', 2, ['ITR-7']]);
  const again = await lib.suggestCases('alice', 'ITR-7');
  expect(again.hits.some((h) => h.case.id === created.id)).toBe(false);
  const detail = await lib.getCase('alice', created.id);
  expect(detail.history.map((v) => [v.revision, v.content.status])).toEqual([
    [2, 'retired'],
    [1, 'published'],
  ]);
});

it('keeps document frequencies and totals equal to the postings after create, edit and retire', async () => {
  const a = await lib.createCase('alice', content('Toolbar icons missing', 'icons gone after upgrade'));
  const b = await lib.createCase('alice', content('打印机无法连接', '升级后找不到网络打印机'));
  await lib.createCase('alice', content('Toolbar crash', 'crashes on startup'));
  expect(
    await lib.saveCase('alice', {
      id: a.id,
      expectedRevision: 1,
      content: content('Sidebar icons missing', 'icons gone, sidebar empty'),
    }),
  ).toMatchObject({ revision: 2 });
  expect(await lib.retireCase('alice', b.id)).toMatchObject({ status: 'retired' });

  // df of every term = its postings; no postings for a term whose df fell to 0.
  const df = await sql.raw<Array<{ term: string; df: number; n: number }>>(
    'SELECT s.term, s.df, COUNT(t.case_id) AS n FROM case_term_stats s LEFT JOIN case_term t ON t.term = s.term GROUP BY s.term, s.df',
  );
  expect(df.filter((r) => Number(r.df) !== Number(r.n))).toEqual([]);
  expect(df.find((r) => r.term === 'toolbar')).toBeDefined();
  const [totals] = await sql.raw<Array<Record<string, number>>>(
    'SELECT doc_count, len_title, len_body, len_meta FROM case_index_stats WHERE id = 1',
  );
  const [actual] = await sql.raw<Array<Record<string, number>>>(
    'SELECT COUNT(*) AS doc_count, SUM(len_title) AS len_title, SUM(len_body) AS len_body, SUM(len_meta) AS len_meta FROM (SELECT case_id, MAX(len_title) AS len_title, MAX(len_body) AS len_body, MAX(len_meta) AS len_meta FROM case_term GROUP BY case_id) c',
  );
  expect(Object.fromEntries(Object.entries(totals ?? {}).map(([k, v]) => [k, Number(v)]))).toEqual(
    Object.fromEntries(Object.entries(actual ?? {}).map(([k, v]) => [k, Number(v)])),
  );
  // The retired case stays indexed (links and history are kept) and is filtered out at search time.
  expect(await sql.raw<unknown[]>('SELECT 1 FROM case_term WHERE case_id = ? LIMIT 1', [b.id])).toHaveLength(1);
  const found = await lib.searchCases('alice', { text: '打印机无法连接' });
  expect(found.some((h) => h.case.id === b.id)).toBe(false);
});

describe('case texts hold what a Jira text field holds (src/domain/storageLimits.ts), refused over it, never cut', () => {
  /** Chinese-heavy log text: about 73 KB in UTF-8 within Jira's 32,767 characters (more than TEXT's 65,535 bytes). */
  function longIssueText(): string {
    const line = '升级到 2.53.1 后网络打印机无法连接，错误码 E42；重启后仍然失败。\n';
    let text = '';
    while (Buffer.byteLength(text) < 73 * 1024) text += line;
    return text.trim();
  }

  it('a 73 KB issue text becomes a case, whole', async () => {
    const text = longIssueText();
    expect(Buffer.byteLength(text)).toBeGreaterThan(65_535);
    expect([...text].length).toBeLessThanOrEqual(JIRA_TEXT_FIELD_MAX_CHARS);
    jira.seedIssue({
      key: 'ITR-8',
      issueType: 'Incident',
      status: 'Done',
      fields: {
        summary: 'Printer lost after upgrade',
        description: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
      },
    });
    const made = await runtime.runAs('alice', () => lib.createCaseFromIssue('alice', 'ITR-8'));
    const id = made.id;
    const stored = await sql.raw<Array<{ symptom: string }>>('SELECT symptom FROM itr_case WHERE id = ?', [id]);
    expect(stored[0]?.symptom).toBe(text);
  });

  it('a text over its limit is refused with VALUE_TOO_LONG naming the field, and nothing is saved', async () => {
    const before = await sql.raw<Array<{ n: number }>>('SELECT COUNT(*) AS n FROM itr_case');
    const over = 'x'.repeat(STORED_LIMITS.caseText.max + 1);
    await expect(lib.saveCase('alice', { content: content('Too long', over) })).rejects.toMatchObject({
      problems: [
        expect.objectContaining({
          code: 'VALUE_TOO_LONG',
          path: 'symptom',
          params: {
            field: 'symptom',
            size: STORED_LIMITS.caseText.max + 1,
            max: STORED_LIMITS.caseText.max,
            unit: 'bytes',
          },
        }),
      ],
    });
    // Five full Jira text fields of 4-byte characters fit in one Forge SQL request (655 KB)...
    const full = '😀'.repeat(JIRA_TEXT_FIELD_MAX_CHARS);
    const five = {
      environment: full,
      rootCause: full,
      shortTermMeasure: full,
      longTermMeasure: full,
      status: 'draft' as const,
    };
    expect(await lib.saveCase('alice', { content: content('Huge', full, five) })).toMatchObject({ title: 'Huge' });
    // ...but texts that JSON escapes six-fold (control characters) would not: refused as a whole, not cut.
    const escaped = '\u0007'.repeat(JIRA_TEXT_FIELD_MAX_CHARS);
    const whole = lib.saveCase('alice', {
      content: content('Bells', escaped, {
        ...five,
        environment: escaped,
        rootCause: escaped,
        shortTermMeasure: escaped,
        longTermMeasure: escaped,
      }),
    });
    await expect(whole).rejects.toMatchObject({ problems: [{ code: 'VALUE_TOO_LONG', path: 'content' }] });
    // A title within VARCHAR(500) counts characters, not bytes.
    expect(
      await lib.saveCase('alice', { content: content('标'.repeat(500), 'ok', { status: 'draft' }) }),
    ).toMatchObject({
      title: '标'.repeat(500),
    });
    await expect(lib.saveCase('alice', { content: content('标'.repeat(501), 'ok') })).rejects.toMatchObject({
      problems: [{ code: 'VALUE_TOO_LONG', path: 'title' }],
    });
    const after = await sql.raw<Array<{ n: number }>>('SELECT COUNT(*) AS n FROM itr_case');
    expect(Number(after[0]?.n)).toBe(Number(before[0]?.n) + 2);
  });
});
