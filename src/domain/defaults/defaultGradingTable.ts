import type { GradingTable } from '../grading/gradingTable.types';
import { DEFAULT_SLA } from './defaultSla';

/**
 * Version 1 of the grading table shipped with the app. Every option names explicit numbers so two
 * triage engineers answer alike. Score = Σ weight × option score, from 2 to 96:
 *   businessImpact ×4 (0–40), duration ×2 (0–20), scope ×2 (2–20), customerTier ×1 (0–6), sensitivity ×1 (0–10).
 * Thresholds: Suggestion 0–19, Minor 20–34, Major 35–59, Critical 60+. Reference points:
 *   a question (no impact, small scope, standard customer) scores 5 → Suggestion;
 *   a minor fault with workaround for over a day at one small site scores 33 → Minor;
 *   10–49 % of transactions failing for 4–24 h for 101–1,000 users scores 37 → Major;
 *   a full outage for 1–4 h for 1,001–10,000 users scores 61 → Critical.
 * Overrides (in order): a strategic customer raises one grade; political or public sensitivity is at
 * least Major.
 */
export const DEFAULT_GRADING_TABLE: GradingTable = {
  version: 1,
  grades: [
    { id: 'critical', label: { en: 'Critical', 'zh-CN': '紧急' } },
    { id: 'major', label: { en: 'Major', 'zh-CN': '严重' } },
    { id: 'minor', label: { en: 'Minor', 'zh-CN': '一般' } },
    { id: 'suggestion', label: { en: 'Suggestion', 'zh-CN': '建议' } },
  ],
  dimensions: [
    {
      id: 'businessImpact',
      label: { en: 'Business impact', 'zh-CN': '业务影响程度' },
      guidance: {
        en: "How badly the customer's business is hurt. Pick the first option from the top that applies.",
        'zh-CN': '客户业务受损的程度。从上往下选择第一个符合的选项。',
      },
      weight: 4,
      options: [
        {
          id: 'outage',
          label: {
            en: "Outage: 100 % of the affected service's transactions fail",
            'zh-CN': '业务中断：受影响业务 100% 失败',
          },
          score: 10,
        },
        {
          id: 'severe',
          label: {
            en: 'Severe degradation: 50–99 % of transactions fail, or response time is more than 5 times normal',
            'zh-CN': '严重劣化：50%–99% 的业务失败，或响应时间超过正常值的 5 倍',
          },
          score: 7,
        },
        {
          id: 'partial',
          label: {
            en: 'Partial degradation: 10–49 % of transactions fail, or response time is 2 to 5 times normal',
            'zh-CN': '部分劣化：10%–49% 的业务失败，或响应时间为正常值的 2–5 倍',
          },
          score: 4,
        },
        {
          id: 'minor',
          label: {
            en: 'Minor: under 10 % of transactions fail, or a workaround keeps 100 % of the business running',
            'zh-CN': '轻微：不足 10% 的业务失败，或有规避措施使业务 100% 正常运行',
          },
          score: 2,
        },
        {
          id: 'none',
          label: {
            en: 'None: 0 % of transactions fail (question, information request, suggestion)',
            'zh-CN': '无影响：0% 的业务失败（咨询、信息请求、建议）',
          },
          score: 0,
        },
      ],
    },
    {
      id: 'duration',
      label: { en: 'Duration', 'zh-CN': '持续时间' },
      guidance: {
        en: 'Time the business has already been affected plus the expected time until it is restored.',
        'zh-CN': '业务已受影响的时间加上预计恢复所需的时间。',
      },
      weight: 2,
      options: [
        { id: 'over24h', label: { en: 'More than 24 hours', 'zh-CN': '超过 24 小时' }, score: 10 },
        {
          id: 'h4to24',
          label: { en: 'More than 4 hours, up to 24 hours', 'zh-CN': '超过 4 小时，不超过 24 小时' },
          score: 6,
        },
        {
          id: 'h1to4',
          label: { en: 'More than 1 hour, up to 4 hours', 'zh-CN': '超过 1 小时，不超过 4 小时' },
          score: 3,
        },
        { id: 'upTo1h', label: { en: 'Up to 1 hour', 'zh-CN': '不超过 1 小时' }, score: 1 },
        {
          id: 'none',
          label: { en: 'None: 0 minutes, nothing is failing', 'zh-CN': '无：0 分钟，没有任何故障' },
          score: 0,
        },
      ],
    },
    {
      id: 'scope',
      label: { en: 'Scope', 'zh-CN': '影响范围' },
      guidance: {
        en: 'Pick the highest band reached by any of: users affected, sites affected, money at stake (lost revenue, penalties and repair cost).',
        'zh-CN': '按受影响用户数、受影响站点数、涉及金额（收入损失、罚金和修复费用）三者中达到的最高档选择。',
      },
      weight: 2,
      options: [
        {
          id: 'massive',
          label: {
            en: 'More than 10,000 users, or more than 10 sites, or more than USD 1,000,000',
            'zh-CN': '超过 10,000 个用户，或超过 10 个站点，或超过 1,000,000 美元',
          },
          score: 10,
        },
        {
          id: 'large',
          label: {
            en: '1,001–10,000 users, or 4–10 sites, or USD 100,001–1,000,000',
            'zh-CN': '1,001–10,000 个用户，或 4–10 个站点，或 100,001–1,000,000 美元',
          },
          score: 6,
        },
        {
          id: 'medium',
          label: {
            en: '101–1,000 users, or 2–3 sites, or USD 10,001–100,000',
            'zh-CN': '101–1,000 个用户，或 2–3 个站点，或 10,001–100,000 美元',
          },
          score: 3,
        },
        {
          id: 'small',
          label: {
            en: 'Up to 100 users at 1 site, and up to USD 10,000',
            'zh-CN': '不超过 100 个用户且仅 1 个站点，金额不超过 10,000 美元',
          },
          score: 1,
        },
      ],
    },
    {
      id: 'customerTier',
      label: { en: 'Customer tier', 'zh-CN': '客户等级' },
      weight: 1,
      options: [
        {
          id: 'strategic',
          label: {
            en: 'Strategic: one of the top 20 accounts by annual revenue, or on the strategic-account list',
            'zh-CN': '战略客户：年收入排名前 20 的客户，或列入战略客户名单',
          },
          score: 6,
        },
        {
          id: 'key',
          label: { en: 'Key: annual revenue above USD 1,000,000', 'zh-CN': '重要客户：年收入超过 1,000,000 美元' },
          score: 6,
        },
        {
          id: 'standard',
          label: {
            en: 'Standard: annual revenue up to USD 1,000,000',
            'zh-CN': '普通客户：年收入不超过 1,000,000 美元',
          },
          score: 3,
        },
        {
          id: 'internal',
          label: { en: 'Internal: a department of our own company', 'zh-CN': '内部客户：本公司内部部门' },
          score: 0,
        },
      ],
    },
    {
      id: 'sensitivity',
      label: { en: 'Time and place sensitivity', 'zh-CN': '时间与地点敏感性' },
      guidance: {
        en: 'If more than one applies, pick the first from the top.',
        'zh-CN': '如有多项符合，选择最上面的一项。',
      },
      weight: 1,
      options: [
        {
          id: 'political',
          label: {
            en: 'Political or public: a government body, regulator or emergency service is affected, or the issue is reported in public media',
            'zh-CN': '政治或公共影响：涉及政府机构、监管部门或应急服务，或已被公开媒体报道',
          },
          score: 10,
        },
        {
          id: 'protectedPeriod',
          label: {
            en: 'Time: inside a protection period named in the contract (peak season, major event, year-end closing) or in the 72 hours before it',
            'zh-CN': '时间敏感：处于合同列明的保障期（业务高峰、重大活动、年终结算）内或其开始前 72 小时内',
          },
          score: 6,
        },
        {
          id: 'criticalSite',
          label: {
            en: "Place: a site serving a hospital, airport, railway, power or water utility, or the customer's headquarters",
            'zh-CN': '地点敏感：服务于医院、机场、铁路、电力或供水设施的站点，或客户总部',
          },
          score: 6,
        },
        { id: 'none', label: { en: 'Neither time- nor place-sensitive', 'zh-CN': '无时间或地点敏感性' }, score: 0 },
      ],
    },
  ],
  thresholds: [
    { minScore: 0, grade: 'suggestion' },
    { minScore: 20, grade: 'minor' },
    { minScore: 35, grade: 'major' },
    { minScore: 60, grade: 'critical' },
  ],
  overrides: [
    {
      id: 'strategicCustomerRaise',
      label: { en: 'Strategic customer: one grade higher', 'zh-CN': '战略客户：提高一级' },
      kind: 'raise',
      when: { dimension: 'customerTier', options: ['strategic'] },
      levels: 1,
    },
    {
      // After the raise, so the floor holds whatever the tier did.
      id: 'politicalAtLeastMajor',
      label: { en: 'Political or public sensitivity: at least Major', 'zh-CN': '政治或公共敏感：至少为严重' },
      kind: 'atLeast',
      when: { dimension: 'sensitivity', options: ['political'] },
      grade: 'major',
    },
  ],
  sla: DEFAULT_SLA,
};
