import { workingMinutesBetween } from '../../../src/domain/calendar';
import {
  CN_BUSINESS_DAY_MINUTES,
  DEFAULT_GRADING_TABLE,
  DEFAULT_SLA,
  REFERENCE_CALENDAR_IDS,
} from '../../../src/domain/defaults';
import { validateGradingTable } from '../../../src/domain/grading';
import type { LocalizedText } from '../../../src/domain/labels';
import { lineBudgets } from '../../../src/domain/sla';
import { CN_MAINLAND_2026, at } from '../fixtures';

describe('default grading table v1', () => {
  it('is valid against the reference calendars', () => {
    expect(REFERENCE_CALENDAR_IDS).toEqual(
      expect.arrayContaining(['always-on', 'cn-mainland-2026', 'us-eastern', 'eu-berlin']),
    );
    expect(validateGradingTable(DEFAULT_GRADING_TABLE, { calendarIds: REFERENCE_CALENDAR_IDS })).toMatchObject({
      ok: true,
    });
    expect(DEFAULT_GRADING_TABLE.version).toBe(1);
  });

  it.each<[string, string, string]>([
    ['critical', 'Critical', '紧急'],
    ['major', 'Major', '严重'],
    ['minor', 'Minor', '一般'],
    ['suggestion', 'Suggestion', '建议'],
  ])('grade %s is "%s" / "%s", in severity order', (id, en, zh) => {
    const i = DEFAULT_GRADING_TABLE.grades.findIndex((g) => g.id === id);
    expect(DEFAULT_GRADING_TABLE.grades[i]?.label).toEqual({ en, 'zh-CN': zh });
    expect(i).toBe(['critical', 'major', 'minor', 'suggestion'].indexOf(id));
  });

  const labels: Array<[string, LocalizedText]> = [
    ...DEFAULT_GRADING_TABLE.grades.map((g): [string, LocalizedText] => [`grade ${g.id}`, g.label]),
    ...DEFAULT_GRADING_TABLE.dimensions.flatMap((d) => [
      [`dimension ${d.id}`, d.label] as [string, LocalizedText],
      ...(d.guidance === undefined ? [] : [[`guidance ${d.id}`, d.guidance] as [string, LocalizedText]]),
      ...d.options.map((o): [string, LocalizedText] => [`option ${d.id}.${o.id}`, o.label]),
    ]),
    ...DEFAULT_GRADING_TABLE.overrides.map((o): [string, LocalizedText] => [`override ${o.id}`, o.label]),
  ];

  it.each(labels)('%s is quantified and bilingual, never "e.g."', (_name, label) => {
    expect(label.en.trim()).not.toBe('');
    expect(label['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(label.en).not.toMatch(/\b(e\.g\.|etc\.?|such as|for example)/i);
    expect(label['zh-CN']).not.toMatch(/例如|比如|等等/);
  });

  // Band dimensions must name explicit numbers in every option, in both languages.
  it.each(['businessImpact', 'duration', 'scope'])('every option of %s names a number', (id) => {
    const d = DEFAULT_GRADING_TABLE.dimensions.find((x) => x.id === id);
    expect(d?.options.length).toBeGreaterThan(0);
    for (const o of d?.options ?? []) {
      expect(o.label.en).toMatch(/\d/);
      expect(o.label['zh-CN']).toMatch(/\d/);
    }
  });
});

describe('default SLA / OLA', () => {
  it('counts a CN business day as the working minutes of an ordinary cn-mainland-2026 weekday', () => {
    // Mon 2026-03-02 in Shanghai, midnight to midnight.
    expect(workingMinutesBetween(CN_MAINLAND_2026, at('2026-03-01T16:00:00Z'), at('2026-03-02T16:00:00Z'))).toBe(
      CN_BUSINESS_DAY_MINUTES,
    );
    expect(CN_BUSINESS_DAY_MINUTES).toBe(450);
  });

  it.each<[string, number, number, string, [number, number, number]]>([
    ['critical', 30, 24 * 60, 'always-on', [360, 504, 576]],
    ['major', 120, 3 * 450, 'cn-mainland-2026', [337, 472, 541]],
    ['minor', 450, 5 * 450, 'cn-mainland-2026', [675, 675, 900]],
    ['suggestion', 900, 20 * 450, 'cn-mainland-2026', [1800, 2700, 4500]],
  ])('%s: respond %p, resolve %p on %s, L1/L2/L3 %p', (grade, response, resolution, calendarId, budgets) => {
    const sla = DEFAULT_SLA[grade as keyof typeof DEFAULT_SLA];
    expect({ response: sla.responseMinutes, resolution: sla.resolutionMinutes, calendarId: sla.calendarId }).toEqual({
      response,
      resolution,
      calendarId,
    });
    const lines = lineBudgets({ sla: DEFAULT_SLA }, grade);
    expect(lines.map((b) => b.minutes)).toEqual(budgets);
    // The OLA carries the SLA: the line budgets add up to the promise.
    expect(budgets[0] + budgets[1] + budgets[2]).toBe(resolution);
    expect(lines.every((b) => b.warningFraction === 0.75 && b.calendarId === calendarId)).toBe(true);
  });
});
