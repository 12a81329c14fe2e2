import { checkCustomerCsv, parseCsvRecords, type CsvCheck } from '../../../src/domain/customer';

const HEADER = 'customer_id,name,tier,region,product,serial,warranty_end,compliant,contact_name,contact_email';
const ROW = 'C-001,Acme Bank,strategic,East,Kiosk K4,SN-0001,2027-06-30,yes,Li Wei,li.wei@acme.example';
const file = (...rows: string[]): string => [HEADER, ...rows].join('\n');

function errorsOf(c: CsvCheck): Array<[number, string | null, string]> {
  if (c.ok) return [];
  return c.errors.map((e) => [e.row, e.column, e.code]);
}

describe('parseCsvRecords', () => {
  it.each([
    [
      'a,b\nc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'a,b\r\nc,d\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['\uFEFFa,"b,c"', [['a', 'b,c']]],
    ['"he said ""hi""",x', [['he said "hi"', 'x']]],
    ['"two\nlines",y', [['two\nlines', 'y']]],
    ['a,,c', [['a', '', 'c']]],
    ['客户,产品', [['客户', '产品']]],
  ])('%j', (text, records) => {
    expect(parseCsvRecords(text)).toEqual({ records });
  });

  it('reports an unterminated quote with its record', () => {
    expect(parseCsvRecords('a,b\n"c,d\ne,f')).toEqual({ unterminatedAt: 2 });
  });
});

describe('checkCustomerCsv', () => {
  it('accepts a valid file, contacts optional, header in any order and case', () => {
    const c = checkCustomerCsv(
      [
        'Serial,Customer ID,name,tier,region,product,warranty_end,compliant',
        'SN-1,C-1,Acme,key,East,Kiosk,2027-01-31,是',
        'SN-2,C-1,Acme,key,East,Router,2025-01-31,否',
        'SN-3,C-2,Beta,standard,West,Kiosk,2026-12-31,0',
      ].join('\r\n'),
    );
    expect(c).toMatchObject({ ok: true, customers: 2 });
    if (!c.ok) return;
    expect(c.rows[0]).toEqual({
      customerId: 'C-1',
      name: 'Acme',
      tier: 'key',
      region: 'East',
      product: 'Kiosk',
      serial: 'SN-1',
      warrantyEnd: '2027-01-31',
      compliant: true,
      contactName: null,
      contactEmail: null,
    });
    expect(c.rows.map((r) => r.compliant)).toEqual([true, false, false]);
  });

  it('ignores blank lines', () => {
    expect(checkCustomerCsv(`${file(ROW)}\n\n`)).toMatchObject({ ok: true });
  });

  it.each([
    // [name, rows, expected errors [row, column, code]]
    ['missing required', ['C-1,,t,r,p,S1,2027-01-01,yes,,'], [[2, 'name', 'CSV_REQUIRED']]],
    ['bad date', ['C-1,N,t,r,p,S1,2027-02-30,yes,,'], [[2, 'warranty_end', 'CSV_DATE_INVALID']]],
    ['other date format', ['C-1,N,t,r,p,S1,30/06/2027,yes,,'], [[2, 'warranty_end', 'CSV_DATE_INVALID']]],
    ['bad flag', ['C-1,N,t,r,p,S1,2027-01-01,maybe,,'], [[2, 'compliant', 'CSV_FLAG_INVALID']]],
    ['bad email', ['C-1,N,t,r,p,S1,2027-01-01,yes,X,not-an-email'], [[2, 'contact_email', 'CSV_EMAIL_INVALID']]],
    ['bad id', ['C 1,N,t,r,p,S1,2027-01-01,yes,,'], [[2, 'customer_id', 'CSV_ID_INVALID']]],
    ['bad serial', ['C-1,N,t,r,p,"S,1",2027-01-01,yes,,'], [[2, 'serial', 'CSV_ID_INVALID']]],
    ['too long', [`C-1,${'n'.repeat(201)},t,r,p,S1,2027-01-01,yes,,`], [[2, 'name', 'CSV_TOO_LONG']]],
    ['column count', ['C-1,N,t,r,p,S1,2027-01-01,yes'], [[2, null, 'CSV_COLUMN_COUNT']]],
    [
      'duplicate key',
      ['C-1,N,t,r,p,S1,2027-01-01,yes,,', 'C-1,N,t,r,p2,S1,2027-01-01,yes,,'],
      [[3, 'serial', 'CSV_DUPLICATE']],
    ],
    [
      'inconsistent customer',
      ['C-1,N,t,r,p,S1,2027-01-01,yes,,', 'C-1,Other,t,r,p,S2,2027-01-01,yes,,'],
      [[3, 'customer_id', 'CSV_CUSTOMER_INCONSISTENT']],
    ],
    [
      'several problems in several rows, all listed',
      ['C-1,N,t,r,p,S1,2027-13-01,yes,,', ROW, 'C-2,,t,r,p,S2,2027-01-01,nope,,'],
      [
        [2, 'warranty_end', 'CSV_DATE_INVALID'],
        [4, 'name', 'CSV_REQUIRED'],
        [4, 'compliant', 'CSV_FLAG_INVALID'],
      ],
    ],
  ])('%s', (_name, rows, expected) => {
    const c = checkCustomerCsv(file(...rows));
    expect(c.ok).toBe(false);
    expect(errorsOf(c)).toEqual(expected);
  });

  it.each([
    ['empty file', '', [[1, null, 'CSV_EMPTY']]],
    ['header only', HEADER, [[2, null, 'CSV_EMPTY']]],
    ['unknown column', `${HEADER},colour\n${ROW},red`, [[1, null, 'CSV_HEADER_INVALID']]],
    ['missing column', 'customer_id,name\nC-1,N', expect.arrayContaining([[1, 'tier', 'CSV_HEADER_INVALID']])],
    ['unterminated quote', `${HEADER}\n"C-1,N`, [[2, null, 'CSV_QUOTE_UNTERMINATED']]],
  ])('file-level: %s', (_name, text, expected) => {
    const c = checkCustomerCsv(text);
    expect(c.ok).toBe(false);
    expect(errorsOf(c)).toEqual(expected);
  });

  it('refuses more rows than the maximum', () => {
    const rows = Array.from({ length: 4 }, (_, i) => `C-${i},N,t,r,p,S${i},2027-01-01,yes,,`);
    expect(errorsOf(checkCustomerCsv(file(...rows), 3))).toEqual([[5, null, 'CSV_TOO_MANY_ROWS']]);
  });

  it('lists the first 200 problems and counts them all', () => {
    const rows = Array.from({ length: 500 }, (_, i) => `C-${i},N,t,r,p,S${i},bad,yes,,`);
    const c = checkCustomerCsv(file(...rows));
    expect(c).toMatchObject({ ok: false, errorCount: 500, rowCount: 500 });
    if (!c.ok) expect(c.errors).toHaveLength(200);
  });
});
