/**
 * Contract tests of `src/entry/caseLibraryFunctions.ts` through its exported handler, as the
 * Forge platform calls it: realistic payloads, the caller from the invocation context, answers in the
 * `{ success, data | errors }` envelope. MariaDB through the real @forge/sql; Jira through the double,
 * which decides who may browse which issue.
 */
import { runMigrations } from '../../../src/adapters/sql';
import type { CaseHit, CaseRecord, CaseSuggestions, CaseVersion } from '../../../src/contract/cases';
import type { ResolverResult } from '../../../src/contract/envelope';
import { handler as caseLibraryResolver } from '../../../src/entry/caseLibraryFunctions';
import { defineItrFields } from '../../fixtures/itrFields';
import { harness, invokeResolver } from '../../../platform-doubles';

const { jira } = harness();
const ALICE = 'acc-alice'; // may browse SEC and ITR; a case editor (triage group)
const BOB = 'acc-bob'; // may browse ITR only; no case editor role

async function invoke<T>(fn: string, payload: unknown, accountId = ALICE): Promise<ResolverResult<T>> {
  return (await invokeResolver(caseLibraryResolver, fn, payload, { accountId })) as ResolverResult<T>;
}
async function data<T>(fn: string, payload: unknown, accountId = ALICE): Promise<T> {
  const res = await invoke<T>(fn, payload, accountId);
  if (!res.success) throw new Error(`${fn} failed: ${JSON.stringify(res.errors)}`);
  return res.data;
}
function codeOf(res: ResolverResult<unknown>): string | undefined {
  return res.success ? undefined : res.errors[0]?.code;
}
const content = (title: string, symptom: string, extra: Record<string, unknown> = {}) => ({
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
});

beforeAll(async () => {
  await runMigrations();
});

let ids: ReturnType<typeof defineItrFields>;
beforeEach(() => {
  ids = defineItrFields(jira);
  jira.seedUser({ accountId: ALICE, displayName: 'Alice', groups: ['itr-triage'] });
  jira.seedUser({ accountId: BOB, displayName: 'Bob' });
  jira.seedProject({ key: 'SEC', browsers: [ALICE] });
  jira.seedProject({ key: 'ITR' });
  jira.seedIssue({
    key: 'SEC-9',
    issueType: 'Incident',
    status: 'Done',
    fields: {
      summary: 'Badge reader rejects valid cards',
      description: 'Badge reader firmware 3.1 rejects every valid card at the north gate.',
      resolution: { id: '10000', name: 'Rolled back firmware to 3.0' },
    },
  });
  jira.seedIssue({
    key: 'ITR-21',
    issueType: 'Incident',
    status: 'Done',
    fields: {
      summary: 'Label printer prints blank labels',
      description: 'After the ribbon change the label printer feeds blank labels.',
      resolution: { id: '10000', name: 'Done' },
      [ids.product]: 'LabelJet',
      [ids.grade]: 'major',
    },
  });
});

describe('saveCase and searchCases', () => {
  it('creates a case by hand (revision 1, language guessed) and finds it with highlights', async () => {
    const created = await data<CaseRecord>('saveCase', {
      content: content('Kiosk touchscreen freezes', 'The kiosk touchscreen freezes after the nightly reboot.', {
        tags: ['kiosk'],
      }),
    });
    expect([created.revision, created.language, created.status, created.authorAccountId]).toEqual([
      1,
      'en',
      'published',
      ALICE,
    ]);
    const hits = await data<CaseHit[]>('searchCases', { text: 'touchscreen freezes' });
    expect(hits[0]?.case.id).toBe(created.id);
    expect(hits[0]?.matchedTerms).toEqual(expect.arrayContaining(['touchscreen']));
    expect(hits[0]?.highlights.title.filter((s) => s.hit).map((s) => s.text)).toEqual(
      expect.arrayContaining(['touchscreen']),
    );
  });

  it('finds a Chinese case from Chinese text without spaces', async () => {
    const created = await data<CaseRecord>('saveCase', {
      content: content('扫码枪无法识别条码', '更换固件后扫码枪无法识别任何条码'),
    });
    expect(created.language).toBe('zh-CN');
    const hits = await data<CaseHit[]>('searchCases', { text: '扫码枪识别失败' });
    expect(hits[0]?.case.id).toBe(created.id);
  });

  it('editing keeps history; a stale revision is refused', async () => {
    const created = await data<CaseRecord>('saveCase', {
      content: content('Docking station loses monitors', 'Monitors go dark on the dock.'),
    });
    const edited = await data<CaseRecord>('saveCase', {
      id: created.id,
      expectedRevision: 1,
      content: content('Docking station loses monitors', 'Monitors go dark on the dock.', {
        rootCause: 'Dock firmware 1.2',
      }),
    });
    expect(edited.revision).toBe(2);
    const stale = await invoke('saveCase', { id: created.id, expectedRevision: 1, content: content('x', 'y') });
    expect(codeOf(stale)).toBe('CASE_REVISION_CONFLICT');
    const detail = await data<{ case: CaseRecord; history: CaseVersion[] }>('getCase', { id: created.id });
    expect(detail.history.map((v) => [v.revision, v.content.rootCause])).toEqual([
      [2, 'Dock firmware 1.2'],
      [1, ''],
    ]);
  });

  it.each([
    ['saveCase', { content: { symptom: 'no title' } }, 'INVALID_PAYLOAD'],
    ['saveCase', { id: -1, content: content('t', 's') }, 'INVALID_PAYLOAD'],
    ['searchCases', { text: 42 }, 'INVALID_PAYLOAD'],
    ['suggestCases', {}, 'INVALID_PAYLOAD'],
    ['suggestCases', { issueKey: 'not a key' }, 'INVALID_PAYLOAD'],
    ['retireCase', { id: 'x' }, 'INVALID_PAYLOAD'],
    ['markCaseHelpful', { id: 1 }, 'INVALID_PAYLOAD'],
    ['createCaseFromIssue', {}, 'INVALID_PAYLOAD'],
    ['getCase', { id: 99_999_999 }, 'CASE_NOT_FOUND'],
  ])('%s %j answers %s', async (fn, payload, code) => {
    expect(codeOf(await invoke(fn, payload))).toBe(code);
  });
});

describe('suggestCases, feedback and createCaseFromIssue', () => {
  it('uses the issue product and grade, says it is resolved, and lists the cases that helped', async () => {
    const other = await data<CaseRecord>('saveCase', {
      content: content('Printer prints blank labels', 'Blank labels after changing the ribbon.', {
        product: 'OfficePrint',
      }),
    });
    const same = await data<CaseRecord>('saveCase', {
      content: content('Printer prints blank labels', 'Blank labels after changing the ribbon.', {
        product: 'LabelJet',
      }),
    });
    const first = await data<CaseSuggestions>('suggestCases', { issueKey: 'ITR-21' });
    expect([first.resolved, first.product, first.grade, first.helpedCaseIds]).toEqual([true, 'LabelJet', 'major', []]);
    // Same text: the case of the issue's product ranks first.
    expect(first.hits.slice(0, 2).map((h) => h.case.id)).toEqual([same.id, other.id]);

    const helped = await data<CaseRecord>('markCaseHelpful', { id: same.id, issueKey: 'ITR-21' });
    const again = await data<CaseRecord>('markCaseHelpful', { id: same.id, issueKey: 'ITR-21' });
    expect([helped.helpfulCount, again.helpfulCount, again.usageCount, again.usedOnIssues]).toEqual([
      1,
      1,
      1,
      ['ITR-21'],
    ]);
    const notRelevant = await data<CaseRecord>('markCaseNotRelevant', { id: other.id, issueKey: 'ITR-21' });
    expect(notRelevant.notRelevantCount).toBe(1);
    expect((await data<CaseSuggestions>('suggestCases', { issueKey: 'ITR-21' })).helpedCaseIds).toEqual([same.id]);
  });

  it('retiring hides a case from search and suggestions, keeping its links and history', async () => {
    const c = await data<CaseRecord>('saveCase', {
      content: content('Label printer ribbon sensor dirty', 'Blank labels: the ribbon sensor is dirty.'),
    });
    await data('markCaseHelpful', { id: c.id, issueKey: 'ITR-21' });
    const retired = await data<CaseRecord>('retireCase', { id: c.id, confirm: true });
    expect([retired.status, retired.revision, retired.usedOnIssues]).toEqual(['retired', 2, ['ITR-21']]);
    expect(
      (await data<CaseHit[]>('searchCases', { text: 'ribbon sensor dirty' })).some((h) => h.case.id === c.id),
    ).toBe(false);
    expect(
      (await data<CaseSuggestions>('suggestCases', { issueKey: 'ITR-21' })).hits.some((h) => h.case.id === c.id),
    ).toBe(false);
    expect(
      (await data<CaseHit[]>('searchCases', { text: 'ribbon sensor dirty', statuses: ['retired'] })).map(
        (h) => h.case.id,
      ),
    ).toContain(c.id);
  });

  it('turns a resolved issue into a draft case, prefilled from it', async () => {
    const draft = await data<CaseRecord>('createCaseFromIssue', { issueKey: 'SEC-9' });
    expect([draft.status, draft.title, draft.sourceIssues, draft.shortTermMeasure, draft.authorAccountId]).toEqual([
      'draft',
      'Badge reader rejects valid cards',
      ['SEC-9'],
      'Rolled back firmware to 3.0',
      ALICE,
    ]);
    expect(draft.symptom).toContain('north gate');
  });
});

describe('permissions: a user who may not browse the source issue never sees the case', () => {
  it('hides it from search, list, getCase, suggestions and refuses to change it', async () => {
    const secret = await data<CaseRecord>('createCaseFromIssue', { issueKey: 'SEC-9' });
    await data('saveCase', {
      id: secret.id,
      expectedRevision: 1,
      content: { ...content(secret.title, secret.symptom), status: 'published' },
      sourceIssues: ['SEC-9'],
    });
    expect(
      (await data<CaseHit[]>('searchCases', { text: 'badge reader rejects valid cards' })).map((h) => h.case.id),
    ).toContain(secret.id);

    expect(
      (await data<CaseHit[]>('searchCases', { text: 'badge reader rejects valid cards' }, BOB)).map((h) => h.case.id),
    ).not.toContain(secret.id);
    expect(
      (
        await data<CaseHit[]>('searchCases', { text: 'badge reader', statuses: ['draft', 'published', 'retired'] }, BOB)
      ).map((h) => h.case.id),
    ).not.toContain(secret.id);
    expect((await data<CaseRecord[]>('listCases', { statuses: ['published'] }, BOB)).map((c) => c.id)).not.toContain(
      secret.id,
    );
    expect(codeOf(await invoke('getCase', { id: secret.id }, BOB))).toBe('CASE_NOT_FOUND');
    expect(codeOf(await invoke('saveCase', { id: secret.id, content: content('hijack', 'x') }, BOB))).toBe(
      'CASE_NOT_FOUND',
    );
    expect(codeOf(await invoke('retireCase', { id: secret.id, confirm: true }, BOB))).toBe('NOT_AUTHORIZED'); // no case editor role, and nothing said of the case
    expect(codeOf(await invoke('markCaseHelpful', { id: secret.id, issueKey: 'ITR-21' }, BOB))).toBe('CASE_NOT_FOUND');

    // An ITR issue about badge readers: Bob is not offered the SEC case, Alice is.
    jira.seedIssue({
      key: 'ITR-22',
      issueType: 'Incident',
      status: 'Open',
      fields: { summary: 'Badge reader rejects valid cards at the gate' },
    });
    expect(
      (await data<CaseSuggestions>('suggestCases', { issueKey: 'ITR-22' }, BOB)).hits.map((h) => h.case.id),
    ).not.toContain(secret.id);
    expect(
      (await data<CaseSuggestions>('suggestCases', { issueKey: 'ITR-22' }, ALICE)).hits.map((h) => h.case.id),
    ).toContain(secret.id);

    // Nor can Bob make a case from an issue he may not browse.
    expect((await invoke('createCaseFromIssue', { issueKey: 'SEC-9' }, BOB)).success).toBe(false);
  });
});
