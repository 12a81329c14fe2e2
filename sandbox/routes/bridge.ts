/** `POST /__bridge`: a Custom UI frame's `callBridge(name, payload)`, answered by sandbox/bridge.ts as `{ result }`. */
import { callBridge, frameOf, type FrameInfo } from '../bridge';
import { readBody, sendJson } from '../http';
import type { SandboxSite } from '../site';
import type { Route } from './route';

export function bridgeRoutes(site: SandboxSite): Route[] {
  return [
    {
      method: 'POST',
      path: /^\/__bridge$/,
      handle: async ({ req, res, prefs }) => {
        const body = JSON.parse(await readBody(req)) as {
          name?: unknown;
          payload?: unknown;
          frame?: Partial<FrameInfo>;
        };
        const result = await callBridge(site, prefs, String(body.name), body.payload, frameOf(body.frame));
        sendJson(res, { result: result ?? null });
      },
    },
  ];
}
