import type { ItrKindId, SupportLineId } from '../../src/contract/ids';
import { ITR_KINDS, ITR_KIND_LABELS, isItrKind, type ItrKind } from '../../src/domain/itrKind';
import { localize } from '../../src/domain/labels';
import {
  SUPPORT_LINES,
  SUPPORT_LINE_LABELS,
  isSupportLine,
  nextLine,
  type SupportLine,
} from '../../src/domain/supportLine';

// Compile-time: the UI's copies of the ids (src/contract/ids.ts) and the domain's are the same sets.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindsMatch: Same<ItrKind, ItrKindId> = true;
const linesMatch: Same<SupportLine, SupportLineId> = true;

describe('ITR kinds', () => {
  it('are the four ITR modules', () => {
    expect(kindsMatch && linesMatch).toBe(true);
    expect(ITR_KINDS).toEqual(['technicalService', 'nonTechnicalService', 'spareParts', 'complaint']);
  });

  it.each<[ItrKind, string, string]>([
    ['technicalService', 'Technical service request', '技术服务请求'],
    ['nonTechnicalService', 'Non-technical service request', '非技术服务请求'],
    ['spareParts', 'Spare-parts service request', '备件服务'],
    ['complaint', 'Customer complaint', '客户投诉'],
  ])('%s is labelled "%s" / "%s"', (kind, en, zh) => {
    expect(ITR_KIND_LABELS[kind]).toEqual({ en, 'zh-CN': zh });
  });

  it.each<[unknown, boolean]>([
    ['complaint', true],
    ['spareParts', true],
    ['Complaint', false],
    ['', false],
    [undefined, false],
    [3, false],
  ])('isItrKind(%p) is %p', (value, expected) => {
    expect(isItrKind(value)).toBe(expected);
  });
});

describe('support lines', () => {
  it.each<[SupportLine, SupportLine | null, string]>([
    ['L1', 'L2', '一线'],
    ['L2', 'L3', '二线'],
    ['L3', null, '三线'],
  ])('after %s comes %p; Chinese label %s', (line, next, zh) => {
    expect(nextLine(line)).toBe(next);
    expect(SUPPORT_LINE_LABELS[line]['zh-CN']).toBe(zh);
  });

  it('are listed in escalation order', () => {
    expect(SUPPORT_LINES).toEqual(['L1', 'L2', 'L3']);
    expect(isSupportLine('L2')).toBe(true);
    expect(isSupportLine('L4')).toBe(false);
  });
});

describe('localize', () => {
  it.each<[string, string]>([
    ['zh-CN', '一线'],
    ['zh_CN', '一线'],
    ['zh', '一线'],
    ['zh-Hans', '一线'],
    ['en-US', 'Line 1 (regional support)'],
    ['de_DE', 'Line 1 (regional support)'],
    ['zhx', 'Line 1 (regional support)'], // not a Chinese tag
  ])('%s → %s', (tag, expected) => {
    expect(localize(SUPPORT_LINE_LABELS.L1, tag)).toBe(expected);
  });
});
