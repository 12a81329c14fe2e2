/**
 * The issue's customer facts and spare parts through the exported resolvers: triage (itr-home)
 * searches product instances and picks one, the facts fill themselves (warranty 保内/保外 from the
 * warranty end at the issue's creation, in the site zone: the default table's calendar), an override
 * is recorded with who, when, from, to and why; the panel runs a spare part's steps in order only.
 */
import { issuePanelResolver, itrHomeResolver } from '../../../src/index';
import { execute, runMigrations } from '../../../src/adapters/sql';
import type { IssueCustomerFacts, IssueCustomerView, SparePartsView, SparePartView } from '../../../src/contract';
import { harness, invokeResolver } from '../../../platform-doubles';
import { codes, data, type Envelope } from '../backup/envelope';

const { jira } = harness();
const AGENT = 'acc-agent';
const VIEWER = 'acc-viewer';
const panel = (key: string, accountId = AGENT) => ({ accountId, context: { extension: { issue: { key } } } });
const home = <T>(key: string, payload: unknown, accountId = AGENT) =>
  invokeResolver(itrHomeResolver, key, payload, { accountId }) as Promise<Envelope<T>>;
const onPanel = <T>(key: string, payload: unknown, accountId = AGENT) =>
  invokeResolver(issuePanelResolver, key, payload, panel('ITR-1', accountId)) as Promise<Envelope<T>>;

beforeAll(async () => {
  await runMigrations();
});

beforeEach(async () => {
  for (const t of ['customer', 'customer_product', 'issue_customer', 'issue_customer_override', 'spare_part_step'])
    await execute(`DELETE FROM ${t}`);
  const at = '2026-01-01 00:00:00.000';
  await execute(
    "INSERT INTO customer (id, name, tier, region, contact_name, contact_email, updated_at) VALUES ('C-1', 'Acme Bank', 'strategic', 'East', 'Li Wei', 'li.wei@acme.example', ?)",
    [at],
  );
  await execute(
    "INSERT INTO customer_product (customer_id, serial, product, warranty_end, compliant, updated_at) VALUES ('C-1', 'SN-1', 'Kiosk K4', '2026-11-30', 1, ?), ('C-1', 'SN-2', 'Router R2', '2026-12-01', 0, ?)",
    [at, at],
  );
  jira.seedUser({ accountId: AGENT, displayName: 'Li Na' });
  jira.seedUser({ accountId: VIEWER, displayName: 'Wang Fang', projectPermissions: { ITR: ['BROWSE_PROJECTS'] } });
  jira.seedProject({ key: 'ITR' });
  // Created 2026-12-01 07:30 in Shanghai (23:30 UTC the day before).
  jira.seedIssue({ key: 'ITR-1', created: '2026-11-30T23:30:00.000Z' });
});

describe("the issue's customer and product", () => {
  it('searches by serial without contacts, picks, fills warranty at creation, records an override', async () => {
    const hits = data(await home<unknown[]>('searchCustomerProducts', { issueKey: 'ITR-1', query: 'sn-' }));
    expect(hits).toHaveLength(2); // whatever the case typed
    expect(JSON.stringify(hits)).not.toContain('li.wei');

    // SN-1's warranty ended 2026-11-30; the issue was created 2026-12-01 in the site zone → 保外.
    const picked = data(
      await home<IssueCustomerFacts>('pickIssueCustomer', { issueKey: 'ITR-1', customerId: 'C-1', serial: 'SN-1' }),
    );
    expect(picked).toMatchObject({
      customerId: 'C-1',
      name: 'Acme Bank',
      serial: 'SN-1',
      product: 'Kiosk K4',
      tier: 'strategic',
      region: 'East',
      compliant: true,
      pickedByName: 'Li Na',
      overrides: [],
    });
    const sn2 = data(
      await home<IssueCustomerFacts>('pickIssueCustomer', { issueKey: 'ITR-1', customerId: 'C-1', serial: 'SN-2' }),
    );
    // In the site's office zone (the default table: Asia/Shanghai) the issue was created on 2026-12-01:
    // SN-1 (ended 2026-11-30) is 保外, SN-2 (ends 2026-12-01) 保内. In UTC both would be 保内.
    expect([picked.warranty, sn2.warranty]).toEqual(['out', 'in']);

    expect(
      codes(await onPanel('overrideIssueCustomer', { issueKey: 'ITR-1', field: 'warranty', to: 'in', reason: '' })),
    ).toEqual(['INVALID_PAYLOAD']);
    const to = 'out';
    const over = data(
      await onPanel<IssueCustomerFacts>('overrideIssueCustomer', {
        issueKey: 'ITR-1',
        field: 'warranty',
        to,
        reason: 'Extended by contract 2026-88',
      }),
    );
    expect(over.warranty).toBe(to);
    expect(over.overrides).toEqual([
      {
        field: 'warranty',
        from: sn2.warranty,
        to,
        reason: 'Extended by contract 2026-88',
        byName: 'Li Na',
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    expect(
      codes(
        await onPanel(
          'overrideIssueCustomer',
          { issueKey: 'ITR-1', field: 'tier', to: 'key', reason: 'why not' },
          VIEWER,
        ),
      ),
    ).toEqual(['NOT_AUTHORIZED']);
    expect(data(await onPanel<IssueCustomerView>('getIssueCustomer', { issueKey: 'ITR-1' }, VIEWER)).facts?.tier).toBe(
      'strategic',
    );
  });
});

describe("the triage form's changed filled-in answers", () => {
  it('are recorded through the triage page’s resolver as the panel’s overrides, once, and only by an editor', async () => {
    data(await home('pickIssueCustomer', { issueKey: 'ITR-1', customerId: 'C-1', serial: 'SN-2' }));
    // The form fills tier strategic, region East, warranty 保内; the agent changes the tier and the region.
    const send = (field: string, to: string, accountId = AGENT) =>
      home<IssueCustomerFacts>(
        'overrideIssueCustomer',
        { issueKey: 'ITR-1', field, to, reason: 'Customer moved to the key-account list' },
        accountId,
      );
    expect(codes(await send('tier', 'key', VIEWER))).toEqual(['NOT_AUTHORIZED']);
    data(await send('tier', 'key'));
    data(await send('region', 'North'));
    // A save that failed after them sends them again: nothing more is recorded.
    data(await send('tier', 'key'));
    const after = data(await send('region', 'North'));
    expect(after).toMatchObject({ tier: 'key', region: 'North', warranty: 'in' });
    expect(after.overrides).toEqual([
      {
        field: 'tier',
        from: 'strategic',
        to: 'key',
        reason: 'Customer moved to the key-account list',
        byName: 'Li Na',
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
      expect.objectContaining({ field: 'region', from: 'East', to: 'North', byName: 'Li Na' }),
    ]);
    // The panel shows the same record.
    expect(data(await onPanel<IssueCustomerView>('getIssueCustomer', { issueKey: 'ITR-1' })).facts?.overrides).toEqual(
      after.overrides,
    );
  });
});

describe('edit rights shown up front', () => {
  it('the reads carry canEdit: EDIT_ISSUES of the caller on that issue, asked of Jira as the caller', async () => {
    // An editor: true on both reads, with or without a customer picked.
    expect(data(await onPanel<IssueCustomerView>('getIssueCustomer', { issueKey: 'ITR-1' }))).toEqual({
      facts: null,
      canEdit: true,
    });
    expect(data(await onPanel<SparePartsView>('getSpareParts', { issueKey: 'ITR-1' }))).toEqual({
      parts: [],
      canEdit: true,
    });
    data(await home('pickIssueCustomer', { issueKey: 'ITR-1', customerId: 'C-1', serial: 'SN-1' }));
    data(await onPanel('recordSparePartStep', { issueKey: 'ITR-1', step: 'requested' }));
    // A viewer who may browse the issue but not edit it reads the same facts and parts, told canEdit false
    // (on the panel and on the triage page alike).
    const seen = data(await onPanel<IssueCustomerView>('getIssueCustomer', { issueKey: 'ITR-1' }, VIEWER));
    expect(seen.canEdit).toBe(false);
    expect(seen.facts?.name).toBe('Acme Bank');
    expect(data(await home<IssueCustomerView>('getIssueCustomer', { issueKey: 'ITR-1' }, VIEWER)).canEdit).toBe(false);
    const parts = data(await onPanel<SparePartsView>('getSpareParts', { issueKey: 'ITR-1' }, VIEWER));
    expect(parts).toMatchObject({ canEdit: false, parts: [{ partNo: 1, next: 'shipped' }] });
    // What the answer says is what the app does: the viewer's change is refused, the editor's taken.
    expect(
      codes(await onPanel('recordSparePartStep', { issueKey: 'ITR-1', step: 'shipped', partNo: 1 }, VIEWER)),
    ).toEqual(['NOT_AUTHORIZED']);
    // Given EDIT_ISSUES on the project, the same viewer is told canEdit true.
    jira.seedUser({
      accountId: VIEWER,
      displayName: 'Wang Fang',
      projectPermissions: { ITR: ['BROWSE_PROJECTS', 'EDIT_ISSUES'] },
    });
    expect(data(await onPanel<SparePartsView>('getSpareParts', { issueKey: 'ITR-1' }, VIEWER)).canEdit).toBe(true);
    expect(data(await onPanel<IssueCustomerView>('getIssueCustomer', { issueKey: 'ITR-1' }, VIEWER)).canEdit).toBe(
      true,
    );
  });
});

describe('searching the imported customers', () => {
  it('is for an issue the caller may edit: browsing it is not enough, and no issue is no search', async () => {
    expect(codes(await home('searchCustomerProducts', { issueKey: 'ITR-1', query: 'SN-' }, VIEWER))).toEqual([
      'NOT_AUTHORIZED',
    ]);
    jira.seedUser({ accountId: 'acc-outsider', displayName: 'Otto' });
    jira.seedProject({ key: 'ITR', browsers: [AGENT, VIEWER] });
    expect(codes(await home('searchCustomerProducts', { issueKey: 'ITR-1', query: 'SN-' }, 'acc-outsider'))).toEqual([
      'ISSUE_NOT_FOUND',
    ]);
    expect(codes(await home('searchCustomerProducts', { query: 'SN-' }))).toEqual(['INVALID_PAYLOAD']);
  });
});

describe('spare parts on the panel', () => {
  it('runs requested → shipped → received → returned → repaired, refusing skips and repeats', async () => {
    const step = (stepName: string, partNo?: number) =>
      onPanel<SparePartView[]>('recordSparePartStep', {
        issueKey: 'ITR-1',
        step: stepName,
        ...(partNo === undefined ? {} : { partNo }),
      });
    expect(codes(await step('shipped'))).toEqual(['SPARE_PART_STEP_OUT_OF_ORDER']);
    const first = data(await step('requested'));
    expect(first).toEqual([
      { partNo: 1, next: 'shipped', steps: [{ step: 'requested', byName: 'Li Na', at: expect.any(String) }] },
    ]);
    expect(codes(await step('received', 1))).toEqual(['SPARE_PART_STEP_OUT_OF_ORDER']);
    for (const s of ['shipped', 'received', 'returned', 'repaired']) data(await step(s, 1));
    expect(codes(await step('repaired', 1))).toEqual(['SPARE_PART_FINISHED']);
    data(await step('requested')); // a second part
    const { parts } = data(await onPanel<SparePartsView>('getSpareParts', { issueKey: 'ITR-1' }));
    expect(parts.map((p) => [p.partNo, p.steps.map((s) => s.step).join('>'), p.next])).toEqual([
      [1, 'requested>shipped>received>returned>repaired', null],
      [2, 'requested', 'shipped'],
    ]);
    expect(
      codes(
        await step('shipped', 2).then(() =>
          onPanel('recordSparePartStep', { issueKey: 'ITR-1', step: 'received', partNo: 2 }, VIEWER),
        ),
      ),
    ).toEqual(['NOT_AUTHORIZED']);
  });
});
