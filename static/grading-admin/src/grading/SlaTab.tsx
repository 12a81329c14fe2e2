import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { GradingTable } from '../../../../src/contract/gradingAdmin';
import { useI18n } from '../../../shared/i18n/react';
import type { Edit } from '../draft';
import { PathIssues, SelectField } from '../fields';
import { useCalendarName } from './calendarNames';
import { cardStyles } from './cardStyles';
import { useFieldName } from './names';
import { cellStyle, headStyle, tableStyle } from './tableStyles';
import { DurationField, PercentField } from './timeFields';
import { useLocalized } from './useLocalized';

const LINES = ['L1', 'L2', 'L3'] as const;
type Sla = GradingTable['sla'][string];
type Options = Array<{ value: string; label: string }>;

/** Per grade: response and resolution times (hours and minutes), the calendar, and each line's share (OLA). */
export function SlaTab({ table, calendarIds, edit }: { table: GradingTable; calendarIds: string[]; edit: Edit }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const calendarName = useCalendarName();
  const calendarOptions = calendarIds.map((id) => ({ value: id, label: calendarName(id) }));
  return (
    <Stack space="space.200">
      <Text size="small" color="color.text.subtle">
        {t('gradingAdmin.slaHint')}
      </Text>
      <PathIssues path="sla" />
      {table.grades.map((g, gi) => {
        const sla = table.sla[g.id];
        if (sla === undefined) return <PathIssues key={g.id} path={`sla.${g.id}`} />;
        return (
          <GradeSlaCard
            key={g.id}
            gradeId={g.id}
            title={localized(g.label, t('gradingAdmin.gradeN', { n: gi + 1 }))}
            sla={sla}
            calendarOptions={calendarOptions}
            edit={edit}
          />
        );
      })}
      <RequirementTimes table={table} calendarOptions={calendarOptions} edit={edit} />
    </Stack>
  );
}

/**
 * Requirements' own times (问题 / 需求 keep different time, src/domain/sla/timeRule.ts): whether their
 * clock stops while their value is assessed, and per grade either the problems' times (the default, and
 * what a table saved before this option means) or their own, started as a copy of the problems'.
 */
function RequirementTimes({
  table,
  calendarOptions,
  edit,
}: {
  table: GradingTable;
  calendarOptions: Options;
  edit: Edit;
}) {
  const { t } = useI18n();
  const localized = useLocalized();
  const own = table.requirementTimes?.sla ?? {};
  return (
    <Box as="section" aria-label={t('gradingAdmin.requirementTimes')} testId="requirement-times">
      <Stack space="space.150">
        <Text weight="bold">{t('gradingAdmin.requirementTimes')}</Text>
        <Text size="small" color="color.text.subtle">
          {t('gradingAdmin.requirementTimesHint')}
        </Text>
        <PathIssues path="requirementTimes" />
        <label>
          <input
            type="checkbox"
            data-path="requirementTimes.pauseWhileAssessing"
            checked={table.requirementTimes?.pauseWhileAssessing === true}
            onChange={(e) => edit(['requirementTimes', 'pauseWhileAssessing'], e.target.checked ? true : undefined)}
          />{' '}
          <Text>{t('gradingAdmin.requirementPause')}</Text>
        </label>
        <PathIssues path="requirementTimes.pauseWhileAssessing" />
        <PathIssues path="requirementTimes.sla" />
        {table.grades.map((g, gi) => {
          const title = localized(g.label, t('gradingAdmin.gradeN', { n: gi + 1 }));
          const sla = Object.prototype.hasOwnProperty.call(own, g.id) ? own[g.id] : undefined;
          const problem = table.sla[g.id];
          return (
            <Stack key={g.id} space="space.100">
              <label>
                <input
                  type="checkbox"
                  data-testid={`requirement-own-${g.id}`}
                  checked={sla !== undefined}
                  onChange={(e) =>
                    edit(
                      ['requirementTimes', 'sla', g.id],
                      e.target.checked && problem !== undefined ? structuredClone(problem) : undefined,
                    )
                  }
                />{' '}
                <Text>{t('gradingAdmin.requirementOwnTimes', { grade: title })}</Text>
              </label>
              {sla === undefined ? null : (
                <GradeSlaCard
                  gradeId={g.id}
                  root={['requirementTimes', 'sla']}
                  title={t('gradingAdmin.requirementGrade', { grade: title })}
                  sla={sla}
                  calendarOptions={calendarOptions}
                  edit={edit}
                />
              )}
            </Stack>
          );
        })}
      </Stack>
    </Box>
  );
}

function GradeSlaCard({
  gradeId,
  root = ['sla'],
  title,
  sla,
  calendarOptions,
  edit,
}: {
  gradeId: string;
  /** Where the grade's SLA sits in the table: the problems' `sla`, or `requirementTimes.sla`. */
  root?: readonly string[];
  title: string;
  sla: Sla;
  calendarOptions: Options;
  edit: Edit;
}) {
  const { t } = useI18n();
  const field = useFieldName();
  const base = `${root.join('.')}.${gradeId}`;
  const at = (...rest: string[]) => [...root, gradeId, ...rest];
  const inMinutes = sla.ola.unit === 'minutes';
  // A saved calendar that no longer exists stays choosable, named as such, so the form changes nothing silently.
  const options = calendarOptions.some((o) => o.value === sla.calendarId)
    ? calendarOptions
    : [...calendarOptions, { value: sla.calendarId, label: t('gradingAdmin.calendarUnknown') }];
  return (
    <Box xcss={cardStyles} testId={`${root.length > 1 ? 'requirement-sla' : 'sla'}-${gradeId}`}>
      <Stack space="space.100">
        <Text weight="bold">{title}</Text>
        <PathIssues path={base} />
        <Inline space="space.200" alignBlock="start" shouldWrap>
          <DurationField
            path={`${base}.responseMinutes`}
            label={field(title, t('gradingAdmin.responseMinutes'))}
            visibleLabel={t('gradingAdmin.responseMinutes')}
            value={sla.responseMinutes}
            onChange={(v) => edit(at('responseMinutes'), v)}
          />
          <DurationField
            path={`${base}.resolutionMinutes`}
            label={field(title, t('gradingAdmin.resolutionMinutes'))}
            visibleLabel={t('gradingAdmin.resolutionMinutes')}
            value={sla.resolutionMinutes}
            onChange={(v) => edit(at('resolutionMinutes'), v)}
          />
          <SelectField
            path={`${base}.calendarId`}
            label={field(title, t('gradingAdmin.calendar'))}
            visibleLabel={t('gradingAdmin.calendar')}
            value={sla.calendarId}
            options={options}
            onChange={(v) => edit(at('calendarId'), v)}
          />
          <SelectField
            path={`${base}.ola.unit`}
            label={field(title, t('gradingAdmin.olaUnit'))}
            visibleLabel={t('gradingAdmin.olaUnit')}
            value={sla.ola.unit}
            options={[
              { value: 'percent', label: t('gradingAdmin.unit.percent') },
              { value: 'minutes', label: t('gradingAdmin.unit.minutes') },
            ]}
            onChange={(v) => edit(at('ola', 'unit'), v)}
          />
        </Inline>
        <PathIssues path={`${base}.ola`} />
        <PathIssues path={`${base}.ola.lines`} />
        <table style={tableStyle}>
          <thead>
            <tr>
              <th scope="col" style={headStyle}>
                {t('gradingAdmin.supportLine')}
              </th>
              <th scope="col" style={headStyle}>
                {t('gradingAdmin.lineAmount')}
              </th>
              <th scope="col" style={headStyle}>
                {t('gradingAdmin.calendar')}
              </th>
              <th scope="col" style={headStyle}>
                {t('gradingAdmin.warningFraction')}
              </th>
            </tr>
          </thead>
          <tbody>
            {LINES.map((line) => (
              <OlaLineRow
                key={line}
                gradeId={gradeId}
                root={root}
                owner={`${title}, ${t(`line.${line}`)}`}
                line={line}
                inMinutes={inMinutes}
                share={sla.ola.lines[line]}
                calendarOptions={calendarOptions}
                edit={edit}
              />
            ))}
          </tbody>
        </table>
        <Text size="small" color="color.text.subtle">
          {t('gradingAdmin.warnHint')}
        </Text>
      </Stack>
    </Box>
  );
}

/** One line's share of the grade's time (a percentage, or hours and minutes), its own calendar, when to warn. */
function OlaLineRow({
  gradeId,
  root,
  owner,
  line,
  inMinutes,
  share,
  calendarOptions,
  edit,
}: {
  gradeId: string;
  root: readonly string[];
  /** The grade and the line, for the accessible names ("Critical, L1 · First line"). */
  owner: string;
  line: (typeof LINES)[number];
  inMinutes: boolean;
  share: Sla['ola']['lines'][(typeof LINES)[number]];
  calendarOptions: Options;
  edit: Edit;
}) {
  const { t } = useI18n();
  const field = useFieldName();
  const lp = `${root.join('.')}.${gradeId}.ola.lines.${line}`;
  const at = (...rest: string[]) => [...root, gradeId, 'ola', 'lines', line, ...rest];
  return (
    <tr data-line={line}>
      <th scope="row" style={cellStyle}>
        <Text weight="medium">{t(`line.${line}`)}</Text>
      </th>
      <td style={cellStyle}>
        {inMinutes ? (
          <DurationField
            path={`${lp}.amount`}
            label={field(owner, t('gradingAdmin.lineAmount'))}
            value={share?.amount}
            onChange={(v) => edit(at('amount'), v)}
          />
        ) : (
          <PercentField
            path={`${lp}.amount`}
            label={field(owner, t('gradingAdmin.lineAmount'))}
            fraction={false}
            value={share?.amount}
            onChange={(v) => edit(at('amount'), v === undefined ? null : v)}
          />
        )}
      </td>
      <td style={cellStyle}>
        <SelectField
          path={`${lp}.calendarId`}
          label={field(owner, t('gradingAdmin.calendar'))}
          value={share?.calendarId ?? ''}
          options={[{ value: '', label: t('gradingAdmin.sameCalendar') }, ...calendarOptions]}
          onChange={(v) => edit(at('calendarId'), v === '' ? undefined : v)}
        />
      </td>
      <td style={cellStyle}>
        <PercentField
          path={`${lp}.warningFraction`}
          label={field(owner, t('gradingAdmin.warningFraction'))}
          fraction
          placeholder="75"
          value={share?.warningFraction}
          onChange={(v) => edit(at('warningFraction'), v)}
        />
      </td>
    </tr>
  );
}
