/** What the host serves of its own: the design-token CSS, the bridge script, and the sandbox clock for the top bar. */
import { BRIDGE_SCRIPT } from '../bridgeScript';
import { CONTENT_TYPES } from '../http';
import type { SandboxSite } from '../site';
import type { Route } from './route';

/** The design-token CSS Jira provides to the page and (after enableTheming) to Custom UI iframes. */
function tokenThemeCss(): string {
  return ['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape']
    .map((name) => (require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${name}.js`) as { default: string }).default)
    .join('\n');
}

export function hostAssetRoutes(site: SandboxSite): Route[] {
  const tokensCss = tokenThemeCss();
  return [
    {
      method: 'GET',
      path: /^\/__tokens\.css$/,
      handle: ({ res }) => {
        res
          .writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=3600' })
          .end(tokensCss);
      },
    },
    {
      method: 'GET',
      path: /^\/__bridge\.js$/,
      handle: ({ res }) => {
        res
          .writeHead(200, { 'content-type': CONTENT_TYPES['.js'] ?? 'text/javascript', 'cache-control': 'no-store' })
          .end(BRIDGE_SCRIPT);
      },
    },
    {
      method: 'GET',
      path: /^\/__clock$/,
      handle: ({ res }) => {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ now: new Date(site.clock.now()).toISOString(), speed: site.clock.speed }));
      },
    },
  ];
}
