/**
 * Case edits need a role and are audited (issue 13, section 3): anyone signed in may save a draft and
 * keep editing their own draft; publishing, editing another's or a published case, and retiring need
 * the case editor role (the triage role's groups, or a Jira administrator). Every save is one
 * `case.save` row in the audit log; a refused one writes nothing.
 */
import { runMigrations } from '../../../src/adapters/sql';
import { handler as caseLibraryResolver } from '../../../src/entry/caseLibraryFunctions';
import { harness, invokeResolver } from '../../../platform-doubles';

const { jira, sql } = harness();
const EDITOR = 'acc-editor';
const ENGINEER = 'acc-engineer';
const OTHER = 'acc-other';

type Answer =
  | { success: true; data: { id: number; revision: number; status: string } }
  | { success: false; errors: Array<{ code: string }> };
const call = (fn: string, payload: unknown, accountId: string) =>
  invokeResolver(caseLibraryResolver, fn, payload, { accountId }) as Promise<Answer>;
const content = (status: string, title = 'Kiosk freezes') => ({
  title,
  symptom: 'The kiosk freezes after reboot',
  product: '',
  productVersion: '',
  environment: '',
  rootCause: '',
  shortTermMeasure: '',
  longTermMeasure: '',
  language: '',
  tags: [],
  status,
});
const idOf = (a: Answer): number => {
  if (!a.success) throw new Error(JSON.stringify(a.errors));
  return a.data.id;
};
const codeOf = (a: Answer): string | undefined => (a.success ? undefined : a.errors[0]?.code);
async function auditRows(): Promise<Array<{ action: string; actor_account_id: string; target: string }>> {
  return sql.raw('SELECT action, actor_account_id, target FROM audit_log ORDER BY id');
}
async function caseCount(): Promise<number> {
  const rows = await sql.raw<Array<{ n: number | string }>>('SELECT COUNT(*) AS n FROM itr_case');
  return Number(rows[0]?.n);
}

beforeAll(async () => {
  await runMigrations();
});
beforeEach(async () => {
  await sql.raw('DELETE FROM audit_log');
  jira.seedUser({ accountId: EDITOR, displayName: 'Zhao Triage', groups: ['itr-triage'] });
  jira.seedUser({ accountId: ENGINEER, displayName: 'Li Lei' });
  jira.seedUser({ accountId: OTHER, displayName: 'Wang Fang' });
});

describe('case edits need the case editor role, and are audited', () => {
  it('an engineer saves and edits their own draft; each save is audited', async () => {
    const id = idOf(await call('saveCase', { content: content('draft') }, ENGINEER));
    expect(
      await call(
        'saveCase',
        { id, expectedRevision: 1, content: content('draft', 'Kiosk freezes at night') },
        ENGINEER,
      ),
    ).toMatchObject({ success: true, data: { revision: 2 } });
    expect(await auditRows()).toEqual([
      { action: 'case.save', actor_account_id: ENGINEER, target: String(id) },
      { action: 'case.save', actor_account_id: ENGINEER, target: String(id) },
    ]);
  });

  it('refuses without the role: publishing, editing another’s draft, editing a published case, retiring; nothing is written', async () => {
    const draft = idOf(await call('saveCase', { content: content('draft') }, ENGINEER));
    const published = idOf(await call('saveCase', { content: content('published') }, EDITOR));
    const before = { cases: await caseCount(), audit: (await auditRows()).length };

    expect(codeOf(await call('saveCase', { content: content('published') }, ENGINEER))).toBe('NOT_AUTHORIZED');
    expect(
      codeOf(await call('saveCase', { id: draft, expectedRevision: 1, content: content('published') }, ENGINEER)),
    ).toBe('NOT_AUTHORIZED');
    expect(
      codeOf(await call('saveCase', { id: draft, expectedRevision: 1, content: content('draft', 'hijacked') }, OTHER)),
    ).toBe('NOT_AUTHORIZED');
    expect(
      codeOf(
        await call(
          'saveCase',
          { id: published, expectedRevision: 1, content: content('published', 'hijacked') },
          ENGINEER,
        ),
      ),
    ).toBe('NOT_AUTHORIZED');
    expect(codeOf(await call('retireCase', { id: published, confirm: true }, ENGINEER))).toBe('NOT_AUTHORIZED');

    expect({ cases: await caseCount(), audit: (await auditRows()).length }).toEqual(before);
    const revisions = await sql.raw<Array<{ id: number; revision: number; title: string }>>(
      'SELECT id, revision, title FROM itr_case WHERE id IN (?, ?) ORDER BY id',
      [draft, published],
    );
    expect(revisions.map((r) => [r.revision, r.title])).toEqual([
      [1, 'Kiosk freezes'],
      [1, 'Kiosk freezes'],
    ]);
  });

  it('the case editor publishes an engineer’s draft and retires it; both audited under the editor', async () => {
    const draft = idOf(await call('saveCase', { content: content('draft') }, ENGINEER));
    expect(
      await call('saveCase', { id: draft, expectedRevision: 1, content: content('published') }, EDITOR),
    ).toMatchObject({ success: true, data: { status: 'published' } });
    expect(await call('retireCase', { id: draft, confirm: true }, EDITOR)).toMatchObject({
      success: true,
      data: { status: 'retired' },
    });
    expect((await auditRows()).map((r) => [r.action, r.actor_account_id])).toEqual([
      ['case.save', ENGINEER],
      ['case.save', EDITOR],
      ['case.retire', EDITOR],
    ]);
  });
});
