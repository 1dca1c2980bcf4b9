import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from './format';

/** A long list shows its first `limit` items and a button for the rest ("Tampilkan semua (42)"). */
export function Collapsed<T>({ items, limit = 8, children }: { items: T[]; limit?: number; children: (shown: T[]) => ReactNode }) {
  const { t, i18n } = useTranslation();
  const [all, setAll] = useState(false);
  const long = items.length > limit;
  return (
    <>
      {children(long && !all ? items.slice(0, limit) : items)}
      {long && (
        <button type="button" className="link" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('ui.showLess') : t('ui.showAll', { n: formatNumber(items.length, i18n.language) })}
        </button>
      )}
    </>
  );
}
