/**
 * Clarification with the submitter (提单人): "needs information" asks the submitter a question and
 * stops the clocks until they answer, the same pause as waiting for the customer. Pure rules:
 * what a question and an answer may be, who may answer, and whether the clocks restart.
 */

/** Characters of a question or an answer (TEXT column; a Jira comment holds far more). */
export const CLARIFICATION_TEXT_MAX = 2000;

export type ClarificationTextCode = 'DECISION_TEXT_REQUIRED' | 'DECISION_TEXT_TOO_LONG';

/** The trimmed text, or the stable code why it is refused. */
export function clarificationText(
  v: unknown,
): { ok: true; value: string } | { ok: false; code: ClarificationTextCode } {
  const text = typeof v === 'string' ? v.trim() : '';
  if (text === '') return { ok: false, code: 'DECISION_TEXT_REQUIRED' };
  if ([...text].length > CLARIFICATION_TEXT_MAX) return { ok: false, code: 'DECISION_TEXT_TOO_LONG' };
  return { ok: true, value: text };
}

export interface OpenQuestion {
  askedAt: Date;
  answeredAt: Date | null;
}

/** The question still waiting for the submitter (at most one is open at a time), if any. */
export function openQuestion<Q extends OpenQuestion>(questions: readonly Q[]): Q | undefined {
  return questions.find((q) => q.answeredAt === null);
}

/**
 * Whether `accountId` may answer: only the submitter, who is the one asked. A person the app cannot
 * name as submitter (no submitter recorded) leaves the question to be answered in Jira's comments.
 */
export function mayAnswer(submitter: string | null, accountId: string | undefined): boolean {
  return submitter !== null && accountId !== undefined && submitter === accountId;
}
