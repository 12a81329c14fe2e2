/**
 * The one error a use case throws to refuse: a stable `code` the UI translates, an English `message`
 * for logs, and where (`path`) and what (`params`) when the page needs them to say it. A refusal with
 * several problems (a form checked as a whole) carries them all in `problems`, the first one's code
 * being the error's. Use cases return plain values; only src/entry turns a value or this error into
 * the resolver envelope (src/entry/envelope.ts), so no use case knows the envelope's shape.
 */
import { JiraError, JiraErrorCode } from '../adapters/jira';
import { ConfigStoreError, ConfigStoreErrorCode } from '../adapters/kvs';
import { toServerErrorCode, type ServerErrorCode } from '../contract/errorCodes';

export type ProblemParams = Record<string, string | number>;

/** One problem of a refusal. */
export interface Problem {
  code: ServerErrorCode;
  message: string;
  path?: string;
  params?: ProblemParams;
}

export class ItrError extends Error {
  readonly code: ServerErrorCode;
  /** Every problem, first the one that names the refusal (`code`). */
  readonly problems: readonly [Problem, ...Problem[]];

  constructor(
    code: ServerErrorCode,
    message: string,
    details: {
      path?: string | undefined;
      params?: ProblemParams | undefined;
      cause?: unknown;
      /** The whole list, when the refusal has several problems (see `ItrError.of`). */
      problems?: readonly [Problem, ...Problem[]];
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ItrError';
    this.code = code;
    this.problems = details.problems ?? [
      {
        code,
        message,
        ...(details.path === undefined ? {} : { path: details.path }),
        ...(details.params === undefined ? {} : { params: details.params }),
      },
    ];
  }

  /**
   * A refusal listing several problems (each with its path), as a form checked as a whole is refused.
   * An empty list is a bug of the caller, answered INTERNAL_ERROR rather than a refusal saying nothing.
   */
  static of(problems: readonly Problem[]): ItrError {
    const [first, ...rest] = problems;
    if (first === undefined) return new ItrError('INTERNAL_ERROR', 'a refusal without any problem');
    const message = problems.map((p) => `${p.path ?? ''}: ${p.message}`).join('; ');
    return new ItrError(first.code, message, { problems: [first, ...rest] });
  }

  /**
   * An invalid draft or file: `code` with the count first (the page's summary line, `{count}` in its
   * message), then every problem with its path, as the validation found them.
   */
  static invalid(code: ServerErrorCode, message: string, issues: readonly ValidationProblem[]): ItrError {
    return ItrError.of([{ code, message, params: { count: issues.length } }, ...issues.map(problemOf)]);
  }
}

/** A validation issue as the domain and the checks report it: any string code, always a path. */
export interface ValidationProblem {
  code: string;
  message: string;
  path: string;
  params?: ProblemParams | undefined;
}

/** One validation issue as a problem; a code the UI does not know becomes INTERNAL_ERROR (never untranslated). */
export function problemOf(issue: ValidationProblem): Problem {
  return {
    code: toServerErrorCode(issue.code),
    message: issue.message,
    path: issue.path,
    ...(issue.params === undefined ? {} : { params: issue.params }),
  };
}

/**
 * For `.catch()` on a read of an issue as the caller: Jira answers 404 for an issue the caller may not
 * browse, 403 or 401 when it will not say, so all three mean ISSUE_NOT_FOUND (never telling the
 * difference, which would leak that the issue exists). Anything else is rethrown as it is.
 */
export function issueNotFound(issueKey: string): (error: unknown) => never {
  return (error) => {
    if (
      error instanceof JiraError &&
      (error.code === JiraErrorCode.NotFound ||
        error.code === JiraErrorCode.Forbidden ||
        error.code === JiraErrorCode.Unauthorized)
    )
      throw new ItrError('ISSUE_NOT_FOUND', `Issue ${issueKey} does not exist or you may not see it`, {
        params: { issueKey },
        cause: error,
      });
    throw error;
  };
}

/**
 * Runs a save of configuration; someone else's save since the page loaded (CONFIG_REVISION_CONFLICT)
 * becomes the area's own code, so the page can offer to reload. Anything else propagates as it is.
 */
export async function onRevisionConflict<T>(code: ServerErrorCode, save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (error instanceof ConfigStoreError && error.code === ConfigStoreErrorCode.RevisionConflict)
      throw new ItrError(code, `Someone else saved first (${error.message}); reload to see their change`, {
        cause: error,
      });
    throw error;
  }
}
