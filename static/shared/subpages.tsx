/**
 * Subpages of a full-page module (manifest `pages` of a `jira:globalPage` or `jira:adminPage`): Jira
 * draws them as links in its sidebar and only changes the page URL; the app shows the subpage whose
 * route the URL ends with (forge-docs: add-routing-to-a-full-page-app), read and followed through
 * `view.createHistory()`.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Box, Text } from '@atlaskit/primitives';
import { createHistory } from './bridge';
import { useI18n } from './i18n/react';

/** The route a module-relative path names: its first segment (`/return-visits/x` → `return-visits`), if it is one of `routes`. */
export function routeOf<R extends string>(pathname: string, routes: readonly R[]): R | undefined {
  const first = pathname.split('/').find((part) => part !== '');
  return routes.find((r) => r === first);
}

/**
 * The current subpage: null until the host's history has answered, then the route of its location,
 * following every change (Jira's sidebar, back and forward). The module's own URL (no route) and an
 * unknown one show `fallback`, the first subpage; so does a host without `createHistory`.
 */
export function useSubpage<R extends string>(routes: readonly R[], fallback: R): R | null {
  const [route, setRoute] = useState<R | null>(null);
  useEffect(() => {
    let unlisten: unknown;
    let stopped = false;
    const follow = (pathname: string) => {
      if (!stopped) setRoute(routeOf(pathname, routes) ?? fallback);
    };
    createHistory().then(
      (history) => {
        follow(history.location.pathname);
        // Forge's bridge may hand the unlisten function back through a promise.
        unlisten = history.listen((location) => follow(location.pathname));
      },
      () => follow(''),
    );
    return () => {
      stopped = true;
      void Promise.resolve(unlisten).then((stop) => {
        if (typeof stop === 'function') (stop as () => void)();
      });
    };
    // The routes are a module constant: the host's history is asked once per mount.
  }, []);
  return route;
}

/**
 * The subpage of `route`; every subpage opened before stays mounted (hidden), so going back through
 * the sidebar finds an unsaved draft where it was left. Renders a loading note until the route is known.
 */
export function Subpages<R extends string>({
  routes,
  route,
  render,
}: {
  routes: readonly R[];
  route: R | null;
  render: (route: R) => ReactNode;
}) {
  const { t } = useI18n();
  const [opened, setOpened] = useState<ReadonlySet<R>>(() => new Set());
  useEffect(() => {
    if (route !== null) setOpened((prev) => (prev.has(route) ? prev : new Set([...prev, route])));
  }, [route]);
  if (route === null) {
    return (
      <Box role="status" padding="space.200">
        <Text>{t('subpages.loading')}</Text>
      </Box>
    );
  }
  return (
    <>
      {routes
        .filter((r) => r === route || opened.has(r))
        .map((r) => (
          <div key={r} data-subpage={r} hidden={r !== route}>
            {render(r)}
          </div>
        ))}
    </>
  );
}
