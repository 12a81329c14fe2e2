/**
 * The product glossary of cross-language case search (issue 18) through the exported handlers: the
 * admin page's functions (Jira admins only; a wrong row refuses the whole save or file and nothing is
 * written; CSV export reads back as imported), and the case library's search, which finds a case
 * written in the other language through the built-in list and, once saved, the admin's own words.
 */
import { gradingAdminResolver } from '../../../src/index';
import { runMigrations } from '../../../src/adapters/sql';
import { forgetGlossaryCache } from '../../../src/app/cases/caseGlossary';
import type { CaseGlossaryState } from '../../../src/contract/caseGlossary';
import type { CaseHit, CaseRecord } from '../../../src/contract/cases';
import type { ResolverResult } from '../../../src/contract/envelope';
import { handler as caseLibraryResolver } from '../../../src/entry/caseLibraryFunctions';
import { createI18n, errorMessageKey, MESSAGES } from '../../../static/shared/i18n';
import { harness, invokeResolver } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';

const { jira } = harness();
const ADMIN = 'acc-admin';
const AGENT = 'acc-agent';

const admin = <T>(fn: string, payload: object, accountId = ADMIN) =>
  invokeResolver(gradingAdminResolver, fn, payload, { accountId }) as Promise<ResolverResult<T>>;
async function ok<T>(answer: Promise<ResolverResult<T>>): Promise<T> {
  const a = await answer;
  if (!a.success) throw new Error(JSON.stringify(a.errors));
  return a.data;
}
const problems = (a: ResolverResult<unknown>): Array<[string, string | undefined]> =>
  a.success ? [] : a.errors.map((e) => [e.code, e.path]);

/** Every error of a refusal reads as its own message in English and in Chinese, placeholders filled. */
function expectTranslated(answer: ResolverResult<unknown>): void {
  if (answer.success) throw new Error('expected a refusal');
  for (const locale of ['en', 'zh_CN']) {
    const { t } = createI18n(locale, 'UTC');
    for (const e of answer.errors) {
      expect(errorMessageKey(e.code)).toBe(`errorCode.${e.code}`);
      expect(t(errorMessageKey(e.code), e.params ?? {})).not.toMatch(/\{\w+\}/);
    }
  }
  const key = errorMessageKey(answer.errors[0]?.code ?? '');
  expect(MESSAGES['zh-CN'][key]).not.toBe(MESSAGES.en[key]);
}

beforeAll(async () => {
  await runMigrations();
});
beforeEach(() => {
  forgetGlossaryCache();
  defineItrFields(jira);
  jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', groups: ['jira-administrators', 'itr-triage'] });
  jira.seedUser({ accountId: AGENT, displayName: 'Li Lei' });
});

describe('the admin edits the glossary', () => {
  it('starts empty beside the built-in list; only admins read or write it', async () => {
    const s = await ok(admin<CaseGlossaryState>('getCaseGlossary', {}));
    expect(s).toMatchObject({ entries: [], revision: 0, maxEntries: 1000, maxTermChars: 40 });
    expect(s.builtInGroups).toBeGreaterThanOrEqual(150);
    for (const [fn, payload] of [
      ['getCaseGlossary', {}],
      ['saveCaseGlossary', { entries: [], expectedRevision: 0 }],
      ['importCaseGlossary', { csv: 'en,zh\n', expectedRevision: 0 }],
      ['exportCaseGlossary', {}],
    ] as const) {
      expect(problems(await admin(fn, payload, AGENT))).toEqual([['NOT_AUTHORIZED', undefined]]);
    }
  });

  it('saves rows whole; a wrong row refuses the save and names its row in both languages', async () => {
    const bad = await admin('saveCaseGlossary', {
      entries: [
        { en: 'Falcon POS', zh: '猎鹰收银' },
        { en: '收银', zh: 'till' },
        { en: 'Falcon POS', zh: '猎鹰收银' },
      ],
      expectedRevision: 0,
    });
    expect(problems(bad)).toEqual([
      ['GLOSSARY_INVALID', undefined],
      ['GLOSSARY_EN_HAS_CHINESE', 'rows.2'],
      ['GLOSSARY_DUPLICATE', 'rows.3'],
    ]);
    expectTranslated(bad);
    expect((await ok(admin<CaseGlossaryState>('getCaseGlossary', {}))).revision).toBe(0);

    const saved = await ok(
      admin<CaseGlossaryState>('saveCaseGlossary', {
        entries: [{ en: ' Falcon  POS ', zh: '猎鹰收银' }],
        expectedRevision: 0,
      }),
    );
    expect(saved).toMatchObject({ entries: [{ en: 'Falcon POS', zh: '猎鹰收银' }], revision: 1 });
    const stale = await admin('saveCaseGlossary', { entries: [], expectedRevision: 0 });
    expect(problems(stale)).toEqual([['GLOSSARY_REVISION_CONFLICT', undefined]]);
    expectTranslated(stale);
  });

  it('imports a CSV file whole, refuses a bad one whole (nothing saved), exports what it imports', async () => {
    const before = await ok(admin<CaseGlossaryState>('getCaseGlossary', {}));
    const refused = await admin('importCaseGlossary', {
      csv: 'en,zh\nWarehouse Helper,仓储助手\nstock\ntimesheet,timesheet\n',
      expectedRevision: before.revision,
    });
    expect(problems(refused)).toEqual([
      ['GLOSSARY_INVALID', undefined],
      ['GLOSSARY_CSV_COLUMNS', 'rows.3'],
      ['GLOSSARY_ZH_NOT_CHINESE', 'rows.4'],
    ]);
    expectTranslated(refused);
    expect(await ok(admin<CaseGlossaryState>('getCaseGlossary', {}))).toEqual(before);
    expect(problems(await admin('importCaseGlossary', { csv: 'english,chinese\n', expectedRevision: 1 }))).toEqual([
      ['GLOSSARY_INVALID', undefined],
      ['GLOSSARY_CSV_HEADER', 'rows.1'],
    ]);

    const csv = '\ufeffen,zh\r\n"Helper, Warehouse",仓储助手\r\n\r\ntimesheet,工时\r\n';
    const imported = await ok(
      admin<CaseGlossaryState>('importCaseGlossary', { csv, expectedRevision: before.revision }),
    );
    expect(imported.entries).toEqual([
      { en: 'Helper, Warehouse', zh: '仓储助手' },
      { en: 'timesheet', zh: '工时' },
    ]);
    const exported = await ok(admin<{ csv: string; fileName: string }>('exportCaseGlossary', {}));
    expect(exported.fileName).toMatch(/\.csv$/);
    const again = await ok(
      admin<CaseGlossaryState>('importCaseGlossary', { csv: exported.csv, expectedRevision: imported.revision }),
    );
    expect(again.entries).toEqual(imported.entries);
  });
});

describe('the case library searches across languages', () => {
  const search = async (text: string): Promise<CaseHit[]> =>
    ok(
      invokeResolver(caseLibraryResolver, 'searchCases', { text }, { accountId: ADMIN }) as Promise<
        ResolverResult<CaseHit[]>
      >,
    );
  const save = async (title: string, symptom: string): Promise<CaseRecord> =>
    ok(
      invokeResolver(
        caseLibraryResolver,
        'saveCase',
        {
          content: {
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
          },
        },
        { accountId: ADMIN },
      ) as Promise<ResolverResult<CaseRecord>>,
    );

  it('an English query finds the Chinese case and the other way round; matched words are the case’s own', async () => {
    const zh = await save('三楼打印机显示脱机', '财务部的共享打印机所有电脑都打印不了');
    const en = await save('VPN disconnects every few minutes', 'Remote staff lose the VPN connection on home wifi');
    const hits = await search('printer offline');
    expect(hits.map((h) => h.case.id)).toContain(zh.id);
    const hit = hits.find((h) => h.case.id === zh.id) as CaseHit;
    // Never the English words the user typed as if the case had them, never a stem: the case's own text.
    for (const w of hit.matchedTerms) expect(`${zh.title}${zh.symptom}`).toContain(w);
    expect(hit.highlights.title.some((s) => s.hit && s.text.includes('打印机'))).toBe(true);

    expect((await search('在家经常掉线')).map((h) => h.case.id)).toContain(en.id);
  });

  it('finds a case through the admin’s own words once the glossary is saved', async () => {
    const pos = await save('猎鹰收银小票空白', '门店换纸以后打出来的小票一片空白');
    expect((await search('Falcon POS')).map((h) => h.case.id)).not.toContain(pos.id);
    const s = await ok(admin<CaseGlossaryState>('getCaseGlossary', {}));
    await ok(
      admin('saveCaseGlossary', { entries: [{ en: 'Falcon POS', zh: '猎鹰收银' }], expectedRevision: s.revision }),
    );
    expect((await search('Falcon POS')).map((h) => h.case.id)[0]).toBe(pos.id);
  });
});
