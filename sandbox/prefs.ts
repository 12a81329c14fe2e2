/**
 * The top bar's choices (acting user, language, theme), kept in one cookie as Jira keeps its session:
 * `itr_sandbox` = URL-encoded `accountId=<id>&lang=en&theme=light`.
 */
import type { IncomingMessage } from 'node:http';
import { DEMO_USERS, type DemoUser } from './demoSite';
import type { ColorMode, Lang, Prefs } from './pages/layout';

export const COOKIE = 'itr_sandbox';

function parseCookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) out[part.slice(0, at).trim()] = decodeURIComponent(part.slice(at + 1).trim());
  }
  return out;
}

/** The request's choices; an unknown or missing user acts as the first demo user. */
export function prefsOf(req: IncomingMessage): Prefs {
  const q = new URLSearchParams(parseCookies(req)[COOKIE] ?? '');
  const accountId = DEMO_USERS.some((u) => u.accountId === q.get('accountId'))
    ? (q.get('accountId') as string)
    : (DEMO_USERS[0] as DemoUser).accountId;
  const lang: Lang = q.get('lang') === 'zh-CN' ? 'zh-CN' : 'en';
  const theme: ColorMode = q.get('theme') === 'dark' ? 'dark' : 'light';
  return { accountId, lang, theme };
}

/** The `set-cookie` value for the top bar's form: what it sent, the current choice for what it left out. */
export function prefsCookie(form: URLSearchParams, prefs: Prefs): string {
  const next = new URLSearchParams({
    accountId: form.get('accountId') ?? prefs.accountId,
    lang: form.get('lang') ?? prefs.lang,
    theme: form.get('theme') ?? prefs.theme,
  });
  return `${COOKIE}=${encodeURIComponent(next.toString())}; Path=/; SameSite=Lax`;
}
