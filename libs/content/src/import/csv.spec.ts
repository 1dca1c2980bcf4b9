import { CsvError, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, CRLF and LF', () => {
    expect(parseCsv('a,b,c\r\n"x, y","say ""hi""","line1\nline2"\n1,,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line1\nline2'],
      ['1', '', '3'],
    ]);
  });

  it('reads semicolon files with a BOM and skips blank lines', () => {
    expect(parseCsv('\uFEFFdate;message\n\n24/11/2026 09:00;"Halo; warga"\n')).toEqual([
      ['date', 'message'],
      ['24/11/2026 09:00', 'Halo; warga'],
    ]);
  });

  it('refuses an unclosed quote', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(CsvError);
  });
});
