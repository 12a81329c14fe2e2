/**
 * The grading-table admin page's resolver end to end: the exported handler, the real @forge/resolver,
 * @forge/api and @forge/kvs, the Jira double answering `mypermissions` for the caller, and the domain.
 */
import { gradingAdminResolver } from '../../../src/index';
import { ConfigStore } from '../../../src/adapters/kvs';
import { CONFIG_KEYS, loadItrConfig } from '../../../src/app/config/itrConfig';
import type { GradePreview, GradingAdminState, GradingExport } from '../../../src/contract/gradingAdmin';
import {
  addWorkingTime,
  DEFAULT_CALENDARS,
  DEFAULT_GRADING_TABLE,
  gradeIssue,
  lineBudgets,
  type GradingTable,
} from '../../../src/domain';
import { harness, invokeResolver } from '../../../platform-doubles';

const { jira, kvs } = harness();
const ADMIN = 'acc-admin';
const AGENT = 'acc-agent';

beforeEach(() => {
  jira.seedUser({ accountId: ADMIN, displayName: 'Zhang Wei', globalPermissions: ['ADMINISTER'] });
  jira.seedUser({ accountId: AGENT, displayName: 'Li Na' });
});

type Envelope<T> =
  | { success: true; data: T }
  | { success: false; errors: Array<{ code: string; message: string; path?: string }> };

function call<T>(key: string, payload: unknown, accountId: string): Promise<Envelope<T>> {
  return invokeResolver(gradingAdminResolver, key, payload, { accountId }) as Promise<Envelope<T>>;
}

async function state(accountId = ADMIN): Promise<GradingAdminState> {
  const answer = await call<GradingAdminState>('getGradingAdmin', {}, accountId);
  if (!answer.success) throw new Error(JSON.stringify(answer.errors));
  return answer.data;
}

function data<T>(answer: Envelope<T>): T {
  if (!answer.success) throw new Error(`expected success, got ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

function codes(answer: Envelope<unknown>): string[] {
  return answer.success ? [] : answer.errors.map((e) => e.code);
}

/** The default table with Critical's response time shortened: a small, valid edit. */
function edited(minutes = 15): GradingTable {
  const critical = DEFAULT_GRADING_TABLE.sla['critical']!;
  return {
    ...DEFAULT_GRADING_TABLE,
    sla: { ...DEFAULT_GRADING_TABLE.sla, critical: { ...critical, responseMinutes: minutes } },
  };
}

/** Everything stored under config:, to prove a refused change wrote nothing. */
async function storedConfig(): Promise<string> {
  const store = new ConfigStore();
  const names = (await store.list()).sort();
  const values = await Promise.all(names.map((n) => store.get(n, { schemaVersion: 1, parse: (x: unknown) => x })));
  return JSON.stringify({ names, values });
}

describe('getGradingAdmin', () => {
  it('shows the shipped table as version 1, and says who may edit', async () => {
    const admin = await state(ADMIN);
    expect(admin).toMatchObject({
      table: DEFAULT_GRADING_TABLE,
      tableRevision: 0,
      calendarsRevision: 0,
      canEdit: true,
      siteCalendars: {},
    });
    expect(admin.versions).toEqual([
      { version: 1, savedAt: null, savedBy: null, savedByName: null, comment: '', restoredFrom: null, current: true },
    ]);
    expect(Object.keys(admin.calendars).sort()).toEqual(DEFAULT_CALENDARS.map((c) => c.id).sort());
    expect((await state(AGENT)).canEdit).toBe(false);
  });
});

describe('saveGradingTable', () => {
  it('publishes a valid table as version 2 with who, when and comment; loadItrConfig reads it', async () => {
    const answer = await call<GradingAdminState>(
      'saveGradingTable',
      { table: edited(), expectedRevision: 0, comment: 'faster response' },
      ADMIN,
    );
    const saved = data(answer);
    expect(saved.table.version).toBe(2);
    expect(saved.table.sla['critical']?.responseMinutes).toBe(15);
    expect(saved.tableRevision).toBe(1);
    // The history names who saved each version (the page shows the name, never the account id).
    expect(saved.versions.map((v) => [v.version, v.savedBy, v.savedByName, v.comment, v.current])).toEqual([
      [2, ADMIN, 'Zhang Wei', 'faster response', true],
      [1, null, null, '', false],
    ]);
    expect(saved.versions[0]?.savedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const config = await loadItrConfig();
    expect(config.gradingTable.version).toBe(2);
    expect(kvs.peek(`config:${CONFIG_KEYS.gradingTable}:history:2`)).toBeDefined();
  });

  it('refuses a non-admin with NOT_AUTHORIZED and changes nothing', async () => {
    const before = await storedConfig();
    const answer = await call('saveGradingTable', { table: edited(), expectedRevision: 0 }, AGENT);
    expect(codes(answer)).toEqual(['NOT_AUTHORIZED']);
    expect(await storedConfig()).toBe(before);
  });

  it('answers every problem of an invalid table with its path, and changes nothing', async () => {
    data(await call('saveGradingTable', { table: edited(), expectedRevision: 0 }, ADMIN));
    const before = await storedConfig();
    const dims = DEFAULT_GRADING_TABLE.dimensions.map((d, i) =>
      i === 0 ? { ...d, options: d.options.map((o, j) => (j === 1 ? { ...o, score: 2.5 } : o)) } : d,
    );
    const bad = {
      ...edited(),
      dimensions: dims,
      sla: { ...edited().sla, major: { ...edited().sla['major']!, calendarId: 'nowhere' } },
    };
    const answer = await call('saveGradingTable', { table: bad, expectedRevision: 1 }, ADMIN);
    expect(answer.success).toBe(false);
    if (answer.success) return;
    expect(answer.errors[0]?.code).toBe('GRADING_DRAFT_INVALID');
    expect(answer.errors.slice(1).map((e) => [e.code, e.path])).toEqual(
      expect.arrayContaining([
        ['GRADING_OPTION_SCORE_INVALID', 'dimensions[0].options[1].score'],
        ['SLA_CALENDAR_UNKNOWN', 'sla.major.calendarId'],
      ]),
    );
    expect(await storedConfig()).toBe(before);
  });

  it('refuses a save based on a stale revision (someone saved in between)', async () => {
    data(await call('saveGradingTable', { table: edited(20), expectedRevision: 0 }, ADMIN));
    const before = await storedConfig();
    const answer = await call('saveGradingTable', { table: edited(25), expectedRevision: 0 }, ADMIN);
    expect(codes(answer)).toEqual(['GRADING_REVISION_CONFLICT']);
    expect(await storedConfig()).toBe(before);
    expect((await loadItrConfig()).gradingTable.sla['critical']?.responseMinutes).toBe(20);
  });

  it('refuses a malformed payload before anything else', async () => {
    const answer = await call('saveGradingTable', { table: edited() }, ADMIN);
    expect(answer).toMatchObject({ success: false, errors: [{ code: 'INVALID_PAYLOAD', path: 'expectedRevision' }] });
  });
});

describe('restoreGradingVersion', () => {
  it('publishes a new version equal to the old one and keeps the history', async () => {
    data(await call('saveGradingTable', { table: edited(20), expectedRevision: 0 }, ADMIN));
    const restored = data(
      await call<GradingAdminState>(
        'restoreGradingVersion',
        { version: 1, expectedRevision: 1, comment: 'back' },
        ADMIN,
      ),
    );
    expect(restored.table).toEqual({ ...DEFAULT_GRADING_TABLE, version: 3 });
    expect(restored.versions.map((v) => [v.version, v.restoredFrom])).toEqual([
      [3, 1],
      [2, null],
      [1, null],
    ]);
    expect(kvs.peek(`config:${CONFIG_KEYS.gradingTable}:history:2`)).toBeDefined();
  });

  it('is refused for a non-admin and for an unknown version', async () => {
    expect(codes(await call('restoreGradingVersion', { version: 1, expectedRevision: 0 }, AGENT))).toEqual([
      'NOT_AUTHORIZED',
    ]);
    expect(codes(await call('restoreGradingVersion', { version: 9, expectedRevision: 0 }, ADMIN))).toEqual([
      'GRADING_VERSION_NOT_FOUND',
    ]);
  });
});

describe('export and import', () => {
  const officeCalendar = {
    timeZone: 'Asia/Shanghai',
    week: {
      mon: [
        ['09:00', '12:00'],
        ['13:30', '18:00'],
      ] as Array<[string, string]>,
    },
  };

  it('round-trips: the export of one site imported elsewhere publishes the same table and calendars', async () => {
    data(await call('saveCalendars', { calendars: { office: officeCalendar }, expectedRevision: 0 }, ADMIN));
    const table = edited(30);
    const withOffice = { ...table, sla: { ...table.sla, minor: { ...table.sla['minor']!, calendarId: 'office' } } };
    data(await call('saveGradingTable', { table: withOffice, expectedRevision: 0 }, ADMIN));
    const exported = data(await call<GradingExport>('exportGradingConfig', {}, AGENT));
    expect(exported).toMatchObject({
      format: 'itr-grading-config',
      formatVersion: 1,
      calendars: { office: officeCalendar },
    });
    expect(exported.table.version).toBe(2);

    kvs.reset();
    const imported = data(
      await call<GradingAdminState>(
        'importGradingConfig',
        { json: JSON.stringify(exported), expectedRevision: 0, expectedCalendarsRevision: 0 },
        ADMIN,
      ),
    );
    expect(imported.siteCalendars).toEqual({ office: officeCalendar });
    expect(imported.table).toEqual({ ...withOffice, version: 2 });
    expect(imported.versions[0]).toMatchObject({ version: 2, comment: 'Imported', savedBy: ADMIN });
  });

  it('refuses text that is not JSON, JSON without a table, an invalid table, and non-admins', async () => {
    const before = await storedConfig();
    const base = { expectedRevision: 0, expectedCalendarsRevision: 0 };
    expect(codes(await call('importGradingConfig', { ...base, json: '{"table": ' }, ADMIN))).toEqual([
      'GRADING_IMPORT_BAD_JSON',
    ]);
    expect(codes(await call('importGradingConfig', { ...base, json: '[1,2]' }, ADMIN))).toEqual([
      'GRADING_IMPORT_BAD_SHAPE',
    ]);
    const badCalendar = { table: DEFAULT_GRADING_TABLE, calendars: { office: { timeZone: 'Mars/Olympus', week: {} } } };
    const answer = await call('importGradingConfig', { ...base, json: JSON.stringify(badCalendar) }, ADMIN);
    expect(codes(answer)[0]).toBe('GRADING_DRAFT_INVALID');
    expect(answer.success ? [] : answer.errors.slice(1).map((e) => e.path)).toContain('calendars.office.timeZone');
    expect(
      codes(
        await call('importGradingConfig', { ...base, json: JSON.stringify({ table: DEFAULT_GRADING_TABLE }) }, AGENT),
      ),
    ).toEqual(['NOT_AUTHORIZED']);
    expect(await storedConfig()).toBe(before);
  });
});

describe('saveCalendars', () => {
  it('refuses overlapping windows with the window path, and removing a calendar the table runs on', async () => {
    const overlapping = {
      office: {
        timeZone: 'Asia/Shanghai',
        week: {
          mon: [
            ['09:00', '12:00'],
            ['11:00', '18:00'],
          ],
        },
      },
    };
    const answer = await call('saveCalendars', { calendars: overlapping, expectedRevision: 0 }, ADMIN);
    expect(codes(answer)[0]).toBe('GRADING_DRAFT_INVALID');
    expect(answer.success ? [] : answer.errors.slice(1).map((e) => e.path)).toEqual([
      expect.stringMatching(/^calendars\.office\.week\.mon\[1\]/),
    ]);

    const office = { timeZone: 'Asia/Shanghai', week: { mon: [['09:00', '18:00']] } };
    data(await call('saveCalendars', { calendars: { office }, expectedRevision: 0 }, ADMIN));
    const table = edited();
    data(
      await call(
        'saveGradingTable',
        {
          table: { ...table, sla: { ...table.sla, minor: { ...table.sla['minor']!, calendarId: 'office' } } },
          expectedRevision: 0,
        },
        ADMIN,
      ),
    );
    const removing = await call('saveCalendars', { calendars: {}, expectedRevision: 1 }, ADMIN);
    expect(removing).toMatchObject({
      success: false,
      errors: [{ code: 'GRADING_CALENDAR_IN_USE', path: 'calendars.office' }],
    });
    expect(codes(await call('saveCalendars', { calendars: { office }, expectedRevision: 1 }, AGENT))).toEqual([
      'NOT_AUTHORIZED',
    ]);
  });
});

describe('previewGrade', () => {
  const answers = {
    businessImpact: 'outage',
    duration: 'h1to4',
    scope: 'large',
    customerTier: 'standard',
    sensitivity: 'none',
  };
  const startAt = '2026-03-02T01:00:00.000Z';

  it('matches the domain: grade, score, explanation and the line deadlines one after another', async () => {
    const preview = data(await call<GradePreview>('previewGrade', { answers, startAt }, AGENT));
    const expected = gradeIssue(DEFAULT_GRADING_TABLE, answers);
    if (!expected.ok) throw new Error('fixture answers must grade');
    expect(preview).toMatchObject({
      grade: expected.grade,
      score: expected.score,
      explanation: expected.explanation,
      tableVersion: 1,
    });
    const sla = DEFAULT_GRADING_TABLE.sla[expected.grade]!;
    const calendar = DEFAULT_CALENDARS.find((c) => c.id === sla.calendarId)!.calendar;
    expect(preview.responseDueAt).toBe(addWorkingTime(calendar, new Date(startAt), sla.responseMinutes).toISOString());
    expect(preview.resolutionDueAt).toBe(
      addWorkingTime(calendar, new Date(startAt), sla.resolutionMinutes).toISOString(),
    );
    const budgets = lineBudgets(DEFAULT_GRADING_TABLE, expected.grade);
    expect(preview.lines.map((l) => [l.line, l.minutes])).toEqual(budgets.map((b) => [b.line, b.minutes]));
    expect(preview.lines[0]?.startAt).toBe(startAt);
    expect(preview.lines[1]?.startAt).toBe(preview.lines[0]?.dueAt);
    expect(preview.lines[2]?.startAt).toBe(preview.lines[1]?.dueAt);
  });

  it('previews an unsaved draft, and reports a missing answer with its path', async () => {
    const draft = { table: { ...DEFAULT_GRADING_TABLE, thresholds: [{ minScore: 0, grade: 'minor' }] } };
    expect(data(await call<GradePreview>('previewGrade', { answers, startAt, draft }, AGENT)).grade).toBe('minor');
    const { sensitivity: _omitted, ...missing } = answers;
    const answer = await call('previewGrade', { answers: missing, startAt }, AGENT);
    expect(answer).toMatchObject({
      success: false,
      errors: [{ code: 'GRADING_DRAFT_INVALID' }, { code: 'GRADING_ANSWER_MISSING', path: 'answers.sensitivity' }],
    });
  });
});

describe('validateGradingDraft and listGradingVersions', () => {
  it('lists problems without saving, and lists versions to anyone', async () => {
    const answer = data(
      await call<{ issues: Array<{ path: string }> }>(
        'validateGradingDraft',
        { table: { ...DEFAULT_GRADING_TABLE, thresholds: [] } },
        AGENT,
      ),
    );
    expect(answer.issues.map((i) => i.path)).toContain('thresholds');
    expect(
      data(await call<{ issues: unknown[] }>('validateGradingDraft', { table: DEFAULT_GRADING_TABLE }, AGENT)).issues,
    ).toEqual([]);
    expect(data(await call<{ versions: unknown[] }>('listGradingVersions', {}, AGENT)).versions).toHaveLength(1);
  });
});

describe('startRegrade from the admin page', () => {
  it('is refused for a non-admin (the regrade use case checks ADMINISTER)', async () => {
    expect(codes(await call('startRegrade', { confirm: true }, AGENT))).toEqual(['NOT_AUTHORIZED']);
  });
});
