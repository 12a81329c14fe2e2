/** `LIMIT`s written into SQL text are integers the app chose (issue 13, section 3). */
import { sqlLimit } from '../../src/adapters/sql';

describe('sqlLimit', () => {
  it.each([
    [10, 10],
    [2.9, 2],
    [0, 1],
    [-5, 1],
    [1e9, 200],
    [Number.NaN, 50],
    [Number.POSITIVE_INFINITY, 50],
    ['10; DROP TABLE itr_case', 50],
    [undefined, 50],
    [null, 50],
  ])('%p → %p', (input, expected) => {
    const limit = sqlLimit(input, 50, 200);
    expect(limit).toBe(expected);
    expect(String(limit)).toMatch(/^\d+$/);
  });
});
