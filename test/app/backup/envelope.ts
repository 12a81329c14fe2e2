/** The resolver envelope as the backup tests read it: the data of a success, the codes of a refusal. */
export type Envelope<T> =
  | { success: true; data: T }
  | {
      success: false;
      errors: Array<{ code: string; message: string; path?: string; params?: Record<string, unknown> }>;
    };

export function data<T>(answer: Envelope<T>): T {
  if (!answer.success) throw new Error(`expected success, got ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

export function codes(answer: Envelope<unknown>): string[] {
  return answer.success ? [] : answer.errors.map((e) => e.code);
}
