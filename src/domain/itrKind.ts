import type { LocalizedText } from './labels';

/**
 * The four ITR modules. Every issue that reaches the company is one of them; the first three and
 * complaints each run Accept (受理) → Handle (处理) → Close (关闭).
 * Ids match `ItrKindId` in src/contract/ids.ts (the UI's copy); a test keeps them in step.
 */
export const ITR_KINDS = ['technicalService', 'nonTechnicalService', 'spareParts', 'complaint'] as const;
export type ItrKind = (typeof ITR_KINDS)[number];

export const ITR_KIND_LABELS: Readonly<Record<ItrKind, LocalizedText>> = {
  technicalService: { en: 'Technical service request', 'zh-CN': '技术服务请求' },
  nonTechnicalService: { en: 'Non-technical service request', 'zh-CN': '非技术服务请求' },
  spareParts: { en: 'Spare-parts service request', 'zh-CN': '备件服务' },
  complaint: { en: 'Customer complaint', 'zh-CN': '客户投诉' },
};

export function isItrKind(value: unknown): value is ItrKind {
  return typeof value === 'string' && (ITR_KINDS as readonly string[]).includes(value);
}
