import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { AnalyticsFilterDto } from '../../../src/contract/analytics';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';

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

/** The filter as typed (dates, comma-separated ids), applied only on "Apply". */
export function FilterBar({
  initial,
  onApply,
}: {
  initial: AnalyticsFilterDto;
  onApply: (f: AnalyticsFilterDto) => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState({
    from: initial.from.slice(0, 10),
    to: initial.to.slice(0, 10),
    projects: '',
    kinds: '',
    grades: '',
    granularity: initial.granularity ?? 'month',
  });
  const apply = (): void =>
    onApply({
      from: new Date(`${draft.from}T00:00:00Z`).toISOString(),
      to: new Date(`${draft.to}T00:00:00Z`).toISOString(),
      granularity: draft.granularity,
      projectKeys: splitIds(draft.projects),
      kinds: splitIds(draft.kinds),
      grades: splitIds(draft.grades),
    });
  const input = (key: 'from' | 'to' | 'projects' | 'kinds' | 'grades', label: MessageKey, type = 'text') => (
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
      {input('kinds', 'sup.filter.kinds')}
      {input('grades', 'sup.filter.grades')}
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
