/**
 * A `LIMIT` written into SQL text must be an integer the app chose, never a placeholder TiDB would have
 * to type, never input: the domain's page limit (src/domain/pageLimit.ts) under the name the SQL reads.
 */
export { pageLimit as sqlLimit } from '../../domain/pageLimit';
