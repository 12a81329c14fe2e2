import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { GradingTable } from '../../../../src/contract/gradingAdmin';
import { useI18n } from '../../../shared/i18n/react';
import { useContext } from 'react';
import type { Edit } from '../draft';
import {
  EditButton,
  EditContext,
  IssueList,
  issuesAt,
  NumberField,
  PathIssues,
  SelectField,
  TextField,
} from '../fields';
import { cardStyles } from './cardStyles';
import { LabelFields } from './LabelFields';
import { useFieldName, useOwnerName } from './names';
import { useLocalized } from './useLocalized';

type Override = GradingTable['overrides'][number];
type Options = Array<{ value: string; label: string }>;

/**
 * The overrides (after the thresholds): an answer that sets a grade at least, or raises it by levels.
 * Rendered as siblings of the rule tab's other parts, so the tab lays them out in one column.
 */
export function OverridesSection({
  table,
  gradeOptions,
  edit,
}: {
  table: GradingTable;
  gradeOptions: Options;
  edit: Edit;
}) {
  const { t } = useI18n();
  const localized = useLocalized();
  const dimOptions = table.dimensions.map((d, di) => ({
    value: d.id,
    label: localized(d.label, d.id || t('gradingAdmin.dimensionN', { n: di + 1 })),
  }));
  return (
    <>
      <Text weight="bold">{t('gradingAdmin.overrides')}</Text>
      <Text size="small" color="color.text.subtle">
        {t('gradingAdmin.overridesHint')}
      </Text>
      <PathIssues path="overrides" />
      {table.overrides.map((o, oi) => (
        <OverrideCard
          key={oi}
          override={o}
          index={oi}
          firstGrade={table.grades[0]?.id ?? ''}
          gradeOptions={gradeOptions}
          dimOptions={dimOptions}
          dimensions={table.dimensions}
          edit={edit}
          onRemove={() =>
            edit(
              ['overrides'],
              table.overrides.filter((_, i) => i !== oi),
            )
          }
        />
      ))}
      <Box>
        <EditButton
          onClick={() =>
            edit(
              ['overrides'],
              [
                ...table.overrides,
                {
                  id: '',
                  label: { en: '', 'zh-CN': '' },
                  kind: 'raise',
                  when: { dimension: table.dimensions[0]?.id ?? '', options: [] },
                  levels: 1,
                },
              ],
            )
          }
        >
          {t('gradingAdmin.addOverride')}
        </EditButton>
      </Box>
    </>
  );
}

function OverrideCard({
  override: o,
  index: oi,
  firstGrade,
  gradeOptions,
  dimOptions,
  dimensions,
  edit,
  onRemove,
}: {
  override: Override;
  index: number;
  /** What a switch to "at least" starts with. */
  firstGrade: string;
  gradeOptions: Options;
  dimOptions: Options;
  dimensions: GradingTable['dimensions'];
  edit: Edit;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const field = useFieldName();
  const override = useOwnerName()(o.label, o.id, t('gradingAdmin.overrideN', { n: oi + 1 }));
  return (
    <Box xcss={cardStyles}>
      <Inline space="space.100" alignBlock="end" shouldWrap>
        <TextField
          path={`overrides[${oi}].id`}
          label={field(override, t('gradingAdmin.id'))}
          visibleLabel={t('gradingAdmin.id')}
          width="10em"
          value={o.id}
          onChange={(v) => edit(['overrides', oi, 'id'], v)}
        />
        <LabelFields
          base={`overrides[${oi}].label`}
          path={['overrides', oi, 'label']}
          owner={override}
          value={o.label}
          edit={edit}
          visible
        />
        <SelectField
          path={`overrides[${oi}].when.dimension`}
          label={field(override, t('gradingAdmin.dimension'))}
          visibleLabel={t('gradingAdmin.dimension')}
          value={o.when.dimension}
          options={dimOptions}
          // The answers picked belong to the dimension left: a new dimension starts with none.
          onChange={(v) => edit(['overrides', oi, 'when'], { dimension: v, options: [] })}
        />
        <AnswerChecks
          path={`overrides[${oi}].when.options`}
          legend={field(override, t('gradingAdmin.whenOptions'))}
          visibleLegend={t('gradingAdmin.whenOptions')}
          options={dimensions.find((d) => d.id === o.when.dimension)?.options ?? []}
          value={o.when.options}
          onChange={(v) => edit(['overrides', oi, 'when', 'options'], v)}
        />
        <SelectField
          path={`overrides[${oi}].kind`}
          label={field(override, t('gradingAdmin.overrideKind'))}
          visibleLabel={t('gradingAdmin.overrideKind')}
          value={o.kind}
          options={[
            { value: 'atLeast', label: t('gradingAdmin.kind.atLeast') },
            { value: 'raise', label: t('gradingAdmin.kind.raise') },
          ]}
          onChange={(v) =>
            edit(
              ['overrides', oi],
              v === 'raise'
                ? { id: o.id, label: o.label, kind: 'raise', when: o.when, levels: 1 }
                : { id: o.id, label: o.label, kind: 'atLeast', when: o.when, grade: firstGrade },
            )
          }
        />
        {o.kind === 'atLeast' ? (
          <SelectField
            path={`overrides[${oi}].grade`}
            label={field(override, t('gradingAdmin.grade'))}
            visibleLabel={t('gradingAdmin.grade')}
            value={o.grade}
            options={gradeOptions}
            onChange={(v) => edit(['overrides', oi, 'grade'], v)}
          />
        ) : (
          <NumberField
            path={`overrides[${oi}].levels`}
            label={field(override, t('gradingAdmin.levels'))}
            visibleLabel={t('gradingAdmin.levels')}
            unit={t('gradingAdmin.unit.levels')}
            value={o.levels}
            onChange={(v) => edit(['overrides', oi, 'levels'], v)}
          />
        )}
        <EditButton label={t('gradingAdmin.removeNamed', { name: override })} onClick={onRemove}>
          {t('gradingAdmin.remove')}
        </EditButton>
      </Inline>
    </Box>
  );
}

/**
 * The answers an override fires on, ticked by their labels (not typed as option ids). An answer saved
 * before but no longer in the dimension stays listed, by its id, until unticked: nothing saved is lost unseen.
 */
function AnswerChecks({
  path,
  legend,
  visibleLegend,
  options,
  value,
  onChange,
}: {
  path: string;
  legend: string;
  visibleLegend: string;
  options: GradingTable['dimensions'][number]['options'];
  value: readonly string[];
  onChange: (next: string[]) => void;
}) {
  const { issues, readOnly } = useContext(EditContext);
  const localized = useLocalized();
  const mine = issuesAt(issues, path, true);
  const shown = [
    ...options.map((opt) => ({ id: opt.id, label: localized(opt.label, opt.id) })),
    ...value.filter((id) => !options.some((opt) => opt.id === id)).map((id) => ({ id, label: id })),
  ];
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...value.filter((v) => v !== id), id] : value.filter((v) => v !== id));
  return (
    <fieldset
      aria-label={legend}
      aria-invalid={mine.length > 0}
      style={{ border: 'none', margin: 0, padding: 0, minWidth: 0 }}
      data-testid={`answer-checks-${path}`}
    >
      <legend style={{ padding: 0 }}>
        <Text size="small" weight="medium" color="color.text.subtle">
          {visibleLegend}
        </Text>
      </legend>
      <Stack space="space.050">
        {/* Read-only (not an admin): the answers it fires on, as text rather than boxes nobody may tick. */}
        {readOnly
          ? shown.filter((opt) => value.includes(opt.id)).map((opt) => <Text key={opt.id}>{opt.label}</Text>)
          : shown.map((opt) => (
              <label key={opt.id}>
                <input
                  type="checkbox"
                  checked={value.includes(opt.id)}
                  onChange={(e) => toggle(opt.id, e.target.checked)}
                />{' '}
                <Text>{opt.label}</Text>
              </label>
            ))}
      </Stack>
      <IssueList issues={mine} />
    </fieldset>
  );
}
