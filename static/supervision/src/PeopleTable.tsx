import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { PeopleDto } from '../../../src/contract/analytics';
import { useI18n } from '../../shared/i18n/react';
import { download, toCsv } from './csv';
import { DataTable } from './DataTable';
import { DrillPanel, useDrillOrigin } from './drill';
import { DrillNumber } from './DrillNumber';
import { chartLabels } from './labels';
import { cardStyle } from './supervisionStyles';

/** Per person or per department (when the server allows): work solved, grade mix, cycle, satisfaction, escalations. */
export function PeopleTable(props: { id: string; title: string; dto: PeopleDto }) {
  const i18n = useI18n();
  const { t } = i18n;
  const labels = chartLabels(i18n);
  const origin = `chart-${props.id}`;
  const openAt = useDrillOrigin();
  // Each row's drill-down opens right under that row, not above a long table.
  const rowOrigin = (i: number): string => `${origin}-row-${i}`;
  const header = [
    props.dto.group === 'person' ? t('sup.col.person') : t('sup.col.department'),
    t('sup.col.solved'),
    t('sup.col.gradeMix'),
    t('sup.col.medianCycle'),
    t('sup.col.satisfaction'),
    t('sup.col.timeouts'),
    t('sup.col.escReceived'),
    t('sup.col.escCaused'),
    t('sup.col.forwarded'),
  ];
  // No owner or no department is "(none)"; a person Jira no longer knows has no name (never the account id).
  const labelOf = (r: PeopleDto['rows'][number]): string =>
    r.key === null ? t('sup.none') : (r.label ?? t('people.unknownUser'));
  const rows = props.dto.rows.map((r) => [
    labelOf(r),
    r.solved.value,
    // Grades by the grading table's names, in its order of severity as the server listed them.
    Object.entries(r.gradeMix)
      .map(([g, n]) => t('sup.gradeMixItem', { grade: labels.coded(g, props.dto.gradeLabels), count: n }))
      .join(t('sup.listSeparator')),
    r.medianCycleHours,
    r.satisfactionAvg,
    r.timeouts,
    r.escalationsReceived,
    r.escalationsCaused,
    r.forwarded,
  ]);
  return (
    <Box xcss={cardStyle} testId={origin}>
      <Stack space="space.100">
        <Inline spread="space-between">
          <Text as="strong">{props.title}</Text>
          <Button
            appearance="subtle"
            spacing="compact"
            testId={`${origin}-csv`}
            onClick={() => download(`${props.id}.csv`, toCsv(header, rows))}
          >
            {t('sup.table.csv')}
          </Button>
        </Inline>
        <DataTable
          id={props.id}
          caption={props.title}
          header={header}
          rows={rows}
          format={(v) => labels.count(v)}
          after={(i) => (openAt === rowOrigin(i) ? <DrillPanel origin={rowOrigin(i)} /> : null)}
          cells={(i, j) => {
            const row = props.dto.rows[i];
            return j === 1 && row !== undefined && row.solved.jql !== '' ? (
              <DrillNumber
                drill={row.solved}
                testId={`${props.id}-solved-${i}`}
                label={`${labelOf(row)} · ${t('sup.col.solved')}`}
                origin={rowOrigin(i)}
              />
            ) : undefined;
          }}
        />
      </Stack>
    </Box>
  );
}
