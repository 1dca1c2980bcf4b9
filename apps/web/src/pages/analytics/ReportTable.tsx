import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Column<R> {
  label: string;
  /** A figure: right-aligned (class "num"). */
  numeric?: boolean;
  cell(row: R, lng: string): ReactNode;
}

/** A report's rows as a table: one column per entry, the first one heading its row. */
export function ReportTable<R>({ rows, columns, rowKey }: { rows: R[]; columns: Column<R>[]; rowKey(row: R): string }) {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  const [head, ...rest] = columns;
  const num = (c: Column<R>) => (c.numeric ? 'num' : undefined);
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={num(c)}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)}>
              <th scope="row" className={num(head)}>
                {head.cell(r, lng)}
              </th>
              {rest.map((c) => (
                <td key={c.label} className={num(c)}>
                  {c.cell(r, lng)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
