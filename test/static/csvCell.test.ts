import { csvCell } from '../../static/shared/csvCell';

describe('a CSV cell of an export', () => {
  it.each([
    ['a name that would run as a formula', '=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['a name starting with @', '@ops', "'@ops"],
    ['a plain name', 'Support L1', 'Support L1'],
  ])('%s', (_what, value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
  it('leaves a negative number a number', () => {
    expect(csvCell(-3)).toBe('-3');
  });
});
