/**
 * Runs in each Custom UI iframe before the app's own scripts: the host side of @forge/bridge, whose calls
 * go to `POST /__bridge` (answered by sandbox/bridge.ts). Served as /__bridge.js, not inline: the Custom
 * UI's CSP (script-src 'self') refuses inline scripts, as in Jira.
 */
export const BRIDGE_SCRIPT = `
(() => {
  const q = new URLSearchParams(location.search);
  const frame = { moduleKey: q.get('moduleKey'), issueKey: q.get('issueKey'), projectKey: q.get('projectKey'), entry: q.get('entry') };
  const post = async (name, payload) => {
    const res = await fetch('/__bridge', { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, payload, frame }) });
    const body = await res.json();
    if (!res.ok) throw new Error(body.message || ('callBridge ' + name + ' failed'));
    return body.result;
  };
  // view.createHistory(): the history of the host page's URL below the module's own (basePath), shaped
  // like the 'history' package's object @forge/bridge hands the app. The host page (sandbox/pages/layout.ts)
  // moves the URL when its sidebar is clicked and fires 'sandbox:navigate'; a push here fires
  // 'sandbox:subpage' so the sidebar marks the current page; back and forward are the host's popstate.
  const createHistory = ({ basePath }) => {
    const host = window.top;
    const listeners = new Set();
    const locationNow = () => {
      const path = host.location.pathname;
      const below = path.startsWith(basePath) ? path.slice(basePath.length) : '';
      const state = host.history.state && host.history.state.forgeState;
      return { pathname: below === '' ? '/' : below, search: host.location.search, hash: host.location.hash, state };
    };
    const history = { action: 'POP', location: locationNow() };
    const changed = (action) => {
      history.action = action;
      history.location = locationNow();
      for (const listener of [...listeners]) listener(history.location, action);
    };
    const move = (action, to, state) => {
      const next = typeof to === 'string' ? { pathname: to } : to;
      const pathname = (next.pathname || '/').startsWith('/') ? next.pathname || '/' : '/' + next.pathname;
      const url = basePath + (pathname === '/' ? '' : pathname) + (next.search || '') + (next.hash || '');
      const entry = { forgeState: state === undefined ? next.state : state };
      if (action === 'PUSH') host.history.pushState(entry, '', url);
      else host.history.replaceState(entry, '', url);
      host.dispatchEvent(new Event('sandbox:subpage'));
      changed(action);
    };
    Object.assign(history, {
      push: (to, state) => move('PUSH', to, state),
      replace: (to, state) => move('REPLACE', to, state),
      go: (n) => host.history.go(n),
      goBack: () => host.history.back(),
      goForward: () => host.history.forward(),
      listen: (listener) => { listeners.add(listener); return () => listeners.delete(listener); },
      createHref: (to) => basePath + (typeof to === 'string' ? to : to.pathname || ''),
    });
    host.addEventListener('popstate', () => changed('POP'));
    host.addEventListener('sandbox:navigate', () => changed('PUSH'));
    return history;
  };
  window.__bridge = {
    callBridge: async (name, payload) => {
      if (name === 'setWorkflowRuleConfigurationCallback') {
        // @forge/jira-bridge's workflowRules.onConfigure: the callback stays in the frame (a function does not
        // cross JSON); the host page's Add / Update button calls it (sandbox/workflowRules.ts).
        const fn = payload && payload.data && payload.data.onConfigure;
        window.__sandboxWorkflowRuleOnConfigure = typeof fn === 'function' ? fn : undefined;
        return typeof fn === 'function';
      }
      if (name === 'createHistory') return createHistory(await post('createHistory', null));
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
