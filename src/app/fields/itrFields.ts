/**
 * The app's own Jira custom fields (`jira:customField` modules in manifest.yml): what agents search and
 * sort by. All are read-only in Jira's UI and written only by the app (`/rest/api/3/app/field/value`).
 * The module key is stable across sites; the `customfield_NNNNN` id differs per site and is looked up.
 */
export const ITR_FIELDS = {
  kind: { moduleKey: 'itr-kind', type: 'string' },
  grade: { moduleKey: 'itr-grade', type: 'string' },
  gradingTableVersion: { moduleKey: 'itr-grading-version', type: 'number' },
  line: { moduleKey: 'itr-line', type: 'string' },
  lineEnteredAt: { moduleKey: 'itr-line-entered', type: 'datetime' },
  lineDueAt: { moduleKey: 'itr-line-due', type: 'datetime' },
  lineWarnAt: { moduleKey: 'itr-line-warn', type: 'datetime' },
  submitter: { moduleKey: 'itr-submitter', type: 'user' },
} as const;

export type ItrFieldName = keyof typeof ITR_FIELDS;
export type ItrFieldIds = Readonly<Record<ItrFieldName, string>>;

export const ITR_FIELD_NAMES = Object.keys(ITR_FIELDS) as ItrFieldName[];
