/**
 * The sandbox browser helper's hooks and steps rethrow a failure jest could not print (ts-jest's TSError
 * has an empty stack: a type error in a module the sandbox requires read as a blank failure).
 */
import { reportable, reported } from './reportableError';

/** What ts-jest throws for a type error in a module required at run time: message set, stack empty. */
function tsError(message: string): Error {
  const e = new Error(message);
  e.name = 'TSError';
  e.stack = '';
  return e;
}

describe('reportable', () => {
  it('turns an error with an empty stack into one whose stack carries its name and message', () => {
    const original = tsError("enterLine.ts:69:106 - error TS2304: Cannot find name 'ItrConfig'.");
    const out = reportable(original);
    expect(out).not.toBe(original);
    expect(out).toBeInstanceOf(Error);
    expect((out as Error).stack).toContain(
      "TSError: enterLine.ts:69:106 - error TS2304: Cannot find name 'ItrConfig'.",
    );
    expect((out as Error).cause).toBe(original);
  });

  it('leaves an error jest can print as it is (an assertion keeps its diff)', () => {
    const original = new Error('expected true, received undefined');
    expect(reportable(original)).toBe(original);
  });

  it('makes an Error of a thrown non-error', () => {
    expect((reportable('the sandbox did not start') as Error).stack).toContain('Error: the sandbox did not start');
  });

  it('reported() rethrows a hook failure as reportable', async () => {
    await expect(reported(() => Promise.reject(tsError('Cannot find name x')))).rejects.toThrow(
      'TSError: Cannot find name x',
    );
    await expect(reported(() => Promise.resolve(3))).resolves.toBe(3);
  });
});
