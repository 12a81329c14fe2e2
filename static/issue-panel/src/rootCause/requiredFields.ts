import type { RootCauseDraftDto } from '../../../../src/contract/closure';

export interface FieldIssue {
  code: 'ROOT_CAUSE_WHY_REQUIRED' | 'ROOT_CAUSE_WHY_EMPTY' | 'ROOT_CAUSE_FIELD_REQUIRED';
  path: string;
}

const TEXT_FIELDS = ['rootCause', 'shortTermMeasure', 'longTermMeasure', 'technicalZero', 'managementZero'] as const;

/**
 * The fields a save needs filled, with the codes and paths of the server's check (src/domain/closure
 * `checkRootCause`): every why written, at least one, and the five texts. Only emptiness is checked
 * here; lengths and the blame phrases stay the server's.
 */
export function requiredIssues(draft: RootCauseDraftDto): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (draft.whys.length === 0) issues.push({ code: 'ROOT_CAUSE_WHY_REQUIRED', path: 'whys' });
  draft.whys.forEach((w, i) => {
    if (w.trim() === '') issues.push({ code: 'ROOT_CAUSE_WHY_EMPTY', path: `whys.${i}` });
  });
  for (const name of TEXT_FIELDS)
    if (draft[name].trim() === '') issues.push({ code: 'ROOT_CAUSE_FIELD_REQUIRED', path: name });
  return issues;
}
