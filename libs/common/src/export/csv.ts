import { Cell, isFormulaLike } from './cell';

/**
 * RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled; UTF-8 with a BOM (Excel).
 * Text a spreadsheet would run as a formula gets a leading apostrophe (shown as text, never evaluated).
 */
export function toCsv(table: Cell[][]): Buffer {
  const field = (c: Cell) => {
    if (c === null) return '';
    const s = typeof c === 'string' && isFormulaLike(c) ? `'${c}` : String(c);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return Buffer.from('\uFEFF' + table.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n', 'utf8');
}
