import { useTranslation } from 'react-i18next';

/** ▲ 2 / ▼ 1 / – against the previous period; "baru" when the unit had no rank then. */
export function RankChange({ change, previous }: { change: number | null; previous: number | null }) {
  const { t } = useTranslation();
  if (previous === null || change === null) return <span className="rank-change new">{t('analytics.leaderboard.new')}</span>;
  if (change === 0)
    return (
      <span className="rank-change same" title={t('analytics.leaderboard.same')}>
        –
      </span>
    );
  const up = change > 0;
  const label = t(up ? 'analytics.leaderboard.up' : 'analytics.leaderboard.down', { n: Math.abs(change), previous });
  return (
    <span className={up ? 'rank-change up' : 'rank-change down'} title={label}>
      <span aria-hidden="true">
        {up ? '▲' : '▼'}
        {Math.abs(change)}
      </span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
