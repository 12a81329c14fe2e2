import fc from 'fast-check';
import { parseGlossaryCsv, writeGlossaryCsv } from '../../../src/domain/caseSearch/glossaryCsv';

describe('glossary CSV', () => {
  it('writes a cell a spreadsheet would run as a formula with an apostrophe, and reads it back unchanged', () => {
    const entries = [
      { en: '=HYPERLINK("x")', zh: '链接' },
      { en: '@sum printer', zh: '打印机' },
      { en: 'Falcon POS', zh: '猎鹰收银' },
    ];
    const text = writeGlossaryCsv(entries);
    expect(text.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")",链接`);
    expect(text.split('\r\n')[2]).toBe(`'@sum printer,打印机`);
    const back = parseGlossaryCsv(text);
    expect(back.ok && back.entries.map((e) => e.en)).toEqual(entries.map((e) => e.en));
  });

  it('no written cell starts a formula (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), (en) => {
        const line = writeGlossaryCsv([{ en, zh: '打印机' }]).split('\r\n')[1] ?? '';
        expect(/^"?[=+\-@\t\r]/.test(line)).toBe(false);
      }),
    );
  });
});
