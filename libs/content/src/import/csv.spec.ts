import { CsvError, detectDelimiter, parseCsv } from './csv';

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

  it('reads an Excel export: BOM, semicolons, CRLF, a quoted line break and a quoted semicolon header', () => {
    const file = '\uFEFF"tanggal;jam";pesan\r\n24/11/2026;"Baris satu\r\nbaris dua; tetap satu kolom"\r\n';
    expect(detectDelimiter(file.slice(1))).toBe(';');
    expect(parseCsv(file)).toEqual([
      ['tanggal;jam', 'pesan'],
      ['24/11/2026', 'Baris satu\r\nbaris dua; tetap satu kolom'],
    ]);
  });

  it('keeps rows of different lengths (the importer names the missing column)', () => {
    expect(parseCsv('a,b\n1\n')).toEqual([['a', 'b'], ['1']]);
  });

  it('refuses an unclosed quote and a character after a closing quote', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(CsvError);
    expect(() => parseCsv('a,"b"c\n')).toThrow(CsvError);
  });
});
