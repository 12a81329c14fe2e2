import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { GradingTable } from '../../../../src/contract/gradingAdmin';
import { useI18n } from '../../../shared/i18n/react';
import type { Edit } from '../draft';
import { EditButton, NumberField, PathIssues, TextField } from '../fields';
import { cardStyles } from './cardStyles';
import { LabelFields } from './LabelFields';
import { useFieldName, useOwnerName } from './names';
import { cellStyle, headStyle, tableStyle } from './tableStyles';

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
  const ownerName = useOwnerName();
  const field = useFieldName();
  const dimension = ownerName(d.label, d.id, t('gradingAdmin.dimensionN', { n: di + 1 }));
  return (
    <Box xcss={cardStyles} testId={`dimension-${di}`}>
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="end" shouldWrap>
          <TextField
            path={`dimensions[${di}].id`}
            label={field(dimension, t('gradingAdmin.id'))}
            visibleLabel={t('gradingAdmin.id')}
            width="12em"
            value={d.id}
            onChange={(v) => edit(['dimensions', di, 'id'], v)}
          />
          <LabelFields
            base={`dimensions[${di}].label`}
            path={['dimensions', di, 'label']}
            owner={dimension}
            value={d.label}
            edit={edit}
            visible
          />
          <NumberField
            path={`dimensions[${di}].weight`}
            label={field(dimension, t('gradingAdmin.weight'))}
            visibleLabel={t('gradingAdmin.weight')}
            unit={t('gradingAdmin.unit.times')}
            value={d.weight}
            onChange={(v) => edit(['dimensions', di, 'weight'], v)}
          />
          <EditButton label={t('gradingAdmin.removeNamed', { name: dimension })} onClick={onRemove}>
            {t('gradingAdmin.remove')}
          </EditButton>
        </Inline>
        <Text size="small" color="color.text.subtle">
          {t('gradingAdmin.optionsHint')}
        </Text>
        <PathIssues path={`dimensions[${di}].options`} />
        {d.options.length === 0 ? null : (
          <table style={tableStyle}>
            <thead>
              <tr>
                <th scope="col" style={headStyle}>
                  {t('gradingAdmin.optionId')}
                </th>
                <th scope="col" style={headStyle}>
                  {t('gradingAdmin.labelEn')}
                </th>
                <th scope="col" style={headStyle}>
                  {t('gradingAdmin.labelZh')}
                </th>
                <th scope="col" style={headStyle}>
                  {t('gradingAdmin.score')}
                </th>
                <td style={headStyle} aria-hidden="true" />
              </tr>
            </thead>
            <tbody>
              {d.options.map((o, oi) => {
                const option = t('gradingAdmin.aria.option', {
                  dimension,
                  n: oi + 1,
                  option: ownerName(o.label, o.id, t('gradingAdmin.unnamed')),
                });
                return (
                  <tr key={oi}>
                    <td style={cellStyle}>
                      <TextField
                        path={`dimensions[${di}].options[${oi}].id`}
                        label={field(option, t('gradingAdmin.optionId'))}
                        width="10em"
                        value={o.id}
                        onChange={(v) => edit(['dimensions', di, 'options', oi, 'id'], v)}
                      />
                    </td>
                    <td style={cellStyle}>
                      <TextField
                        path={`dimensions[${di}].options[${oi}].label.en`}
                        label={field(option, t('gradingAdmin.labelEn'))}
                        value={o.label.en}
                        onChange={(v) => edit(['dimensions', di, 'options', oi, 'label', 'en'], v)}
                      />
                    </td>
                    <td style={cellStyle}>
                      <TextField
                        path={`dimensions[${di}].options[${oi}].label.zh-CN`}
                        label={field(option, t('gradingAdmin.labelZh'))}
                        value={o.label['zh-CN']}
                        onChange={(v) => edit(['dimensions', di, 'options', oi, 'label', 'zh-CN'], v)}
                      />
                    </td>
                    <td style={cellStyle}>
                      <NumberField
                        path={`dimensions[${di}].options[${oi}].score`}
                        label={field(option, t('gradingAdmin.score'))}
                        unit={t('gradingAdmin.unit.points')}
                        value={o.score}
                        onChange={(v) => edit(['dimensions', di, 'options', oi, 'score'], v)}
                      />
                    </td>
                    <td style={cellStyle}>
                      <EditButton
                        label={t('gradingAdmin.removeNamed', { name: option })}
                        onClick={() =>
                          edit(
                            ['dimensions', di, 'options'],
                            d.options.filter((_, i) => i !== oi),
                          )
                        }
                      >
                        {t('gradingAdmin.remove')}
                      </EditButton>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <Box>
          <EditButton
            label={t('gradingAdmin.aria.field', { owner: dimension, field: t('gradingAdmin.addOption') })}
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
