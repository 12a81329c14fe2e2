/**
 * The admin page's subpages by route, in the order of Jira's sidebar: the manifest's `pages` of
 * `itr-grading-admin` (test/manifest/manifest.test.ts compares them). The first is what the module's own URL shows.
 */
export const ADMIN_ROUTES = [
  'grading-table',
  'support-lines',
  'supervision',
  'closing',
  'customers',
  'case-library',
] as const;
export type AdminRoute = (typeof ADMIN_ROUTES)[number];
