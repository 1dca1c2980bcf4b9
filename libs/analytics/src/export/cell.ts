/** A JSON row value as an export cell: null stays empty, numbers stay numbers, dates become ISO text. */
export type Cell = string | number | boolean | null;

export function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v);
}

/** The rows as a table: header = `columns`, then each row's values in that order. */
export function toTable(columns: string[], rows: object[]): Cell[][] {
  return [columns, ...rows.map((r) => columns.map((c) => toCell((r as Record<string, unknown>)[c])))];
}
