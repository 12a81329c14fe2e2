import { Box, Inline, Pressable, Stack, Text } from '@atlaskit/primitives';
import type { PeopleDto } from '../../../src/contract/analytics';
import { useI18n } from '../../shared/i18n/react';
import { DataTable } from './Chart';
import { download, toCsv } from './csv';
import { DrillNumber } from './DrillNumber';
import { cardStyle, linkStyle } from './supervisionStyles';

/** Per person or per department (when the server allows): work solved, grade mix, cycle, satisfaction, escalations. */
export function PeopleTable(props: {
  id: string;
  title: string;
  dto: PeopleDto;
  onDrill: (jql: string, label: string) => void;
}) {
  const { t } = useI18n();
  const header = [
    t('sup.col.who'),
    t('sup.col.solved'),
    t('sup.col.gradeMix'),
    t('sup.col.medianCycle'),
    t('sup.col.satisfaction'),
    t('sup.col.timeouts'),
    t('sup.col.escReceived'),
    t('sup.col.escCaused'),
    t('sup.col.forwarded'),
  ];
  const labelOf = (r: PeopleDto['rows'][number]): string => r.label ?? t('people.unknownUser');
  const rows = props.dto.rows.map((r) => [
    labelOf(r),
    r.solved.value,
    Object.entries(r.gradeMix)
      .map(([g, n]) => `${g}:${n}`)
      .join(' '),
    r.medianCycleHours,
    r.satisfactionAvg,
    r.timeouts,
    r.escalationsReceived,
    r.escalationsCaused,
    r.forwarded,
  ]);
  return (
    <Box xcss={cardStyle} testId={`chart-${props.id}`}>
      <Stack space="space.100">
        <Inline spread="space-between">
          <Text as="strong">{props.title}</Text>
          <Pressable
            xcss={linkStyle}
            testId={`chart-${props.id}-csv`}
            onClick={() => download(`${props.id}.csv`, toCsv(header, rows))}
          >
            {t('sup.table.csv')}
          </Pressable>
        </Inline>
        <DataTable
          id={props.id}
          header={header}
          rows={rows}
          cells={(i, j) => {
            const row = props.dto.rows[i];
            return j === 1 && row !== undefined && row.solved.jql !== '' ? (
              <DrillNumber
                drill={row.solved}
                testId={`${props.id}-solved-${i}`}
                label={`${labelOf(row)} · ${t('sup.col.solved')}`}
                onDrill={props.onDrill}
              />
            ) : undefined;
          }}
        />
      </Stack>
    </Box>
  );
}
