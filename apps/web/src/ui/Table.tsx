import { ReactNode } from 'react';

export interface Column<R> {
  key: string;
  header: ReactNode;
  cell: (row: R) => ReactNode;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** The row's name: a row header, and the title of the card on narrow screens. */
  rowHeader?: boolean;
  /** A header cell of its own (e.g. a sort button) instead of a plain one. */
  headerCell?: ReactNode;
}

/**
 * A data table that becomes a list of cards under 640 px (each cell shows its column's name), so nothing
 * scrolls sideways on a phone.
 */
export function Table<R>({
  columns,
  rows,
  rowKey,
  caption,
  rowClass,
  className,
}: {
  columns: Column<R>[];
  rows: R[];
  rowKey: (r: R) => string;
  caption?: ReactNode;
  rowClass?: (r: R) => string | undefined;
  className?: string;
}) {
  return (
    <table className={['data-table', className].filter(Boolean).join(' ')}>
      {caption && <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          {columns.map(
            (c) =>
              c.headerCell ?? (
                <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                  {c.header}
                </th>
              ),
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={rowKey(r)} className={rowClass?.(r)}>
            {columns.map((c) => {
              const label = typeof c.header === 'string' ? c.header : undefined;
              return c.rowHeader ? (
                <th key={c.key} scope="row" data-label={label}>
                  {c.cell(r)}
                </th>
              ) : (
                <td key={c.key} className={c.numeric ? 'num' : undefined} data-label={label}>
                  {c.cell(r)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
