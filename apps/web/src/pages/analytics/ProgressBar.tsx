import { useTranslation } from 'react-i18next';
import { formatInt } from './format';

/** "1.250 / 2.000 (62,5%)" with a bar; no target → a plain value. */
export function ProgressBar({ value, target, pct, label }: { value: number | null; target: number | null; pct: number | null; label: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  if (target === null) return <span>{t('analytics.targets.noTarget', { value: formatInt(value, lng) })}</span>;
  const shown = pct ?? (value !== null && target ? (value / target) * 100 : 0);
  const text = t('analytics.targets.progress', {
    value: formatInt(value, lng),
    target: formatInt(target, lng),
    pct: new Intl.NumberFormat(lng === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 }).format(shown),
  });
  return (
    <div className="progress">
      <progress max={100} value={Math.min(100, Math.max(0, shown))} aria-label={`${label}: ${text}`} className={shown >= 100 ? 'met' : undefined} />
      <span>{text}</span>
    </div>
  );
}
