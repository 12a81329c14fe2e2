/**
 * An app field as Jira's own views show it: a field with no rendering function is shown through its
 * manifest `view.formatter.expression` (forge-docs: manifest-reference/modules/jira-custom-field,
 * "Rendering hierarchy"), evaluated by the Jira-expression double with the formatter's documented
 * context (the viewer, the issue, its project, the field id and the value). A field without a formatter,
 * or whose formatter fails, shows its raw value, as in Jira.
 */
import { evaluateFieldFormatter, issueBean, projectBean, userBean } from '../platform-doubles/jiraExpression';
import type { JiraModel, StoredIssue } from '../platform-doubles/jiraModel';
import type { SandboxManifest } from './manifest';

function formatterOf(manifest: SandboxManifest, moduleKey: string): string | undefined {
  const m = manifest.modules.find((x) => x.type === 'jira:customField' && x.key === moduleKey);
  const view = m?.raw['view'];
  const formatter =
    typeof view === 'object' && view !== null ? (view as Record<string, unknown>)['formatter'] : undefined;
  const expression =
    typeof formatter === 'object' && formatter !== null
      ? (formatter as Record<string, unknown>)['expression']
      : undefined;
  return typeof expression === 'string' ? expression : undefined;
}

/** The formatted text of `moduleKey`'s value on `issue` for `viewerAccountId`; undefined when Jira would show the raw value. */
export function formatAppField(
  manifest: SandboxManifest,
  model: JiraModel,
  moduleKey: string,
  issue: StoredIssue,
  viewerAccountId: string,
): string | undefined {
  const expression = formatterOf(manifest, moduleKey);
  const def = [...model.fields.values()].find((d) => d.forgeModuleKey === moduleKey);
  if (expression === undefined || def === undefined) return undefined;
  const value = issue.fields[def.id];
  // The double reads a `string` field's value as a String; other types keep their raw rendering here.
  if (typeof value !== 'string') return undefined;
  const customFields = [...model.fields.values()].filter((f) => f.custom).map((f) => ({ id: f.id, type: f.type }));
  const viewer = model.users.get(viewerAccountId);
  const project = model.findProject(issue.projectKey);
  try {
    return evaluateFieldFormatter(expression, {
      value,
      fieldId: def.id,
      user: viewer === undefined ? null : userBean(viewer),
      issue: issueBean({
        issue: { id: issue.id, key: issue.key, fields: issue.fields },
        customFields,
        lookUpUser: (id) => model.users.get(id),
      }),
      project: project === undefined ? null : projectBean(project),
    });
  } catch (e) {
    console.warn(
      `[sandbox] formatter of ${moduleKey} failed on ${issue.key}: ${e instanceof Error ? e.message : String(e)}`,
    );
    return undefined;
  }
}
