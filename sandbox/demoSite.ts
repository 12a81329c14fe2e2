/**
 * The sandbox's demo Jira site: projects, people with ITR roles, the app's custom fields (as Forge
 * would create them from the manifest's `jira:customField` modules) and ~30 ITR issues in English and
 * Chinese at every stage. Line-entry times are relative to the sandbox's start, so each run shows some
 * issues on track, some in warning and some overdue.
 *
 * Due and warning times written into the fields are computed by the domain (`src/domain`) exactly as
 * the app computes them, with the shipped grading table.
 */
import {
  DEFAULT_CALENDARS,
  DEFAULT_GRADING_TABLE,
  lineBudget,
  lineDeadlines,
  responseDeadlines,
  responseGradeOf,
  type SupportLine,
} from '../src/domain';
import { ITR_FIELDS, ITR_FIELD_NAMES, type ItrFieldIds, type ItrFieldName } from '../src/app/fields/itrFields';
import { ITR_ISSUE_TYPE_NAMES, ITR_STATUSES } from '../src/app/setup/plan';
import type { SupportLineSettings } from '../src/contract/settings';
import type { JiraDouble } from '../platform-doubles/jiraDouble';
import { jiraDateTime } from '../platform-doubles/jiraModel';
import { translate, type SandboxManifest } from './manifest';

/** `outsider`: a licensed user of the site who may browse no ITR project (security probes act as them). */
export type Role = 'submitter' | 'L1' | 'L2' | 'L3' | 'triage' | 'admin' | 'outsider';

export interface DemoUser {
  accountId: string;
  displayName: string;
  locale: 'en_US' | 'zh_CN';
  timeZone: string;
  role: Role;
  groups: string[];
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    accountId: '557058:sandbox-anna',
    displayName: 'Anna Schmidt',
    locale: 'en_US',
    timeZone: 'Europe/Berlin',
    role: 'submitter',
    groups: ['jira-software-users'],
  },
  {
    accountId: '557058:sandbox-wangfang',
    displayName: '王芳',
    locale: 'zh_CN',
    timeZone: 'Asia/Shanghai',
    role: 'submitter',
    groups: ['jira-software-users'],
  },
  {
    accountId: '557058:sandbox-liwei',
    displayName: '李伟',
    locale: 'zh_CN',
    timeZone: 'Asia/Shanghai',
    role: 'L1',
    groups: ['jira-software-users', 'itr-l1'],
  },
  {
    accountId: '557058:sandbox-tom',
    displayName: 'Tom Baker',
    locale: 'en_US',
    timeZone: 'Europe/London',
    role: 'L2',
    groups: ['jira-software-users', 'itr-l2'],
  },
  {
    accountId: '557058:sandbox-zhaolei',
    displayName: '赵磊',
    locale: 'zh_CN',
    timeZone: 'Asia/Shanghai',
    role: 'L3',
    groups: ['jira-software-users', 'itr-l3'],
  },
  {
    accountId: '557058:sandbox-maria',
    displayName: 'Maria Lopez',
    locale: 'en_US',
    timeZone: 'America/New_York',
    role: 'triage',
    groups: ['jira-software-users', 'itr-triage'],
  },
  {
    accountId: '557058:sandbox-chenjing',
    displayName: '陈静',
    locale: 'zh_CN',
    timeZone: 'Asia/Shanghai',
    role: 'admin',
    groups: ['jira-software-users', 'jira-administrators'],
  },
  {
    accountId: '557058:sandbox-oscar',
    displayName: 'Oscar Outsider',
    locale: 'en_US',
    timeZone: 'Europe/Paris',
    role: 'outsider',
    groups: ['jira-software-users'],
  },
  // L1's second engineer: the itr-l1 group takes turns (DEMO_LINE_ROUTING). Last, so earlier positions hold.
  {
    accountId: '557058:sandbox-lucas',
    displayName: 'Lucas Weber',
    locale: 'en_US',
    timeZone: 'Europe/Vienna',
    role: 'L1',
    groups: ['jira-software-users', 'itr-l1'],
  },
];

/** The outsider: browses only the non-ITR hand-off projects (RND, SAL). */
export const OUTSIDER = '557058:sandbox-oscar';
const INSIDERS = DEMO_USERS.filter((u) => u.role !== 'outsider').map((u) => u.accountId);
/**
 * Who may browse SEC, the restricted ITR project: its submitter (Anna), L1 (李伟), triage (Maria) and
 * the admin (陈静); not 王芳, Tom, 赵磊 or the outsider.
 */
export const SEC_BROWSERS: readonly string[] = [
  '557058:sandbox-anna',
  '557058:sandbox-liwei',
  '557058:sandbox-maria',
  '557058:sandbox-chenjing',
];

/** The ITR projects; `browsers` (account ids) limits who may browse, as a permission scheme would. */
export const DEMO_PROJECTS: ReadonlyArray<{
  key: 'ITR' | 'NET' | 'FLD' | 'SEC';
  name: string;
  browsers: readonly string[];
}> = [
  { key: 'ITR', name: 'Customer Support', browsers: INSIDERS },
  { key: 'NET', name: 'Network Ops 网络运维', browsers: INSIDERS },
  { key: 'FLD', name: 'Field Service 现场服务', browsers: INSIDERS },
  { key: 'SEC', name: 'Security Incidents 安全事件', browsers: SEC_BROWSERS },
];

/** The app's fields on this demo site: `customfield_10100` upwards, in ITR_FIELDS order. */
export const DEMO_FIELD_IDS: ItrFieldIds = Object.fromEntries(
  ITR_FIELD_NAMES.map((name, i) => [name, `customfield_${10100 + i}`]),
) as Record<ItrFieldName, string>;

const [ANNA, WANG, LI, TOM, ZHAO, MARIA] = DEMO_USERS.map((u) => u.accountId) as [
  string,
  string,
  string,
  string,
  string,
  string,
];

/** The ITR workflow's status of a line (setup's `ITR_STATUSES`), so a renamed status fails here, not silently. */
function lineStatus(ref: 'l1' | 'l2' | 'l3'): string {
  const status = ITR_STATUSES.find((s) => s.ref === ref);
  if (status === undefined) throw new Error(`demo site: the ITR workflow has no ${ref} status`);
  return status.name;
}

/**
 * The support lines as the demo admin set them (the "Support lines" tab), one of each assignment:
 * L1 is the `itr-l1` group taking turns (李伟, Lucas Weber); L2 is Tom Baker; L3 is unassigned and
 * the `itr-l3` group is told. Each line moves the issue to its own "Lx Handling" status, and 陈静 hears
 * of an L3 breach. Saved through the app's own resolver when the sandbox starts (server.ts).
 */
export const DEMO_LINE_ROUTING: SupportLineSettings = {
  lines: {
    L1: {
      assignment: { mode: 'group', group: 'itr-l1' },
      statusName: lineStatus('l1'),
      notifyAccountIds: [],
      notifyGroups: [],
    },
    L2: {
      assignment: { mode: 'person', accountId: TOM },
      statusName: lineStatus('l2'),
      notifyAccountIds: [],
      notifyGroups: [],
    },
    L3: {
      assignment: { mode: 'unassigned', notifyGroup: 'itr-l3' },
      statusName: lineStatus('l3'),
      notifyAccountIds: [],
      notifyGroups: [],
    },
  },
  managementAccountIds: [DEMO_USERS.find((u) => u.role === 'admin')?.accountId ?? ''],
  managementGroups: [],
  locale: 'en',
};

type Kind = 'technicalService' | 'nonTechnicalService' | 'spareParts' | 'complaint';
type Grade = 'critical' | 'major' | 'minor' | 'suggestion';

/** One demo issue. `enteredHoursAgo` is relative to the sandbox's start. */
interface DemoIssue {
  project: (typeof DEMO_PROJECTS)[number]['key'];
  summary: string;
  description: string;
  submitter: string;
  stage: 'untriaged' | 'graded' | 'resolved' | 'closed';
  kind?: Kind;
  grade?: Grade;
  line?: SupportLine;
  enteredHoursAgo?: number;
  assignee?: string;
  createdHoursAgo: number;
  /** Untriaged: the ITR issue type the submitter chose (default technical service); triage sets the kind. */
  requestedAs?: Kind;
}

/**
 * Critical issues run on the `always-on` calendar, so their state does not depend on the weekday the
 * sandbox starts: critical L1 budget = 25 % of 24 h = 6 h, warning at 75 % = 4.5 h.
 * ITR-1 is overdue (entered L1 8 h ago), ITR-2 in warning (5 h), ITR-3 on track (1 h) — tests rely on it.
 * (The escalation sweep moves ITR-1 to L2 at its first run, five sandbox-minutes after the start.)
 * ITR-15 is the escalation demo: 7 sandbox-minutes left on L1.
 */
const ISSUES: readonly DemoIssue[] = [
  {
    project: 'ITR',
    summary: 'Payment gateway down for all merchants in EU region',
    description: 'Since 06:10 UTC every card payment fails with HTTP 503. Roughly 4,000 merchants affected.',
    submitter: ANNA,
    stage: 'graded',
    kind: 'technicalService',
    grade: 'critical',
    line: 'L1',
    enteredHoursAgo: 8,
    assignee: LI,
    createdHoursAgo: 8.5,
  },
  {
    project: 'ITR',
    summary: '华东区核心交换机间歇性丢包',
    description: '上海数据中心两台核心交换机自凌晨起间歇性丢包，约 30% 业务受影响。',
    submitter: WANG,
    stage: 'graded',
    kind: 'technicalService',
    grade: 'critical',
    line: 'L1',
    enteredHoursAgo: 5,
    assignee: LI,
    createdHoursAgo: 5.2,
  },
  {
    project: 'ITR',
    summary: 'Login page returns 500 for SSO users',
    description: 'All users of the Acme SSO tenant get an error page after the identity provider redirect.',
    submitter: ANNA,
    stage: 'graded',
    kind: 'technicalService',
    grade: 'critical',
    line: 'L1',
    enteredHoursAgo: 1,
    assignee: LI,
    createdHoursAgo: 1.2,
  },
  {
    project: 'ITR',
    summary: 'Invoice PDF shows wrong VAT rate',
    description: 'Invoices for Austrian customers show 19 % VAT instead of 20 %.',
    submitter: ANNA,
    stage: 'graded',
    kind: 'technicalService',
    grade: 'major',
    line: 'L2',
    enteredHoursAgo: 20,
    assignee: TOM,
    createdHoursAgo: 30,
  },
  {
    project: 'ITR',
    summary: '客户投诉：工程师上门迟到三小时',
    description: '客户反映预约上午 9 点的上门服务，工程师 12 点才到，且未提前通知。',
    submitter: WANG,
    stage: 'graded',
    kind: 'complaint',
    grade: 'major',
    line: 'L1',
    enteredHoursAgo: 3,
    assignee: LI,
    createdHoursAgo: 4,
  },
  {
    project: 'ITR',
    summary: 'Request a copy of the 2025 service contract',
    description: 'The customer asks for a signed copy of the 2025 maintenance contract for their audit.',
    submitter: ANNA,
    stage: 'graded',
    kind: 'nonTechnicalService',
    grade: 'suggestion',
    line: 'L1',
    enteredHoursAgo: 2,
    assignee: LI,
    createdHoursAgo: 2.5,
  },
  {
    project: 'ITR',
    summary: '报表导出 Excel 时中文乱码',
    description: '在“月度统计”页面导出 Excel，中文列名显示为乱码。',
    submitter: WANG,
    stage: 'graded',
    kind: 'technicalService',
    grade: 'minor',
    line: 'L2',
    enteredHoursAgo: 40,
    assignee: TOM,
    createdHoursAgo: 60,
  },
  {
    project: 'ITR',
    summary: 'Dashboard loads slowly (8 s) since last release',
    description: 'Response times of the main dashboard went from 1 s to 8 s after release 4.2.',
    submitter: ANNA,
    stage: 'graded',
    kind: 'technicalService',
    grade: 'major',
    line: 'L3',
    enteredHoursAgo: 12,
    assignee: ZHAO,
    createdHoursAgo: 50,
  },
  {
    project: 'ITR',
    summary: 'Suggestion: dark mode for the customer portal',
    description: 'Several customers asked for a dark theme in the self-service portal.',
    submitter: ANNA,
    stage: 'graded',
    kind: 'nonTechnicalService',
    grade: 'suggestion',
    line: 'L3',
    enteredHoursAgo: 100,
    assignee: ZHAO,
    createdHoursAgo: 200,
  },
  {
    project: 'ITR',
    summary: 'Customer cannot reset password',
    description: 'The reset e-mail never arrives for one user at Globex.',
    submitter: ANNA,
    stage: 'untriaged',
    createdHoursAgo: 0.5,
  },
  {
    project: 'ITR',
    summary: '咨询：如何申请增值税专用发票',
    description: '客户询问如何在门户中申请增值税专用发票。',
    submitter: WANG,
    stage: 'untriaged',
    createdHoursAgo: 1.5,
    requestedAs: 'nonTechnicalService',
  },
  {
    project: 'ITR',
    summary: 'Wrong language on order confirmation e-mails',
    description: 'Customers in Spain receive the confirmation in German.',
    submitter: ANNA,
    stage: 'resolved',
    kind: 'technicalService',
    grade: 'minor',
    line: 'L2',
    enteredHoursAgo: 70,
    assignee: TOM,
    createdHoursAgo: 90,
  },
  {
    project: 'ITR',
    summary: '门户网站首页图片加载失败',
    description: '首页轮播图在部分浏览器中无法显示。',
    submitter: WANG,
    stage: 'closed',
    kind: 'technicalService',
    grade: 'minor',
    line: 'L1',
    enteredHoursAgo: 150,
    assignee: LI,
    createdHoursAgo: 160,
  },
  {
    project: 'NET',
    summary: 'BGP session flapping with upstream provider',
    description: 'The BGP session to the upstream provider in Frankfurt resets every few minutes.',
    submitter: ANNA,
    stage: 'graded',
    kind: 'technicalService',
    grade: 'critical',
    line: 'L2',
    enteredHoursAgo: 7,
    assignee: TOM,
    createdHoursAgo: 10,
  },
  {
    project: 'NET',
    summary: '北京机房 UPS 告警',
    description: '北京二号机房 UPS 电池组告警，需尽快更换。',
    submitter: WANG,
    stage: 'graded',
    kind: 'spareParts',
    grade: 'major',
    line: 'L1',
    enteredHoursAgo: 6,
    assignee: LI,
    createdHoursAgo: 6.5,
  },
  {
    project: 'NET',
    summary: 'VPN tunnel to the Shenzhen office drops nightly',
    description: 'The site-to-site VPN goes down around 02:00 local time every night.',
    submitter: ANNA,
    stage: 'graded',
    kind: 'technicalService',
    grade: 'minor',
    line: 'L1',
    enteredHoursAgo: 30,
    assignee: LI,
    createdHoursAgo: 32,
  },
  {
    project: 'NET',
    summary: '核心路由器固件升级失败',
    description: '按计划升级核心路由器固件时校验失败，已回滚。',
    submitter: WANG,
    stage: 'graded',
    kind: 'technicalService',
    grade: 'major',
    line: 'L3',
    enteredHoursAgo: 2,
    assignee: ZHAO,
    createdHoursAgo: 26,
  },
  {
    project: 'NET',
    summary: 'Wi-Fi coverage weak in warehouse B',
    description: 'Scanners lose connection in aisles 12–18.',
    submitter: ANNA,
    stage: 'graded',
    kind: 'technicalService',
    grade: 'minor',
    line: 'L2',
    enteredHoursAgo: 8,
    assignee: TOM,
    createdHoursAgo: 48,
  },
  {
    project: 'NET',
    summary: 'DNS resolution slow for internal domains',
    description: 'Lookups of *.corp take 2–3 seconds from the Shanghai office.',
    submitter: ANNA,
    stage: 'untriaged',
    createdHoursAgo: 3,
  },
  {
    project: 'NET',
    summary: '防火墙策略变更申请',
    description: '申请开放 10.2.0.0/16 到监控服务器的 SNMP 端口。',
    submitter: WANG,
    stage: 'untriaged',
    createdHoursAgo: 0.2,
    requestedAs: 'nonTechnicalService',
  },
  {
    project: 'NET',
    summary: 'Packet loss on MPLS link Munich–Vienna',
    description: 'Intermittent 2 % packet loss measured by the monitoring system.',
    submitter: ANNA,
    stage: 'resolved',
    kind: 'technicalService',
    grade: 'major',
    line: 'L2',
    enteredHoursAgo: 48,
    assignee: TOM,
    createdHoursAgo: 72,
  },
  {
    project: 'NET',
    summary: '上海办公室网络中断',
    description: '上海办公室全部网络中断约 40 分钟，已恢复。',
    submitter: WANG,
    stage: 'closed',
    kind: 'technicalService',
    grade: 'critical',
    line: 'L2',
    enteredHoursAgo: 120,
    assignee: TOM,
    createdHoursAgo: 124,
  },
  {
    project: 'FLD',
    summary: 'Replacement disk for storage array at Globex',
    description: 'Disk 7 in shelf 2 reports predictive failure; a replacement is needed on site.',
    submitter: ANNA,
    stage: 'graded',
    kind: 'spareParts',
    grade: 'major',
    line: 'L1',
    enteredHoursAgo: 4,
    assignee: LI,
    createdHoursAgo: 5,
  },
  {
    project: 'FLD',
    summary: '备件申请：交换机电源模块',
    description: '客户现场交换机电源模块损坏，需要寄送备件。',
    submitter: WANG,
    stage: 'graded',
    kind: 'spareParts',
    grade: 'minor',
    line: 'L1',
    enteredHoursAgo: 10,
    assignee: LI,
    createdHoursAgo: 11,
  },
  {
    project: 'FLD',
    summary: 'Complaint: technician left site without testing',
    description: 'Customer says the printer still fails after the visit.',
    submitter: ANNA,
    stage: 'graded',
    kind: 'complaint',
    grade: 'minor',
    line: 'L2',
    enteredHoursAgo: 16,
    assignee: TOM,
    createdHoursAgo: 40,
  },
  {
    project: 'FLD',
    summary: '客户要求提供上门服务报告',
    description: '客户要求提供上周三次上门服务的书面报告。',
    submitter: WANG,
    stage: 'graded',
    kind: 'nonTechnicalService',
    grade: 'suggestion',
    line: 'L1',
    enteredHoursAgo: 24,
    assignee: LI,
    createdHoursAgo: 25,
  },
  {
    project: 'FLD',
    summary: 'Spare fan for cooling unit CRAC-3',
    description: 'Fan bearing noise; order a spare before it fails.',
    submitter: ANNA,
    stage: 'untriaged',
    createdHoursAgo: 6,
    requestedAs: 'spareParts',
  },
  {
    project: 'FLD',
    summary: '现场打印机卡纸频繁',
    description: '客户现场打印机每天卡纸十余次。',
    submitter: WANG,
    stage: 'resolved',
    kind: 'technicalService',
    grade: 'suggestion',
    line: 'L1',
    enteredHoursAgo: 36,
    assignee: LI,
    createdHoursAgo: 40,
  },
  {
    project: 'FLD',
    summary: 'Broken badge reader at main entrance',
    description: 'Badge reader replaced and tested.',
    submitter: ANNA,
    stage: 'closed',
    kind: 'spareParts',
    grade: 'minor',
    line: 'L1',
    enteredHoursAgo: 200,
    assignee: LI,
    createdHoursAgo: 210,
  },
  {
    project: 'ITR',
    summary: 'Export of ticket history to CSV times out',
    description: 'Exports with more than 50,000 rows time out after 30 s.',
    submitter: ANNA,
    stage: 'graded',
    kind: 'technicalService',
    grade: 'minor',
    line: 'L3',
    enteredHoursAgo: 5,
    assignee: ZHAO,
    createdHoursAgo: 80,
  },
  // The escalation demo (ITR-15): critical at L1 with 7 sandbox-minutes of its 6 h left, past its warning time
  // but not warned yet. The first sweep (5 sandbox-minutes in) warns, the second moves it to L2; L2's
  // 8.4 h and L3's 9.6 h follow (with `npm start -- --speed 60`: 8.4 and 9.6 real minutes, each with
  // its warning at 75 %). Tests rely on it (test/sandbox/escalation.browser.test.ts).
  {
    project: 'ITR',
    summary: 'Demo: watch this issue escalate by time (L1 → L2 → L3)',
    description:
      'Seeded with 7 minutes left on L1. Run the sandbox with --speed 60 and reload this page: the ITR panel shows the warning, then each line change.',
    submitter: ANNA,
    stage: 'graded',
    kind: 'technicalService',
    grade: 'critical',
    line: 'L1',
    enteredHoursAgo: 6 - 7 / 60,
    assignee: LI,
    createdHoursAgo: 6,
  },
  // SEC: the restricted project (SEC_BROWSERS only), for probes of what other users can reach.
  {
    project: 'SEC',
    summary: 'Suspicious admin logins from an unknown IP range',
    description: 'Twelve successful administrator logins from 203.0.113.0/24 overnight.',
    submitter: ANNA,
    stage: 'graded',
    kind: 'technicalService',
    grade: 'critical',
    line: 'L1',
    enteredHoursAgo: 3,
    assignee: LI,
    createdHoursAgo: 3.5,
  },
  {
    project: 'SEC',
    summary: '客户数据导出权限异常',
    description: '普通坐席账号可以导出全部客户数据。',
    submitter: ANNA,
    stage: 'untriaged',
    createdHoursAgo: 1,
  },
];

const TIER_BY_GRADE: Record<Grade, string> = {
  critical: 'strategic',
  major: 'key',
  minor: 'standard',
  suggestion: 'standard',
};
const PRODUCT_BY_PROJECT: Record<DemoIssue['project'], string> = {
  ITR: 'Customer Portal',
  NET: 'Core Network',
  FLD: 'Field Equipment',
  SEC: 'Customer Portal',
};

/**
 * Every demo issue is of an ITR issue type setup creates, so it runs the ITR workflow (setup maps those
 * types to it) and triage, which lists only ITR issue types, sees the untriaged ones: a submitter
 * picks the type when creating; triage then sets the kind.
 */
const ISSUE_TYPE_BY_KIND: Record<Kind, string> = ITR_ISSUE_TYPE_NAMES;

/** The ITR workflow's status for each stage (src/app/setup/plan.ts `ITR_STATUSES`); graded: its line's. */
const STATUS_BY_LINE: Record<SupportLine, string> = {
  L1: lineStatus('l1'),
  L2: lineStatus('l2'),
  L3: lineStatus('l3'),
};
function statusOf(issue: DemoIssue): string {
  // Untriaged: where the ITR workflow starts ("Accept", 受理), as a just-created issue.
  if (issue.stage === 'untriaged') return ITR_STATUSES[0]?.name ?? 'Accept';
  if (issue.stage === 'graded') return STATUS_BY_LINE[issue.line ?? 'L1'];
  return issue.stage === 'resolved' ? 'Resolved' : 'Closed';
}

const HOUR = 3_600_000;

/** Atlassian Document Format for a plain paragraph (what Jira's v3 API stores in `description`). */
export function adfParagraph(text: string): unknown {
  return {
    type: 'doc',
    version: 1,
    content: [{ type: 'paragraph', content: text === '' ? [] : [{ type: 'text', text }] }],
  };
}

/** Defines the app's fields as Forge does on install: one per `jira:customField` module. */
export function defineAppFields(jira: JiraDouble, manifest: SandboxManifest): void {
  const nameKeys = new Map<string, string>();
  for (const m of manifest.modules) {
    if (m.type !== 'jira:customField') continue;
    const name = (m.raw['name'] as { i18n?: string } | string | undefined) ?? m.key;
    nameKeys.set(m.key, typeof name === 'string' ? name : translate(manifest, 'en-US', name.i18n ?? m.key));
  }
  for (const fieldName of ITR_FIELD_NAMES) {
    const { moduleKey, type } = ITR_FIELDS[fieldName];
    jira.defineField({
      id: DEMO_FIELD_IDS[fieldName],
      name: nameKeys.get(moduleKey) ?? moduleKey,
      type,
      forgeModuleKey: moduleKey,
    });
  }
}

/** Seeds the demo site into a (reset) Jira double; `now` is the sandbox's start, epoch ms. */
export function seedDemoSite(jira: JiraDouble, manifest: SandboxManifest, now: number): void {
  seedDemoDirectory(jira, manifest);
  seedDemoIssues(jira, now);
}

/** Users, projects and the app's fields: the site before it has issues (when setup can assign schemes). */
export function seedDemoDirectory(jira: JiraDouble, manifest: SandboxManifest): void {
  for (const u of DEMO_USERS) {
    jira.seedUser({
      accountId: u.accountId,
      displayName: u.displayName,
      locale: u.locale,
      timeZone: u.timeZone,
      groups: u.groups,
      emailAddress: `${u.accountId.split('-')[1] ?? 'user'}@example.com`,
    });
  }
  for (const p of DEMO_PROJECTS) jira.seedProject({ key: p.key, name: p.name, browsers: [...p.browsers] });
  defineAppFields(jira, manifest);
}

/** The demo issues (after setup created the ITR issue types and workflow, so they run on it). */
export function seedDemoIssues(jira: JiraDouble, now: number): void {
  const ids = DEMO_FIELD_IDS;
  const calendars = new Map(DEFAULT_CALENDARS.map((c) => [c.id, c.calendar]));
  const counters = new Map<string, number>();
  for (const issue of ISSUES) {
    const n = (counters.get(issue.project) ?? 0) + 1;
    counters.set(issue.project, n);
    const fields: Record<string, unknown> = {
      description: adfParagraph(issue.description),
      [ids.submitter]: { accountId: issue.submitter },
    };
    if (
      issue.kind !== undefined &&
      issue.grade !== undefined &&
      issue.line !== undefined &&
      issue.enteredHoursAgo !== undefined
    ) {
      const enteredAt = new Date(now - issue.enteredHoursAgo * HOUR);
      const budget = lineBudget(DEFAULT_GRADING_TABLE, issue.grade, issue.line);
      const calendar = calendars.get(budget.calendarId);
      if (calendar === undefined) throw new Error(`demo site: no calendar ${budget.calendarId}`);
      const d = lineDeadlines({
        calendar,
        enteredAt,
        budgetMinutes: budget.minutes,
        warningFraction: budget.warningFraction,
      });
      Object.assign(fields, {
        [ids.kind]: issue.kind,
        [ids.grade]: issue.grade,
        [ids.gradingTableVersion]: DEFAULT_GRADING_TABLE.version,
        [ids.line]: issue.line,
        [ids.lineEnteredAt]: jiraDateTime(enteredAt.getTime()),
        [ids.lineDueAt]: d.dueAt === null ? null : jiraDateTime(d.dueAt.getTime()),
        [ids.lineWarnAt]: d.warnAt === null ? null : jiraDateTime(d.warnAt.getTime()),
        // Triage answers, in the shapes src/app/fields/itrFields.ts documents.
        [ids.customerTier]: TIER_BY_GRADE[issue.grade],
        [ids.warranty]: issue.kind === 'spareParts' ? 'in' : issue.kind === 'complaint' ? 'out' : 'in',
        [ids.product]: PRODUCT_BY_PROJECT[issue.project],
        [ids.region]: issue.submitter === WANG ? 'East China' : 'Central Europe',
        [ids.classification]:
          issue.kind === 'nonTechnicalService' && issue.grade === 'suggestion' ? 'requirement' : 'problem',
        [ids.acceptance]: 'accepted',
        ...(issue.assignee === undefined ? {} : { [ids.owner]: { accountId: issue.assignee } }),
      });
    }
    if (issue.stage === 'untriaged') {
      // The customer's response clock runs from creation, on the default grade (the table's most severe:
      // nobody has read the issue yet), as the app stamps a created issue; so most have run out.
      const grade = responseGradeOf(DEFAULT_GRADING_TABLE, null);
      const sla = grade === null ? undefined : DEFAULT_GRADING_TABLE.sla[grade];
      const calendar = sla === undefined ? undefined : calendars.get(sla.calendarId);
      if (sla === undefined || calendar === undefined)
        throw new Error('demo site: the grading table has no response time for untriaged issues');
      const d = responseDeadlines({
        calendar,
        createdAt: new Date(now - issue.createdHoursAgo * HOUR),
        responseMinutes: sla.responseMinutes,
      });
      fields[ids.responseDueAt] = d.dueAt === null ? null : jiraDateTime(d.dueAt.getTime());
      fields[ids.responseWarnAt] = d.warnAt === null ? null : jiraDateTime(d.warnAt.getTime());
    }
    jira.seedIssue({
      key: `${issue.project}-${n}`,
      summary: issue.summary,
      issueType: ISSUE_TYPE_BY_KIND[issue.kind ?? issue.requestedAs ?? 'technicalService'],
      status: statusOf(issue),
      created: new Date(now - issue.createdHoursAgo * HOUR),
      updated: new Date(now - Math.min(issue.createdHoursAgo, issue.enteredHoursAgo ?? issue.createdHoursAgo) * HOUR),
      reporter: issue.submitter,
      assignee: issue.assignee ?? (issue.stage === 'untriaged' ? null : MARIA),
      fields,
    });
  }
}
