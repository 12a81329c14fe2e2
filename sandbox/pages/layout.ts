/**
 * The host pages' layout and shared pieces (each page is a file beside it): plain server-rendered HTML
 * shaped like Jira's (top bar, project list, issue view with a details sidebar), styled only with
 * design-token CSS variables (`--ds-*` from @atlaskit/tokens), so the light and dark themes both work.
 * A little inline JS submits the switches and sizes app iframes to their content, as Jira does for
 * Custom UI.
 */
import type { DemoUser } from '../demoSite';

export type Lang = 'en' | 'zh-CN';
export type ColorMode = 'light' | 'dark';

export interface Prefs {
  accountId: string;
  lang: Lang;
  theme: ColorMode;
}

const HOST_TEXT = {
  en: {
    projects: 'Projects',
    issues: 'Issues',
    createIssue: 'Create issue',
    project: 'Project',
    summary: 'Summary',
    description: 'Description',
    create: 'Create',
    status: 'Status',
    reporter: 'Reporter',
    assignee: 'Assignee',
    details: 'Details',
    actingAs: 'Acting as',
    language: 'Language',
    theme: 'Theme',
    light: 'Light',
    dark: 'Dark',
    sandboxTime: 'Sandbox time',
    edit: 'Edit',
    save: 'Save',
    unassigned: 'Unassigned',
    created: 'Created',
    updated: 'Updated',
    apps: 'Apps',
    key: 'Key',
    type: 'Type',
    none: 'None',
    allProjects: 'All projects',
    issueType: 'Issue type',
    notFound: 'Issue not found, or you may not see it.',
    editSummary: 'Edit summary',
    moveTo: 'Move to',
    home: 'Home',
    name: 'Name',
    count: 'Issues',
    sandbox: 'ITR sandbox',
    appFields: 'ITR fields',
    searchResults: 'Search results',
    found: 'Issues found',
    showHistory: 'Show {n} resolved issues of the past year',
  },
  'zh-CN': {
    projects: '项目',
    issues: '问题',
    createIssue: '创建问题',
    project: '项目',
    summary: '概要',
    description: '描述',
    create: '创建',
    status: '状态',
    reporter: '报告人',
    assignee: '经办人',
    details: '详细信息',
    actingAs: '当前用户',
    language: '语言',
    theme: '主题',
    light: '浅色',
    dark: '深色',
    sandboxTime: '沙箱时间',
    edit: '编辑',
    save: '保存',
    unassigned: '未分配',
    created: '创建时间',
    updated: '更新时间',
    apps: '应用',
    key: '关键字',
    type: '类型',
    none: '无',
    allProjects: '所有项目',
    issueType: '问题类型',
    notFound: '问题不存在，或您无权查看。',
    editSummary: '编辑概要',
    moveTo: '转到',
    home: '首页',
    name: '名称',
    count: '问题数',
    sandbox: 'ITR 沙箱',
    appFields: 'ITR 字段',
    searchResults: '搜索结果',
    found: '找到的问题数',
    showHistory: '显示过去一年已解决的 {n} 个问题',
  },
} as const;

export type HostTextKey = keyof (typeof HOST_TEXT)['en'];

export function hostText(lang: Lang, key: HostTextKey): string {
  return HOST_TEXT[lang][key];
}

export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export const THEME_ATTRS = 'dark:dark light:light shape:shape spacing:spacing typography:typography';

const STYLES = `
*, *::before, *::after { box-sizing: border-box; }
html[data-color-mode=dark] { color-scheme: dark; }
html[data-color-mode=light] { color-scheme: light; }
html, body { margin: 0; background: var(--ds-surface); color: var(--ds-text); font: var(--ds-font-body); }
a { color: var(--ds-link); text-decoration: none; }
a:hover { text-decoration: underline; }
.topbar { display: flex; align-items: center; gap: var(--ds-space-200); padding: var(--ds-space-100) var(--ds-space-300);
  border-bottom: var(--ds-border-width) solid var(--ds-border); background: var(--ds-surface); position: sticky; top: 0; z-index: 1; }
.brand { font: var(--ds-font-heading-small); color: var(--ds-text); display: flex; align-items: center; gap: var(--ds-space-100); }
.brand-mark { display: inline-block; width: var(--ds-space-300); height: var(--ds-space-300); border-radius: var(--ds-radius-small);
  background: var(--ds-background-brand-bold); }
.nav { display: flex; gap: var(--ds-space-150); }
.nav a { color: var(--ds-text-subtle); font-weight: var(--ds-font-weight-medium); padding: var(--ds-space-050) var(--ds-space-100); border-radius: var(--ds-radius-small); }
.nav a:hover { background: var(--ds-background-neutral-subtle-hovered); text-decoration: none; }
.switches { margin-left: auto; display: flex; align-items: center; gap: var(--ds-space-150); font: var(--ds-font-body-small); color: var(--ds-text-subtle); }
.switches label { display: flex; align-items: center; gap: var(--ds-space-050); }
select, input[type=text], textarea { font: var(--ds-font-body); color: var(--ds-text); background: var(--ds-background-input);
  border: var(--ds-border-width) solid var(--ds-border-input); border-radius: var(--ds-radius-small); padding: var(--ds-space-050) var(--ds-space-075); }
textarea { width: 100%; min-height: calc(var(--ds-space-800) + var(--ds-space-400)); }
button { font: var(--ds-font-body); font-weight: var(--ds-font-weight-medium); border: none; border-radius: var(--ds-radius-small);
  padding: var(--ds-space-075) var(--ds-space-150); cursor: pointer; background: var(--ds-background-neutral); color: var(--ds-text); }
button:hover { background: var(--ds-background-neutral-hovered); }
button.primary { background: var(--ds-background-brand-bold); color: var(--ds-text-inverse); }
button.primary:hover { background: var(--ds-background-brand-bold-hovered); }
.clock { font-variant-numeric: tabular-nums; color: var(--ds-text); }
main { padding: var(--ds-space-300) var(--ds-space-400); max-width: calc(var(--ds-space-1000) * 16); }
h1 { font: var(--ds-font-heading-large); margin: var(--ds-space-100) 0 var(--ds-space-200); }
h2 { font: var(--ds-font-heading-small); margin: var(--ds-space-300) 0 var(--ds-space-100); }
.breadcrumbs { font: var(--ds-font-body-small); color: var(--ds-text-subtle); display: flex; gap: var(--ds-space-075); }
table { border-collapse: collapse; width: 100%; }
th { text-align: left; font: var(--ds-font-body-small); font-weight: var(--ds-font-weight-bold); color: var(--ds-text-subtle);
  border-bottom: var(--ds-border-width-selected) solid var(--ds-border); padding: var(--ds-space-075) var(--ds-space-100); }
td { border-bottom: var(--ds-border-width) solid var(--ds-border); padding: var(--ds-space-075) var(--ds-space-100); vertical-align: top; }
tr:hover td { background: var(--ds-background-neutral-subtle-hovered); }
.lozenge { display: inline-block; font: var(--ds-font-body-small); font-weight: var(--ds-font-weight-bold); text-transform: uppercase;
  padding: 0 var(--ds-space-050); border-radius: var(--ds-radius-xsmall); white-space: nowrap; }
.lozenge.new { background: var(--ds-background-neutral); color: var(--ds-text-subtle); }
.lozenge.indeterminate { background: var(--ds-background-information); color: var(--ds-text-information); }
.lozenge.done { background: var(--ds-background-success); color: var(--ds-text-success); }
.subtle { color: var(--ds-text-subtlest); }
.issue { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: var(--ds-space-400); }
.card { border: var(--ds-border-width) solid var(--ds-border); border-radius: var(--ds-radius-medium); background: var(--ds-surface-raised);
  box-shadow: var(--ds-shadow-raised); }
.card > header { padding: var(--ds-space-150) var(--ds-space-200); font: var(--ds-font-heading-xsmall); border-bottom: var(--ds-border-width) solid var(--ds-border); }
.card > .body { padding: var(--ds-space-150) var(--ds-space-200); }
dl.fields { display: grid; grid-template-columns: minmax(min-content, 40%) 1fr; gap: var(--ds-space-150) var(--ds-space-200); margin: 0; }
dl.fields dt { color: var(--ds-text-subtle); font-weight: var(--ds-font-weight-medium); }
dl.fields dd { margin: 0; min-width: 0; }
.app-panel { margin-top: var(--ds-space-300); }
.app-panel > header { display: flex; align-items: center; gap: var(--ds-space-100); font: var(--ds-font-heading-xsmall); margin-bottom: var(--ds-space-100); }
.app-panel > header img { width: var(--ds-space-200); height: var(--ds-space-200); }
iframe.forge-app { width: 100%; border: none; display: block; min-height: var(--ds-space-600); color-scheme: normal; }
.create { display: grid; grid-template-columns: max-content 1fr; gap: var(--ds-space-100) var(--ds-space-150); align-items: center; max-width: calc(var(--ds-space-1000) * 7); }
.create .actions { grid-column: 2; }
.transitions { display: inline-flex; gap: var(--ds-space-075); align-items: center; flex-wrap: wrap; }
.actions-row { display: flex; gap: var(--ds-space-100); align-items: center; flex-wrap: wrap; margin-bottom: var(--ds-space-200); }
details.edit > summary { cursor: pointer; color: var(--ds-link); font: var(--ds-font-body-small); list-style: none; }
.error { background: var(--ds-background-danger); color: var(--ds-text-danger); padding: var(--ds-space-100) var(--ds-space-150); border-radius: var(--ds-radius-small); }
.with-sidebar { display: grid; grid-template-columns: calc(var(--ds-space-1000) * 3) minmax(0, 1fr); gap: var(--ds-space-400); align-items: start; }
.subpages { position: sticky; top: calc(var(--ds-space-600) + var(--ds-space-200)); border-right: var(--ds-border-width) solid var(--ds-border); padding-right: var(--ds-space-200); }
.subpages h2 { font: var(--ds-font-heading-xsmall); margin: var(--ds-space-100) 0 var(--ds-space-150); color: var(--ds-text); }
.subpages h3 { font: var(--ds-font-body-small); font-weight: var(--ds-font-weight-bold); color: var(--ds-text-subtle); margin: var(--ds-space-200) 0 var(--ds-space-050); }
.subpages ul { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--ds-space-025); }
.subpages a { display: block; padding: var(--ds-space-075) var(--ds-space-150); border-radius: var(--ds-radius-small); color: var(--ds-text-subtle); font-weight: var(--ds-font-weight-medium); }
.subpages a:hover { background: var(--ds-background-neutral-subtle-hovered); text-decoration: none; }
.subpages a[aria-current=page] { background: var(--ds-background-selected); color: var(--ds-text-selected); }
.avatar { display: inline-flex; align-items: center; justify-content: center; width: var(--ds-space-300); height: var(--ds-space-300);
  border-radius: var(--ds-radius-full); background: var(--ds-background-accent-blue-subtler); color: var(--ds-text-accent-blue);
  font: var(--ds-font-body-small); font-weight: var(--ds-font-weight-bold); margin-right: var(--ds-space-075); vertical-align: middle; }
`;

// Sizes every app iframe to its content (same origin here), as Jira's host does for Custom UI.
const HOST_SCRIPT = `
setInterval(() => {
  for (const f of document.querySelectorAll('iframe.forge-app')) {
    try {
      const d = f.contentDocument;
      if (!d || !d.body) continue;
      const h = Math.max(d.documentElement.scrollHeight, d.body.scrollHeight);
      if (h > 0 && Math.abs(f.offsetHeight - h) > 2) f.style.height = h + 'px';
    } catch (e) { /* not loaded yet */ }
  }
}, 200);
// Jira's sidebar of subpages only changes the page URL (forge-docs: jira-global-page, "Subpages"): a click
// moves it without reloading the app's frame and tells the frame's history (sandbox/bridgeScript.ts).
(() => {
  const nav = document.querySelector('nav.subpages');
  if (!nav) return;
  const base = nav.dataset.base;
  const links = [...nav.querySelectorAll('a[data-route]')];
  const mark = () => {
    const below = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : '';
    const first = below.split('/').filter((part) => part !== '')[0];
    const current = first === undefined ? links[0] : links.find((a) => a.dataset.route === decodeURIComponent(first));
    for (const a of links) {
      if (a === current) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
  };
  nav.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-route]');
    if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    if (a.getAttribute('href') !== location.pathname) history.pushState({}, '', a.getAttribute('href'));
    mark();
    window.dispatchEvent(new Event('sandbox:navigate'));
  });
  window.addEventListener('popstate', mark);
  window.addEventListener('sandbox:subpage', mark);
})();
(() => {
  const el = document.getElementById('sandbox-clock');
  if (!el) return;
  const start = Number(el.dataset.now), speed = Number(el.dataset.speed), t0 = performance.now();
  const fmt = new Intl.DateTimeFormat(el.dataset.lang, { timeZone: el.dataset.tz, dateStyle: 'medium', timeStyle: 'medium' });
  const tick = () => { el.textContent = fmt.format(new Date(start + (performance.now() - t0) * speed)); };
  tick(); setInterval(tick, 250);
})();
`;

export interface LayoutInput {
  prefs: Prefs;
  title: string;
  users: readonly DemoUser[];
  actingUser: DemoUser;
  /** Top-nav links to app pages (global/admin/… modules). */
  appLinks: { href: string; label: string }[];
  nowMs: number;
  speed: number;
  back: string;
  body: string;
}

export function avatar(name: string): string {
  return `<span class="avatar" aria-hidden="true">${esc([...name][0] ?? '?')}</span>`;
}

export function layout(p: LayoutInput): string {
  const t = (k: HostTextKey): string => hostText(p.prefs.lang, k);
  const opt = (value: string, label: string, selected: boolean): string =>
    `<option value="${esc(value)}"${selected ? ' selected' : ''}>${esc(label)}</option>`;
  const userOptions = p.users
    .map((u) => opt(u.accountId, `${u.displayName} (${u.role})`, u.accountId === p.prefs.accountId))
    .join('');
  return `<!doctype html>
<html lang="${p.prefs.lang}" data-color-mode="${p.prefs.theme}" data-theme="${THEME_ATTRS}">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)} - ${esc(t('sandbox'))}</title>
<link rel="stylesheet" href="/__tokens.css">
<style>${STYLES}</style>
</head>
<body>
<header class="topbar">
  <a class="brand" href="/"><span class="brand-mark" aria-hidden="true"></span>${esc(t('sandbox'))}</a>
  <nav class="nav" aria-label="${esc(t('apps'))}">
    <a href="/">${esc(t('issues'))}</a>
    ${p.appLinks.map((l) => `<a href="${esc(l.href)}">${esc(l.label)}</a>`).join('')}
  </nav>
  <form class="switches" id="prefs" method="post" action="/__prefs">
    <input type="hidden" name="back" value="${esc(p.back)}">
    <span>${esc(t('sandboxTime'))}: <span class="clock" id="sandbox-clock" data-now="${p.nowMs}" data-speed="${p.speed}" data-lang="${p.prefs.lang}" data-tz="${esc(p.actingUser.timeZone)}"></span></span>
    <label>${esc(t('actingAs'))} <select name="accountId" data-testid="switch-user" onchange="this.form.submit()">${userOptions}</select></label>
    <label>${esc(t('language'))} <select name="lang" data-testid="switch-lang" onchange="this.form.submit()">${opt('en', 'English', p.prefs.lang === 'en')}${opt('zh-CN', '简体中文', p.prefs.lang === 'zh-CN')}</select></label>
    <label>${esc(t('theme'))} <select name="theme" data-testid="switch-theme" onchange="this.form.submit()">${opt('light', t('light'), p.prefs.theme === 'light')}${opt('dark', t('dark'), p.prefs.theme === 'dark')}</select></label>
    <noscript><button type="submit">OK</button></noscript>
  </form>
</header>
<main>
${p.body}
</main>
<script>${HOST_SCRIPT}</script>
</body>
</html>`;
}

export function statusLozenge(status: { name: string; category: string }): string {
  return `<span class="lozenge ${esc(status.category)}" data-testid="issue-status">${esc(status.name)}</span>`;
}
