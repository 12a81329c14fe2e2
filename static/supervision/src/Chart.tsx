/**
 * A hand-rolled, accessible SVG bar chart (no chart library): grouped bars per category, token colours,
 * every bar focusable and clickable (drill-down), a text table alternative and CSV export beside it.
 */
import { useState } from 'react';
import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { Drill } from '../../../src/contract/analytics';
import { useI18n } from '../../shared/i18n/react';
import { download, toCsv } from './csv';

export interface Series {
  label: string;
  values: Array<Drill | number>;
}

const PALETTE = [
  token('color.chart.categorical.1'),
  token('color.chart.categorical.2'),
  token('color.chart.categorical.3'),
  token('color.chart.categorical.4'),
  token('color.chart.categorical.5'),
  token('color.chart.categorical.6'),
  token('color.chart.categorical.7'),
  token('color.chart.categorical.8'),
];

const valueOf = (v: Drill | number): number => (typeof v === 'number' ? v : v.value);
const cardStyle = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.small',
  padding: 'space.200',
});
const linkStyle = xcss({ color: 'color.link', backgroundColor: 'color.background.neutral.subtle', padding: 'space.0' });

export function Chart(props: {
  id: string;
  title: string;
  categories: string[];
  series: Series[];
  /** Values are fractions 0–1 (shown as %). */
  percent?: boolean;
  onDrill: (jql: string, label: string) => void;
}) {
  const { t } = useI18n();
  const [table, setTable] = useState(false);
  const { categories, series } = props;
  const fmt = (n: number): string => (props.percent ? `${Math.round(n * 1000) / 10}%` : String(n));
  const max = Math.max(1, ...series.flatMap((s) => s.values.map(valueOf)));
  const W = 640;
  const H = 180;
  const groupW = categories.length === 0 ? W : W / categories.length;
  const barW = Math.max(2, (groupW - 8) / Math.max(1, series.length));
  const header = [t('sup.col.period'), ...series.map((s) => s.label)];
  const rows = categories.map((c, i) => [
    c,
    ...series.map((s) => {
      const v = s.values[i];
      return v === undefined ? null : valueOf(v);
    }),
  ]);
  return (
    <Box xcss={cardStyle} testId={`chart-${props.id}`}>
      <Stack space="space.100">
        <Inline spread="space-between" alignBlock="center">
          <Text as="strong">{props.title}</Text>
          <Inline space="space.100">
            <Pressable
              xcss={linkStyle}
              onClick={() => setTable((x) => !x)}
              testId={`chart-${props.id}-table-toggle`}
              aria-expanded={table}
            >
              {t('sup.table.show')}
            </Pressable>
            <Pressable
              xcss={linkStyle}
              onClick={() => download(`${props.id}.csv`, toCsv(header, rows))}
              testId={`chart-${props.id}-csv`}
            >
              {t('sup.table.csv')}
            </Pressable>
          </Inline>
        </Inline>
        {/* A group, not an image: its bars are buttons that open the drill-down (an image may hold no controls). */}
        <svg role="group" aria-label={props.title} viewBox={`0 0 ${W} ${H + 20}`} width="100%" height={H + 20}>
          <line x1={0} y1={H} x2={W} y2={H} stroke={token('color.border')} />
          {categories.map((c, i) => (
            <g key={c}>
              {series.map((s, j) => {
                const v = s.values[i];
                if (v === undefined) return null;
                const h = (valueOf(v) / max) * (H - 10);
                const drill = typeof v === 'number' ? null : v;
                const label = `${c} · ${s.label}: ${fmt(valueOf(v))}`;
                return (
                  <rect
                    key={s.label}
                    x={i * groupW + 4 + j * barW}
                    y={H - h}
                    width={Math.max(1, barW - 1)}
                    height={h}
                    fill={PALETTE[j % PALETTE.length]}
                    role={drill ? 'button' : undefined}
                    tabIndex={drill ? 0 : undefined}
                    aria-label={label}
                    data-testid={`bar-${props.id}-${i}-${j}`}
                    style={drill ? { cursor: 'pointer' } : undefined}
                    onClick={drill ? () => props.onDrill(drill.jql, label) : undefined}
                    onKeyDown={
                      drill
                        ? (e) => {
                            if (e.key === 'Enter' || e.key === ' ') props.onDrill(drill.jql, label);
                          }
                        : undefined
                    }
                  >
                    <title>{label}</title>
                  </rect>
                );
              })}
              {categories.length <= 24 ? (
                <text
                  x={i * groupW + groupW / 2}
                  y={H + 14}
                  fontSize={10}
                  textAnchor="middle"
                  fill={token('color.text.subtle')}
                >
                  {c}
                </text>
              ) : null}
            </g>
          ))}
        </svg>
        <Inline space="space.150" shouldWrap>
          {series.map((s, j) => (
            <Inline key={s.label} space="space.050" alignBlock="center">
              <svg width={10} height={10} aria-hidden="true">
                <rect width={10} height={10} fill={PALETTE[j % PALETTE.length]} />
              </svg>
              <Text size="small">{s.label}</Text>
            </Inline>
          ))}
        </Inline>
        {table ? <DataTable id={props.id} header={header} rows={rows} /> : null}
      </Stack>
    </Box>
  );
}

export function DataTable(props: {
  id: string;
  header: string[];
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>;
  cells?: (row: number, col: number) => React.ReactNode;
}) {
  return (
    <table data-testid={`table-${props.id}`} style={{ borderCollapse: 'collapse', width: '100%' }}>
      <thead>
        <tr>
          {props.header.map((h) => (
            <th
              key={h}
              scope="col"
              style={{
                textAlign: 'start',
                padding: token('space.050'),
                borderBottom: `${token('border.width')} solid ${token('color.border')}`,
              }}
            >
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r, i) => (
          <tr key={i}>
            {r.map((v, j) => (
              <td key={j} style={{ padding: token('space.050') }}>
                {props.cells?.(i, j) ?? (v === null ? '' : String(v))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
