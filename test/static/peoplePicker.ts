/**
 * Driving the shared people picker (static/shared/PeoplePicker.tsx) from a browser test the way a
 * keyboard user does: type part of a name, move with ArrowDown to the option, press Enter.
 */
import type { Locator, Page } from 'playwright-core';

/** The listbox the combobox `input` controls. */
export function listboxOf(page: Page, input: Locator): Promise<Locator> {
  return input.getAttribute('aria-controls').then((id) => page.locator(`[id="${id ?? ''}"]`));
}

/** Types `query` into the picker, arrows down to the option whose name starts with `name`, and chooses it with Enter. */
export async function pick(page: Page, input: Locator, query: string, name: string): Promise<void> {
  await input.fill(query);
  const listbox = await listboxOf(page, input);
  try {
    await listbox.getByRole('option', { name }).first().waitFor({ timeout: 10_000 });
  } catch (e) {
    // Say what the picker said instead (searching, nobody matches, search failed…).
    const status = await page
      .locator(`[id="${(await input.getAttribute('aria-describedby'))?.split(' ')[0] ?? ''}"]`)
      .innerText();
    throw new Error(
      `no option "${name}" for "${query}"; the picker says: "${status}" (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
      { cause: e },
    );
  }
  const names = (await listbox.getByRole('option').allInnerTexts()).map((n) => n.trim());
  const index = names.findIndex((n) => n.startsWith(name));
  if (index < 0) throw new Error(`no option "${name}" among ${names.join(' | ')}`);
  for (let i = 0; i < index; i++) await input.press('ArrowDown');
  const active = await input.getAttribute('aria-activedescendant');
  const activeText = active === null ? '' : await page.locator(`[id="${active}"]`).innerText();
  if (!activeText.trim().startsWith(name)) throw new Error(`arrows reached "${activeText}", not "${name}"`);
  await input.press('Enter');
}
