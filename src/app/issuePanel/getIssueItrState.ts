import type { ResolverResult } from '../../contract/envelope';
import type { IssueItrState } from '../../contract/issuePanel';

/**
 * Placeholder so the manifest, lint and bundle checks have a complete call chain to follow;
 * the real use case (read the issue's ITR fields and the config, compute the state) replaces it.
 * It answers the stable code `NOT_READY` so the UI can show "not available yet".
 */
export async function getIssueItrState(
  issueKey: string,
  accountId: string | undefined,
): Promise<ResolverResult<IssueItrState>> {
  void accountId;
  return {
    success: false,
    errors: [{ code: 'NOT_READY', message: `ITR state for ${issueKey} is not available yet` }],
  };
}
