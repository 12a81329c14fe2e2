/**
 * "A disabled control must look disabled": whether a control is drawn with the design system's disabled
 * text colour (`color.text.disabled` of the theme in force), not only refusing clicks.
 */
import type { Locator } from 'playwright-core';

export async function looksDisabled(control: Locator): Promise<boolean> {
  return control.evaluate((b) => {
    const g = globalThis as unknown as {
      getComputedStyle(e: unknown): { color: string };
      document: { createElement(t: string): { style: { color: string } }; body: { append(e: unknown): void } };
    };
    const probe = g.document.createElement('span');
    probe.style.color = 'var(--ds-text-disabled)';
    g.document.body.append(probe);
    return g.getComputedStyle(b).color === g.getComputedStyle(probe).color;
  });
}
