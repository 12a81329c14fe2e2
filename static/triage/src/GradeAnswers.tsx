import type { TriageOptions } from '../../../src/contract';
import { useI18n } from '../../shared/i18n/react';
import { Fieldset, SelectInput } from './controls';
import { errorsAt, type DraftPartProps } from './draft';

/** One answer per grading dimension of the published table; the preview below shows the grade they give. */
export function GradeAnswers({ options, draft, errors, set }: DraftPartProps & { options: TriageOptions }) {
  const { t, locale } = useI18n();
  return (
    <Fieldset legend={t('triage.answers')} path="answers" errors={errorsAt(errors, 'answers')}>
      {options.dimensions.map((d) => (
        <SelectInput
          key={d.id}
          path={`answers.${d.id}`}
          label={d.label[locale]}
          {...(d.guidance === null ? {} : { hint: d.guidance[locale] })}
          errors={errorsAt(errors, `answers.${d.id}`)}
          value={draft.answers[d.id] ?? ''}
          placeholder={t('triage.answer.choose')}
          options={d.options.map((o) => ({ value: o.id, label: o.label[locale] }))}
          onChange={(v) => set({ answers: { ...draft.answers, [d.id]: v } })}
        />
      ))}
    </Fieldset>
  );
}
