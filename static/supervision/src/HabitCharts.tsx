/**
 * The case-library habit on the supervision page (查案例, 建案例; issue 17): per person and per department
 * the share of issues whose case library was searched before work started and the case decisions at
 * resolution; per support line the share of stays resolved there against the admin's target, lines below
 * it flagged; first-contact resolution and the return visits' satisfaction per period (visx bars, Chart.tsx).
 */
import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { CaseHabitChart, HabitShareDto, LineOutcomeChart } from '../../../src/contract/caseHabit';
import { useI18n } from '../../shared/i18n/react';
import { Chart } from './Chart';
import { download, toCsv } from './csv';
import { DataTable } from './DataTable';
import { chartLabels, type Granularity } from './labels';
import { cardStyle } from './supervisionStyles';

const pct = (share: number | null): number | null => (share === null ? null : Math.round(share * 1000) / 10);

function HabitTable(props: { id: string; title: string; group: 'person' | 'department'; rows: HabitShareDto[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const labels = chartLabels(i18n);
  const header = [
    props.group === 'person' ? t('sup.col.person') : t('sup.col.department'),
    t('sup.col.count'),
    t('habit.col.searchedBefore'),
    t('sup.col.percentOf', { label: t('habit.col.searchedBefore') }),
    t('habit.decision.newCase'),
    t('habit.decision.improvedCase'),
    t('habit.decision.none'),
    t('habit.col.undecided'),
  ];
  const rows = props.rows.map((r) => [
    r.key === null ? t('sup.none') : (r.label ?? t('people.unknownUser')),
    r.issues,
    r.searchedBeforeWork,
    pct(r.searchedShare),
    r.decisions.newCase,
    r.decisions.improvedCase,
    r.decisions.none,
    r.undecided,
  ]);
  return (
    <Box xcss={cardStyle} testId={`chart-${props.id}`}>
      <Stack space="space.100">
        <Inline spread="space-between">
          <Text as="strong">{props.title}</Text>
          <Button
            appearance="subtle"
            spacing="compact"
            testId={`chart-${props.id}-csv`}
            onClick={() => download(`${props.id}.csv`, toCsv(header, rows))}
          >
            {t('sup.table.csv')}
          </Button>
        </Inline>
        <DataTable id={props.id} caption={props.title} header={header} rows={rows} format={(v) => labels.count(v)} />
      </Stack>
    </Box>
  );
}

export function CaseHabitTables({ habit }: { habit: CaseHabitChart }) {
  const { t } = useI18n();
  return (
    <Stack space="space.300">
      {habit.truncated ? (
        <Text testId="habit-truncated" color="color.text.warning">
          {t('habit.truncated')}
        </Text>
      ) : null}
      <HabitTable id="habit-people" title={t('habit.chart.people')} group="person" rows={habit.person} />
      <HabitTable
        id="habit-departments"
        title={t('habit.chart.departments')}
        group="department"
        rows={habit.department}
      />
    </Stack>
  );
}

export function LineOutcomeCharts({ outcomes, granularity }: { outcomes: LineOutcomeChart; granularity: Granularity }) {
  const i18n = useI18n();
  const { t } = i18n;
  const labels = chartLabels(i18n);
  const below = outcomes.lines.filter((l) => l.belowTarget);
  const periods = outcomes.periods.map((p) => labels.periodLong(p.period, granularity));
  const axis = outcomes.periods.map((p) => labels.periodShort(p.period, granularity));
  return (
    <Stack space="space.300">
      <Box xcss={cardStyle} testId="line-targets-flags">
        <Stack space="space.100">
          <Text as="strong">{t('habit.lines.flagsTitle')}</Text>
          {below.length === 0 ? (
            <Text testId="line-targets-none-below">{t('habit.lines.noneBelow')}</Text>
          ) : (
            below.map((l) => (
              <Inline key={l.line} space="space.100" alignBlock="center" testId={`line-below-${l.line}`}>
                {/* A flag drawn with tokens, not Atlaskit's Lozenge: the page's bundle stays small. */}
                <Box xcss={flagStyles}>
                  <Text size="small" weight="bold" color="color.text.danger">
                    {t('habit.lines.below')}
                  </Text>
                </Box>
                <Text>
                  {t('habit.lines.belowDetail', {
                    line: labels.line(l.line),
                    share: labels.percent(l.share ?? 0),
                    target: labels.percent(l.target),
                  })}
                </Text>
              </Inline>
            ))
          )}
        </Stack>
      </Box>
      <Chart
        id="line-resolution"
        title={t('habit.chart.lineResolution')}
        categoryHeader={t('sup.col.line')}
        percent
        ordered
        categories={outcomes.lines.map((l) => labels.line(l.line))}
        series={[
          { label: t('habit.col.resolvedShare'), values: outcomes.lines.map((l) => l.share) },
          { label: t('habit.col.target'), values: outcomes.lines.map((l) => l.target) },
        ]}
        table={{
          header: [
            t('sup.col.line'),
            t('sup.col.ended'),
            t('sup.col.resolved'),
            t('sup.col.percentOf', { label: t('habit.col.resolvedShare') }),
            t('sup.col.percentOf', { label: t('habit.col.target') }),
            t('habit.col.flag'),
          ],
          rows: outcomes.lines.map((l) => [
            labels.line(l.line),
            l.ended,
            l.resolved,
            pct(l.share),
            pct(l.target),
            l.belowTarget ? t('habit.lines.below') : '',
          ]),
        }}
      />
      <Chart
        id="first-contact"
        title={t('habit.chart.firstContact')}
        categoryHeader={t('sup.col.period')}
        percent
        ordered
        categories={periods}
        axisLabels={axis}
        series={[{ label: t('habit.col.firstContact'), values: outcomes.periods.map((p) => p.firstContactShare) }]}
        table={{
          header: [
            t('sup.col.period'),
            t('sup.col.resolved'),
            t('habit.col.firstContact'),
            t('sup.col.percentOf', { label: t('habit.col.firstContact') }),
          ],
          rows: outcomes.periods.map((p, i) => [
            periods[i] ?? '',
            p.resolved,
            p.firstContact,
            pct(p.firstContactShare),
          ]),
        }}
      />
      <Chart
        id="satisfaction-trend"
        title={t('habit.chart.satisfaction')}
        categoryHeader={t('sup.col.period')}
        ordered
        categories={periods}
        axisLabels={axis}
        series={[{ label: t('sup.col.satisfaction'), values: outcomes.periods.map((p) => p.satisfactionAvg) }]}
        table={{
          header: [t('sup.col.period'), t('habit.col.visited'), t('sup.col.satisfaction')],
          rows: outcomes.periods.map((p, i) => [periods[i] ?? '', p.visited, p.satisfactionAvg]),
        }}
      />
    </Stack>
  );
}

const flagStyles = xcss({
  backgroundColor: 'color.background.danger',
  borderRadius: 'radius.small',
  paddingInline: 'space.050',
});
