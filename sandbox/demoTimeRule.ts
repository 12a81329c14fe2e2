/**
 * Demo data of issue 17 ("requirements are not problems": different time rules): the demo's grading
 * table in force (the shipped table, same version, saved where the app reads it) gives
 * suggestions requirement times (a requirement answered within four times, resolved within
 * twice the problem times), and every graded demo issue carries the rule its clocks run on in its
 * `itr-time-rule` field, as triage stamps it. The dark-mode requirement (demoAssessments.ts) runs on the
 * requirement times: its line deadlines are the requirement budget's, and Jira's issue view, JQL
 * (`"ITR time rule" = requirement`) and the panel show it.
 */
import * as path from 'node:path';
import { invokeFunction } from '../platform-doubles';
import { jiraDateTime } from '../platform-doubles/jiraModel';
import {
  DEFAULT_CALENDARS,
  DEFAULT_GRADING_TABLE,
  isSupportLine,
  lineBudget,
  lineDeadlines,
  timeRuleStampOf,
  type GradingTable,
} from '../src/domain';
import { DEMO_FIELD_IDS } from './demoSite';
import { REPO_ROOT, type SandboxSite } from './site';

const appModule = <T>(...segments: string[]): T => require(path.join(REPO_ROOT, 'src', ...segments)) as T;

/** The grade whose requirements get their own times in the demo table (the dark-mode request's). */
export const DEMO_REQUIREMENT_GRADE = 'suggestion';

/** The shipped table, with requirement times for suggestions: same calendar and split, longer times. */
export function demoGradingTable(): GradingTable {
  const sla = DEFAULT_GRADING_TABLE.sla[DEMO_REQUIREMENT_GRADE];
  if (sla === undefined) throw new Error(`demo site: the shipped table has no ${DEMO_REQUIREMENT_GRADE} SLA`);
  return {
    ...DEFAULT_GRADING_TABLE,
    requirementTimes: {
      sla: {
        [DEMO_REQUIREMENT_GRADE]: {
          ...sla,
          responseMinutes: sla.responseMinutes * 4,
          resolutionMinutes: sla.resolutionMinutes * 2,
        },
      },
    },
  };
}

export async function seedDemoTimeRule(site: SandboxSite): Promise<void> {
  const table = demoGradingTable();
  const { ConfigStore } = appModule<typeof import('../src/adapters/kvs')>('adapters', 'kvs');
  const config = appModule<typeof import('../src/app/config/itrConfig')>('app', 'config', 'itrConfig');
  await invokeFunction(
    async () => {
      const store = new ConfigStore();
      const codec = config.gradingTableCodec(DEFAULT_CALENDARS.map((c) => c.id));
      // The shipped table in force (nothing saved), at the same version with requirement times (an
      // admin's own table, or one that has them already, is left as it is).
      const saved = await store.get(config.CONFIG_KEYS.gradingTable, codec);
      if (saved !== undefined && (saved.value.version !== table.version || saved.value.requirementTimes !== undefined))
        return;
      await store.set(config.CONFIG_KEYS.gradingTable, table, codec);
    },
    undefined,
    { context: { moduleKey: 'issue-updated' } },
  );
  const calendars = new Map(DEFAULT_CALENDARS.map((c) => [c.id, c.calendar]));
  const ids = DEMO_FIELD_IDS;
  for (const issue of site.jira.model.issues.values()) {
    const f = issue.fields;
    const grade = typeof f[ids.grade] === 'string' ? (f[ids.grade] as string) : null;
    const classification = typeof f[ids.classification] === 'string' ? (f[ids.classification] as string) : null;
    const rule = timeRuleStampOf(table, classification, grade);
    if (rule === null || grade === null) continue;
    f[ids.timeRule] = rule;
    // The open requirement on requirement times: its line's deadlines from its budget under that rule.
    const line = f[ids.line];
    const entered = typeof f[ids.lineEnteredAt] === 'string' ? new Date(f[ids.lineEnteredAt] as string) : null;
    if (rule !== 'requirement' || !isSupportLine(line) || entered === null || f[ids.lineDueAt] == null) continue;
    const budget = lineBudget(table, grade, line, rule);
    const calendar = calendars.get(budget.calendarId);
    if (calendar === undefined) throw new Error(`demo site: no calendar ${budget.calendarId}`);
    const d = lineDeadlines({
      calendar,
      enteredAt: entered,
      budgetMinutes: budget.minutes,
      warningFraction: budget.warningFraction,
    });
    f[ids.lineDueAt] = d.dueAt === null ? null : jiraDateTime(d.dueAt.getTime());
    f[ids.lineWarnAt] = d.warnAt === null ? null : jiraDateTime(d.warnAt.getTime());
  }
}
