import type { ReactNode } from 'react';

/**
 * Stands in for `@atlaskit/app-provider/theme-provider` in the Custom UI builds (alias in
 * static/vite.config.mjs). Only `@atlaskit/portal` imports that path, and renders it only for a page
 * already inside an Atlaskit ThemeProvider; ours never are: Jira themes the iframe
 * (`view.theme.enable()`, static/shared/theme.ts). The real one drags every theme's CSS in as lazy
 * chunks (about 50 KB gzip counted by the bundle budget, never loaded here).
 */
export function ThemeProvider({ children }: { children?: ReactNode }) {
  return <>{children}</>;
}

export default ThemeProvider;
