/**
 * A year of finished ITR work and a small case library for the sandbox, so the supervision page, the
 * gadget and the case suggestions have something to show on first start. Deterministic (a fixed
 * pseudo-random sequence), relative to the sandbox's start. Jira issues go into the double like the
 * rest of the demo site; everything the app keeps itself (line stays, return visits, settings, cases,
 * the analytics projection) is written by the app's own code, as a real site would have it.
 */
import { DEFAULT_GRADING_TABLE, lineBudget, type SupportLine } from '../src/domain';
import type { CaseContent } from '../src/contract/cases';
import type { JiraDouble } from '../platform-doubles/jiraDouble';
import { jiraDateTime } from '../platform-doubles/jiraModel';
import { adfParagraph, DEMO_FIELD_IDS, DEMO_USERS } from './demoSite';

/** Label of the history issues: the sandbox home page lists them only on request. */
export const DEMO_HISTORY_LABEL = 'demo-history';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const user = (name: string): string => {
  const u = DEMO_USERS.find((x) => x.displayName === name);
  if (u === undefined) throw new Error(`demo users changed: no ${name}`);
  return u.accountId;
};
const ANNA = user('Anna Schmidt');
const WANG = user('王芳');
const LI = user('李伟');
const TOM = user('Tom Baker');
const ZHAO = user('赵磊');
const MARIA = user('Maria Lopez');

/** Projects the hand-off sends to: R&D (IPD) and sales (LTC). */
export const HANDOFF_PROJECTS = [
  { key: 'RND', name: 'R&D backlog 研发需求' },
  { key: 'SAL', name: 'Sales leads 销售线索' },
] as const;

/** Departments of the demo engineers (supervision per department). */
export const DEMO_DEPARTMENTS: Readonly<Record<string, string>> = {
  [LI]: 'Service Desk 服务台',
  [TOM]: 'Field Engineering',
  [ZHAO]: 'Product Experts 产品专家',
};

const PRODUCTS = ['Customer Portal', 'Core Network', 'Field Equipment', 'Billing'] as const;
// As triage types them: free text, read by people (the supervision page groups by it).
const REGIONS = ['Central Europe', 'East China', 'North China', 'US East'] as const;
const CHINESE_REGIONS: ReadonlySet<string> = new Set(['East China', 'North China']);
const GRADES = ['critical', 'major', 'minor', 'suggestion'] as const;
const KINDS = ['technicalService', 'technicalService', 'nonTechnicalService', 'spareParts', 'complaint'] as const;
const PROJECT_OF_PRODUCT: Record<(typeof PRODUCTS)[number], 'ITR' | 'NET' | 'FLD'> = {
  'Customer Portal': 'ITR',
  'Core Network': 'NET',
  'Field Equipment': 'FLD',
  Billing: 'ITR',
};
const LINES: readonly SupportLine[] = ['L1', 'L2', 'L3'];
const OWNER_OF_LINE: Record<SupportLine, string> = { L1: LI, L2: TOM, L3: ZHAO };

/** One finished issue of the demo history. */
export interface HistoryIssue {
  key: string;
  stays: Array<{
    line: SupportLine;
    enteredAt: Date;
    leftAt: Date;
    minutes: number;
    outcome: 'timed_out' | 'passed_on' | 'resolved';
  }>;
  resolvedAt: Date;
  /**
   * A recent resolution whose return visit is still to be made: the issue waits in Resolved (the close
   * rule wants the visit first) and its visit is open in the queue.
   */
  visitOpen: boolean;
  /** Return-visit satisfaction 1–5, when the customer was called back (or will be: `visitOpen`). */
  satisfaction: number | null;
}

/** A small linear congruential generator: the same history on every start. */
function sequence(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const SUMMARIES: Record<(typeof PRODUCTS)[number], readonly string[]> = {
  'Customer Portal': [
    'Portal login slow during month-end',
    '门户页面偶发 502 错误',
    'Password reset e-mail delayed',
    '报表导出超时',
  ],
  'Core Network': [
    'Packet loss on branch uplink',
    '核心交换机端口故障',
    'VPN reconnects every hour',
    'DNS timeouts from the Berlin office',
  ],
  'Field Equipment': [
    'Printer jams after maintenance visit',
    '现场扫描枪无法连接',
    'Badge reader offline',
    '空调机组风扇异响',
  ],
  Billing: ['Invoice totals rounded wrongly', '发票抬头显示错误', 'Duplicate charge on annual plan', '对账单缺少明细'],
};

/**
 * Seeds `count` resolved ITR issues over the 12 months before `now` into the Jira double (Closed, with
 * resolution date, app fields as triage and escalation would have left them) and returns them.
 * Severe issues cluster on one product and in one region so the named patterns have something to find.
 */
export function seedDemoHistory(jira: JiraDouble, now: number, count = 180): HistoryIssue[] {
  const random = sequence(20_261_123);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const ids = DEMO_FIELD_IDS;
  const counters = new Map<string, number>();
  for (const issue of jira.model.issues.values())
    counters.set(issue.projectKey, Math.max(counters.get(issue.projectKey) ?? 0, Number(issue.key.split('-')[1])));
  const out: HistoryIssue[] = [];
  for (let i = 0; i < count; i++) {
    // More work in winter (a season to see), spread over the year.
    const daysAgo = Math.floor(random() * 360) + 7;
    const product = random() < 0.35 ? 'Core Network' : pick(PRODUCTS);
    const grade = product === 'Core Network' && random() < 0.4 ? 'critical' : pick(GRADES);
    const kind = pick(KINDS);
    const region = grade === 'minor' && random() < 0.3 ? 'East China' : pick(REGIONS);
    const created = new Date(now - daysAgo * DAY + Math.floor(random() * 8) * HOUR);
    // Stays: most end on L1; some time out or are passed on to L2/L3.
    const lastLine = random() < 0.6 ? 0 : random() < 0.7 ? 1 : 2;
    const stays: HistoryIssue['stays'] = [];
    let at = created.getTime() + Math.floor(random() * 2 * HOUR);
    let breached: Date | null = null;
    for (let l = 0; l <= lastLine; l++) {
      const line = LINES[l] as SupportLine;
      const budget = lineBudget(DEFAULT_GRADING_TABLE, grade, line).minutes;
      const last = l === lastLine;
      const timedOut = !last ? random() < 0.5 : false;
      const minutes = timedOut
        ? budget
        : Math.max(
            5,
            Math.floor(budget * (last ? 0.2 + random() * (grade === 'critical' ? 1.1 : 0.9) : 0.3 + random() * 0.6)),
          );
      if (last && minutes > budget && l === 2) breached = new Date(at + budget * 60_000);
      stays.push({
        line,
        enteredAt: new Date(at),
        leftAt: new Date(at + minutes * 60_000),
        minutes,
        outcome: last ? 'resolved' : timedOut ? 'timed_out' : 'passed_on',
      });
      at += minutes * 60_000;
    }
    const resolvedAt = new Date(at);
    const project = PROJECT_OF_PRODUCT[product];
    const n = (counters.get(project) ?? 0) + 1;
    counters.set(project, n);
    const key = `${project}-${n}`;
    const owner = OWNER_OF_LINE[LINES[lastLine] as SupportLine];
    jira.seedIssue({
      key,
      summary: pick(SUMMARIES[product]),
      issueType: kind === 'complaint' ? 'Problem' : kind === 'technicalService' ? 'Incident' : 'Service Request',
      status: 'Closed',
      created,
      updated: resolvedAt,
      reporter: CHINESE_REGIONS.has(region) ? WANG : ANNA,
      assignee: owner,
      labels: [DEMO_HISTORY_LABEL],
      fields: {
        description: adfParagraph('Demo history: a resolved issue of the past year.'),
        resolution: { name: 'Done' },
        resolutiondate: jiraDateTime(resolvedAt.getTime()),
        [ids.submitter]: { accountId: CHINESE_REGIONS.has(region) ? WANG : ANNA },
        [ids.kind]: kind,
        [ids.grade]: grade,
        [ids.gradingTableVersion]: DEFAULT_GRADING_TABLE.version,
        [ids.line]: LINES[lastLine],
        [ids.customerTier]: grade === 'critical' ? 'strategic' : random() < 0.3 ? 'key' : 'standard',
        [ids.warranty]: random() < 0.7 ? 'in' : 'out',
        [ids.product]: product,
        [ids.region]: region,
        [ids.classification]: kind === 'nonTechnicalService' && grade === 'suggestion' ? 'requirement' : 'problem',
        [ids.acceptance]: 'accepted',
        [ids.owner]: { accountId: owner },
        ...(breached === null ? {} : { [ids.breachedAt]: jiraDateTime(breached.getTime()) }),
      },
    });
    const visited = kind === 'complaint' || grade === 'critical' || random() < 0.2;
    // The last three weeks' visits are still to be made, so the return-visit queue has work in it: such an
    // issue waits in Resolved (closing needs the visit first). Set after the draws, which stay as they were.
    const visitOpen = visited && daysAgo < 21;
    if (visitOpen) {
      const resolved = jira.model.status('Resolved');
      Object.assign(jira.issue(key).fields, {
        status: { id: resolved.id, name: resolved.name },
        [ids.visitOpen]: 'yes',
      });
    }
    out.push({
      key,
      stays,
      resolvedAt,
      visitOpen,
      satisfaction: visited ? Math.min(5, Math.max(1, Math.round(3.6 + (random() - 0.5) * 3))) : null,
    });
  }
  return out;
}

/** Cases engineers wrote earlier, in English and Chinese; some match open demo issues. */
export const DEMO_CASES: ReadonlyArray<{ author: string; sourceIssues: string[]; content: CaseContent }> = [
  {
    author: TOM,
    sourceIssues: [],
    content: {
      title: 'Excel export shows garbled Chinese column names',
      symptom:
        'Reports exported to Excel show unreadable characters instead of Chinese column names; CSV opened in Excel shows mojibake.',
      product: 'Customer Portal',
      productVersion: '4.1',
      environment: 'Excel 2019 on Windows, zh-CN locale',
      rootCause: 'The export writes UTF-8 without a byte order mark, so Excel reads it as the system code page (GBK).',
      shortTermMeasure: 'Open the file through Data → From Text and choose UTF-8.',
      longTermMeasure:
        'Export writes a UTF-8 BOM (fixed in 4.2); export test with Chinese headers added to the release checklist.',
      language: 'en',
      tags: ['export', 'excel', 'encoding'],
      status: 'published',
    },
  },
  {
    author: ZHAO,
    sourceIssues: [],
    content: {
      title: '报表导出 Excel 中文乱码',
      symptom: '在“月度统计”等页面导出 Excel 后，中文列名和内容显示为乱码。',
      product: 'Customer Portal',
      productVersion: '4.0',
      environment: 'Windows 中文版 Excel',
      rootCause: '导出文件为无 BOM 的 UTF-8 编码，Excel 按 GBK 解析导致乱码。',
      shortTermMeasure: '指导客户通过“数据 → 自文本”以 UTF-8 导入。',
      longTermMeasure: '导出时写入 UTF-8 BOM；发布前增加中文表头导出测试。',
      language: 'zh-CN',
      tags: ['导出', 'Excel', '编码'],
      status: 'published',
    },
  },
  {
    author: TOM,
    sourceIssues: [],
    content: {
      title: 'SSO login returns HTTP 500 after the identity provider rotated its certificate',
      symptom: 'All users of one SSO tenant get an error page (HTTP 500) right after the identity provider redirect.',
      product: 'Customer Portal',
      productVersion: '4.2',
      environment: 'SAML 2.0, Azure AD',
      rootCause:
        'The tenant still trusted the old signing certificate; signature validation threw instead of failing cleanly.',
      shortTermMeasure: 'Upload the new IdP certificate in the tenant settings.',
      longTermMeasure: 'Read IdP metadata automatically and alert 14 days before a certificate expires.',
      language: 'en',
      tags: ['sso', 'saml', 'certificate'],
      status: 'published',
    },
  },
  {
    author: LI,
    sourceIssues: [],
    content: {
      title: '核心交换机间歇性丢包：光模块老化',
      symptom: '数据中心核心交换机间歇性丢包，业务偶发中断，端口 CRC 错误持续增长。',
      product: 'Core Network',
      productVersion: '',
      environment: '上海数据中心，万兆光模块',
      rootCause: '光模块老化导致接收光功率下降，误码率升高。',
      shortTermMeasure: '更换光模块并清洁光纤接头。',
      longTermMeasure: '监控光功率与 CRC 计数，低于阈值提前告警；光模块按五年周期更换。',
      language: 'zh-CN',
      tags: ['交换机', '丢包', '光模块'],
      status: 'published',
    },
  },
  {
    author: TOM,
    sourceIssues: [],
    content: {
      title: 'Site-to-site VPN drops every night: IKE rekey lifetime mismatch',
      symptom:
        'The VPN tunnel to a branch office goes down at about the same time each night and comes back after minutes.',
      product: 'Core Network',
      productVersion: '',
      environment: 'IPsec IKEv2 between two vendors',
      rootCause: 'Phase 2 lifetimes differed (8 h vs 24 h); the rekey failed when one side expired the SA first.',
      shortTermMeasure: 'Set the same lifetime on both sides and restart the tunnel.',
      longTermMeasure: 'VPN templates pin lifetimes; a nightly check compares both ends.',
      language: 'en',
      tags: ['vpn', 'ipsec'],
      status: 'published',
    },
  },
  {
    author: LI,
    sourceIssues: [],
    content: {
      title: '现场打印机频繁卡纸：搓纸轮磨损',
      symptom: '客户现场打印机每天卡纸多次，维修后问题仍然存在。',
      product: 'Field Equipment',
      productVersion: '',
      environment: '激光打印机，日打印量约 2,000 页',
      rootCause: '搓纸轮磨损，上门检查清单缺少打印测试，维修后未验证。',
      shortTermMeasure: '更换搓纸轮并与客户一起完成打印测试。',
      longTermMeasure: '上门服务清单增加“与客户共同测试”一项。',
      language: 'zh-CN',
      tags: ['打印机', '卡纸'],
      status: 'published',
    },
  },
  {
    author: ZHAO,
    sourceIssues: [],
    content: {
      title: 'Dashboard slow after a release: missing index on the ticket table',
      symptom: 'The main dashboard takes 8 s instead of 1 s after an upgrade.',
      product: 'Customer Portal',
      productVersion: '4.2',
      environment: 'PostgreSQL 14',
      rootCause: 'A migration dropped the index on (status, updated); the dashboard query scanned the whole table.',
      shortTermMeasure: 'Recreate the index.',
      longTermMeasure: 'Release pipeline compares query plans of the ten slowest queries before and after migrations.',
      language: 'en',
      tags: ['performance', 'database'],
      status: 'published',
    },
  },
];

/** A history issue's stays as the line-history store records them (the app's own table). */
export function staysOf(issueId: string, h: HistoryIssue) {
  return h.stays.map((s, i) => {
    const before = h.stays[i - 1];
    return {
      issueId,
      line: s.line,
      enteredAt: s.enteredAt,
      leftAt: s.leftAt,
      holderAccountId: OWNER_OF_LINE[s.line],
      // Triage put it on L1; later lines were entered by the timeout (the app) or by the engineer passing it on.
      enteredBy: before === undefined ? MARIA : before.outcome === 'timed_out' ? 'app' : OWNER_OF_LINE[before.line],
      workingMinutesUsed: s.minutes,
      outcome: s.outcome,
    };
  });
}
