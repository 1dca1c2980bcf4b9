import { useTranslation } from 'react-i18next';
import { PLATFORM_NAMES } from '../../ui/format';
import { TopPostRow } from './analytics-api';
import { formatCompactTime, formatInt, formatRate } from './format';

/** The posts with the most interactions, each linking to the post on its platform. */
export function TopPostsList({ rows }: { rows: TopPostRow[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <ol className="top-posts">
      {rows.map((p) => {
        const platform = PLATFORM_NAMES[p.platform] ?? p.platform;
        return (
          <li key={p.targetId}>
            <p className="top-post-text">{p.excerpt || t('analytics.topPosts.untitled')}</p>
            <p className="muted">
              {platform} · {p.handle ?? '–'} · {formatCompactTime(p.publishedAt, lng)}
            </p>
            <p className="top-post-metrics">
              <span>{t('analytics.topPosts.interactions', { value: formatInt(p.interactions, lng) })}</span>
              <span>{t('analytics.topPosts.rate', { value: formatRate(p.engagementRate, lng, 2) })}</span>
              <span className="muted">
                {t('analytics.topPosts.breakdown', { likes: formatInt(p.likes, lng), comments: formatInt(p.comments, lng), shares: formatInt(p.shares, lng) })}
              </span>
            </p>
            {p.url && (
              <a href={p.url} target="_blank" rel="noreferrer">
                {t('analytics.topPosts.view', { platform })}
              </a>
            )}
          </li>
        );
      })}
    </ol>
  );
}
