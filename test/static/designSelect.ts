/**
 * Driving a design-system select (@atlaskit/select, a react-select combobox) from a browser test the way
 * a keyboard user does: focus its input, ArrowDown opens the menu, then the option is chosen. `path` is
 * the `data-path` of the select's wrapper (the triage form's convention); `scope` a page or a frame.
 */
import type { Locator } from 'playwright-core';

export interface Scope {
  locator(selector: string): Locator;
}

/** Opens the select at `path` and picks the option labelled exactly `label`; checks it shows. */
export async function chooseOption(scope: Scope, path: string, label: string): Promise<void> {
  const select = scope.locator(`[data-path="${path}"]`);
  const input = select.locator('input');
  await input.focus();
  await input.press('ArrowDown');
  await select.getByRole('option', { name: label, exact: true }).click();
  const shown = await select.innerText();
  if (!shown.includes(label)) throw new Error(`${path} shows "${shown}" after choosing "${label}"`);
}
