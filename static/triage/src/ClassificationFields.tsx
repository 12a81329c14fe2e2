import { Box, Text } from '@atlaskit/primitives';
import { useI18n } from '../../shared/i18n/react';
import { Checkbox, Fieldset, Radio, TextInput } from './controls';
import { errorsAt, type DraftPartProps } from './draft';
import { FACT_KEYS, suggestClassification } from './rule';

/**
 * Problem or requirement: the facts, the rule's suggestion from them, and the choice; going against the
 * rule asks for a justification.
 */
export function ClassificationFields({ issueKey, draft, errors, set }: DraftPartProps & { issueKey: string }) {
  const { t } = useI18n();
  const suggestion = suggestClassification(draft.facts);
  const ruleLabel = t(`triage.classification.${suggestion.classification}`);
  // Nothing is chosen until the triage user picks (no default): the rule only suggests.
  const againstRule = draft.chosen !== null && draft.chosen !== 'rule' && draft.chosen !== suggestion.classification;
  return (
    <>
      <Fieldset
        legend={t('triage.facts')}
        path="classification.facts"
        errors={errorsAt(errors, 'classification.facts')}
      >
        {FACT_KEYS.map((k) => (
          <Checkbox
            key={k}
            path={`classification.facts.${k}`}
            label={t(`triage.fact.${k}`)}
            checked={draft.facts[k]}
            onChange={(v) => set({ facts: { ...draft.facts, [k]: v } })}
          />
        ))}
        <Box testId="triage-suggestion" aria-live="polite">
          <Text weight="medium">
            {t('triage.suggested', { classification: ruleLabel, reason: t(`triage.reason.${suggestion.reason}`) })}
          </Text>
        </Box>
      </Fieldset>

      <Fieldset
        legend={t('triage.classification')}
        path="classification.chosen"
        errors={errorsAt(errors, 'classification.chosen')}
      >
        <Radio
          name={`chosen-${issueKey}`}
          value="rule"
          label={t('triage.classification.rule', { classification: ruleLabel })}
          checked={draft.chosen === 'rule'}
          onChange={() => set({ chosen: 'rule' })}
        />
        {(['problem', 'requirement'] as const).map((c) => (
          <Radio
            key={c}
            name={`chosen-${issueKey}`}
            value={c}
            label={t(`triage.classification.${c}`)}
            checked={draft.chosen === c}
            onChange={() => set({ chosen: c })}
          />
        ))}
        {againstRule || errorsAt(errors, 'classification.justification').length > 0 ? (
          <TextInput
            path="classification.justification"
            label={t('triage.justification')}
            errors={errorsAt(errors, 'classification.justification')}
            value={draft.justification}
            multiline
            onChange={(v) => set({ justification: v })}
          />
        ) : null}
      </Fieldset>
    </>
  );
}
