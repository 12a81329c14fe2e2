/**
 * `POST /rest/api/3/expression/evaluate` for the Jira double (operation `evaluateJSISJiraExpression`).
 * What the spec's description says, and the double does:
 *  - `user` is always the caller (never settable); `app` is only for Connect apps, so a Forge call has none;
 *  - `issue` / `project` only when the request's `context` names them (by id or key), 404 when the
 *    caller cannot browse them;
 *  - custom variables of type `user` (account id), `json` (`value`) and `issue`, given either as the
 *    schema's list with a `key` per entry (`[{key, type, …}]`) or as the spec example's map
 *    (`{name: {type, …}}`);
 *  - a text that does not parse, or fails at run time, is a 400 `Evaluation failed: …`.
 * Not supported by the double (400): `issues` (JQL), `board`, `sprint`, `serviceDesk`,
 * `customerRequest`, and custom `list` variables.
 */
import type { JiraModel, JiraUser, StoredIssue } from '../jiraModel';
import { evaluateJiraExpression, toJson, type JexValue } from './evaluator';
import { issueBean, projectBean, userBean } from './beans';

interface Answer {
  status: number;
  body: unknown;
}

const bad = (message: string): Answer => ({ status: 400, body: { errorMessages: [message], errors: {} } });
const notFound = (message: string): Answer => ({ status: 404, body: { errorMessages: [message], errors: {} } });
const rec = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

export function evaluateExpressionRequest(model: JiraModel, caller: JiraUser, body: unknown): Answer {
  const b = rec(body) ?? {};
  const expression = b['expression'];
  if (typeof expression !== 'string') return bad('The expression is required.');
  const context = rec(b['context']) ?? {};
  for (const unsupported of ['issues', 'board', 'sprint', 'serviceDesk', 'customerRequest']) {
    if (context[unsupported] !== undefined)
      return bad(`The Jira double does not evaluate the '${unsupported}' context.`);
  }
  const customFields = [...model.fields.values()].filter((f) => f.custom).map((f) => ({ id: f.id, type: f.type }));
  const lookUpUser = (accountId: string) => model.users.get(accountId);
  const visibleIssue = (ref: Record<string, unknown>): StoredIssue | undefined => {
    const idOrKey = ref['key'] ?? ref['id'];
    if (ref['key'] !== undefined && ref['id'] !== undefined) return undefined;
    const issue = idOrKey === undefined ? undefined : model.findIssue(String(idOrKey));
    const project = issue === undefined ? undefined : model.findProject(issue.projectKey);
    return issue !== undefined && project !== undefined && model.canBrowse(caller, project) ? issue : undefined;
  };
  const beanOf = (issue: StoredIssue): JexValue =>
    issueBean({ issue: { id: issue.id, key: issue.key, fields: issue.fields }, customFields, lookUpUser });

  // `user`: "The current user. Always available" (spec); the caller, whoever the context names.
  const variables: Record<string, JexValue> = { user: userBean(caller) };
  const issueRef = rec(context['issue']);
  if (issueRef !== undefined) {
    const issue = visibleIssue(issueRef);
    if (issue === undefined) return notFound('Issue does not exist or you do not have permission to see it.');
    variables['issue'] = beanOf(issue);
  }
  const projectRef = rec(context['project']);
  if (projectRef !== undefined) {
    const project = model.findProject(String(projectRef['key'] ?? projectRef['id'] ?? ''));
    if (project === undefined || !model.canBrowse(caller, project))
      return notFound('Project does not exist or you do not have permission to see it.');
    variables['project'] = projectBean(project);
  }
  const custom = context['custom'];
  const entries: Array<[string, Record<string, unknown>]> = Array.isArray(custom)
    ? custom.map((c) => rec(c) ?? {}).map((c) => [String(c['key'] ?? ''), c])
    : Object.entries(rec(custom) ?? {}).map(([k, c]) => [k, rec(c) ?? {}]);
  for (const [name, c] of entries) {
    if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name))
      return bad(`A custom context variable needs a valid key, got '${name}'.`);
    if (name in variables || name === 'app')
      return bad(`The custom context variable '${name}' clashes with a built-in one.`);
    if (c['type'] === 'user') {
      const accountId = c['accountId'];
      if (typeof accountId !== 'string') return bad(`Custom variable '${name}' of type user needs an accountId.`);
      const u = model.users.get(accountId);
      // An unknown account is null in the expression (Jira's User constructor answers null the same way).
      variables[name] = u === undefined ? null : userBean(u);
    } else if (c['type'] === 'json') {
      variables[name] = c['value'] === undefined ? null : (structuredClone(c['value']) as JexValue);
    } else if (c['type'] === 'issue') {
      const issue = visibleIssue(c);
      if (issue === undefined) return notFound('Issue does not exist or you do not have permission to see it.');
      variables[name] = beanOf(issue);
    } else
      return bad(
        `Custom variable '${name}': type ${JSON.stringify(c['type'])} is not supported by the double (user, json, issue).`,
      );
  }
  try {
    const value = evaluateJiraExpression(expression, variables);
    return {
      status: 200,
      body: {
        value: toJson(value),
        meta: {
          complexity: {
            steps: { value: 1, limit: 10000 },
            expensiveOperations: { value: 0, limit: 10 },
            beans: { value: 0, limit: 1000 },
            primitiveValues: { value: 1, limit: 10000 },
          },
        },
      },
    };
  } catch (e) {
    return bad(`Evaluation failed: "${expression}" - ${e instanceof Error ? e.message : String(e)}`);
  }
}
