import readXlsxFile from 'read-excel-file/node';
import { toXlsx } from '../src/export/xlsx';

/** The hand-written writer, read back by a maintained reader: what a spreadsheet program would show. */
describe('toXlsx read by read-excel-file', () => {
  it('keeps strings, numbers, booleans, empty cells, formula-like text, XML specials and a sanitised sheet name', async () => {
    const table = [
      ['Akun', 'Pengikut', 'Aktif', 'Catatan'],
      ['@dinkes_bogor', 12500, true, null],
      ['=HYPERLINK("http://x")', -5.25, false, 'a < b & "c" \'d\' — Kota Bogor 🌧️'],
      ['baris\nkedua', 0, null, 'ctrl\u0001char'],
    ];
    const buf = Buffer.from(toXlsx(table, 'Laporan: Jan/Feb [2026]'));
    const sheets = await readXlsxFile(buf);
    expect(sheets.map((s) => s.sheet)).toEqual(['Laporan  Jan Feb  2026 ']);
    expect(sheets[0].data).toEqual([
      ['Akun', 'Pengikut', 'Aktif', 'Catatan'],
      ['@dinkes_bogor', 12500, true, null],
      ['=HYPERLINK("http://x")', -5.25, false, 'a < b & "c" \'d\' — Kota Bogor 🌧️'],
      ['baris\nkedua', 0, null, 'ctrlchar'],
    ]);
  });

  it('writes columns past Z and a wide sheet', async () => {
    const header = Array.from({ length: 30 }, (_, i) => `k${i}`);
    const sheets = await readXlsxFile(Buffer.from(toXlsx([header, header.map((_, i) => i)], 'x')));
    expect(sheets[0].data[0][29]).toBe('k29');
    expect(sheets[0].data[1][27]).toBe(27);
  });
});
