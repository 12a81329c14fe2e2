/**
 * Stands in for `@atlaskit/app-provider/theme-provider` in the Custom UI builds (static/vite.config.mjs
 * `resolve.alias`). Atlaskit's portal (modals, tooltips, select menus) wraps its content in a
 * ThemeProvider only when the page itself renders inside one; ours never does (Jira's theme arrives
 * through the bridge, static/shared/theme.ts), so that branch never runs. The real provider still
 * drags in every Atlassian theme as lazy chunks (about 45 KiB gzip counted in each app's budget).
 */
import type { ReactNode } from 'react';

export function ThemeProvider({
  children,
}: {
  children: ReactNode;
  defaultColorMode?: unknown;
  defaultTheme?: unknown;
}) {
  return <>{children}</>;
}
