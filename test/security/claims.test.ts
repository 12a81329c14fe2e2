/**
 * SECURITY.md claims that no other test backed (each row of its "claims and tests" table names one):
 * the manifest's attack surface, the audit log's append-only SQL and its failure mode, values never
 * spliced into SQL text, and product triggers acting on Jira's copy of the issue, not the event's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { handler as issueUpdated } from '../../src/entry/issue-updated';
import { execute, runMigrations } from '../../src/adapters/sql';
import { encodeGradingAnswers } from '../../src/app/fields/gradingAnswers';
import { harness, invokeFunction, invokeResolver } from '../../platform-doubles';
import { defineItrFields } from '../fixtures/itrFields';
import { VALID_PAYLOADS } from './payloads';
import { RESOLVERS, ROLE_IDS, seedSecuritySite } from './site';

const ROOT = path.resolve(__dirname, '../..');
type Envelope = { success: boolean; data?: unknown; errors?: Array<{ code: string }> };

function call(key: string, payload: unknown, accountId: string = ROLE_IDS.admin): Promise<Envelope> {
  const r = RESOLVERS.find((x) => x.keys.includes(key));
  if (r === undefined) throw new Error(`no resolver defines ${key}`);
  return invokeResolver(r.handler, key, payload, { accountId }) as Promise<Envelope>;
}

/** Every .ts file under src/, with its text. */
function sources(dir = path.join(ROOT, 'src')): Array<{ file: string; text: string }> {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory()
      ? sources(p)
      : e.name.endsWith('.ts')
        ? [{ file: path.relative(ROOT, p), text: fs.readFileSync(p, 'utf8') }]
        : [];
  });
}

describe('manifest: what can reach the app', () => {
  const modules = (
    parseYaml(fs.readFileSync(path.join(ROOT, 'manifest.yml'), 'utf8')) as {
      modules: Record<string, Array<Record<string, unknown>>>;
    }
  ).modules;

  it('declares no web trigger: nothing outside Jira can call the app', () => {
    expect(Object.keys(modules).length).toBeGreaterThan(3);
    expect(Object.keys(modules).filter((type) => /webtrigger/i.test(type))).toEqual([]);
  });

  it('close/resolve rules are Jira expressions only: no rule runs a function on a transition (its resolver serves only the config pages)', () => {
    const rules = [...(modules['jira:workflowValidator'] ?? []), ...(modules['jira:workflowCondition'] ?? [])];
    expect(rules.map((r) => r['key']).sort()).toEqual([
      'itr-close-condition',
      'itr-close-validator',
      'itr-resolve-validator',
    ]);
    for (const r of rules)
      expect([r['key'], typeof r['expression'], r['function']]).toEqual([r['key'], 'string', undefined]);
  });
});

describe('audit log', () => {
  beforeAll(async () => {
    await runMigrations();
  });
  beforeEach(async () => {
    seedSecuritySite();
    await execute('DELETE FROM audit_log');
  });

  it('is append-only: no statement in src/ updates, deletes or drops its rows (migrations aside)', () => {
    const files = sources().filter((s) => !s.file.includes(path.join('adapters', 'sql', 'migrations')));
    expect(files.some((s) => /INSERT INTO audit_log/.test(s.text))).toBe(true); // the scan sees the app's SQL
    const writes = files.flatMap((s) =>
      [
        ...s.text.matchAll(
          /\b(UPDATE|DELETE\s+FROM|TRUNCATE(\s+TABLE)?|DROP\s+TABLE(\s+IF\s+EXISTS)?|REPLACE\s+INTO|ALTER\s+TABLE)\s+`?audit_log\b/gi,
        ),
      ].map((m) => `${s.file}: ${m[0]}`),
    );
    expect(writes).toEqual([]);
  });

  it('a failed audit write is logged and does not undo or fail the action it records', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      harness().sql.failNext(1, { match: /INSERT INTO audit_log/ });
      expect(await call('saveSupervisionSettings', VALID_PAYLOADS['saveSupervisionSettings'])).toMatchObject({
        success: true,
      });
      expect(
        errors.mock.calls.map((c) => String(c[0])).filter((m) => /audit settings\.save .* not recorded/.test(m)),
      ).toHaveLength(1);
      expect(await call('getSupervisionSettings', {})).toMatchObject({ success: true, data: { revision: 1 } });
      expect(await call('listAuditLog', {})).toMatchObject({ success: true, data: { entries: [] } });
    } finally {
      errors.mockRestore();
    }
  });
});

describe('SQL: values are parameters, never SQL text', () => {
  beforeAll(async () => {
    await runMigrations();
  });
  beforeEach(() => seedSecuritySite());

  it("a case's texts and a search reach SQL only as parameters", async () => {
    const MARK = 'zqmark';
    const hostile = `${MARK}' OR 1=1; DROP TABLE itr_case; -- ${MARK}`;
    const { sql } = harness();
    const from = sql.statements.length;
    const content = {
      ...(VALID_PAYLOADS['saveCase']!['content'] as Record<string, unknown>),
      title: hostile,
      symptom: `${hostile} ${hostile}`,
      rootCause: hostile,
      tags: [MARK],
    };
    expect(await call('saveCase', { content })).toMatchObject({ success: true });
    expect(await call('searchCases', { text: hostile })).toMatchObject({ success: true });
    const sent = sql.statements.slice(from);
    expect(sent.some((s) => JSON.stringify(s.params).toLowerCase().includes(MARK))).toBe(true);
    expect(sent.filter((s) => s.query.toLowerCase().includes(MARK)).map((s) => s.query)).toEqual([]);
  });
});

describe('product triggers act on the issue as Jira has it, not as the event says', () => {
  const { jira } = harness();
  const QUESTION = {
    businessImpact: 'none',
    duration: 'none',
    scope: 'small',
    customerTier: 'standard',
    sensitivity: 'none',
  };
  const OUTAGE = {
    businessImpact: 'outage',
    duration: 'h1to4',
    scope: 'large',
    customerTier: 'standard',
    sensitivity: 'none',
  };
  let ids: ReturnType<typeof defineItrFields>;
  beforeEach(() => {
    jira.seedUser({ accountId: 'acc-engineer', displayName: 'Li Lei' });
    ids = defineItrFields(jira);
  });
  const forged = (issue: { id: string; key: string }) => ({
    eventType: 'avi:jira:updated:issue',
    issue: {
      id: issue.id,
      key: issue.key,
      fields: { [ids.gradingAnswers]: encodeGradingAnswers(OUTAGE), [ids.grade]: 'suggestion' },
    },
    atlassianId: 'acc-engineer',
    changelog: {
      id: '1',
      items: [
        {
          field: ids.gradingAnswers,
          fieldId: ids.gradingAnswers,
          fieldtype: 'custom',
          from: null,
          fromString: null,
          to: null,
          toString: encodeGradingAnswers(OUTAGE),
        },
      ],
    },
  });

  it('grades from the answers Jira holds; the answers and grade in the event body are ignored', async () => {
    const issue = jira.seedIssue({
      key: 'ITR-1',
      fields: {
        [ids.gradingAnswers]: encodeGradingAnswers(QUESTION),
        [ids.grade]: 'critical',
        [ids.gradingTableVersion]: 1,
      },
    });
    await invokeFunction(issueUpdated, forged(issue));
    expect(jira.issue('ITR-1').fields[ids.grade]).toBe('suggestion');
    jira.issue('ITR-1').fields[ids.grade] = 'critical';
    jira.issue('ITR-1').fields[ids.gradingAnswers] = encodeGradingAnswers(OUTAGE);
    await invokeFunction(issueUpdated, forged({ ...issue, key: 'ITR-1' }));
    expect(jira.issue('ITR-1').fields[ids.grade]).toBe('critical');
  });

  it('an event about an issue Jira no longer has (deleted before the trigger ran) writes nothing', async () => {
    const before = jira.calls.length;
    await expect(invokeFunction(issueUpdated, forged({ id: '99999', key: 'ITR-999' }))).resolves.not.toBeInstanceOf(
      Error,
    );
    expect(
      jira.calls.slice(before).filter((c) => c.method !== 'GET' && c.route !== 'POST /rest/api/3/search/jql'),
    ).toEqual([]);
  });
});
