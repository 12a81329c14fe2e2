/** Field names and values as Jira's views show them: dates in the user's time zone, users by name, app fields through their formatter. */
import type { StoredIssue } from '../../platform-doubles/jiraModel';
import { formatAppField } from '../appFieldFormatter';
import { translate, type SandboxManifest } from '../manifest';
import type { SandboxSite } from '../site';
import { avatar, esc, hostText, type Lang, type Prefs } from './layout';

export function fmtDate(site: SandboxSite, prefs: Prefs, value: unknown): string {
  if (typeof value !== 'string') return '';
  const d = new Date(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  if (Number.isNaN(d.getTime())) return esc(value);
  const tz = site.userOf(prefs.accountId).timeZone;
  return `<time datetime="${d.toISOString()}">${esc(new Intl.DateTimeFormat(prefs.lang, { timeZone: tz, dateStyle: 'medium', timeStyle: 'short' }).format(d))}</time>`;
}

/** A field value rendered as Jira's issue view shows it. */
export function fieldValue(site: SandboxSite, prefs: Prefs, type: string, value: unknown): string {
  if (value === null || value === undefined || value === '')
    return `<span class="subtle">${esc(hostText(prefs.lang, 'none'))}</span>`;
  if (type === 'user') {
    const name = site.displayName(value) ?? '';
    return `${avatar(name)}${esc(name)}`;
  }
  if (type === 'datetime' || type === 'date') return fmtDate(site, prefs, value);
  return esc(typeof value === 'object' ? JSON.stringify(value) : value);
}

/** An app field through its manifest formatter, as Jira's views show it (sandbox/appFieldFormatter.ts). */
export function appFieldValue(
  site: SandboxSite,
  prefs: Prefs,
  issue: StoredIssue,
  moduleKey: string,
  type: string,
  value: unknown,
): string {
  const shown =
    value === null || value === undefined || value === ''
      ? undefined
      : formatAppField(site.manifest, site.jira.model, moduleKey, issue, prefs.accountId);
  return shown === undefined ? fieldValue(site, prefs, type, value) : esc(shown);
}

/** An app field's name from its manifest module, in the user's language. */
export function appFieldName(manifest: SandboxManifest, lang: Lang, moduleKey: string): string {
  const m = manifest.modules.find((x) => x.type === 'jira:customField' && x.key === moduleKey);
  const name = m?.raw['name'] as { i18n?: string } | string | undefined;
  if (typeof name === 'string') return name;
  return name?.i18n === undefined ? moduleKey : translate(manifest, lang === 'zh-CN' ? 'zh-CN' : 'en-US', name.i18n);
}
