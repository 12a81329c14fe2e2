import { Box, Inline, Text } from '@atlaskit/primitives';
import type { GradingTable } from '../../../../src/contract/gradingAdmin';
import { useI18n } from '../../../shared/i18n/react';
import { parseList, type Edit } from '../draft';
import { EditButton, NumberField, ParsedField, PathIssues, SelectField, TextField } from '../fields';
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
  edit,
  onRemove,
}: {
  override: Override;
  index: number;
  /** What a switch to "at least" starts with. */
  firstGrade: string;
  gradeOptions: Options;
  dimOptions: Options;
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
          onChange={(v) => edit(['overrides', oi, 'when', 'dimension'], v)}
        />
        <ParsedField<readonly string[]>
          path={`overrides[${oi}].when.options`}
          below
          label={field(override, t('gradingAdmin.whenOptions'))}
          visibleLabel={t('gradingAdmin.whenOptions')}
          width="14em"
          value={o.when.options}
          format={(v) => (Array.isArray(v) ? v.join(', ') : '')}
          parse={parseList}
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
