import { useTranslation } from 'react-i18next';

export type Dir = 'asc' | 'desc';

interface Props {
  column: string;
  label: string;
  sort: string;
  dir: Dir;
  numeric?: boolean;
  onSort(column: string, dir: Dir): void;
}

/** A column header that asks the API for another order: a second click on the same column reverses it. */
export function SortHeader({ column, label, sort, dir, numeric, onSort }: Props) {
  const { t } = useTranslation();
  const active = sort === column;
  const next: Dir = active ? (dir === 'asc' ? 'desc' : 'asc') : column === 'unitName' ? 'asc' : 'desc';
  return (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort" onClick={() => onSort(column, next)} title={t(next === 'asc' ? 'analytics.sort.asc' : 'analytics.sort.desc')}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (dir === 'asc' ? ' ↑' : ' ↓') : ' ↕'}
        </span>
      </button>
    </th>
  );
}
