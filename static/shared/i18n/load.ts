/**
 * Loads the reader's catalogue in the browser: each language is its own lazy chunk (Vite splits on the
 * two literal imports), so a page carries one catalogue, not both.
 */
import { registerMessages, type MessageLocale } from './index';

export async function loadMessages(locale: MessageLocale): Promise<void> {
  if (locale === 'zh-CN') registerMessages(locale, (await import('./zh-CN')).zhCN);
  else registerMessages(locale, (await import('./en')).en);
}
