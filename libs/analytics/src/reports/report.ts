import { Report } from './report-rows';

export type { Report, ReportMeta } from './report-rows';

export function report<R extends object>(
  name: string,
  range: { from: string; to: string; zone: string },
  columns: string[],
  rows: R[],
  extra: Record<string, unknown> = {},
): Report<R> {
  return { meta: { report: name, from: range.from, to: range.to, timeZone: range.zone, columns, ...extra }, rows };
}

/** a / b rounded to 6 decimals; null when b is missing or zero (no base, no rate). */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || !b) return null;
  return round(a / b, 6);
}

/** a / b as a percentage with 2 decimals; null when b is missing or zero. */
export function percent(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || !b) return null;
  return round((a / b) * 100, 2);
}

export function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** pg returns bigint and numeric as text: numbers for the JSON, null kept. */
export function num(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

export function iso(v: unknown): string | null {
  return v === null || v === undefined ? null : new Date(v as string).toISOString();
}
