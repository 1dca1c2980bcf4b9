import { formatInt, formatRate } from './format';
import { Column } from './ReportTable';

/** A count, right-aligned: "1.234" (– when unknown). */
export function countColumn<R>(label: string, value: (row: R) => number | null): Column<R> {
  return { label, numeric: true, cell: (r, lng) => formatInt(value(r), lng) };
}

/** An engagement rate, right-aligned with two decimals: "3,45%" (– when unknown). */
export function rateColumn<R>(label: string, value: (row: R) => number | null): Column<R> {
  return { label, numeric: true, cell: (r, lng) => formatRate(value(r), lng, 2) };
}
