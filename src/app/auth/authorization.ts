import { jiraAsUser, type JiraClient } from '../../adapters/jira';
import { ItrError } from '../itrError';

/** The refusal NOT_AUTHORIZED, naming the permission or role it needs (`params.required`, for logs and support). */
export class NotAuthorizedError extends ItrError {
  constructor(readonly required: string) {
    super('NOT_AUTHORIZED', `This needs the Jira permission ${required}`, { params: { required } });
    this.name = 'NotAuthorizedError';
  }
}

/**
 * Passes only for Jira administrators (global permission ADMINISTER), asked of Jira as the calling user:
 * the identity comes from the invocation context, never from the payload.
 */
export async function requireJiraAdmin(accountId: string | undefined, jira: JiraClient = jiraAsUser()): Promise<void> {
  if (accountId === undefined) throw new NotAuthorizedError('ADMINISTER');
  const granted = await jira.myPermissions(['ADMINISTER']);
  if (granted['ADMINISTER'] !== true) throw new NotAuthorizedError('ADMINISTER');
}
