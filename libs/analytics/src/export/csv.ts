import { Cell } from './cell';

/** RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled; UTF-8 with a BOM (Excel). */
export function toCsv(table: Cell[][]): Buffer {
  const field = (c: Cell) => {
    if (c === null) return '';
    const s = String(c);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return Buffer.from('\uFEFF' + table.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n', 'utf8');
}
