// One Vite config for every Custom UI app under static/<app>/.
// `npm run build:ui` (static/build.mjs) calls appConfig() once per app; running Vite by hand works too:
//   ITR_APP=issue-panel npx vite build --config static/vite.config.mjs
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig } from 'vite';

export const staticDir = path.dirname(fileURLToPath(import.meta.url));

/** @param {string} app folder name under static/, e.g. "issue-panel" */
export function appConfig(app) {
  const root = path.join(staticDir, app);
  return defineConfig({
    configFile: false,
    root,
    // Forge serves a Custom UI build from a sub-path of its own CDN: every URL must be relative.
    base: './',
    logLevel: 'warn',
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    resolve: {
      // One copy of React whatever nested dependency asks for it.
      dedupe: ['react', 'react-dom'],
    },
    define: {
      'process.env.NODE_ENV': JSON.stringify('production'),
    },
    build: {
      outDir: path.join(root, 'build'),
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
