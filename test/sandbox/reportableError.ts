/**
 * The error as jest can print it. Jest prints a failure's `stack`; ts-jest's TSError (a type error in a
 * module the sandbox requires when it starts) has an empty stack, so the failure read as a blank
 * message. An error without a stack (or a thrown non-error) is rethrown as an Error carrying its message.
 */
export function reportable(e: unknown): unknown {
  const message =
    typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string'
      ? (e as { message: string }).message
      : String(e);
  const stack = typeof e === 'object' && e !== null ? (e as { stack?: unknown }).stack : undefined;
  if (typeof stack === 'string' && stack.trim() !== '') return e;
  const name = typeof e === 'object' && e !== null ? ((e as { name?: unknown }).name ?? 'Error') : 'Error';
  return new Error(`${String(name)}: ${message}`, { cause: e });
}

/** Runs a hook's body so that its failure reads in jest's output (see `reportable`). */
export const reported = async <T>(body: () => Promise<T>): Promise<T> => {
  try {
    return await body();
  } catch (e) {
    throw reportable(e);
  }
};
