import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { GradingTable } from '../../../../src/contract/gradingAdmin';
import { useI18n } from '../../../shared/i18n/react';
import type { Edit } from '../draft';
import { NumberField, PathIssues, SelectField } from '../fields';
import { cardStyles } from './cardStyles';
import { useLocalized } from './useLocalized';

const LINES = ['L1', 'L2', 'L3'] as const;
type Sla = GradingTable['sla'][string];
type Options = Array<{ value: string; label: string }>;

/** Per grade: response and resolution times, the calendar, and each line's share (OLA). */
export function SlaTab({ table, calendarIds, edit }: { table: GradingTable; calendarIds: string[]; edit: Edit }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const calendarOptions = calendarIds.map((id) => ({ value: id, label: id }));
  return (
    <Stack space="space.200">
      <Text size="small" color="color.text.subtle">
        {t('gradingAdmin.slaHint')}
      </Text>
      <PathIssues path="sla" />
      {table.grades.map((g) => {
        const sla = table.sla[g.id];
        if (sla === undefined) return <PathIssues key={g.id} path={`sla.${g.id}`} />;
        return (
          <GradeSlaCard
            key={g.id}
            gradeId={g.id}
            title={localized(g.label, g.id)}
            sla={sla}
            calendarOptions={calendarOptions}
            edit={edit}
          />
        );
      })}
    </Stack>
  );
}

function GradeSlaCard({
  gradeId,
  title,
  sla,
  calendarOptions,
  edit,
}: {
  gradeId: string;
  title: string;
  sla: Sla;
  calendarOptions: Options;
  edit: Edit;
}) {
  const { t } = useI18n();
  const base = `sla.${gradeId}`;
  // Each field under a small visible label of its own (the field's label is for screen readers).
  const labelled = (label: string, field: JSX.Element) => (
    <Stack space="space.025">
      <Text size="small">{label}</Text>
      {field}
    </Stack>
  );
  return (
    <Box xcss={cardStyles}>
      <Stack space="space.100">
        <Text weight="bold">{title}</Text>
        <PathIssues path={base} />
        <Inline space="space.150" alignBlock="start" shouldWrap>
          {labelled(
            t('gradingAdmin.responseMinutes'),
            <NumberField
              path={`${base}.responseMinutes`}
              label={t('gradingAdmin.responseMinutes')}
              value={sla.responseMinutes}
              onChange={(v) => edit(['sla', gradeId, 'responseMinutes'], v)}
            />,
          )}
          {labelled(
            t('gradingAdmin.resolutionMinutes'),
            <NumberField
              path={`${base}.resolutionMinutes`}
              label={t('gradingAdmin.resolutionMinutes')}
              value={sla.resolutionMinutes}
              onChange={(v) => edit(['sla', gradeId, 'resolutionMinutes'], v)}
            />,
          )}
          {labelled(
            t('gradingAdmin.calendar'),
            <SelectField
              path={`${base}.calendarId`}
              label={t('gradingAdmin.calendar')}
              value={sla.calendarId}
              options={calendarOptions}
              onChange={(v) => edit(['sla', gradeId, 'calendarId'], v)}
            />,
          )}
          {labelled(
            t('gradingAdmin.olaUnit'),
            <SelectField
              path={`${base}.ola.unit`}
              label={t('gradingAdmin.olaUnit')}
              value={sla.ola.unit}
              options={[
                { value: 'percent', label: t('gradingAdmin.unit.percent') },
                { value: 'minutes', label: t('gradingAdmin.unit.minutes') },
              ]}
              onChange={(v) => edit(['sla', gradeId, 'ola', 'unit'], v)}
            />,
          )}
        </Inline>
        <PathIssues path={`${base}.ola`} />
        <PathIssues path={`${base}.ola.lines`} />
        {LINES.map((line) => (
          <OlaLineRow
            key={line}
            gradeId={gradeId}
            line={line}
            share={sla.ola.lines[line]}
            calendarOptions={calendarOptions}
            edit={edit}
          />
        ))}
      </Stack>
    </Box>
  );
}

/** One line's share of the grade's time: amount, its own calendar (or the grade's), when to warn. */
function OlaLineRow({
  gradeId,
  line,
  share,
  calendarOptions,
  edit,
}: {
  gradeId: string;
  line: (typeof LINES)[number];
  share: Sla['ola']['lines'][(typeof LINES)[number]];
  calendarOptions: Options;
  edit: Edit;
}) {
  const { t } = useI18n();
  const lp = `sla.${gradeId}.ola.lines.${line}`;
  return (
    <Inline space="space.100" alignBlock="start" shouldWrap>
      <Box xcss={xcss({ minWidth: 'size.500' })}>
        <Text weight="medium">{line}</Text>
      </Box>
      <NumberField
        path={`${lp}.amount`}
        label={t('gradingAdmin.lineAmount', { line })}
        value={share?.amount}
        onChange={(v) => edit(['sla', gradeId, 'ola', 'lines', line, 'amount'], v)}
      />
      <SelectField
        path={`${lp}.calendarId`}
        label={t('gradingAdmin.lineCalendar', { line })}
        value={share?.calendarId ?? ''}
        options={[{ value: '', label: t('gradingAdmin.sameCalendar') }, ...calendarOptions]}
        onChange={(v) => edit(['sla', gradeId, 'ola', 'lines', line, 'calendarId'], v === '' ? undefined : v)}
      />
      <NumberField
        path={`${lp}.warningFraction`}
        label={t('gradingAdmin.warningFraction', { line })}
        placeholder="0.75"
        value={share?.warningFraction}
        onChange={(v) => edit(['sla', gradeId, 'ola', 'lines', line, 'warningFraction'], v === null ? undefined : v)}
      />
    </Inline>
  );
}
