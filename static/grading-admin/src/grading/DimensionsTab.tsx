import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { GradingTable } from '../../../../src/contract/gradingAdmin';
import { useI18n } from '../../../shared/i18n/react';
import type { Edit } from '../draft';
import { EditButton, NumberField, PathIssues, TextField } from '../fields';
import { cardStyles } from './cardStyles';
import { LabelFields } from './LabelFields';

type Dimension = GradingTable['dimensions'][number];

/** The grading dimensions: each with its weight and its options' scores; dimensions and options added or removed. */
export function DimensionsTab({ table, edit }: { table: GradingTable; edit: Edit }) {
  const { t } = useI18n();
  const dims = table.dimensions;
  return (
    <Stack space="space.200">
      <PathIssues path="dimensions" />
      {dims.map((d, di) => (
        <DimensionCard
          key={di}
          dimension={d}
          index={di}
          edit={edit}
          onRemove={() =>
            edit(
              ['dimensions'],
              dims.filter((_, i) => i !== di),
            )
          }
        />
      ))}
      <Box>
        <EditButton
          onClick={() =>
            edit(['dimensions'], [...dims, { id: '', label: { en: '', 'zh-CN': '' }, weight: 1, options: [] }])
          }
        >
          {t('gradingAdmin.addDimension')}
        </EditButton>
      </Box>
    </Stack>
  );
}

function DimensionCard({
  dimension: d,
  index: di,
  edit,
  onRemove,
}: {
  dimension: Dimension;
  index: number;
  edit: Edit;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  return (
    <Box xcss={cardStyles}>
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="end" shouldWrap>
          <TextField
            path={`dimensions[${di}].id`}
            label={t('gradingAdmin.id')}
            width="12em"
            value={d.id}
            onChange={(v) => edit(['dimensions', di, 'id'], v)}
          />
          <LabelFields
            base={`dimensions[${di}].label`}
            path={['dimensions', di, 'label']}
            value={d.label}
            edit={edit}
          />
          <NumberField
            path={`dimensions[${di}].weight`}
            label={t('gradingAdmin.weight')}
            value={d.weight}
            onChange={(v) => edit(['dimensions', di, 'weight'], v)}
          />
          <EditButton label={t('gradingAdmin.removeDimension')} onClick={onRemove}>
            {t('gradingAdmin.remove')}
          </EditButton>
        </Inline>
        <Text size="small" color="color.text.subtle">
          {t('gradingAdmin.optionsHint')}
        </Text>
        <PathIssues path={`dimensions[${di}].options`} />
        {d.options.map((o, oi) => (
          <Inline key={oi} space="space.100" alignBlock="start" shouldWrap>
            <TextField
              path={`dimensions[${di}].options[${oi}].id`}
              label={t('gradingAdmin.optionId')}
              width="10em"
              value={o.id}
              onChange={(v) => edit(['dimensions', di, 'options', oi, 'id'], v)}
            />
            <LabelFields
              base={`dimensions[${di}].options[${oi}].label`}
              path={['dimensions', di, 'options', oi, 'label']}
              value={o.label}
              edit={edit}
            />
            <NumberField
              path={`dimensions[${di}].options[${oi}].score`}
              label={t('gradingAdmin.score', { dimension: d.id, option: o.id })}
              value={o.score}
              onChange={(v) => edit(['dimensions', di, 'options', oi, 'score'], v)}
            />
            <EditButton
              label={t('gradingAdmin.removeOption')}
              onClick={() =>
                edit(
                  ['dimensions', di, 'options'],
                  d.options.filter((_, i) => i !== oi),
                )
              }
            >
              {t('gradingAdmin.remove')}
            </EditButton>
          </Inline>
        ))}
        <Box>
          <EditButton
            onClick={() =>
              edit(['dimensions', di, 'options'], [...d.options, { id: '', label: { en: '', 'zh-CN': '' }, score: 0 }])
            }
          >
            {t('gradingAdmin.addOption')}
          </EditButton>
        </Box>
      </Stack>
    </Box>
  );
}
