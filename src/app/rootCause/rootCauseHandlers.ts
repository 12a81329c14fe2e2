import { jiraAsApp, jiraAsUser, JiraError, JiraErrorCode } from '../../adapters/jira';
import type { ResolverResult } from '../../contract/envelope';
import type { RootCauseDraftDto, RootCauseState } from '../../contract/closure';
import { checkRootCause, type RootCauseDraft } from '../../domain/closure';
import { statementValueBytes, STORED_LIMITS, tooLong, type TooLong } from '../../domain/storageLimits';
import { lookUpClosureFieldIds } from '../closure/closureFields';
import { writeItrFields } from '../fields/writeItrFields';
import { isIssueKey } from '../../domain/jiraKeys';
import { toServerErrorCode, type ServerErrorCode } from '../../contract/errorCodes';
import { repositories } from '../ports';

/**
 * Root cause and measures on the issue panel (functions of `issue-panel-resolver`). Saving always
 * keeps what was typed (a new version in SQL); the check says whether it is complete, and flags a root
 * cause that blames the customer, fate or attitude until the author gives an override reason. The
 * app mirrors "complete" into `itr-root-cause` ('yes'/'no') for the Resolve validator's expression.
 */
type Handler = (payload: unknown, context: Record<string, unknown>) => Promise<ResolverResult<unknown>>;

const record = (p: unknown): Record<string, unknown> =>
  typeof p === 'object' && p !== null && !Array.isArray(p) ? (p as Record<string, unknown>) : {};
const fail = (
  code: ServerErrorCode,
  message: string,
  path?: string,
  params?: Record<string, string | number>,
): ResolverResult<never> => ({
  success: false,
  errors: [{ code, message, ...(path !== undefined ? { path } : {}), ...(params !== undefined ? { params } : {}) }],
});

function contextIssueKey(context: Record<string, unknown>): string | undefined {
  const key = record(record(context['extension'])['issue'])['key'];
  return typeof key === 'string' ? key : undefined;
}

function issueKeyOf(payload: unknown, context: Record<string, unknown>): string | ResolverResult<never> {
  const key = record(payload)['issueKey'];
  if (!isIssueKey(key))
    return fail('INVALID_PAYLOAD', 'payload.issueKey must be a Jira issue key', 'issueKey', {
      issueKey: String(key ?? ''),
    });
  const own = contextIssueKey(context);
  if (own !== undefined && own !== key)
    return fail('INVALID_PAYLOAD', `payload.issueKey ${key} is not the panel's issue ${own}`, 'issueKey', {
      issueKey: key,
    });
  return key;
}

/**
 * Parses a draft: strings only. The check's limits (ROOT_CAUSE_LIMITS) are reported as issues, not
 * refusals (nothing typed is lost); what storage cannot hold is refused by `storageRefusal`.
 */
export function parseDraft(raw: unknown): RootCauseDraft | undefined {
  const r = record(raw);
  const text = (k: string): string | undefined => (typeof r[k] === 'string' ? r[k] : undefined);
  const whys = r['whys'];
  if (!Array.isArray(whys) || !whys.every((w) => typeof w === 'string')) return undefined;
  const fields = ['rootCause', 'shortTermMeasure', 'longTermMeasure', 'technicalZero', 'managementZero'] as const;
  const values = fields.map(text);
  if (values.some((v) => v === undefined)) return undefined;
  const override = r['overrideReason'];
  if (override !== undefined && typeof override !== 'string') return undefined;
  const [rootCause, shortTermMeasure, longTermMeasure, technicalZero, managementZero] = values as string[];
  return {
    whys: whys,
    rootCause: rootCause as string,
    shortTermMeasure: shortTermMeasure as string,
    longTermMeasure: longTermMeasure as string,
    technicalZero: technicalZero as string,
    managementZero: managementZero as string,
    ...(typeof override === 'string' && override.trim() !== '' ? { overrideReason: override } : {}),
  };
}

/**
 * A draft storage cannot hold, refused whole (never cut): the override reason over its column, or the
 * draft's JSON over one Forge SQL request (root_cause_version.draft, STORED_LIMITS.rootCauseDraft).
 */
export function storageRefusal(draft: RootCauseDraft): TooLong | undefined {
  const reason =
    draft.overrideReason === undefined
      ? undefined
      : tooLong(draft.overrideReason, 'rootCauseOverrideReason', 'overrideReason');
  if (reason !== undefined) return reason;
  const size = statementValueBytes([JSON.stringify(draft)]);
  const max = STORED_LIMITS.rootCauseDraft.max;
  if (size <= max) return undefined;
  return {
    code: 'VALUE_TOO_LONG',
    path: 'draft',
    message: `the draft is ${size} bytes as stored; at most ${max} fit in one Forge SQL request`,
    params: { field: 'draft', size, max, unit: 'bytes' },
  };
}

async function load(issueKey: string): Promise<{ id: string; classification: string | null; canEdit: boolean }> {
  const asUser = jiraAsUser();
  const app = jiraAsApp();
  const ids = await lookUpClosureFieldIds(app);
  // Read as the user: someone who may not see the issue gets ISSUE_NOT_FOUND, not its root cause.
  const issue = await asUser.getIssue(issueKey, { fields: [ids.classification] });
  const perms = await asUser.myPermissions(['EDIT_ISSUES'], { issueKey });
  const c = issue.fields[ids.classification];
  return { id: issue.id, classification: typeof c === 'string' ? c : null, canEdit: perms['EDIT_ISSUES'] === true };
}

async function stateOf(
  issueKey: string,
  base: { id: string; classification: string | null; canEdit: boolean },
): Promise<RootCauseState> {
  const { latest, versions } = await repositories().rootCauses.latestVersion(base.id);
  const check = latest === undefined ? undefined : checkRootCause(latest.draft);
  const draft: RootCauseDraftDto | null =
    latest === undefined
      ? null
      : {
          whys: latest.draft.whys,
          rootCause: latest.draft.rootCause,
          shortTermMeasure: latest.draft.shortTermMeasure,
          longTermMeasure: latest.draft.longTermMeasure,
          technicalZero: latest.draft.technicalZero,
          managementZero: latest.draft.managementZero,
          ...(latest.draft.overrideReason !== undefined ? { overrideReason: latest.draft.overrideReason } : {}),
        };
  return {
    issueKey,
    classification: base.classification,
    draft,
    complete: check?.complete ?? false,
    issues: check?.issues ?? [],
    flags: check?.flags ?? [],
    overridden: check?.overridden ?? false,
    savedBy: latest?.authorAccountId ?? null,
    savedAt: latest?.savedAt.toISOString() ?? null,
    versions,
    canEdit: base.canEdit,
  };
}

async function guarded<T>(issueKey: string, run: () => Promise<T>): Promise<ResolverResult<T>> {
  try {
    return { success: true, data: await run() };
  } catch (e) {
    if (e instanceof JiraError && (e.code === JiraErrorCode.NotFound || e.status === 404))
      return fail('ISSUE_NOT_FOUND', e.message, undefined, { issueKey });
    const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
    if (typeof code === 'string' && e instanceof Error && !(e instanceof JiraError))
      return fail(toServerErrorCode(code), e.message, undefined, { issueKey });
    throw e;
  }
}

export function rootCauseHandlers(now: () => Date = () => new Date()): Record<string, Handler> {
  return {
    getRootCause: async (payload, context) => {
      const key = issueKeyOf(payload, context);
      if (typeof key !== 'string') return key;
      return guarded(key, async () => stateOf(key, await load(key)));
    },
    saveRootCause: async (payload, context) => {
      const key = issueKeyOf(payload, context);
      if (typeof key !== 'string') return key;
      const draft = parseDraft(record(payload)['draft']);
      if (draft === undefined)
        return fail('INVALID_PAYLOAD', 'draft must hold whys (list of text) and the five text fields', 'draft', {
          issueKey: key,
        });
      const refused = storageRefusal(draft);
      if (refused !== undefined) return fail(refused.code, refused.message, refused.path, refused.params);
      const accountId = typeof context['accountId'] === 'string' ? context['accountId'] : undefined;
      if (accountId === undefined) return fail('NOT_AUTHORIZED', 'no user', undefined, { required: 'EDIT_ISSUES' });
      return guarded(key, async () => {
        const base = await load(key);
        if (!base.canEdit)
          throw Object.assign(new Error('needs EDIT_ISSUES on the issue'), { code: 'ROOT_CAUSE_NOT_EDITOR' });
        const check = checkRootCause(draft);
        await repositories().rootCauses.saveVersion({
          issueId: base.id,
          draft,
          complete: check.complete,
          flags: check.flags.map((f) => `${f.category}:${f.phrase}`).join(';'),
          overrideReason: check.overridden ? (draft.overrideReason ?? null) : null,
          author: accountId,
          at: now(),
        });
        const app = jiraAsApp();
        const ids = await lookUpClosureFieldIds(app);
        await writeItrFields(app, [
          { fieldId: ids.rootCause, issueIds: [base.id], value: check.complete ? 'yes' : 'no' },
        ]);
        return stateOf(key, base);
      });
    },
  };
}
