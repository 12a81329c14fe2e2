// One Vite config for every Custom UI app under static/<app>/.
// `npm run build:ui` (static/build.mjs) calls appConfig() once per app; running Vite by hand works too:
//   ITR_APP=issue-panel npx vite build --config static/vite.config.mjs
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig } from 'vite';

export const staticDir = path.dirname(fileURLToPath(import.meta.url));

/**
 * @param {string} app folder name under static/, e.g. "issue-panel"
 * @param {string} [outDir] where to write the build; default static/<app>/build (what Forge deploys)
 */
export function appConfig(app, outDir) {
  const root = path.join(staticDir, app);
  return defineConfig({
    configFile: false,
    root,
    // Forge serves a Custom UI build from a sub-path of its own CDN: every URL must be relative.
    base: './',
    mode: 'production',
    logLevel: 'warn',
    // Production JSX whatever NODE_ENV says (jest sets "test", which would emit jsxDEV calls
    // that production React does not have).
    oxc: { jsx: { runtime: 'automatic', importSource: 'react', development: false } },
    resolve: {
      // One copy of React whatever nested dependency asks for it.
      dedupe: ['react', 'react-dom'],
      // Atlaskit code a Forge iframe never runs, replaced by what it would do here (see each file):
      // about 79 KB gzip less per app that uses Button, Lozenge, Tooltip or SectionMessage.
      alias: [
        {
          find: /^@atlaskit\/feature-gate-js-client\/feature-gates$/,
          replacement: path.join(staticDir, 'shared', 'platform', 'featureGatesOff.ts'),
        },
        {
          find: /^@atlaskit\/app-provider\/theme-provider$/,
          replacement: path.join(staticDir, 'shared', 'platform', 'themeProviderOutside.tsx'),
        },
      ],
    },
    define: {
      'process.env.NODE_ENV': JSON.stringify('production'),
    },
    build: {
      outDir: outDir ?? path.join(root, 'build'),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // The bundle budget is checked by scripts/bench/bundle.ts and test/static/bundleSize.test.ts.
      chunkSizeWarningLimit: 1024,
      reportCompressedSize: false,
    },
  });
}

export default appConfig(process.env.ITR_APP ?? 'issue-panel');
