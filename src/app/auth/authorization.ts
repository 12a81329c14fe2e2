import { jiraAsUser, type JiraClient } from '../../adapters/jira';

/** Refusal with a stable code; resolvers turn it into `{success:false, errors:[{code}]}` for the UI to translate. */
export class NotAuthorizedError extends Error {
  readonly code = 'NOT_AUTHORIZED';
  constructor(readonly required: string) {
    super(`This needs the Jira permission ${required}`);
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
