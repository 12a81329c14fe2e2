/**
 * The supervision charts' pure parts: how category labels fit (chartLayout.ts) and what a chart shows in
 * place of stored codes and period keys (labels.ts). The browser test checks the drawn result.
 */
import {
  layoutCategoryAxis,
  MAX_SLANTED_LABEL_PX,
  shorten,
  textWidth,
  valueLabelFits,
  valueTicks,
} from '../../static/supervision/src/chartLayout';
import { chartLabels, periodStart } from '../../static/supervision/src/labels';
import { createI18n } from '../../static/shared/i18n';

describe('category axis layout', () => {
  const months = ['Jan 2026', 'Feb 2026', 'Mar 2026', 'Apr 2026'];

  it('puts every label side by side when the widest fits its step', () => {
    const layout = layoutCategoryAxis(months, 120, true);
    expect(layout).toMatchObject({ every: 1, slanted: false, labels: months });
  });

  it('thins a time series to every n-th label, each clear of the next', () => {
    const step = 20;
    const layout = layoutCategoryAxis(months, step, true);
    expect(layout.slanted).toBe(false);
    expect(layout.every).toBeGreaterThan(1);
    // Two drawn labels are `every` steps apart: more than the widest label.
    expect(layout.every * step).toBeGreaterThanOrEqual(Math.max(...months.map((m) => textWidth(m))));
    expect(layout.labels.filter((l) => l !== '')).toEqual(months.filter((_, i) => i % layout.every === 0));
  });

  it('slants names instead (each bar keeps its name) and shortens the long ones', () => {
    const names = ['Enterprise core network router X100', 'Billing', 'Field equipment'];
    const layout = layoutCategoryAxis(names, 40, false);
    expect(layout).toMatchObject({ every: 1, slanted: true });
    expect(layout.labels[0]).toMatch(/…$/);
    expect(textWidth(layout.labels[0] ?? '')).toBeLessThanOrEqual(MAX_SLANTED_LABEL_PX);
    expect(layout.labels.slice(1)).toEqual(names.slice(1));
    // The slanted labels reach down and to the left: the chart makes room for both.
    expect(layout.height).toBeGreaterThan(40);
    expect(layout.overhangLeft).toBeGreaterThan(40);
  });

  it('thins slanted names only when even slanted lines would touch', () => {
    const names = Array.from({ length: 60 }, (_, i) => `Product ${i}`);
    const layout = layoutCategoryAxis(names, 6, false);
    expect(layout.slanted).toBe(true);
    // Lines `every · step` apart are that times sin 45° apart across: at least a line of text.
    expect(layout.every * 6 * Math.SQRT1_2).toBeGreaterThanOrEqual(12 * 1.3);
  });

  it('counts Chinese characters as a full em: they are wider than Latin letters', () => {
    expect(textWidth('2026年10月')).toBeGreaterThan(textWidth('Oct 2026'));
    expect(shorten('按客户等级的数量统计', 50)).toMatch(/…$/);
  });
});

describe('value labels and ticks', () => {
  it('draws a value label only where it fits its bar slot', () => {
    expect(valueLabelFits('24', 30)).toBe(true);
    expect(valueLabelFits('1,024', 20)).toBe(false);
  });

  it.each([
    [7, [0, 2, 4, 6, 8]],
    [0, [0, 1]],
    [1, [0, 1]],
    [32, [0, 10, 20, 30, 40]],
    [1234, [0, 500, 1000, 1500]],
  ])('counts up to %d get whole-number ticks %j', (max, ticks) => {
    expect(valueTicks(max, false)).toEqual(ticks);
  });

  it('percentages run from 0 to 100 %', () => {
    expect(valueTicks(0.42, true)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});

describe('chart labels', () => {
  const en = chartLabels(createI18n('en_US', 'Asia/Shanghai'));
  const zh = chartLabels(createI18n('zh_CN', 'America/Los_Angeles'));
  const grades = { critical: { en: 'Critical', 'zh-CN': '紧急' } };

  it('names kinds, lines and grading-table codes in the page language, never as stored', () => {
    expect([en.kind('technicalService'), zh.kind('technicalService')]).toEqual(['Technical service', '技术服务']);
    expect([en.kind(null), zh.kind(null)]).toEqual(['(none)', '（无）']);
    expect([en.line('L2'), zh.line('L2')]).toEqual(['L2 · Second line', '二线 (L2)']);
    expect([en.coded('critical', grades), zh.coded('critical', grades)]).toEqual(['Critical', '紧急']);
    // A code the grading table no longer has is shown as stored (there is no other name for it).
    expect(en.coded('retired', grades)).toBe('retired');
    expect(en.free('East China')).toBe('East China');
  });

  it('shows a period as the calendar date it names in every time zone (no shift to the day before)', () => {
    expect(periodStart('2026-03')?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(periodStart('2026-13')).toBeNull();
    expect(en.periodShort('2026-03', 'month')).toBe('Mar 2026');
    expect(zh.periodShort('2026-03', 'month')).toBe('2026年3月');
    expect(zh.periodLong('2026-03-02', 'week')).toBe('2026年3月2日 起的一周');
    expect(en.periodLong('2026-03-02', 'week')).toBe('Week of Mar 2, 2026');
    expect(en.periodShort('2026-03-02', 'day')).toBe('Mar 2');
    expect(en.periodShort('not a period', 'day')).toBe('not a period');
  });

  it.each([
    [0, 1, 'under 1 h', '不足 1 小时'],
    [4, 8, '4–8 h', '4–8 小时'],
    [36, 48, '36–48 h', '36–48 小时'],
    [48, 72, '2–3 d', '2–3 天'],
    [720, 1080, '30–45 d', '30–45 天'],
    [2160, null, '90 d or more', '90 天及以上'],
  ])('a cycle bucket %d–%s h reads "%s" / "%s"', (from, to, english, chinese) => {
    expect(en.cycleBucket(from, to)).toBe(english);
    expect(zh.cycleBucket(from, to)).toBe(chinese);
  });
});
