import { jiraAsApp, type AppFieldValueUpdate, type JiraClient } from '../../adapters/jira';
import { gradeIssue, timeRuleStampOf, type GradingTable, type ValidationIssue } from '../../domain';
import { loadItrConfig, type ItrConfig } from '../config/itrConfig';
import { decodeGradingAnswers } from '../fields/gradingAnswers';
import { lookUpFieldIds } from '../fields/fieldIds';
import type { ItrFieldIds } from '../fields/itrFields';
import { CLOSED_FIELDS, isClosed, textOf } from '../fields/issueState';
import { writeItrFields } from '../fields/writeItrFields';

/**
 * What grading one issue decided. `unchanged` and `closed` write nothing, so the app's own field
 * writes (which fire `avi:jira:updated:issue` again) end there instead of looping.
 */
export type RegradeOutcome =
  | { outcome: 'graded'; grade: string; tableVersion: number; previousGrade: string | null }
  | { outcome: 'unchanged'; grade: string; tableVersion: number }
  | { outcome: 'closed' }
  | { outcome: 'noAnswers' }
  /** The stored answers do not fit the table in force (e.g. an option was removed): left as it is. */
  | { outcome: 'invalidAnswers'; issues: ValidationIssue[] };

/** Pure: the decision for one issue's current field values; `write` lists the app-field updates. */
export function decideGrade(
  issueId: string,
  fields: Record<string, unknown>,
  ids: ItrFieldIds,
  table: GradingTable,
): { result: RegradeOutcome; write: AppFieldValueUpdate[] } {
  if (isClosed(fields)) return { result: { outcome: 'closed' }, write: [] };
  const answers = decodeGradingAnswers(fields[ids.gradingAnswers]);
  if (answers === null) return { result: { outcome: 'noAnswers' }, write: [] };
  const graded = gradeIssue(table, answers);
  if (!graded.ok) return { result: { outcome: 'invalidAnswers', issues: graded.issues }, write: [] };
  const current = textOf(fields[ids.grade]);
  const version = fields[ids.gradingTableVersion];
  if (current === graded.grade && version === graded.tableVersion) {
    return { result: { outcome: 'unchanged', grade: graded.grade, tableVersion: graded.tableVersion }, write: [] };
  }
  const write: AppFieldValueUpdate[] = [];
  if (current !== graded.grade) write.push({ fieldId: ids.grade, issueIds: [issueId], value: graded.grade });
  if (version !== graded.tableVersion)
    write.push({ fieldId: ids.gradingTableVersion, issueIds: [issueId], value: graded.tableVersion });
  // A new grade may have (or lack) requirement times: the rule stamped on a classified issue follows it.
  const rule = timeRuleStampOf(table, textOf(fields[ids.classification]), graded.grade);
  if (rule !== null && rule !== textOf(fields[ids.timeRule]))
    write.push({ fieldId: ids.timeRule, issueIds: [issueId], value: rule });
  return {
    result: { outcome: 'graded', grade: graded.grade, tableVersion: graded.tableVersion, previousGrade: current },
    write,
  };
}

export interface GradeOnChangeDeps {
  jira: JiraClient;
  loadConfig(): Promise<ItrConfig>;
}

const platformDeps = (): GradeOnChangeDeps => ({ jira: jiraAsApp(), loadConfig: () => loadItrConfig() });

/**
 * Grades one issue from the answers stored on it, with the grading table in force, and writes grade and
 * table version back (one bulk app-field request) only when they differ from what is stored.
 * Idempotent: running it twice, or on the event of its own write, writes nothing the second time.
 */
export async function gradeOnChange(
  issueIdOrKey: string,
  options: { changedFieldIds?: readonly string[] } = {},
  deps: GradeOnChangeDeps = platformDeps(),
): Promise<RegradeOutcome | { outcome: 'answersNotChanged' }> {
  const [ids, config] = await Promise.all([lookUpFieldIds(deps.jira), deps.loadConfig()]);
  // An update event names the fields it changed: no answer among them, nothing to grade.
  if (options.changedFieldIds !== undefined && !options.changedFieldIds.includes(ids.gradingAnswers)) {
    return { outcome: 'answersNotChanged' };
  }
  const issue = await deps.jira.getIssue(issueIdOrKey, {
    fields: [
      ids.gradingAnswers,
      ids.grade,
      ids.gradingTableVersion,
      ids.classification,
      ids.timeRule,
      ...CLOSED_FIELDS,
    ],
  });
  const { result, write } = decideGrade(issue.id, issue.fields, ids, config.gradingTable);
  if (write.length > 0) await writeItrFields(deps.jira, write, { ids });
  return result;
}
