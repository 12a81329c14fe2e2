import { Fragment, type ReactNode } from 'react';
import { token } from '@atlaskit/tokens';

export type Cell = string | number | null;

/** A chart's or figure list's table: what its CSV holds, with numbers aligned to the end. */
export function DataTable(props: {
  id: string;
  caption: string;
  header: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<Cell>>;
  /** Shows a number the user can drill into as its control instead of plain text. */
  cells?: (row: number, col: number) => ReactNode;
  /** Formats a number cell for reading (the CSV keeps the number). */
  format?: (value: number, col: number) => string;
  /** Shown in a full-width row right under row `row` (a drill-down next to the number clicked), or null. */
  after?: (row: number) => ReactNode;
}) {
  const border = `${token('border.width')} solid ${token('color.border')}`;
  // Columns of numbers read from the end, as figures in a table do; text columns from the start.
  const numeric = props.header.map((_, j) => props.rows.some((r) => typeof r[j] === 'number'));
  const align = (j: number): 'start' | 'end' => (j > 0 && numeric[j] === true ? 'end' : 'start');
  return (
    // Scrolls sideways on a narrow page rather than squeezing nine columns; focusable so keys scroll it too.
    <div role="region" aria-label={props.caption} tabIndex={0} style={{ overflowX: 'auto' }}>
      <table data-testid={`table-${props.id}`} style={{ borderCollapse: 'collapse', width: '100%' }}>
        <caption style={{ textAlign: 'start', font: token('font.body.small'), color: token('color.text.subtle') }}>
          {props.caption}
        </caption>
        <thead>
          <tr>
            {props.header.map((h, j) => (
              <th
                key={j}
                scope="col"
                style={{ textAlign: align(j), padding: token('space.050'), borderBottom: border }}
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, i) => {
            const after = props.after?.(i) ?? null;
            return (
              <Fragment key={i}>
                <tr>
                  {r.map((v, j) =>
                    j === 0 ? (
                      <th
                        key={j}
                        scope="row"
                        style={{
                          textAlign: 'start',
                          fontWeight: token('font.weight.regular'),
                          padding: token('space.050'),
                        }}
                      >
                        {v ?? ''}
                      </th>
                    ) : (
                      <td key={j} style={{ textAlign: align(j), padding: token('space.050') }}>
                        {props.cells?.(i, j) ??
                          (v === null ? '–' : typeof v === 'number' && props.format ? props.format(v, j) : String(v))}
                      </td>
                    ),
                  )}
                </tr>
                {after === null ? null : (
                  <tr>
                    <td colSpan={props.header.length}>{after}</td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
