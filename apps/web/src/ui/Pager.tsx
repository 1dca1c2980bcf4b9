import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { formatNumber } from './format';

/** A long list shown `size` items at a time. */
export function usePaged<T>(items: T[], size: number) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(page, pages - 1);
  return { rows: items.slice(current * size, (current + 1) * size), page: current, pages, setPage, total: items.length };
}

/** "Halaman 2 dari 5" with previous/next; nothing when everything fits on one page. */
export function Pager({ page, pages, setPage }: { page: number; pages: number; setPage: (p: number) => void }) {
  const { t, i18n } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('ui.pager.label')}>
      <Button onClick={() => setPage(page - 1)} disabled={page === 0}>
        {t('ui.pager.previous')}
      </Button>
      <span aria-live="polite">{t('ui.pager.position', { page: formatNumber(page + 1, i18n.language), pages: formatNumber(pages, i18n.language) })}</span>
      <Button onClick={() => setPage(page + 1)} disabled={page >= pages - 1}>
        {t('ui.pager.next')}
      </Button>
    </nav>
  );
}
