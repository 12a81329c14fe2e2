import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { AnalyticsFilterDto, CodeLabels } from '../../../src/contract/analytics';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { chartLabels, KIND_ORDER } from './labels';

type Granularity = 'day' | 'week' | 'month';

/** The last twelve whole months (UTC), by month, every project, kind and grade. */
export function defaultFilter(nowMs: number): AnalyticsFilterDto {
  const now = new Date(nowMs);
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const from = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth() + 1, 1));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    granularity: 'month',
    projectKeys: [],
    kinds: [],
    grades: [],
  };
}

const splitIds = (s: string): string[] =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');

/**
 * The filter as chosen (dates, project keys, kinds and grades ticked by name), applied only on "Apply".
 * Nothing ticked means every kind or grade. Grades are the grading table's, by the names it gives them.
 */
export function FilterBar({
  initial,
  gradeLabels,
  onApply,
}: {
  initial: AnalyticsFilterDto;
  /** The grades the charts met so far, by the grading table's names. */
  gradeLabels: CodeLabels;
  onApply: (f: AnalyticsFilterDto) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const labels = chartLabels(i18n);
  const [draft, setDraft] = useState({
    from: initial.from.slice(0, 10),
    to: initial.to.slice(0, 10),
    projects: '',
    kinds: initial.kinds ?? [],
    grades: initial.grades ?? [],
    granularity: initial.granularity ?? 'month',
  });
  const apply = (): void =>
    onApply({
      from: new Date(`${draft.from}T00:00:00Z`).toISOString(),
      to: new Date(`${draft.to}T00:00:00Z`).toISOString(),
      granularity: draft.granularity,
      projectKeys: splitIds(draft.projects),
      kinds: draft.kinds,
      grades: draft.grades,
    });
  const ticks = (key: 'kinds' | 'grades', legend: MessageKey, options: Array<{ code: string; label: string }>) => (
    <fieldset style={{ border: 'none', margin: 0, padding: 0, minWidth: 0 }} data-testid={`filter-${key}`}>
      <legend style={{ padding: 0 }}>
        <Text size="small">{t(legend)}</Text>
      </legend>
      <Inline space="space.100" shouldWrap>
        {options.map((o) => (
          <label key={o.code}>
            <input
              type="checkbox"
              checked={draft[key].includes(o.code)}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  [key]: e.target.checked ? [...draft[key], o.code] : draft[key].filter((c) => c !== o.code),
                })
              }
            />{' '}
            <Text size="small">{o.label}</Text>
          </label>
        ))}
      </Inline>
    </fieldset>
  );
  const input = (key: 'from' | 'to' | 'projects', label: MessageKey, type = 'text') => (
    <label>
      <Stack space="space.050">
        <Text size="small">{t(label)}</Text>
        <input
          type={type}
          data-testid={`filter-${key}`}
          value={draft[key]}
          onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        />
      </Stack>
    </label>
  );
  return (
    <Inline space="space.200" alignBlock="end" shouldWrap>
      {input('from', 'sup.filter.from', 'date')}
      {input('to', 'sup.filter.to', 'date')}
      {input('projects', 'sup.filter.projects')}
      {ticks(
        'kinds',
        'sup.filter.kinds',
        KIND_ORDER.map((code) => ({ code, label: labels.kind(code) })),
      )}
      {ticks(
        'grades',
        'sup.filter.grades',
        // A grade ticked before stays listed, so it can be unticked, even when no chart holds it any more.
        [...new Set([...Object.keys(gradeLabels), ...draft.grades])].map((code) => ({
          code,
          label: labels.coded(code, gradeLabels),
        })),
      )}
      <label>
        <Stack space="space.050">
          <Text size="small">{t('sup.filter.granularity')}</Text>
          <select
            data-testid="filter-granularity"
            value={draft.granularity}
            onChange={(e) => setDraft({ ...draft, granularity: e.target.value as Granularity })}
          >
            <option value="day">{t('sup.granularity.day')}</option>
            <option value="week">{t('sup.granularity.week')}</option>
            <option value="month">{t('sup.granularity.month')}</option>
          </select>
        </Stack>
      </label>
      <Button appearance="primary" testId="filter-apply" onClick={apply}>
        {t('sup.filter.apply')}
      </Button>
    </Inline>
  );
}
