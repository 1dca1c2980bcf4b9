/** A JSON row value as an export cell: null stays empty, numbers stay numbers, dates become ISO text. */
export type Cell = string | number | boolean | null;

export function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v);
}

/** Text that is a plain number ("-5", "+62812…", "3.5e2"): a spreadsheet reads it as that number, never as a formula. */
const NUMBER_TEXT = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)([eE][+-]?\d+)?$/;

/**
 * Whether a text cell would be taken for a formula by a spreadsheet (CSV/formula injection): it starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return. An account handle such as `=HYPERLINK("http://x")` is one;
 * numbers are not (number cells stay numbers, and "-5" as text is still just a number).
 */
export function isFormulaLike(s: string): boolean {
  return /^[=+\-@\t\r]/.test(s) && !NUMBER_TEXT.test(s);
}

/** The rows as a table: header = `columns`, then each row's values in that order. */
export function toTable(columns: string[], rows: object[]): Cell[][] {
  return [columns, ...rows.map((r) => columns.map((c) => toCell((r as Record<string, unknown>)[c])))];
}
