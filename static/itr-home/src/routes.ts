/**
 * The global page's subpages by route, in the order of Jira's sidebar: the manifest's `pages` of
 * `itr-home` (test/manifest/manifest.test.ts compares them). The first is what the module's own URL shows.
 */
export const HOME_ROUTES = ['triage', 'case-library', 'return-visits'] as const;
export type HomeRoute = (typeof HOME_ROUTES)[number];
