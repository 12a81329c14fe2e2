/**
 * Theme bootstrap: ask the host for Jira's theme (light/dark, kept in sync by the host) and give
 * the page its base surface, text colour and font from design tokens. Components use `token()`
 * through `@atlaskit/primitives`/`xcss`; no colour or spacing is written by hand.
 */
import { token } from '@atlaskit/tokens';
import { enableTheming } from './bridge';

/** How long to wait for the host's theme before rendering anyway (light fallbacks), in ms. */
export const THEME_WAIT_MS = 1500;

export async function bootstrapTheme(waitMs: number = THEME_WAIT_MS): Promise<void> {
  applyBaseStyles();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, waitMs);
  });
  try {
    // Theming is cosmetic: a host that fails or never answers must not keep the panel from loading.
    await Promise.race([enableTheming().catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * No scroll anchoring: the host sizes a Custom UI frame to its content (@forge/bridge's iframe-resizer),
 * so the page hardly ever scrolls inside it; where it does (a fixed viewport: the sandbox, tests), Chrome
 * re-anchored when Atlaskit's select emptied its live region on blur and moved the page under the pointer
 * between mousedown and mouseup, so a click on the Save button below was lost.
 */
function applyBaseStyles(): void {
  if (document.getElementById('itr-base-styles') !== null) return;
  const style = document.createElement('style');
  style.id = 'itr-base-styles';
  style.textContent = `
html, body {
  margin: 0;
  padding: 0;
  background-color: ${token('elevation.surface')};
  color: ${token('color.text')};
  font: ${token('font.body')};
}
*, *::before, *::after { box-sizing: border-box; }
html { overflow-anchor: none; }
`;
  document.head.appendChild(style);
}
