/**
 * Grading on create and on change, through the exported trigger handlers: the real @forge/api and
 * @forge/kvs against the Jira double, the domain computing the grade from the stored answers.
 */
import { handler as issueCreated } from '../../../src/entry/issue-created';
import { handler as issueUpdated } from '../../../src/entry/issue-updated';
import { encodeGradingAnswers } from '../../../src/app/fields/gradingAnswers';
import { DEFAULT_GRADING_TABLE } from '../../../src/domain';
import { harness, invokeFunction } from '../../../platform-doubles';
import { defineItrFields } from '../../fixtures/itrFields';

const { jira } = harness();
const ENGINEER = 'acc-engineer';
const WRITE = 'POST /rest/api/3/app/field/value';

/** Scores 61 in table v1 → critical (see defaultGradingTable.ts). */
const OUTAGE = {
  businessImpact: 'outage',
  duration: 'h1to4',
  scope: 'large',
  customerTier: 'standard',
  sensitivity: 'none',
};
/** Scores 5 → suggestion. */
const QUESTION = {
  businessImpact: 'none',
  duration: 'none',
  scope: 'small',
  customerTier: 'standard',
  sensitivity: 'none',
};

let ids: ReturnType<typeof defineItrFields>;
beforeEach(() => {
  jira.seedUser({ accountId: ENGINEER, displayName: 'Li Lei' });
  ids = defineItrFields(jira);
});

const created = (issue: { id: string; key: string }) => ({
  eventType: 'avi:jira:created:issue',
  issue: { id: issue.id, key: issue.key, fields: {} },
  atlassianId: ENGINEER,
});
/** The payload Forge delivers for `avi:jira:updated:issue` (the parts the handler reads). */
const updated = (issue: { id: string; key: string }, fieldIds: string[]) => ({
  eventType: 'avi:jira:updated:issue',
  issue: { id: issue.id, key: issue.key, fields: {} },
  atlassianId: ENGINEER,
  changelog: {
    id: '1',
    items: fieldIds.map((fieldId) => ({
      field: fieldId,
      fieldId,
      fieldtype: 'custom',
      from: null,
      fromString: null,
      to: null,
      toString: 'x',
    })),
  },
});

describe('grade on create', () => {
  it('grades an issue created with answers and stamps the table version, in one bulk write', async () => {
    const issue = jira.seedIssue({ key: 'ITR-1', fields: { [ids.gradingAnswers]: encodeGradingAnswers(OUTAGE) } });
    await invokeFunction(issueCreated, created(issue));
    expect(jira.issue('ITR-1').fields[ids.grade]).toBe('critical');
    expect(jira.issue('ITR-1').fields[ids.gradingTableVersion]).toBe(DEFAULT_GRADING_TABLE.version);
    // one write for the submitter, one for grade + version
    expect(jira.requestCount(WRITE)).toBe(2);
  });

  it('leaves an issue without answers ungraded', async () => {
    const issue = jira.seedIssue({ key: 'ITR-2' });
    await invokeFunction(issueCreated, created(issue));
    expect(jira.issue('ITR-2').fields[ids.grade] ?? null).toBeNull();
  });
});

describe('grade on update', () => {
  it('regrades when the answers changed', async () => {
    const issue = jira.seedIssue({
      key: 'ITR-3',
      fields: {
        [ids.gradingAnswers]: encodeGradingAnswers(QUESTION),
        [ids.grade]: 'critical',
        [ids.gradingTableVersion]: 1,
      },
    });
    await invokeFunction(issueUpdated, updated(issue, [ids.gradingAnswers]));
    expect(jira.issue('ITR-3').fields[ids.grade]).toBe('suggestion');
  });

  it('writes nothing when the grade and version already match (its own write, delivered back)', async () => {
    const issue = jira.seedIssue({
      key: 'ITR-4',
      fields: {
        [ids.gradingAnswers]: encodeGradingAnswers(OUTAGE),
        [ids.grade]: 'critical',
        [ids.gradingTableVersion]: 1,
      },
    });
    await invokeFunction(issueUpdated, updated(issue, [ids.gradingAnswers, ids.grade]));
    expect(jira.requestCount(WRITE)).toBe(0);
  });

  it('costs no request when only system fields changed, and one when other app fields did', async () => {
    const issue = jira.seedIssue({ key: 'ITR-5', fields: { [ids.gradingAnswers]: encodeGradingAnswers(OUTAGE) } });
    await invokeFunction(issueUpdated, updated(issue, ['summary']));
    expect(jira.requestCount()).toBe(0);
    await invokeFunction(issueUpdated, updated(issue, [ids.grade]));
    expect(jira.requestCount(WRITE)).toBe(0);
    // The grade is not read again: only the field-id lookups and the analytics projection's one read of the issue.
    expect(jira.requestCount('GET /rest/api/3/issue/{issueIdOrKey}')).toBe(1);
  });

  it('never regrades a closed issue', async () => {
    const issue = jira.seedIssue({
      key: 'ITR-6',
      status: 'Closed',
      fields: {
        [ids.gradingAnswers]: encodeGradingAnswers(QUESTION),
        [ids.grade]: 'critical',
        [ids.gradingTableVersion]: 1,
      },
    });
    await invokeFunction(issueUpdated, updated(issue, [ids.gradingAnswers]));
    expect(jira.issue('ITR-6').fields[ids.grade]).toBe('critical');
    expect(jira.requestCount(WRITE)).toBe(0);
  });

  it('leaves the grade as it is when the stored answers do not fit the table', async () => {
    const issue = jira.seedIssue({
      key: 'ITR-7',
      fields: { [ids.gradingAnswers]: 'businessImpact=gone', [ids.grade]: 'major', [ids.gradingTableVersion]: 1 },
    });
    await invokeFunction(issueUpdated, updated(issue, [ids.gradingAnswers]));
    expect(jira.issue('ITR-7').fields[ids.grade]).toBe('major');
    expect(jira.requestCount(WRITE)).toBe(0);
  });
});
