/**
 * Driving the shared people picker (static/shared/PeoplePicker.tsx, an Atlaskit async select) from a
 * browser test the way a keyboard user does: type part of a name, move with ArrowDown to the option,
 * press Enter.
 */
import type { Locator, Page } from 'playwright-core';

/** The status line the combobox `input` names first in its `aria-describedby`. */
export async function statusOf(page: Page, input: Locator): Promise<Locator> {
  const id = (await input.getAttribute('aria-describedby'))?.split(' ')[0] ?? '';
  return page.locator(`[id="${id}"]`);
}

/** The placeholder the picker shows (the select draws it as an element the input names in its description). */
export async function placeholderOf(page: Page, input: Locator): Promise<string | null> {
  for (const id of ((await input.getAttribute('aria-describedby')) ?? '').split(' ')) {
    if (!id.endsWith('-placeholder')) continue;
    const placeholder = page.locator(`[id="${id}"]`);
    if ((await placeholder.count()) > 0) return placeholder.innerText();
  }
  return null;
}

/** Waits until the picker's search has settled (found, nobody, failed, too long): not idle, not searching. */
export async function searchSettled(page: Page, input: Locator, timeout = 10_000): Promise<void> {
  const status = await statusOf(page, input);
  await status.and(page.locator('[data-status="done"], [data-status="failed"], [data-status="tooLong"]')).waitFor({
    state: 'attached',
    timeout,
  });
}

/** The listbox the combobox `input` controls (the select names it only while the list is open). */
export async function listboxOf(page: Page, input: Locator, timeout = 10_000): Promise<Locator> {
  const until = Date.now() + timeout;
  let id = await input.getAttribute('aria-controls');
  while (id === null) {
    if (Date.now() > until) throw new Error(`the list of ${await input.getAttribute('data-path')} did not open`);
    await page.waitForTimeout(50);
    id = await input.getAttribute('aria-controls');
  }
  return page.locator(`[id="${id}"]`);
}

/** Types `query` into the picker, arrows down to the option whose name starts with `name`, and chooses it with Enter. */
export async function pick(page: Page, input: Locator, query: string, name: string): Promise<void> {
  await input.fill(query);
  let listbox: Locator;
  try {
    await searchSettled(page, input);
    listbox = await listboxOf(page, input);
    await listbox.getByRole('option', { name }).first().waitFor({ timeout: 10_000 });
  } catch (e) {
    // Say what the picker said instead (searching, nobody matches, search failed…).
    const said = await (await statusOf(page, input)).innerText();
    throw new Error(
      `no option "${name}" for "${query}"; the picker says: "${said}" (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
      { cause: e },
    );
  }
  const names = (await listbox.getByRole('option').allInnerTexts()).map((n) => n.trim());
  const index = names.findIndex((n) => n.startsWith(name));
  if (index < 0) throw new Error(`no option "${name}" among ${names.join(' | ')}`);
  // The select highlights the first result when the list opens.
  for (let i = 0; i < index; i++) await input.press('ArrowDown');
  const active = await input.getAttribute('aria-activedescendant');
  const activeText = active === null ? '' : await page.locator(`[id="${active}"]`).innerText();
  if (!activeText.trim().startsWith(name)) throw new Error(`arrows reached "${activeText}", not "${name}"`);
  await input.press('Enter');
}
