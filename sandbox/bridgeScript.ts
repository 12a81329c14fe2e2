/**
 * Runs in each Custom UI iframe before the app's own scripts: the host side of @forge/bridge, whose calls
 * go to `POST /__bridge` (answered by sandbox/bridge.ts). Served as /__bridge.js, not inline: the Custom
 * UI's CSP (script-src 'self') refuses inline scripts, as in Jira.
 */
export const BRIDGE_SCRIPT = `
(() => {
  const q = new URLSearchParams(location.search);
  const frame = { moduleKey: q.get('moduleKey'), issueKey: q.get('issueKey'), projectKey: q.get('projectKey'), entry: q.get('entry') };
  window.__bridge = {
    callBridge: async (name, payload) => {
      if (name === 'setWorkflowRuleConfigurationCallback') {
        // @forge/jira-bridge's workflowRules.onConfigure: the callback stays in the frame (a function does not
        // cross JSON); the host page's Add / Update button calls it (sandbox/workflowRules.ts).
        const fn = payload && payload.data && payload.data.onConfigure;
        window.__sandboxWorkflowRuleOnConfigure = typeof fn === 'function' ? fn : undefined;
        return typeof fn === 'function';
      }
      const res = await fetch('/__bridge', { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, payload: payload === undefined ? null : payload, frame }) });
      const body = await res.json();
      if (!res.ok) throw new Error(body.message || ('callBridge ' + name + ' failed'));
      if (name === 'enableTheming') {
        for (const [k, v] of Object.entries(body.result.attrs)) document.documentElement.setAttribute(k, v);
        return undefined;
      }
      if (name === 'navigate') {
        // router.navigate / router.open: the host page (not the iframe) goes there, as in Jira.
        if (body.result.type === 'new-tab') window.open(body.result.url, '_blank');
        else window.top.location.href = body.result.url;
        return undefined;
      }
      return body.result;
    },
  };
})();
`;
