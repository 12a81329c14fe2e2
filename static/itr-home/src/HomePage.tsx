import type { ForgeContext } from '../../shared/bridge';
import { Subpages, useSubpage } from '../../shared/subpages';
import { CaseLibraryPage } from '../../case-library/src/CaseLibraryPage';
import { ReturnVisitsPage } from '../../return-visits/src/ReturnVisitsPage';
import { TriagePage } from '../../triage/src/TriagePage';
import { HOME_ROUTES, type HomeRoute } from './routes';

/**
 * Jira allows one `jira:globalPage` per app, so the app's global page ("ITR") holds its pages as
 * subpages in Jira's sidebar (manifest `pages`, ./routes.ts): triage (分诊), the case library (案例库)
 * and the return-visit queue (回访). Each is the page its own folder builds.
 */
export function HomePage({ context }: { context: ForgeContext }) {
  const route = useSubpage(HOME_ROUTES, 'triage');
  return (
    <Subpages<HomeRoute>
      routes={HOME_ROUTES}
      route={route}
      render={(r) => {
        switch (r) {
          case 'triage':
            return <TriagePage context={context} />;
          case 'case-library':
            return <CaseLibraryPage />;
          case 'return-visits':
            return <ReturnVisitsPage context={context} />;
        }
      }}
    />
  );
}
