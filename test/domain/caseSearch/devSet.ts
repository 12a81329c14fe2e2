/**
 * The development set the search was tuned on, generated (seeded, deterministic), so the public
 * evaluation set (`../shared/data/case-search/`) stays unseen until the final check.
 *
 * How it is made: a latent "problem" is a product + component + a symptom drawn from a pool, with
 * optional identifiers (a version, a file, an error code, a crash signature). Each report of a
 * problem is written independently: synonyms for the symptom words, different word forms, a random
 * subset of the identifiers, template boilerplate (user agent, steps / actual / expected), and
 * unrelated filler sentences. Distractor problems share the product and component but not the
 * symptom, which is the hard case for duplicate search. About a fifth of the problems are written in
 * Chinese. A query is a later report of a problem; its `relevant` are the earlier reports.
 *
 * Also: `syntheticCases` builds filler cases "around" a real corpus (words sampled with the corpus's
 * own frequencies) for latency at scale.
 */

export interface CaseRecord {
  id: string;
  title: string;
  body: string;
  created: string | null;
}
export interface QueryRecord extends CaseRecord {
  relevant: string[];
}

/** mulberry32: a small seeded PRNG (tests and benches pass the seed; nothing reads ambient randomness). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
function pick<T>(r: Rng, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}
function some<T>(r: Rng, xs: readonly T[], p: number): T[] {
  return xs.filter(() => r() < p);
}

const PRODUCTS = ['Mailer', 'Navigator', 'Composer', 'Calendar', 'Chat', 'Addressbook', 'Sync', 'Printing'];
const COMPONENTS = [
  'toolbar',
  'sidebar',
  'preferences',
  'download manager',
  'tab bar',
  'search box',
  'account wizard',
  'spell checker',
  'bookmarks',
  'history',
  'password manager',
  'status bar',
  'folder pane',
  'message list',
  'editor',
];
/** Symptom families: each inner list holds interchangeable phrasings of one symptom. */
const SYMPTOMS: string[][][] = [
  [
    ['crash', 'crashes', 'crashed'],
    ['on startup', 'when starting', 'at launch'],
  ],
  [
    ['hangs', 'freezes', 'stops responding', 'becomes unresponsive'],
    ['for several seconds', 'indefinitely', 'until killed'],
  ],
  [['is blank', 'shows nothing', 'renders empty', 'stays white']],
  [
    ['memory usage grows', 'leaks memory', 'uses too much RAM'],
    ['over time', 'after a few hours'],
  ],
  [['icons missing', 'icons disappear', 'no icons shown']],
  [['cannot be resized', 'resize does not work', 'resizing fails']],
  [
    ['loses settings', 'forgets preferences', 'settings reset'],
    ['after restart', 'on upgrade'],
  ],
  [
    ['wrong font', 'font too small', 'text unreadable'],
    ['in dark theme', 'with high contrast'],
  ],
  [['duplicate entries', 'items appear twice', 'shows duplicates']],
  [['slow to open', 'takes minutes to load', 'opens very slowly']],
  [['drag and drop broken', 'cannot drag items', 'dragging does nothing']],
  [['keyboard shortcut ignored', 'hotkey does not work', 'shortcut key not working']],
  [
    ['error dialog', 'error message popup', 'alert box appears'],
    ['with no text', 'saying unknown error'],
  ],
  [
    ['attachment lost', 'attachments dropped', 'attached file missing'],
    ['when sending', 'on forward'],
  ],
  [
    ['certificate error', 'SSL warning', 'TLS handshake failure'],
    ['on every site', 'for valid certificates'],
  ],
];
const ZH_SYMPTOMS: string[][] = [
  ['启动时崩溃', '一启动就崩溃', '打开后立即闪退'],
  ['界面卡死', '程序无响应', '窗口卡住不动'],
  ['内存占用过高', '内存持续增长', '内存泄漏严重'],
  ['打印机无法连接', '连接打印机失败', '找不到打印机'],
  ['登录后设置丢失', '重启后配置被重置', '首选项没有保存'],
  ['附件发送失败', '邮件附件丢失', '转发时附件不见了'],
  ['证书错误', '证书校验失败', '提示证书不受信任'],
  ['同步数据重复', '同步后出现重复条目', '数据重复显示'],
];
const ZH_COMPONENTS = ['工具栏', '侧边栏', '下载管理器', '地址簿', '日历', '邮件列表', '编辑器', '搜索框'];
const FILLER = [
  'I have been using this for years and never saw this before.',
  'Please fix this as soon as possible, it blocks my work.',
  'Tried a new profile, same result.',
  'Reinstalling did not help.',
  'This happens on both of my machines.',
  'Other applications work fine.',
  'I am not sure if this is related to the last update.',
  'The problem started last week.',
  'See attached screenshot for details.',
  'My colleague reports the same thing on Windows.',
  'Safe mode does not change anything.',
  'Disabling extensions made no difference.',
];
const ZH_FILLER = [
  '重新安装也没有用。',
  '换了一台电脑问题依旧。',
  '上周更新之后开始出现。',
  '请尽快处理，影响工作。',
  '安全模式下也一样。',
];
const OS = ['Windows 10', 'Windows 11', 'Mac OS X 10.14', 'Ubuntu 22.04', 'Fedora 38'];
const FILES = [
  'nsDocShell.cpp',
  'prefs.js',
  'mailnews.js',
  'nsMsgDatabase.cpp',
  'places.sqlite',
  'toolkit.xul',
  'nsPrintJob.cpp',
  'calItemBase.js',
];
const ERRORS = [
  '0x80004005',
  'NS_ERROR_FAILURE',
  'E1024',
  'SSL_ERROR_BAD_CERT_DOMAIN',
  'NS_ERROR_NOT_AVAILABLE',
  'ERR_CONN_RESET',
];
const SIGS = [
  'js::GCRuntime::collect',
  'mozilla::dom::Element::GetAttr',
  'nsThread::ProcessNextEvent',
  'PR_Lock',
  'ntdll.dll@0x1e2f',
];

interface Problem {
  zh: boolean;
  product: string;
  component: string;
  symptom: number;
  version: string;
  file?: string;
  error?: string;
  sig?: string;
}

function makeProblem(r: Rng): Problem {
  const zh = r() < 0.2;
  const p: Problem = {
    zh,
    product: pick(r, PRODUCTS),
    component: zh ? pick(r, ZH_COMPONENTS) : pick(r, COMPONENTS),
    symptom: Math.floor(r() * (zh ? ZH_SYMPTOMS.length : SYMPTOMS.length)),
    version: `2.${40 + Math.floor(r() * 15)}.${Math.floor(r() * 4)}`,
  };
  if (r() < 0.4) p.file = pick(r, FILES);
  if (r() < 0.3) p.error = pick(r, ERRORS);
  if (r() < 0.25) p.sig = pick(r, SIGS);
  return p;
}

function symptomText(r: Rng, p: Problem): string {
  if (p.zh) return pick(r, ZH_SYMPTOMS[p.symptom] as string[]);
  return (SYMPTOMS[p.symptom] as string[][]).map((alts) => pick(r, alts)).join(' ');
}

function report(r: Rng, p: Problem): { title: string; body: string } {
  const sym = symptomText(r, p);
  const idents = some(
    r,
    [p.file, p.error, p.sig].filter((x): x is string => x !== undefined),
    0.6,
  );
  if (p.zh) {
    const title = r() < 0.5 ? `${p.product} ${p.component}${sym}` : `${sym}（${p.component}）`;
    const body = [
      `版本 ${r() < 0.7 ? p.version : '最新版'}，系统 ${pick(r, OS)}。`,
      `操作步骤：打开${p.component}，然后${sym}。`,
      ...idents.map((x) => `日志里有 ${x}。`),
      ...some(r, ZH_FILLER, 0.4),
    ].join('\n');
    return { title, body };
  }
  const titleForms = [
    `${p.component} ${sym}`,
    `${p.product}: ${p.component} ${sym}`,
    `${sym} in ${p.component}`,
    `${p.product} ${p.version} ${p.component} ${sym}`,
  ];
  const body = [
    `User Agent: Mozilla/5.0 (${pick(r, OS)}; rv:60.0) Gecko/20100101 ${p.product}/${r() < 0.7 ? p.version : '2.53.1'}`,
    '',
    'Steps to reproduce:',
    `Open the ${p.component} and use it normally. ${pick(r, FILLER)}`,
    '',
    'Actual results:',
    `The ${p.component} ${symptomText(r, p)}. ${idents.map((x) => `Console shows ${x}.`).join(' ')}`,
    ...some(r, FILLER, 0.3),
    '',
    'Expected results:',
    `The ${p.component} should work.`,
  ].join('\n');
  return { title: pick(r, titleForms), body };
}

/**
 * A development set: `problems` latent problems, each reported 1–4 times; every report after the
 * first of a problem with ≥ 2 reports may become a query (up to `queries`).
 */
export function generateDevSet(
  seed: number,
  problems = 500,
  queries = 80,
): { cases: CaseRecord[]; queries: QueryRecord[] } {
  const r = prng(seed);
  const cases: CaseRecord[] = [];
  const qs: QueryRecord[] = [];
  let n = 100000;
  for (let i = 0; i < problems; i++) {
    const p = makeProblem(r);
    const count = r() < 0.35 ? 1 + Math.floor(r() * 3) : 0;
    const ids: string[] = [];
    const first = report(r, p);
    ids.push(String(n));
    cases.push({ id: String(n++), ...first, created: null });
    for (let k = 0; k < count; k++) {
      const rep = report(r, p);
      if (k === count - 1 && qs.length < queries && r() < 0.8) {
        qs.push({ id: String(n++), ...rep, created: null, relevant: [...ids] });
      } else {
        ids.push(String(n));
        cases.push({ id: String(n++), ...rep, created: null });
      }
    }
  }
  return { cases, queries: qs };
}

/**
 * `count` filler cases with the vocabulary of `around`: each takes a random real case as a template
 * and resamples its words (keeping lengths and the corpus's word frequencies roughly as they are).
 */
export function syntheticCases(
  seed: number,
  count: number,
  around: readonly CaseRecord[],
  firstId = 9_000_000,
): CaseRecord[] {
  const r = prng(seed);
  const words: string[] = [];
  for (const c of around)
    for (const w of `${c.title} ${c.body}`.split(/\s+/)) if (w.length > 0 && words.length < 400_000) words.push(w);
  if (words.length === 0) words.push('case');
  const out: CaseRecord[] = [];
  for (let i = 0; i < count; i++) {
    const t =
      around.length > 0 ? (around[Math.floor(r() * around.length)] as CaseRecord) : { title: 'case', body: 'case' };
    const titleLen = Math.max(3, t.title.split(/\s+/).length);
    const bodyLen = Math.min(150, Math.max(10, t.body.split(/\s+/).length));
    const sample = (len: number): string =>
      Array.from({ length: len }, () => words[Math.floor(r() * words.length)] as string).join(' ');
    out.push({ id: String(firstId + i), title: sample(titleLen), body: sample(bodyLen), created: null });
  }
  return out;
}
