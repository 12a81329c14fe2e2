/**
 * A realistic Jira site for the Jira double: many custom fields, many projects, and a permission
 * scheme that does not give the app (or every user) everything. The demo data of a test has a handful
 * of each; a customer's site has thousands of fields and projects the app may not browse or comment
 * in. Load it after the test's own fields and projects; it only adds.
 */
import type { JiraDouble } from './jiraDouble';
import { APP_ACCOUNT_ID, DEFAULT_PROJECT_PERMISSIONS, KNOWN_PERMISSIONS, type SeedField } from './jiraModel';

export interface SiteProfileOptions {
  /** Custom fields on the site in total, the test's own included; default 2,000. */
  customFields?: number;
  /** Projects added; default 200 (keys `P001`…). */
  projects?: number;
}

export interface SiteProfile {
  projectKeys: string[];
  /** Projects whose permission scheme does not let the app's user browse them. */
  appCannotBrowse: string[];
  /** Projects the app may browse but not comment in. */
  appCannotComment: string[];
  /** May browse, edit and comment everywhere (the usual agent). */
  editor: string;
  /** May browse and comment, not edit (a reporter or viewer role). */
  viewer: string;
}

const ALL_PROJECT_PERMISSIONS = Object.keys(KNOWN_PERMISSIONS).filter((k) => KNOWN_PERMISSIONS[k] === 'PROJECT');

/**
 * Grants the app's user only `permissions` in a project, as a permission scheme that leaves the app
 * out of a role would. Jira applies the schemes to an app's `asApp()` calls like to a user's
 * (Jira's spec: every operation lists the project permissions it needs; the app user is no exception).
 */
export function restrictApp(jira: JiraDouble, projectKey: string, permissions: readonly string[]): void {
  const app = jira.model.users.get(APP_ACCOUNT_ID);
  if (!app) throw new Error('[jira double] the app user is missing');
  app.projectPermissions[projectKey.toUpperCase()] = [...permissions];
}

/** Field types a large site has many of (other apps' and admins' fields); the app never reads them. */
const FILLER_TYPES: ReadonlyArray<SeedField['type']> = [
  'string',
  'number',
  'datetime',
  'date',
  'user',
  'option',
  'labels',
];

export function loadSiteProfile(jira: JiraDouble, options: SiteProfileOptions = {}): SiteProfile {
  const wantFields = options.customFields ?? 2000;
  const wantProjects = options.projects ?? 200;
  const existing = [...jira.model.fields.values()].filter((f) => f.custom);
  const used = new Set(existing.map((f) => f.id));
  let next = 30000;
  for (let n = existing.length; n < wantFields; n++) {
    while (used.has(`customfield_${next}`)) next++;
    const type = FILLER_TYPES[n % FILLER_TYPES.length] ?? 'string';
    jira.defineField({ id: `customfield_${next}`, name: `Site field ${n + 1}`, type, appOwned: false });
    used.add(`customfield_${next}`);
  }

  const editor = 'site-editor';
  const viewer = 'site-viewer';
  const projectKeys: string[] = [];
  const appCannotBrowse: string[] = [];
  const appCannotComment: string[] = [];
  const viewerPermissions: Record<string, string[]> = {};
  for (let n = 1; n <= wantProjects; n++) {
    const key = `P${String(n).padStart(3, '0')}`;
    jira.seedProject({ key, name: `Project ${n}` });
    projectKeys.push(key);
    viewerPermissions[key] = DEFAULT_PROJECT_PERMISSIONS.filter((p) => p !== 'EDIT_ISSUES');
    // One project in ten is closed to the app (HR, legal…), one in ten more lets it read but not comment.
    if (n % 10 === 0) {
      appCannotBrowse.push(key);
      restrictApp(jira, key, []);
    } else if (n % 10 === 5) {
      appCannotComment.push(key);
      restrictApp(
        jira,
        key,
        ALL_PROJECT_PERMISSIONS.filter((p) => p !== 'ADD_COMMENTS'),
      );
    }
  }
  jira.seedUser({ accountId: editor, displayName: 'Site editor' });
  jira.seedUser({ accountId: viewer, displayName: 'Site viewer', projectPermissions: viewerPermissions });
  return { projectKeys, appCannotBrowse, appCannotComment, editor, viewer };
}
