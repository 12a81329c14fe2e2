/**
 * A bar chart of the supervision page, drawn with visx (docs/decisions/charting-library.md): SVG with a
 * value axis, gridlines and value labels where they fit, category labels that never overlap
 * (chartLayout.ts), bars grouped or stacked, colours from design tokens (light and dark). Every bar with
 * issues behind it is a button (one tab stop per chart, arrow keys between bars, Enter or Space opens
 * the drill-down right under the chart). The table alternative and the CSV hold the same rows.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { GridRows } from '@visx/grid';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import type { Drill } from '../../../src/contract/analytics';
import { useI18n } from '../../shared/i18n/react';
import { LABEL_FONT_PX, layoutCategoryAxis, textWidth, valueLabelFits, valueTicks } from './chartLayout';
import { download, toCsv } from './csv';
import { DataTable, type Cell } from './DataTable';
import { DrillPanel, useDrill } from './drill';
import { chartLabels } from './labels';
import { useChartWidth } from './chartWidth';
import { cardStyle } from './supervisionStyles';

/** A bar's value: with the JQL of its issues (a drill-down), a plain number, or nothing to draw. */
export type ChartValue = Drill | number | null;

export interface Series {
  label: string;
  values: ChartValue[];
}

export interface TableModel {
  header: string[];
  rows: Cell[][];
}

export const PALETTE = [
  token('color.chart.categorical.1'),
  token('color.chart.categorical.2'),
  token('color.chart.categorical.3'),
  token('color.chart.categorical.4'),
  token('color.chart.categorical.5'),
  token('color.chart.categorical.6'),
  token('color.chart.categorical.7'),
  token('color.chart.categorical.8'),
];

/** Height of the plot area, px (the axes and labels come on top of it). */
const PLOT_HEIGHT = 200;
/** Room above the highest bar for its value label, px. */
const TOP_MARGIN = 20;
const RIGHT_MARGIN = 8;
/** Gap between the value axis's labels and the plot, px. */
const Y_LABEL_OFFSET = 8;
/** Length of a category tick under the plot, px. */
const TICK_LENGTH = 4;
/** Baseline of a category label under the plot: past the tick, one font size down, px. */
const X_LABEL_TOP = TICK_LENGTH + LABEL_FONT_PX;

const axisStroke = { stroke: token('color.border.bold') };

const numberOf = (v: ChartValue): number | null => (v === null ? null : typeof v === 'number' ? v : v.value);

interface BarShape {
  key: string;
  category: number;
  series: number;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
  drill: Drill | null;
  label: string;
}

export function Chart(props: {
  /** Names the test ids, the drill-down's place and the CSV file. */
  id: string;
  title: string;
  /** The table's and CSV's first column: what a category is (Period, Product, Support line…). */
  categoryHeader: string;
  /** Each category's full name: the table's first column and the bar's accessible name. */
  categories: string[];
  /** Shorter names for the axis (a date without the year); `categories` when absent. */
  axisLabels?: string[];
  series: Series[];
  /** Values are fractions 0–1, shown as percentages. */
  percent?: boolean;
  /** Series stacked into one bar per category (parts of a whole), else side by side. */
  stacked?: boolean;
  /** Categories in a natural order (dates, durations): labels thin out rather than slant. */
  ordered?: boolean;
  /** Draw only the first `maxBars` categories (the largest: the rows come sorted); the table has all. */
  maxBars?: number;
  /** A richer table than the drawn series (more columns); the default is the series. */
  table?: TableModel;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const labels = chartLabels(i18n);
  const [showTable, setShowTable] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const width = useChartWidth(box);
  const origin = `chart-${props.id}`;
  const drill = useDrill(origin);
  const bars = useRef(new Map<string, SVGRectElement>());
  const [active, setActive] = useState(0);
  const [focused, setFocused] = useState<string | null>(null);

  const { categories, series, percent = false, stacked = false } = props;
  const format = (n: number): string => (percent ? labels.percent(n) : labels.count(n));
  const table: TableModel = props.table ?? {
    header: [
      props.categoryHeader,
      ...series.map((s) => (percent ? t('sup.col.percentOf', { label: s.label }) : s.label)),
    ],
    rows: categories.map((c, i) => [
      c,
      ...series.map((s) => {
        const v = numberOf(s.values[i] ?? null);
        return v === null ? null : percent ? Math.round(v * 1000) / 10 : v;
      }),
    ]),
  };

  const drawn = Math.min(categories.length, props.maxBars ?? categories.length);
  const axisNames = (props.axisLabels ?? categories).slice(0, drawn);
  const totals = Array.from({ length: drawn }, (_, i) =>
    series.reduce((sum, s) => sum + (numberOf(s.values[i] ?? null) ?? 0), 0),
  );
  const max = stacked
    ? Math.max(0, ...totals)
    : Math.max(0, ...series.flatMap((s) => s.values.slice(0, drawn).map((v) => numberOf(v) ?? 0)));
  const ticks = valueTicks(max, percent);
  const top = ticks[ticks.length - 1] ?? 1;
  const y = scaleLinear<number>({ domain: [0, top], range: [PLOT_HEIGHT, 0] });
  const tickWidth = Math.max(...ticks.map((v) => textWidth(format(v))));

  // The category axis decides the margins and the margins the room per category: settle both in two passes.
  const domain = Array.from({ length: drawn }, (_, i) => String(i));
  const band = (left: number, right: number) =>
    scaleBand<string>({ domain, range: [0, Math.max(1, width - left - right)], paddingInner: 0.2, paddingOuter: 0.1 });
  let left = tickWidth + Y_LABEL_OFFSET + 4;
  let right = RIGHT_MARGIN;
  let axis = layoutCategoryAxis(axisNames, band(left, right).step(), props.ordered === true);
  for (let pass = 0; pass < 2; pass++) {
    const x0 = band(left, right);
    const firstCentre = (x0(domain[0] ?? '0') ?? 0) + x0.bandwidth() / 2;
    left = Math.max(tickWidth + Y_LABEL_OFFSET + 4, axis.overhangLeft - firstCentre + 4);
    if (!axis.slanted) right = Math.max(RIGHT_MARGIN, axis.overhangLeft - firstCentre + 4);
    axis = layoutCategoryAxis(axisNames, band(left, right).step(), props.ordered === true);
  }
  const x = band(left, right);
  const plotWidth = Math.max(1, width - left - right);
  const inner = scaleBand<number>({
    domain: series.map((_, j) => j),
    range: [0, x.bandwidth()],
    padding: series.length > 1 ? 0.08 : 0,
  });
  const height = TOP_MARGIN + PLOT_HEIGHT + TICK_LENGTH + axis.height + 8;

  const shapes: BarShape[] = [];
  for (let i = 0; i < drawn; i++) {
    let base = 0;
    series.forEach((s, j) => {
      const raw = s.values[i] ?? null;
      const value = numberOf(raw);
      if (value === null) return;
      const bx = (x(String(i)) ?? 0) + (stacked ? 0 : (inner(j) ?? 0));
      const from = stacked ? base : 0;
      base += stacked ? value : 0;
      shapes.push({
        key: `${i}-${j}`,
        category: i,
        series: j,
        x: bx,
        y: y(from + value),
        width: stacked ? x.bandwidth() : inner.bandwidth(),
        height: y(from) - y(from + value),
        value,
        drill: raw !== null && typeof raw !== 'number' && value > 0 ? raw : null,
        label: t('sup.chart.bar', { category: categories[i] ?? '', series: s.label, value: format(value) }),
      });
    });
  }
  const focusable = shapes.filter((b) => b.drill !== null);
  const activeIndex = Math.min(active, Math.max(0, focusable.length - 1));

  const move = (e: KeyboardEvent<SVGRectElement>, index: number, bar: BarShape): void => {
    const to =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? index + 1
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? index - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? focusable.length - 1
              : null;
    if (to !== null) {
      e.preventDefault();
      const next = focusable[Math.max(0, Math.min(focusable.length - 1, to))];
      if (next !== undefined) {
        setActive(focusable.indexOf(next));
        bars.current.get(next.key)?.focus();
      }
    } else if ((e.key === 'Enter' || e.key === ' ') && bar.drill !== null) {
      e.preventDefault(); // Space would scroll the page
      drill(bar.drill.jql, bar.label);
    }
  };
  const valueLabels = stacked
    ? totals.map((total, i) => ({ i, value: total, x: (x(String(i)) ?? 0) + x.bandwidth() / 2, slot: x.step() }))
    : shapes.map((b) => ({ i: b.category, value: b.value, x: b.x + b.width / 2, slot: inner.step() }));
  const focusedBar = shapes.find((b) => b.key === focused);

  return (
    <Box xcss={cardStyle} testId={origin}>
      <Stack space="space.100">
        <Inline spread="space-between" alignBlock="center" shouldWrap>
          <Text as="strong">{props.title}</Text>
          <Inline space="space.100">
            <Button
              appearance="subtle"
              spacing="compact"
              onClick={() => setShowTable((v) => !v)}
              testId={`${origin}-table-toggle`}
              aria-expanded={showTable}
            >
              {showTable ? t('sup.table.hide') : t('sup.table.show')}
            </Button>
            <Button
              appearance="subtle"
              spacing="compact"
              onClick={() => download(`${props.id}.csv`, toCsv(table.header, table.rows))}
              testId={`${origin}-csv`}
            >
              {t('sup.table.csv')}
            </Button>
          </Inline>
        </Inline>
        <div ref={box} style={{ width: '100%' }}>
          {drawn === 0 ? (
            <Text testId={`${origin}-empty`}>{t('sup.chart.noData')}</Text>
          ) : (
            // A group, not an image: its bars are buttons (an image may hold no controls).
            <svg role="group" aria-label={props.title} width={width} height={height} data-testid={`${origin}-svg`}>
              <Group left={left} top={TOP_MARGIN}>
                <g aria-hidden="true" data-testid={`${origin}-y-axis`}>
                  <GridRows scale={y} width={plotWidth} tickValues={ticks} stroke={token('color.border')} />
                  {ticks.map((v) => (
                    <text
                      key={v}
                      x={-Y_LABEL_OFFSET}
                      y={y(v)}
                      dy="0.32em"
                      textAnchor="end"
                      fontSize={LABEL_FONT_PX}
                      style={{ fill: token('color.text.subtle') }}
                    >
                      {format(v)}
                    </text>
                  ))}
                </g>
                {shapes.map((b) => {
                  const index = focusable.indexOf(b);
                  return (
                    <Bar
                      key={b.key}
                      innerRef={(el: SVGRectElement | null) => {
                        if (el === null) bars.current.delete(b.key);
                        else bars.current.set(b.key, el);
                      }}
                      x={b.x}
                      y={b.y}
                      width={Math.max(1, b.width)}
                      height={Math.max(0, b.height)}
                      style={{
                        fill: PALETTE[b.series % PALETTE.length],
                        cursor: b.drill === null ? undefined : 'pointer',
                        outline: 'none',
                      }}
                      role={b.drill === null ? 'img' : 'button'}
                      aria-label={b.label}
                      tabIndex={b.drill === null ? undefined : index === activeIndex ? 0 : -1}
                      data-testid={`bar-${props.id}-${b.category}-${b.series}`}
                      onClick={
                        b.drill === null
                          ? undefined
                          : () => {
                              setActive(index);
                              if (b.drill !== null) drill(b.drill.jql, b.label);
                            }
                      }
                      onKeyDown={b.drill === null ? undefined : (e: KeyboardEvent<SVGRectElement>) => move(e, index, b)}
                      onFocus={() => setFocused(b.key)}
                      onBlur={() => setFocused((f) => (f === b.key ? null : f))}
                    >
                      <title>{b.label}</title>
                    </Bar>
                  );
                })}
                {focusedBar === undefined ? null : (
                  // The focus ring: an SVG shape has no outline of its own in every browser.
                  <rect
                    x={focusedBar.x - 2}
                    y={focusedBar.y - 2}
                    width={Math.max(1, focusedBar.width) + 4}
                    height={Math.max(0, focusedBar.height) + 4}
                    style={{ fill: 'none', stroke: token('color.border.focused'), strokeWidth: 2 }}
                    pointerEvents="none"
                    aria-hidden="true"
                  />
                )}
                <g aria-hidden="true" data-testid={`${origin}-values`}>
                  {valueLabels.map((l) => {
                    const text = format(l.value);
                    // An empty bucket of a count says nothing a missing bar does not; 0 % is a result.
                    return (l.value > 0 || percent) && valueLabelFits(text, l.slot) ? (
                      <text
                        key={`${l.i}-${l.x}`}
                        x={l.x}
                        y={y(l.value) - 4}
                        textAnchor="middle"
                        fontSize={LABEL_FONT_PX}
                        style={{ fill: token('color.text') }}
                      >
                        {text}
                      </text>
                    ) : null;
                  })}
                </g>
                <g aria-hidden="true" data-testid={`${origin}-categories`}>
                  <line x1={0} x2={plotWidth} y1={PLOT_HEIGHT} y2={PLOT_HEIGHT} style={axisStroke} />
                  {domain.map((key, i) => {
                    const text = axis.labels[i] ?? '';
                    if (text === '') return null;
                    const cx = (x(key) ?? 0) + x.bandwidth() / 2;
                    // Slanted labels hang down-left from their tick, ending under it.
                    const ly = axis.slanted ? PLOT_HEIGHT + TICK_LENGTH + 4 : PLOT_HEIGHT + X_LABEL_TOP;
                    return (
                      <g key={key}>
                        <line x1={cx} x2={cx} y1={PLOT_HEIGHT} y2={PLOT_HEIGHT + TICK_LENGTH} style={axisStroke} />
                        <text
                          x={cx}
                          y={ly}
                          textAnchor={axis.slanted ? 'end' : 'middle'}
                          transform={axis.slanted ? `rotate(-45, ${cx}, ${ly})` : undefined}
                          dy={axis.slanted ? '0.32em' : undefined}
                          fontSize={LABEL_FONT_PX}
                          style={{ fill: token('color.text.subtle') }}
                        >
                          {text}
                        </text>
                      </g>
                    );
                  })}
                </g>
              </Group>
            </svg>
          )}
        </div>
        {series.length > 1 ? (
          <Inline space="space.150" shouldWrap testId={`${origin}-legend`}>
            {series.map((s, j) => (
              <Inline key={j} space="space.050" alignBlock="center">
                <svg width={10} height={10} aria-hidden="true">
                  <rect width={10} height={10} style={{ fill: PALETTE[j % PALETTE.length] }} />
                </svg>
                <Text size="small">{s.label}</Text>
              </Inline>
            ))}
          </Inline>
        ) : null}
        {drawn < categories.length ? (
          <Text size="small" color="color.text.subtle" testId={`${origin}-top`}>
            {t('sup.chart.topN', { shown: drawn, total: categories.length })}
          </Text>
        ) : null}
        <DrillPanel origin={origin} />
        {showTable ? (
          <DataTable
            id={props.id}
            caption={props.title}
            header={table.header}
            rows={table.rows}
            format={(v) => labels.count(v)}
          />
        ) : null}
      </Stack>
    </Box>
  );
}
